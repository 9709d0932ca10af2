package org.lowtide.ui.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
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
import org.jfree.chart.JFreeChart;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Plan;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.PlanDocument;
import org.lowtide.report.charts.PlanTimelineChart;
import org.lowtide.service.PlanFileService;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.PrometheusCredentials;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;
import org.lowtide.ui.common.BackgroundJob;
import org.lowtide.ui.common.NumberInput;
import org.lowtide.ui.plan.PlanRows.OccurrenceRow;
import org.lowtide.ui.plan.PlanRows.RejectionRow;
import org.lowtide.ui.plan.PlanRows.WindowRow;

/**
 * State of the Windows screen: the constraint form with a message per field, and the plan it
 * gives (ranked dated windows, the ruled-out ones, the weekly rule, the timeline chart). No
 * controls here; {@link PlanView} binds to these properties.
 *
 * <p>Confined to the JavaFX application thread. Whenever the inputs change and are all valid, the
 * plan is made again after a short pause (so typing does not start a plan per key), in a
 * {@link BackgroundJob} on the injected executor; a newer plan cancels the one running. Invalid inputs only
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
    public static final int MAX_COUNT = PlanForm.MAX_COUNT;

    /** The longest horizon, in days (the planner is fast; the table and chart are the limit). */
    public static final int MAX_HORIZON_DAYS = PlanForm.MAX_HORIZON_DAYS;

    private static final System.Logger LOG = System.getLogger(PlanViewModel.class.getName());

    private final PlanService service;
    private final PlanFileService files;
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
    /** Plans and opens plan files; a newer one cancels the one running. */
    private final BackgroundJob job;
    /** Asks how a reopened Prometheus plan signs in; the environment's credentials by default. */
    private BiFunction<String, PrometheusQuery, Optional<PrometheusCredentials>> credentialsPrompt =
            (plan, query) -> Optional.of(PrometheusCredentials.ENVIRONMENT);
    /** The connection the last reopened Prometheus plan was read with (re-planning reads with it too). */
    private volatile PrometheusConnection reopenedWith;
    /** What to do when the plan being opened cannot be (kept while its credentials are asked for). */
    private Runnable openFailed = () -> { };
    /** Saves plan files. */
    private final BackgroundJob saving;
    /** Whether the job running (if any) opens a plan file. */
    private boolean openingFile;
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
        this.files = new PlanFileService(service);
        this.job = new BackgroundJob(executor);
        this.saving = new BackgroundJob(executor);
        job.mirrorInto(busy, progress, statusMessage::set);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Until traffic is loaded, tomorrow in this computer's zone; then in the plan's zone (below).
        setDefaultHorizon(clock.getZone());
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
        teamZone.addListener((o, before, now) -> setDefaultHorizon(planZone()));
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

    /** Gives "tomorrow" (the default start of the horizon) in the plan's zone. */
    private final Clock clock;
    /** The default horizon last set, to tell whether the user has changed it since. */
    private LocalDate defaultFrom;
    private LocalDate defaultTo;

    /**
     * Sets the horizon to four weeks from tomorrow in {@code planZone}, as the CLI and the
     * recommendation do (one zone rule: the plan's, never this computer's, so around midnight both
     * faces start on the same day). A horizon the user changed is kept.
     */
    private void setDefaultHorizon(ZoneId planZone) {
        if (defaultFrom != null && (!defaultFrom.equals(from.get()) || !defaultTo.equals(to.get()))) {
            return;
        }
        LocalDate tomorrow = LocalDate.now(clock.withZone(planZone)).plusDays(1);
        defaultFrom = tomorrow;
        defaultTo = tomorrow.plusWeeks(4).minusDays(1); // as the CLI: four weeks from tomorrow
        from.set(defaultFrom);
        to.set(defaultTo);
    }

    /** @return the plan's zone: the team's when a valid one is typed, else the traffic's */
    private ZoneId planZone() {
        String team = teamZone.get() == null ? "" : teamZone.get().trim();
        if (!team.isEmpty()) {
            try {
                return ZoneId.of(team);
            } catch (java.time.DateTimeException e) {
                // not a zone (yet): the field shows why
            }
        }
        return zone.get() == null ? clock.getZone() : zone.get();
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
        setDefaultHorizon(planZone());
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
        job.cancel();
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
                    PlanService.warmUpHolidays();
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
        openPlan(file, Optional.empty(), ifFailed);
    }

    /**
     * How a plan made from Prometheus signs in when it is reopened (the plan holds no credentials):
     * given the plan file's name and its query, on the FX thread, the credentials to use, or empty
     * to leave the plan closed. The window asks with the same choices as File → Open from
     * Prometheus…; without a prompt, the environment's credentials are used.
     */
    public void setCredentialsPrompt(
            BiFunction<String, PrometheusQuery, Optional<PrometheusCredentials>> prompt) {
        credentialsPrompt = Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * Opens a plan: a plan made from Prometheus first asks {@link #setCredentialsPrompt its prompt}
     * (once its file is read), then reads the server with the credentials chosen.
     */
    private void openPlan(Path file, Optional<PrometheusCredentials> credentials, Runnable ifFailed) {
        Objects.requireNonNull(file, "file");
        String name = fileName(file);
        openFailed = ifFailed;
        run("Opening " + name + "…", true, job -> {
            if (credentials.isEmpty()) {
                PlanDocument peek = files.open(file);
                if (peek.prometheus().isPresent()) {
                    return new Outcome(null, null, peek, file, "", null, ""); // ask first (see show)
                }
            }
            PrometheusConnection connection = credentials.orElse(PrometheusCredentials.ENVIRONMENT).connection();
            reopenedWith = connection;
            PlanFileService.Reopened reopened = files.reopen(file, connection, listener(job), job);
            PlanDocument doc = reopened.document();
            PlanResult r = reopened.result();
            String calendarCheck = doc.holidays().map(PlanViewModel::calendarProblem).orElse("");
            return new Outcome(r, chart(r), doc, file, String.join(" ", reopened.notes()), null, calendarCheck);
        }, ifFailed);
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
        saving.start("Saving " + fileName(target) + "…", job -> files.save(shown, target), saved -> {
            statusMessage.set(saved.message());
            planFile.set(target);
        }, error -> errorMessage.set(error instanceof RejectedExecutionException ? "Not saved: shutting down"
                : "Could not save " + fileName(target) + ": " + Messages.describe(error)), () -> { });
    }

    /** Writes the shown plan as an iCalendar file (windows and weekly rule), atomically. */
    public boolean exportIcs(Path target) {
        return export(target, PlanFileService.Export.ICS);
    }

    /** Writes the shown plan's dated windows as CSV, atomically. */
    public boolean exportCsv(Path target) {
        return export(target, PlanFileService.Export.CSV);
    }

    /** @return the weekly rule as a snippet for one tool; empty when no plan or no weekly rule is shown */
    public Optional<String> snippet(ScheduleExports.Target target) {
        PlanResult r = result.get();
        return r == null ? Optional.empty() : r.plan().recurring().map(rule -> PlanFileService.snippet(target, rule));
    }

    /** Tells the status line that something was copied. */
    public void copied(String what) {
        statusMessage.set("Copied " + what + " to the clipboard");
    }

    private boolean export(Path target, PlanFileService.Export format) {
        PlanResult r = result.get();
        if (r == null) {
            errorMessage.set("Nothing to export yet: no plan has been made.");
            return false;
        }
        try {
            PlanFileService.export(r.plan(), format, target);
            statusMessage.set("Wrote the " + format.what() + " to " + target);
            return true;
        } catch (IOException | RuntimeException e) {
            errorMessage.set("Could not write " + fileName(target) + ": " + Messages.describe(e));
            return false;
        }
    }

    // ---------------------------------------------------------------- validation

    private void inputsChanged() {
        if (quiet) {
            return;
        }
        Optional<PlanRequest> request = validate();
        if (job.isRunning() && openingFile) {
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

    /** Checks every field ({@link PlanForm}), sets the messages, and gives the request when all are valid. */
    private Optional<PlanRequest> validate() {
        PlanForm.Checked checked = PlanForm.check(fields(), this::checkCalendar);
        windowLengthError.set(checked.message(PlanForm.Field.WINDOW_LENGTH));
        rollbackTailError.set(checked.message(PlanForm.Field.ROLLBACK_TAIL));
        countError.set(checked.message(PlanForm.Field.COUNT));
        horizonError.set(checked.message(PlanForm.Field.HORIZON));
        minGapError.set(checked.message(PlanForm.Field.MIN_GAP));
        holidaysError.set(checked.message(PlanForm.Field.HOLIDAYS));
        habitError.set(checked.message(PlanForm.Field.HABIT));
        staffCostError.set(checked.message(PlanForm.Field.STAFF_COST));
        nightPremiumError.set(checked.message(PlanForm.Field.NIGHT_PREMIUM));
        maxP90ShareError.set(checked.message(PlanForm.Field.MAX_P90_SHARE));
        teamZoneError.set(checked.message(PlanForm.Field.TEAM_ZONE));
        for (int i = 0; i < allowedHours.size(); i++) {
            allowedHours.get(i).showError(checked.allowedErrors().get(i));
        }
        for (int i = 0; i < blackouts.size(); i++) {
            blackouts.get(i).showError(checked.blackoutErrors().get(i));
        }
        for (int i = 0; i < changes.size(); i++) {
            changes.get(i).showError(checked.changeErrors().get(i));
        }
        changesListed.set(checked.changesListed());
        valid.set(checked.request().isPresent());
        if (checked.problems() > 0) {
            int problems = checked.problems();
            inputProblem.set((problems == 1 ? "1 input needs" : problems + " inputs need")
                    + " fixing before planning again" + (result.get() == null ? "." : "; the plan shown is the last one made."));
        } else {
            inputProblem.set(checked.requestProblem()); // empty unless the records refused what the fields passed
        }
        return checked.request();
    }

    /** The form as typed, and the traffic it plans on. */
    private PlanForm.Fields fields() {
        return new PlanForm.Fields(windowLength.get(), rollbackTail.get(), count.get(), from.get(), to.get(),
                minGap.get(), allowedHours.stream().map(AllowedHoursRow::getText).toList(),
                blackouts.stream().map(r -> new PlanForm.BlackoutText(r.startProperty().get(), r.endProperty().get(),
                        r.reasonProperty().get())).toList(),
                changes.stream().map(r -> new PlanForm.ChangeText(r.nameProperty().get(), r.lengthProperty().get()))
                        .toList(),
                holidays.get(), holidayPolicy.get(), habit.get(), countPer.get(), staffCost.get(), nightPremium.get(),
                maxP90Share.get(), trafficOutlook.get(), teamZone.get(), costAssumptions.get(), source.get(), zone.get(),
                importOptions);
    }

    /** A number as the form shows it: no ".0" on whole numbers, the user's decimal mark. */
    private static String numberText(double d) {
        return NumberInput.format(d);
    }

    /** @return "" when Jollyday has a calendar for {@code code}, else a message; remembered per code */
    private String checkCalendar(String code) {
        return calendarChecks.computeIfAbsent(code.toUpperCase(Locale.ROOT), PlanViewModel::calendarProblem);
    }

    /** @return "" when Jollyday has a calendar for {@code code}, else a message (any thread) */
    private static String calendarProblem(String code) {
        return PlanService.calendarProblem(code).map(Messages::sentence).orElse("");
    }

    // ---------------------------------------------------------------- planning

    private void start(boolean force) {
        if (job.isRunning() && openingFile) {
            changedDuringOpen = true;
            return;
        }
        Optional<PlanRequest> request = validate();
        if (request.isEmpty() || (!force && request.get().equals(requested))) {
            return;
        }
        PlanRequest r = request.get();
        requested = r;
        // An edit of assumptions, rules or dates re-plans on the analysis shown (issue 20): the
        // service takes it only when it answers for the request (same traffic, options, window
        // length, holidays); a forced run (a file opened again) analyses afresh.
        Optional<org.lowtide.service.AnalysisResult> shown = force ? Optional.empty()
                : Optional.ofNullable(result.get()).map(PlanResult::analysis);
        run("Planning " + r.windows().from() + " – " + r.windows().to() + "…", false, job -> {
            PlanResult planned = service.plan(r, shown, listener(job), job);
            job.progress(0.95, "Drawing the timeline");
            JFreeChart chart = chart(planned);
            return new Outcome(planned, chart, null, null, "", r, "");
        }, () -> { });
    }

    private static JFreeChart chart(PlanResult r) {
        return PlanTimelineChart.create(r.plan(), r.traffic());
    }

    /** The service's progress, after the job's first 5 % and before its last 5 %. */
    private static org.lowtide.service.ProgressListener listener(BackgroundJob.Progress job) {
        return (fraction, message) -> job.progress(0.05 + 0.9 * fraction, message);
    }

    private void run(String startMessage, boolean opensFile, BackgroundJob.Work<Outcome> work, Runnable ifFailed) {
        openingFile = opensFile;
        statusMessage.set(startMessage);
        // After a failure or cancel, requested stays the request that failed: it is not retried until
        // the inputs change (or Plan now is pressed).
        job.start(startMessage, work, outcome -> after(opensFile, () -> show(outcome)), error -> after(opensFile, () -> {
            if (error instanceof RejectedExecutionException) { // the app is shutting down
                statusMessage.set("Not planned: shutting down");
                return;
            }
            errorMessage.set(Messages.describe(error));
            statusMessage.set(opensFile ? "Could not open the plan" : "Could not plan");
            ifFailed.run();
        }), () -> after(opensFile, () -> statusMessage.set("Cancelled")));
    }

    private void after(boolean opensFile, Runnable action) {
        openingFile = false;
        action.run();
        if (opensFile && changedDuringOpen) {
            changedDuringOpen = false;
            inputsChanged(); // the form changed while a file was opening and the open failed: plan it
        }
    }

    private void show(Outcome outcome) {
        if (outcome.result() == null) {
            askCredentials(outcome.file(), outcome.document().prometheus().orElseThrow());
            return;
        }
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
        fill(r);
        statusMessage.set(outcome.document() != null
                ? "Opened " + fileName(outcome.file()) + " and planned again on " + r.request().analysis().source().displayName()
                : "Planned " + r.plan().windows().size() + " windows on " + r.request().analysis().source().displayName());
        if (outcome.document() != null) {
            onPlanOpened.accept(source.get(), importOptions);
        }
    }

    private void askCredentials(Path file, PrometheusQuery query) {
        Optional<PrometheusCredentials> chosen = credentialsPrompt.apply(fileName(file), query);
        if (chosen.isEmpty()) {
            statusMessage.set("Not opened: " + fileName(file) + " needs the credentials of " + query.server());
            openFailed.run();
            return;
        }
        openPlan(file, chosen, openFailed);
    }

    /** Sets source, zone and every field from a plan file, without planning. */
    private void applyDocument(PlanDocument doc) {
        WindowRequest r = doc.plan().request();
        ZoneId planZone = r.constraints().zone();
        ZoneId trafficZone = doc.importOptions().zone();
        PlanRules rules = doc.rules();
        quiet = true;
        try {
            source.set(doc.prometheus().<TrafficSource>map(q -> new TrafficSource.Prometheus(q,
                    reopenedWith != null ? reopenedWith
                            : new org.lowtide.service.PrometheusService().environmentConnectionOrNone()))
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
            habit.set(r.habit().map(PlanForm::habitText).orElse(""));
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
        PlanForm.BlackoutText t = PlanForm.blackoutText(b, zone);
        return new BlackoutRow(t.start(), t.end(), t.reason());
    }

    /** Staff hours as a person writes them: {@link PlanForm#allowedText}. */
    static String allowedText(AllowedHours a) {
        return PlanForm.allowedText(a);
    }

    private void fill(PlanResult r) {
        PlanRows rows = PlanRows.of(r);
        windows.setAll(rows.windows());
        rejections.setAll(rows.rejections());
        occurrences.setAll(rows.occurrences());
        recurringRule.set(rows.recurringRule());
        summary.set(rows.summary());
        details.set(rows.details());
        habitComparison.set(rows.habitComparison());
        outlookNote.set(rows.outlookNote());
    }

    private void updateCanSave() {
        canSave.set(result.get() != null && !busy.get());
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
