package org.lowtide.ui.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.jfree.chart.JFreeChart;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Holidays;
import org.lowtide.planning.Plan;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.Rejection;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.AtomicFiles;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileException;
import org.lowtide.report.charts.PlanTimelineChart;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.CancelledException;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * State of the Windows screen: the constraint form with a message per field, and the plan it
 * gives (ranked dated windows, the ruled-out ones, the weekly rule, the timeline chart). No
 * controls here; {@link PlanView} binds to these properties.
 *
 * <p>Confined to the JavaFX application thread. Whenever the inputs change and are all valid, the
 * plan is made again after a short pause (so typing does not start a plan per key), in a
 * {@link Task} on the injected executor; a newer plan cancels the one running. Invalid inputs only
 * set their field's message: nothing is planned and the last plan stays on screen. A failed plan
 * also leaves the last one shown, with the reason in {@link #errorMessageProperty()}.
 *
 * <p>The traffic (source, zone, import options) is the main window's: the app calls
 * {@link #setTraffic} whenever the main window has analysed something. Opening a plan file sets the
 * form from the file, plans again on the file's traffic, and tells the app (see
 * {@link #setOnPlanOpened}) so that the main window shows that traffic too.
 */
public final class PlanViewModel {

    /** Pause after the last change before planning again. */
    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    /** The most dated windows one may ask for. */
    public static final int MAX_COUNT = 100;

    /** The longest horizon, in days (the planner is fast; the table and chart are the limit). */
    public static final int MAX_HORIZON_DAYS = 731;

    private static final System.Logger LOG = System.getLogger(PlanViewModel.class.getName());
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private final PlanService service;
    private final Executor executor;
    private final PauseTransition pause;

    // ---- the traffic, from the main window
    private final ReadOnlyObjectWrapper<TrafficSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>(this, "zone");
    private ImportOptions importOptions;

    // ---- the form
    private final StringProperty windowLength = new SimpleStringProperty(this, "windowLength", "2 h");
    // As the CLI: time to detect + the 90th percentile of the restore time of the default cost model.
    private final StringProperty rollbackTail = new SimpleStringProperty(this, "rollbackTail", DurationText.format(
            CostAssumptions.defaults().detect().value().plus(CostAssumptions.defaults().restoreP90().value())));
    /** The cost model's assumptions (from the Costs screen): plans rank by money when set, by traffic when null. */
    private final ObjectProperty<CostAssumptions> costAssumptions = new SimpleObjectProperty<>(this, "costAssumptions");
    private final ObjectProperty<Integer> count = new SimpleObjectProperty<>(this, "count", 4);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty minGap = new SimpleStringProperty(this, "minGap", "1 d");
    private final ObservableList<AllowedHoursRow> allowedHours =
            FXCollections.observableArrayList(row -> new Observable[] {row.textProperty()});
    private final ObservableList<BlackoutRow> blackouts = FXCollections.observableArrayList(
            row -> new Observable[] {row.startProperty(), row.endProperty(), row.reasonProperty()});
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList(
            row -> new Observable[] {row.nameProperty(), row.lengthProperty()});
    private final StringProperty holidays = new SimpleStringProperty(this, "holidays", "");
    private final ObjectProperty<HolidayPolicy> holidayPolicy =
            new SimpleObjectProperty<>(this, "holidayPolicy", HolidayPolicy.BLACKOUT);
    private final StringProperty habit = new SimpleStringProperty(this, "habit", "");
    /** What the count counts per; null for in all. */
    private final ObjectProperty<PlanRules.CountPeriod> countPer = new SimpleObjectProperty<>(this, "countPer");
    private final StringProperty staffCost = new SimpleStringProperty(this, "staffCost", "");
    private final StringProperty nightPremium = new SimpleStringProperty(this, "nightPremium", "1");
    private final StringProperty maxP90Share = new SimpleStringProperty(this, "maxP90Share", "");
    private final ObjectProperty<OutlookChoice> trafficOutlook =
            new SimpleObjectProperty<>(this, "trafficOutlook", OutlookChoice.AUTO);
    private final ReadOnlyStringWrapper outlookNote = new ReadOnlyStringWrapper(this, "outlookNote", "");
    private final StringProperty teamZone = new SimpleStringProperty(this, "teamZone", "");

    // ---- a message per field; empty when the field is fine
    private final ReadOnlyStringWrapper windowLengthError = new ReadOnlyStringWrapper(this, "windowLengthError", "");
    private final ReadOnlyStringWrapper rollbackTailError = new ReadOnlyStringWrapper(this, "rollbackTailError", "");
    private final ReadOnlyStringWrapper countError = new ReadOnlyStringWrapper(this, "countError", "");
    private final ReadOnlyStringWrapper horizonError = new ReadOnlyStringWrapper(this, "horizonError", "");
    private final ReadOnlyStringWrapper minGapError = new ReadOnlyStringWrapper(this, "minGapError", "");
    private final ReadOnlyStringWrapper holidaysError = new ReadOnlyStringWrapper(this, "holidaysError", "");
    private final ReadOnlyStringWrapper habitError = new ReadOnlyStringWrapper(this, "habitError", "");
    private final ReadOnlyStringWrapper staffCostError = new ReadOnlyStringWrapper(this, "staffCostError", "");
    private final ReadOnlyStringWrapper nightPremiumError = new ReadOnlyStringWrapper(this, "nightPremiumError", "");
    private final ReadOnlyStringWrapper maxP90ShareError = new ReadOnlyStringWrapper(this, "maxP90ShareError", "");
    private final ReadOnlyStringWrapper teamZoneError = new ReadOnlyStringWrapper(this, "teamZoneError", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper changesListed = new ReadOnlyBooleanWrapper(this, "changesListed");
    private final ReadOnlyStringWrapper inputProblem = new ReadOnlyStringWrapper(this, "inputProblem", "");

    // ---- the run
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");

    // ---- the plan shown
    private final ReadOnlyObjectWrapper<PlanResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<JFreeChart> timelineChart = new ReadOnlyObjectWrapper<>(this, "timelineChart");
    private final ReadOnlyListWrapper<WindowRow> windows =
            new ReadOnlyListWrapper<>(this, "windows", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<RejectionRow> rejections =
            new ReadOnlyListWrapper<>(this, "rejections", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<OccurrenceRow> occurrences =
            new ReadOnlyListWrapper<>(this, "occurrences", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper habitComparison = new ReadOnlyStringWrapper(this, "habitComparison", "");
    private final ReadOnlyStringWrapper recurringRule = new ReadOnlyStringWrapper(this, "recurringRule", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<Path> planFile = new ReadOnlyObjectWrapper<>(this, "planFile");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");

    /** Holiday calendar → "" when Jollyday knows it, else the message. Jollyday loads slowly the first time. */
    private final Map<String, String> calendarChecks = new HashMap<>();

    /** The request the shown plan (or the running one) answers; inputs that build the same one plan nothing. */
    private PlanRequest requested;
    private PlanTask running;
    /** True while the form is set from a file, so that its listeners do not plan. */
    private boolean quiet;
    /** Inputs changed while a plan file was being opened: look again when it is done. */
    private boolean changedDuringOpen;
    private BiConsumer<TrafficSource, ImportOptions> onPlanOpened = (s, o) -> { };

    /**
     * @param service  the planning use case
     * @param executor runs the plans; a single background thread in the app
     */
    public PlanViewModel(PlanService service, Executor executor) {
        this(service, executor, Clock.systemDefaultZone(), DEBOUNCE);
    }

    /**
     * @param clock    gives "tomorrow", the default start of the horizon
     * @param debounce pause after a change before planning; zero plans at once (tests)
     */
    public PlanViewModel(PlanService service, Executor executor, Clock clock, Duration debounce) {
        this.service = Objects.requireNonNull(service, "service");
        this.executor = Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        from.set(tomorrow);
        to.set(tomorrow.plusWeeks(4).minusDays(1)); // as the CLI: four weeks from tomorrow
        if (debounce.isZero()) {
            pause = null;
        } else {
            pause = new PauseTransition(javafx.util.Duration.millis(debounce.toMillis()));
            pause.setOnFinished(e -> start(false));
        }
        watch(windowLength);
        watch(rollbackTail);
        watch(count);
        watch(from);
        watch(to);
        watch(minGap);
        watch(holidays);
        watch(holidayPolicy);
        watch(habit);
        watch(costAssumptions);
        watch(countPer);
        watch(staffCost);
        watch(nightPremium);
        watch(maxP90Share);
        watch(trafficOutlook);
        watch(teamZone);
        allowedHours.addListener((ListChangeListener<AllowedHoursRow>) c -> inputsChanged());
        blackouts.addListener((ListChangeListener<BlackoutRow>) c -> inputsChanged());
        changes.addListener((ListChangeListener<ChangeRow>) c -> inputsChanged());
        result.addListener(o -> updateCanSave());
        busy.addListener(o -> updateCanSave());
        validate();
    }

    private <T> void watch(ObservableValue<T> input) {
        input.addListener((o, before, now) -> inputsChanged());
    }

    // ---------------------------------------------------------------- actions

    /**
     * The traffic to plan on, as the main window has read it. The same source in the same zone
     * keeps the import options it has (a plan file may have read it with a step or column).
     */
    public void setTraffic(TrafficSource newSource, ImportOptions options) {
        Objects.requireNonNull(newSource, "newSource");
        Objects.requireNonNull(options, "options");
        if (newSource.equals(source.get()) && options.zone().equals(zone.get())) {
            return;
        }
        source.set(newSource);
        zone.set(options.zone());
        importOptions = options;
        inputsChanged();
    }

    /** Plans now with the current inputs, even when they are the ones shown. */
    public void plan() {
        if (pause != null) {
            pause.stop();
        }
        start(true);
    }

    /** Stops the running plan or file opening; what was shown stays. */
    public void cancel() {
        if (pause != null) {
            pause.stop();
        }
        if (running != null) {
            running.cancel();
        }
    }

    /** Adds a line of staff hours. */
    public AllowedHoursRow addAllowedHours(String text) {
        AllowedHoursRow row = new AllowedHoursRow(text);
        allowedHours.add(row);
        return row;
    }

    /** Adds a freeze. */
    public BlackoutRow addBlackout(String start, String end, String reason) {
        BlackoutRow row = new BlackoutRow(start, end, reason);
        blackouts.add(row);
        return row;
    }

    /** Adds a named change with the length of its window, e.g. ("Database migration", "4 h"). */
    public ChangeRow addChange(String name, String length) {
        ChangeRow row = new ChangeRow(name, length);
        changes.add(row);
        return row;
    }

    /** Hides the error message. */
    public void dismissError() {
        errorMessage.set("");
    }

    /** @param action told the traffic of an opened plan file, so that the main window can show it */
    public void setOnPlanOpened(BiConsumer<TrafficSource, ImportOptions> action) {
        onPlanOpened = Objects.requireNonNull(action, "action");
    }

    /** Starts loading Jollyday's calendars in the background, so that the first holiday check is quick. */
    public void warmUp() {
        try {
            executor.execute(() -> {
                try {
                    Holidays.between("DE", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "holiday warm-up failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /**
     * Opens a plan file: reads it, plans again on its traffic with its inputs (which reproduces its
     * recommendation), then shows it with the form set from the file. A file that cannot be read
     * (damaged, too new, its traffic file gone) changes nothing and says why.
     */
    public void openPlan(Path file) {
        openPlan(file, () -> { });
    }

    /** As {@link #openPlan(Path)}; {@code ifFailed} runs when the file cannot be opened. */
    public void openPlan(Path file, Runnable ifFailed) {
        Objects.requireNonNull(file, "file");
        String name = fileName(file);
        run(new PlanTask("Opening " + name + "…", true, task -> {
            PlanDocument doc = service.open(file);
            task.progress(0.05, "Reading the traffic of " + name);
            Path traffic = Path.of(doc.sourcePath());
            if (doc.prometheus().isEmpty() && !Files.isRegularFile(traffic)) {
                throw new PlanFileException(name + ": its traffic file " + traffic + " is not found; move it back or plan again");
            }
            String changed = doc.prometheus().isPresent() // read from Prometheus again: no file to compare
                    || PlanService.sha256(traffic).equalsIgnoreCase(doc.sourceSha256()) ? ""
                    : "The traffic file " + traffic.getFileName() + " changed since the plan was saved: the windows are planned on it as it is now.";
            PlanResult replanned = service.replan(doc, task.listener(), task::isCancelled);
            // Keep the holiday calendar's name with the request, so that saving again keeps it.
            PlanResult r = replanned.withRequest(new PlanRequest(replanned.request().analysis(),
                    replanned.request().windows(), doc.holidays(), replanned.request().cost(),
                    replanned.request().rules()));
            if (changed.isEmpty() && !r.plan().windows().equals(doc.plan().windows())) {
                changed = "Planning again gave other windows than the saved ones (a different Lowtide version?): "
                        + "the new ones are shown.";
            }
            String calendarCheck = doc.holidays().map(PlanViewModel::calendarProblem).orElse("");
            return new Outcome(r, chart(r), doc, file, changed, null, calendarCheck);
        }), ifFailed);
    }

    /**
     * Saves the plan shown as a project file, in the background. A plan on a bundled sample is saved
     * with a copy of the sample beside the plan file (the plan must name a file to plan on again).
     */
    public void savePlan(Path target) {
        Objects.requireNonNull(target, "target");
        PlanResult shown = result.get();
        if (shown == null) {
            errorMessage.set("Nothing to save yet: no plan has been made.");
            return;
        }
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                PlanResult toSave = shown;
                String copied = "";
                TrafficSource src = shown.request().analysis().source();
                if (src instanceof TrafficSource.Sample) {
                    TrafficSource.Sample sample = (TrafficSource.Sample) src;
                    Path copy = target.toAbsolutePath().resolveSibling(sample.fileName());
                    copied = copySample(sample, copy) ? " with a copy of the sample, " + sample.fileName() + "," : "";
                    AnalysisRequest a = shown.request().analysis();
                    toSave = shown.withRequest(new PlanRequest(new AnalysisRequest(new TrafficSource.FileSource(copy),
                            a.options(), a.window(), a.troughCount()), shown.request().windows(),
                            shown.request().holidays(), shown.request().cost(), shown.request().rules()));
                }
                service.save(toSave, target);
                return "Saved the plan" + copied + " to " + target;
            }
        };
        task.setOnSucceeded(e -> {
            statusMessage.set(task.getValue());
            planFile.set(target);
        });
        task.setOnFailed(e -> errorMessage.set("Could not save " + fileName(target) + ": "
                + describe(task.getException())));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            errorMessage.set("Not saved: shutting down");
        }
    }

    /** Writes the shown plan as an iCalendar file (windows and weekly rule), atomically. */
    public boolean exportIcs(Path target) {
        return export(target, ScheduleExports::ics, "calendar");
    }

    /** Writes the shown plan's dated windows as CSV, atomically. */
    public boolean exportCsv(Path target) {
        return export(target, ScheduleExports::csv, "CSV");
    }

    /** @return the weekly rule as a snippet for one tool; empty when no plan or no weekly rule is shown */
    public Optional<String> snippet(ScheduleExports.Target target) {
        PlanResult r = result.get();
        return r == null ? Optional.empty() : r.plan().recurring().map(rule -> ScheduleExports.snippet(target, rule));
    }

    /** Tells the status line that something was copied. */
    public void copied(String what) {
        statusMessage.set("Copied " + what + " to the clipboard");
    }

    private boolean export(Path target, java.util.function.Function<Plan, String> writer, String what) {
        PlanResult r = result.get();
        if (r == null) {
            errorMessage.set("Nothing to export yet: no plan has been made.");
            return false;
        }
        try {
            AtomicFiles.writeString(target, writer.apply(r.plan()));
            statusMessage.set("Wrote the " + what + " to " + target);
            return true;
        } catch (IOException | RuntimeException e) {
            errorMessage.set("Could not write " + fileName(target) + ": " + describe(e));
            return false;
        }
    }

    /**
     * Writes the bundled sample to {@code copy} unless the same bytes are there already.
     *
     * @return whether a file was written
     * @throws IOException when another file of that name is in the way
     */
    /** The environment's Prometheus credentials for a reopened plan's query (none when unusable). */
    private static org.lowtide.traffic.sources.PrometheusConnection prometheusConnection() {
        try {
            return new org.lowtide.service.PrometheusService().environmentConnection();
        } catch (IOException e) {
            return org.lowtide.traffic.sources.PrometheusConnection.of(org.lowtide.traffic.sources.PrometheusAuth.NONE);
        }
    }

    static boolean copySample(TrafficSource.Sample sample, Path copy) throws IOException {
        String content;
        try (Reader in = sample.open()) {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sb.append(buffer, 0, n);
            }
            content = sb.toString();
        }
        if (Files.exists(copy)) {
            try (InputStream existing = Files.newInputStream(copy)) {
                if (new String(existing.readAllBytes(), StandardCharsets.UTF_8).equals(content)) {
                    return false;
                }
            }
            throw new IOException(copy.getFileName() + " already exists there and is not the bundled sample; "
                    + "save the plan in another folder");
        }
        AtomicFiles.writeString(copy, content);
        return true;
    }

    // ---------------------------------------------------------------- validation

    private void inputsChanged() {
        if (quiet) {
            return;
        }
        Optional<PlanRequest> request = validate();
        if (running != null && running.opensFile) {
            changedDuringOpen = true;
            return;
        }
        if (request.isPresent() && !request.get().equals(requested)) {
            if (pause == null) {
                start(false);
            } else {
                pause.playFromStart();
            }
        } else if (pause != null && request.isEmpty()) {
            pause.stop();
        }
    }

    /** Checks every field, sets the messages, and builds the request when all are valid. */
    private Optional<PlanRequest> validate() {
        Duration length = duration(windowLength, windowLengthError, true);
        Duration tail = duration(rollbackTail, rollbackTailError, false);
        Duration gap = duration(minGap, minGapError, false);
        if (length != null && length.compareTo(Duration.ofDays(7)) > 0) {
            windowLengthError.set("A window of more than a week is no window; use at most 7 d.");
            length = null;
        }

        List<PlanRules.Change> named = new ArrayList<>();
        boolean changesOk = true;
        for (ChangeRow row : changes) {
            Optional<PlanRules.Change> c = row.validate();
            if (!row.getError().isEmpty()) {
                changesOk = false;
            }
            c.ifPresent(named::add);
        }
        changesListed.set(!named.isEmpty());

        Integer n = count.get();
        if (!named.isEmpty() && (n == null || n < 1 || n > MAX_COUNT)) {
            countError.set(""); // each change gets one window: the count is not used
            n = 1;
        } else if (n == null || n < 1 || n > MAX_COUNT) {
            countError.set("Plan between 1 and " + MAX_COUNT + " windows.");
            n = null;
        } else {
            countError.set("");
        }

        LocalDate first = from.get();
        LocalDate last = to.get();
        boolean horizonOk = false;
        if (first == null || last == null) {
            horizonError.set("Pick the first and the last day of the horizon.");
        } else if (last.isBefore(first)) {
            horizonError.set("The horizon ends (" + last + ") before it starts (" + first + ").");
        } else if (java.time.temporal.ChronoUnit.DAYS.between(first, last) >= MAX_HORIZON_DAYS) {
            horizonError.set("Plan at most " + MAX_HORIZON_DAYS + " days ahead at once.");
        } else {
            horizonError.set("");
            horizonOk = true;
        }

        List<AllowedHours> hours = new ArrayList<>();
        boolean rowsOk = true;
        for (AllowedHoursRow row : allowedHours) {
            row.value().ifPresent(hours::add); // first: it reads the row afresh and sets its error
            if (!row.getError().isEmpty()) {
                rowsOk = false;
            }
        }
        ZoneId trafficZone = zone.get();
        ZoneId planZone = trafficZone;
        String teamZoneText = teamZone.get() == null ? "" : teamZone.get().trim();
        teamZoneError.set("");
        if (!teamZoneText.isEmpty()) {
            try {
                planZone = ZoneId.of(teamZoneText);
            } catch (java.time.DateTimeException e) {
                teamZoneError.set("No time zone '" + teamZoneText + "'; use a region such as Europe/Berlin or"
                        + " America/New_York, or leave it empty for the toolbar's zone.");
            }
        }
        List<Blackout> freezes = new ArrayList<>();
        for (BlackoutRow row : blackouts) {
            Optional<Blackout> b = row.validate(planZone == null ? ZoneId.systemDefault() : planZone);
            if (!row.getError().isEmpty()) {
                rowsOk = false;
            }
            b.ifPresent(freezes::add);
        }

        String calendar = holidays.get() == null ? "" : holidays.get().trim();
        holidaysError.set(calendar.isEmpty() ? "" : checkCalendar(calendar));

        Optional<WindowRequest.Habit> usual = Optional.empty();
        String habitText = habit.get() == null ? "" : habit.get().trim();
        habitError.set("");
        if (!habitText.isEmpty()) {
            try {
                usual = Optional.of(WindowRequest.Habit.parse(habitText));
            } catch (IllegalArgumentException e) {
                habitError.set(Messages.sentence(e.getMessage()));
            }
        }

        Optional<PlanRules> rules = rules().map(r -> named.isEmpty() ? r : r.withChanges(named));

        int problems = count(windowLengthError, rollbackTailError, countError, horizonError, minGapError,
                holidaysError, habitError, staffCostError, nightPremiumError, maxP90ShareError, teamZoneError);
        for (AllowedHoursRow row : allowedHours) {
            problems += row.getError().isEmpty() ? 0 : 1;
        }
        for (BlackoutRow row : blackouts) {
            problems += row.getError().isEmpty() ? 0 : 1;
        }
        for (ChangeRow row : changes) {
            problems += row.getError().isEmpty() ? 0 : 1;
        }
        boolean formOk = length != null && tail != null && gap != null && n != null && horizonOk && rowsOk
                && changesOk                && holidaysError.get().isEmpty() && habitError.get().isEmpty() && rules.isPresent()
                && teamZoneError.get().isEmpty();
        if (!formOk) {
            valid.set(false);
            inputProblem.set((problems == 1 ? "1 input needs" : problems + " inputs need")
                    + " fixing before planning again" + (result.get() == null ? "." : "; the plan shown is the last one made."));
            return Optional.empty();
        }
        if (source.get() == null || trafficZone == null) {
            valid.set(false);
            inputProblem.set("");
            return Optional.empty();
        }
        try {
            WindowRequest windowRequest = new WindowRequest(length, tail, n, first, last, gap,
                    new Constraints(planZone, hours, freezes, List.of(), holidayPolicy.get()), usual);
            AnalysisRequest analysis = new AnalysisRequest(source.get(), importOptions, length,
                    AnalysisRequest.DEFAULT_TROUGHS);
            PlanRequest request = new PlanRequest(analysis, windowRequest,
                    calendar.isEmpty() ? Optional.empty() : Optional.of(calendar),
                    Optional.ofNullable(costAssumptions.get()), rules.get());
            valid.set(true);
            inputProblem.set("");
            return Optional.of(request);
        } catch (IllegalArgumentException e) { // the records' own checks; the fields above should catch all
            valid.set(false);
            inputProblem.set(Messages.sentence(e.getMessage()));
            return Optional.empty();
        }
    }

    /** Checks staff cost, night premium and p90 share, sets their messages, and builds the rules when all are valid. */
    private Optional<PlanRules> rules() {
        Double perHour = null;
        String costText = text(staffCost);
        staffCostError.set("");
        if (!costText.isEmpty()) {
            perHour = number(costText);
            if (perHour == null || perHour < 0) {
                staffCostError.set("Give the staff cost per hour as a number of at least 0 (e.g. 120), or leave it empty.");
                perHour = null;
            }
        }
        String premiumText = text(nightPremium);
        Double premium = premiumText.isEmpty() ? Double.valueOf(1) : number(premiumText);
        nightPremiumError.set("");
        if (premium == null || premium < 1) {
            nightPremiumError.set("The night premium is a factor of at least 1 (1.5 = 50 % more at night).");
            premium = null;
        } else if (premium != 1 && costText.isEmpty()) {
            nightPremiumError.set("The night premium applies to the staff cost per hour; give both.");
            premium = null;
        }
        String shareText = text(maxP90Share);
        if (shareText.endsWith("%")) {
            shareText = shareText.substring(0, shareText.length() - 1).trim();
        }
        OptionalDouble share = OptionalDouble.empty();
        maxP90ShareError.set("");
        if (!shareText.isEmpty()) {
            Double percent = number(shareText);
            if (percent == null || percent < 1 || percent > 100) {
                maxP90ShareError.set("Give the highest p90 share as a percent of the peak from 1 to 100, or leave it empty.");
            } else {
                share = OptionalDouble.of(percent / 100);
            }
        }
        if (!staffCostError.get().isEmpty() || !nightPremiumError.get().isEmpty()
                || !maxP90ShareError.get().isEmpty()) {
            return Optional.empty();
        }
        Optional<PlanRules.StaffCost> staff = Optional.empty();
        if (perHour != null) {
            CostAssumptions assumptions = costAssumptions.get() != null ? costAssumptions.get() : CostAssumptions.defaults();
            org.lowtide.cost.HoursOfDay night = assumptions.nightHours().value();
            staff = Optional.of(new PlanRules.StaffCost(perHour, premium, night.from(), night.to()));
        }
        OutlookChoice outlook = trafficOutlook.get() == null ? OutlookChoice.AUTO : trafficOutlook.get();
        return Optional.of(new PlanRules(staff, share, Optional.ofNullable(countPer.get())).withOutlook(outlook));
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get().trim();
    }

    /** @return the number, or null when the text is none (or not finite) */
    private static Double number(String text) {
        try {
            double d = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number as the form shows it: no ".0" on whole numbers. */
    private static String numberText(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static int count(ReadOnlyStringWrapper... errors) {
        int n = 0;
        for (ReadOnlyStringWrapper e : errors) {
            n += e.get().isEmpty() ? 0 : 1;
        }
        return n;
    }

    private static Duration duration(StringProperty text, ReadOnlyStringWrapper error, boolean positive) {
        try {
            Duration d = DurationText.parse(text.get());
            if (positive && d.isZero()) {
                error.set("The window must last longer than 0.");
                return null;
            }
            error.set("");
            return d;
        } catch (IllegalArgumentException e) {
            error.set(Messages.sentence(e.getMessage()));
            return null;
        }
    }

    /** @return "" when Jollyday has a calendar for {@code code}, else a message; remembered per code */
    private String checkCalendar(String code) {
        return calendarChecks.computeIfAbsent(code.toUpperCase(Locale.ROOT), PlanViewModel::calendarProblem);
    }

    /** @return "" when Jollyday has a calendar for {@code code}, else a message (any thread) */
    private static String calendarProblem(String code) {
        try {
            LocalDate day = LocalDate.of(2026, 1, 1);
            Holidays.between(code, day, day);
            return "";
        } catch (IllegalArgumentException e) {
            return Messages.sentence(e.getMessage());
        } catch (RuntimeException e) { // a calendar Jollyday fails to load
            return "Cannot load the holidays of " + code + " (" + e.getMessage() + ").";
        }
    }

    // ---------------------------------------------------------------- planning

    private void start(boolean force) {
        if (running != null && running.opensFile) {
            changedDuringOpen = true;
            return;
        }
        Optional<PlanRequest> request = validate();
        if (request.isEmpty() || (!force && request.get().equals(requested))) {
            return;
        }
        PlanRequest r = request.get();
        requested = r;
        run(new PlanTask("Planning " + r.windows().from() + " – " + r.windows().to() + "…", false, task -> {
            PlanResult planned = service.plan(r, task.listener(), task::isCancelled);
            task.progress(0.95, "Drawing the timeline");
            JFreeChart chart = chart(planned);
            return new Outcome(planned, chart, null, null, "", r, "");
        }), () -> { });
    }

    private static JFreeChart chart(PlanResult r) {
        return PlanTimelineChart.create(r.plan(), r.traffic());
    }

    private void run(PlanTask task, Runnable ifFailed) {
        PlanTask previous = running;
        running = task;
        if (previous != null) {
            previous.cancel();
        }
        busy.set(true);
        statusMessage.set(task.startMessage);
        progress.bind(task.progressProperty());
        task.messageProperty().addListener((o, before, message) -> {
            if (running == task && message != null && !message.isEmpty()) {
                statusMessage.set(message);
            }
        });
        task.setOnSucceeded(e -> finish(task, () -> show(task.getValue())));
        task.setOnFailed(e -> finish(task, () -> {
            errorMessage.set(describe(task.getException()));
            statusMessage.set(task.opensFile ? "Could not open the plan" : "Could not plan");
            ifFailed.run();
        }));
        task.setOnCancelled(e -> finish(task, () -> statusMessage.set("Cancelled")));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) { // the app is shutting down
            finish(task, () -> statusMessage.set("Not planned: shutting down"));
        }
    }

    private void finish(PlanTask task, Runnable action) {
        if (task != running) {
            return; // superseded
        }
        running = null;
        progress.unbind();
        progress.set(0);
        busy.set(false);
        // After a failure or cancel, requested stays the request that failed: it is not retried until
        // the inputs change (or Plan now is pressed).
        action.run();
        if (task.opensFile && changedDuringOpen) {
            changedDuringOpen = false;
            inputsChanged(); // the form changed while a file was opening and the open failed: plan it
        }
    }

    private void show(Outcome outcome) {
        if (outcome.document() != null) {
            applyDocument(outcome.document());
            planFile.set(outcome.file());
            changedDuringOpen = false; // the file's inputs replace what was typed meanwhile
        }
        if (!outcome.calendarCheck().isEmpty() && outcome.document() != null) {
            calendarChecks.put(outcome.document().holidays().orElse("").toUpperCase(Locale.ROOT), outcome.calendarCheck());
        } else if (outcome.document() != null) {
            outcome.document().holidays().ifPresent(c -> calendarChecks.put(c.toUpperCase(Locale.ROOT), ""));
        }
        PlanResult r = outcome.result();
        result.set(r);
        requested = outcome.request() != null ? outcome.request() : validate().orElse(null);
        errorMessage.set("");
        note.set(outcome.note());
        timelineChart.set(outcome.chart());
        outlookNote.set(capitalised(r.traffic().note()) + ".");
        fill(r);
        statusMessage.set(outcome.document() != null
                ? "Opened " + fileName(outcome.file()) + " and planned again on " + r.request().analysis().source().displayName()
                : "Planned " + r.plan().windows().size() + " windows on " + r.request().analysis().source().displayName());
        if (outcome.document() != null) {
            onPlanOpened.accept(source.get(), importOptions);
        }
    }

    /** Sets source, zone and every field from a plan file, without planning. */
    private void applyDocument(PlanDocument doc) {
        WindowRequest r = doc.plan().request();
        ZoneId planZone = r.constraints().zone();
        ZoneId trafficZone = doc.importOptions().zone();
        PlanRules rules = doc.rules();
        quiet = true;
        try {
            source.set(doc.prometheus().<TrafficSource>map(q -> new TrafficSource.Prometheus(q, prometheusConnection()))
                    .orElseGet(() -> new TrafficSource.FileSource(Path.of(doc.sourcePath()))));
            zone.set(trafficZone);
            teamZone.set(planZone.equals(trafficZone) ? "" : planZone.getId());
            importOptions = doc.importOptions();
            windowLength.set(DurationText.format(r.duration()));
            rollbackTail.set(DurationText.format(r.rollbackTail()));
            count.set(r.count());
            from.set(r.from());
            to.set(r.to());
            minGap.set(DurationText.format(r.minGap()));
            List<AllowedHoursRow> hours = new ArrayList<>();
            for (AllowedHours a : r.constraints().allowed()) {
                hours.add(new AllowedHoursRow(allowedText(a)));
            }
            allowedHours.setAll(hours);
            List<BlackoutRow> freezes = new ArrayList<>();
            for (Blackout b : r.constraints().blackouts()) {
                freezes.add(row(b, planZone));
            }
            blackouts.setAll(freezes);
            holidays.set(doc.holidays().orElse(""));
            holidayPolicy.set(r.constraints().holidayPolicy());
            habit.set(r.habit().map(PlanViewModel::habitText).orElse(""));
            countPer.set(rules.per().orElse(null));
            staffCost.set(rules.staffCost().map(c -> numberText(c.perHour())).orElse(""));
            nightPremium.set(rules.staffCost().map(c -> numberText(c.nightPremium())).orElse("1"));
            maxP90Share.set(rules.maxP90Share().isPresent() ? numberText(rules.maxP90Share().getAsDouble() * 100) : "");
            trafficOutlook.set(rules.outlook());
            List<ChangeRow> named = new ArrayList<>();
            for (PlanRules.Change c : rules.changes()) {
                named.add(new ChangeRow(c.name(), DurationText.format(c.duration())));
            }
            changes.setAll(named);
        } finally {
            quiet = false;
        }
    }

    /** A blackout as the form shows it: whole days when it runs midnight to midnight, else date-times. */
    static BlackoutRow row(Blackout b, ZoneId zone) {
        LocalDateTime start = LocalDateTime.ofInstant(b.interval().start(), zone);
        LocalDateTime end = LocalDateTime.ofInstant(b.interval().end(), zone);
        if (start.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return new BlackoutRow(start.toLocalDate().toString(), end.toLocalDate().minusDays(1).toString(), b.reason());
        }
        return new BlackoutRow(LOCAL_MINUTE.format(start), LOCAL_MINUTE.format(end), b.reason());
    }

    /** Staff hours as a person writes them: runs of days as ranges, {@code Mon-Fri 01:00-06:00}. */
    static String allowedText(AllowedHours a) {
        StringBuilder days = new StringBuilder();
        java.time.DayOfWeek[] week = java.time.DayOfWeek.values();
        int i = 0;
        while (i < 7) {
            if (!a.days().contains(week[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < 7 && a.days().contains(week[j + 1])) {
                j++;
            }
            days.append(days.length() == 0 ? "" : ",").append(shortDay(week[i]));
            if (j > i) {
                days.append(j == i + 1 ? "," : "-").append(shortDay(week[j]));
            }
            i = j + 1;
        }
        String text = a.toString();
        return days + text.substring(text.indexOf(' '));
    }

    private static String shortDay(java.time.DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String habitText(WindowRequest.Habit h) {
        return h.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + h.start();
    }

    private void fill(PlanResult r) {
        Plan plan = r.plan();
        ZoneId planZone = plan.request().constraints().zone();
        List<WindowRow> rows = new ArrayList<>();
        for (ChangeWindow w : plan.windows()) {
            rows.add(new WindowRow(w.rank(), PlanFormats.localShort(w.window(), planZone), PlanFormats.utc(w.window()),
                    PlanFormats.time(w.latestSafeStart(), planZone), w.expected(), w.upper(), w.savingsVsMedian(),
                    PlanFormats.percent(w.savingsVsMedian(), plan.medianCandidate()), w.reasons(), w.window(),
                    w.change().orElse("")));
        }
        windows.setAll(rows);

        List<RejectionRow> ruledOut = new ArrayList<>();
        for (Rejection x : plan.rejections()) {
            ruledOut.add(new RejectionRow(PlanFormats.localShort(x.window(), planZone), x.expected(), x.reason()));
        }
        rejections.setAll(ruledOut);

        List<OccurrenceRow> dates = new ArrayList<>();
        plan.recurring().ifPresent(rule -> {
            for (RecurringWindow.Occurrence o : rule.occurrences()) {
                dates.add(new OccurrenceRow(PlanFormats.localShort(o.start(), o.end()),
                        PlanFormats.utc(new Interval(o.start().toInstant(), o.end().toInstant())),
                        String.join("; ", o.flags())));
            }
        });
        occurrences.setAll(dates);
        String unit = plan.unit().isEmpty() ? "" : " " + plan.unit();
        boolean money = r.cost().isPresent();
        recurringRule.set(plan.recurring()
                .map(rule -> ScheduleExports.describe(rule) + "  ·  " + PlanFormats.amount(rule.expected()) + unit
                        + (money ? " expected cost per change" : " at stake each time"))
                .orElse("No weekly slot fits the staff hours."));

        if (plan.windows().isEmpty()) {
            summary.set("No window meets every constraint between " + PlanFormats.day(plan.request().from()) + " and "
                    + PlanFormats.day(plan.request().to()));
        } else {
            ChangeWindow best = plan.windows().get(0);
            summary.set("Best: " + PlanFormats.local(best.window(), planZone) + " " + planZone.getId());
        }
        if (money) {
            details.set(PlanFormats.count(plan.allowed()) + " of " + PlanFormats.count(plan.candidates())
                    + " candidate windows meet every constraint · a change in the median window costs "
                    + PlanFormats.amount(plan.medianCandidate()) + unit + " on average (cost model: Costs tab)");
        } else {
            details.set(PlanFormats.count(plan.allowed()) + " of " + PlanFormats.count(plan.candidates())
                    + " candidate windows meet every constraint · median window " + PlanFormats.amount(plan.medianCandidate())
                    + unit + " at stake (window and " + DurationText.format(plan.request().rollbackTail())
                    + " rollback tail)");
        }
        if (plan.habit().isPresent() && plan.request().habit().isPresent() && !plan.windows().isEmpty()) {
            double usual = plan.habit().getAsDouble();
            double best = plan.windows().get(0).expected();
            habitComparison.set("Your habit (" + plan.request().habit().get() + ") puts " + PlanFormats.amount(usual)
                    + unit + (money ? " per change at risk" : " at stake per change") + "; the best window "
                    + PlanFormats.amount(best)
                    + (usual > 0 ? " (" + PlanFormats.percent(usual - best, usual) + " less)" : "") + ".");
        } else if (plan.request().habit().isPresent()) {
            habitComparison.set("Your habit (" + plan.request().habit().get() + ") never falls on the horizon's grid.");
        } else {
            habitComparison.set("");
        }
    }

    private void updateCanSave() {
        canSave.set(result.get() != null && !busy.get());
    }

    private static String describe(Throwable error) {
        if (error instanceof PlanFileException || error instanceof ImportException) {
            return error.getMessage(); // names file (and line and column)
        }
        if (error instanceof NoSuchFileException) {
            return ((NoSuchFileException) error).getFile() + ": file not found";
        }
        if (error instanceof IOException) {
            return error.getMessage() == null ? error.toString() : error.getMessage();
        }
        if (error instanceof IllegalArgumentException) {
            return Messages.sentence(error.getMessage());
        }
        if (error instanceof CancelledException) {
            return "Cancelled";
        }
        LOG.log(System.Logger.Level.ERROR, "planning failed", error);
        return "Unexpected error (" + error + ")";
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    // ---------------------------------------------------------------- the task

    /** What a plan or open task hands back to the FX thread. */
    private record Outcome(PlanResult result, JFreeChart chart, PlanDocument document, Path file, String note,
                           PlanRequest request, String calendarCheck) {
    }

    /** The work of a task, given the task for progress and cancellation. */
    @FunctionalInterface
    private interface Work {
        Outcome run(PlanTask task) throws Exception;
    }

    private static final class PlanTask extends Task<Outcome> {
        private final String startMessage;
        private final boolean opensFile;
        private final Work work;

        PlanTask(String startMessage, boolean opensFile, Work work) {
            this.startMessage = startMessage;
            this.opensFile = opensFile;
            this.work = work;
        }

        @Override
        protected Outcome call() throws Exception {
            Outcome outcome = work.run(this);
            if (isCancelled()) {
                throw new CancelledException();
            }
            updateProgress(1.0, 1.0);
            return outcome;
        }

        void progress(double fraction, String message) {
            updateProgress(fraction, 1.0);
            updateMessage(message);
        }

        org.lowtide.service.ProgressListener listener() {
            return (fraction, message) -> progress(0.05 + 0.9 * fraction, message);
        }
    }

    // ---------------------------------------------------------------- rows

    /**
     * One ranked dated window as the table shows it.
     *
     * @param rank            1 for the best
     * @param local           start–end in the plan's zone
     * @param utc             start–end in UTC
     * @param latestSafeStart latest start from which a failed change is rolled back in time (local HH:mm)
     * @param expected        traffic expected at stake over window and tail
     * @param upper           p90 of the same
     * @param savings         how much less than the median candidate window
     * @param savingsShare    the savings as a share of the median, e.g. "89 %"
     * @param reasons         why it was chosen
     * @param window          the window
     * @param change          the named change it is for; empty when the plan lists no changes
     */
    public record WindowRow(int rank, String local, String utc, String latestSafeStart, double expected, double upper,
                            double savings, String savingsShare, List<String> reasons, Interval window,
                            String change) {
        public WindowRow {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A window ruled out although it is as quiet as a chosen one.
     *
     * @param local    start–end in the plan's zone
     * @param expected traffic expected at stake
     * @param reason   why it was ruled out
     */
    public record RejectionRow(String local, double expected, String reason) {
    }

    /**
     * One date of the weekly rule.
     *
     * @param local start–end in the plan's zone
     * @param utc   start–end in UTC
     * @param flags holidays, blackouts and DST changes that move or block it; empty when plain
     */
    public record OccurrenceRow(String local, String utc, String flags) {
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<TrafficSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The traffic's zone: the main window's; also the plan's unless a team time zone is given. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    public ZoneId getZone() {
        return zone.get();
    }

    /** Window length, e.g. "2 h". */
    public StringProperty windowLengthProperty() {
        return windowLength;
    }

    /** The cost assumptions plans are made with; null to rank by traffic at stake. */
    public ObjectProperty<CostAssumptions> costAssumptionsProperty() {
        return costAssumptions;
    }

    /** Rollback tail after each window (p90 restore time), e.g. "1 h"; "0" for none. */
    public StringProperty rollbackTailProperty() {
        return rollbackTail;
    }

    /** How many dated windows. */
    public ObjectProperty<Integer> countProperty() {
        return count;
    }

    /** First day of the horizon. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day of the horizon (included). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Least time between the starts of two windows, e.g. "1 d". */
    public StringProperty minGapProperty() {
        return minGap;
    }

    /** Staff hours, one per line; none means any time. */
    public ObservableList<AllowedHoursRow> getAllowedHours() {
        return allowedHours;
    }

    /** Freezes. */
    public ObservableList<BlackoutRow> getBlackouts() {
        return blackouts;
    }

    /** Named changes, each to get a window of its own length, in this order; none plans by the count. */
    public ObservableList<ChangeRow> getChanges() {
        return changes;
    }

    /** Whether at least one valid change is listed (then the count is not used). */
    public ReadOnlyBooleanProperty changesListedProperty() {
        return changesListed.getReadOnlyProperty();
    }

    /** Holiday calendar, e.g. "DE" or "US-NY"; empty for none. */
    public StringProperty holidaysProperty() {
        return holidays;
    }

    /** Whether holidays block changes. */
    public ObjectProperty<HolidayPolicy> holidayPolicyProperty() {
        return holidayPolicy;
    }

    /** When the team changes today, e.g. "Tue 14:00"; empty for none. */
    public StringProperty habitProperty() {
        return habit;
    }

    /** What the count of windows counts per: a calendar week or month; null for in all. */
    public ObjectProperty<PlanRules.CountPeriod> countPerProperty() {
        return countPer;
    }

    /** Staff cost per hour a window is open, in the plan's currency; empty for none. */
    public StringProperty staffCostProperty() {
        return staffCost;
    }

    /** Factor on the staff cost in the cost model's night hours; "1" for none. */
    public StringProperty nightPremiumProperty() {
        return nightPremium;
    }

    /** Highest p90 traffic of a window, in percent of the weekly peak; empty for no limit. */
    public StringProperty maxP90ShareProperty() {
        return maxP90Share;
    }

    /**
     * Which traffic ranks the windows: the forecast where it reaches and beat the weekly profile in
     * its backtest (automatic), the forecast wherever it reaches, or the weekly profile.
     */
    public ObjectProperty<OutlookChoice> trafficOutlookProperty() {
        return trafficOutlook;
    }

    /** What the shown plan's traffic stands on (forecast or weekly profile) and why; empty before a plan. */
    public ReadOnlyStringProperty outlookNoteProperty() {
        return outlookNote.getReadOnlyProperty();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The team's time zone (dates, staff hours, blackouts, holidays, habit); empty for the main window's. */
    public StringProperty teamZoneProperty() {
        return teamZone;
    }

    public ReadOnlyStringProperty staffCostErrorProperty() {
        return staffCostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nightPremiumErrorProperty() {
        return nightPremiumError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maxP90ShareErrorProperty() {
        return maxP90ShareError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty teamZoneErrorProperty() {
        return teamZoneError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowLengthErrorProperty() {
        return windowLengthError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rollbackTailErrorProperty() {
        return rollbackTailError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countErrorProperty() {
        return countError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty horizonErrorProperty() {
        return horizonError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty minGapErrorProperty() {
        return minGapError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty holidaysErrorProperty() {
        return holidaysError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty habitErrorProperty() {
        return habitError.getReadOnlyProperty();
    }

    /** Whether every input is valid and there is traffic to plan on. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** How many inputs need fixing; empty when none. */
    public ReadOnlyStringProperty inputProblemProperty() {
        return inputProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Progress of the running plan in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public String getStatusMessage() {
        return statusMessage.get();
    }

    /** What went wrong last; empty when it worked or the message was dismissed. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** The plan shown; null until one was made. */
    public ReadOnlyObjectProperty<PlanResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public PlanResult getResult() {
        return result.get();
    }

    /** The horizon's timeline with windows, blackouts and holidays; null when nothing is planned. */
    public ReadOnlyObjectProperty<JFreeChart> timelineChartProperty() {
        return timelineChart.getReadOnlyProperty();
    }

    /** The dated windows, best first. */
    public ReadOnlyListProperty<WindowRow> windowsProperty() {
        return windows.getReadOnlyProperty();
    }

    /** Windows ruled out although as quiet, best first. */
    public ReadOnlyListProperty<RejectionRow> rejectionsProperty() {
        return rejections.getReadOnlyProperty();
    }

    /** The weekly rule's next dates. */
    public ReadOnlyListProperty<OccurrenceRow> occurrencesProperty() {
        return occurrences.getReadOnlyProperty();
    }

    /** The best window in words. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How many candidates met the constraints, and the median window's traffic. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The team's habit against the best window; empty without a habit. */
    public ReadOnlyStringProperty habitComparisonProperty() {
        return habitComparison.getReadOnlyProperty();
    }

    /** The weekly rule in words. */
    public ReadOnlyStringProperty recurringRuleProperty() {
        return recurringRule.getReadOnlyProperty();
    }

    /** Something to know about the plan shown (e.g. its traffic file changed); empty when nothing. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The plan file last opened or saved; null when none. */
    public ReadOnlyObjectProperty<Path> planFileProperty() {
        return planFile.getReadOnlyProperty();
    }

    /** Whether there is a plan to save or export (and nothing running). */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }
}
