package org.lowtide.ui.plan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import javafx.animation.PauseTransition;
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
import javafx.collections.FXCollections;
import org.jfree.chart.JFreeChart;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.Plan;
import org.lowtide.planning.ScheduleExports;
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
import org.lowtide.ui.plan.PlanRows.OccurrenceRow;
import org.lowtide.ui.plan.PlanRows.RejectionRow;
import org.lowtide.ui.plan.PlanRows.WindowRow;

/**
 * State of the Windows screen: its inputs ({@link PlanInputs}: the traffic, the constraint form, a
 * message per field) and the plan they give (ranked dated windows, the ruled-out ones, the weekly
 * rule, the timeline chart, as {@link PlanRows}). No controls here; {@link PlanView} binds to these
 * properties. The use cases are below: {@link PlanForm} checks the fields and builds the request,
 * {@code PlanService} plans, {@code PlanFileService} opens, reopens (with its checks), saves and exports.
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

    /**
     * Pause after the last change before planning again. Short, so that an edit is re-ranked on
     * screen within issue 20's 100 ms (a re-plan on the shown analysis takes tens of ms); keystrokes
     * closer than this still plan once, and a newer plan replaces one still running. The first
     * change after a still moment plans at once (wave 6); the pause holds back the ones after it.
     * The app's Windows tab now uses none (wave 7: every change plans at once and cancels the plan
     * going, which measured faster after a burst of changes; see the README's fifth pass).
     */
    public static final Duration DEBOUNCE = Duration.ofMillis(40);

    /** The most dated windows one may ask for. */
    public static final int MAX_COUNT = PlanForm.MAX_COUNT;

    /** The longest horizon, in days (the planner is fast; the table and chart are the limit). */
    public static final int MAX_HORIZON_DAYS = PlanForm.MAX_HORIZON_DAYS;

    private static final System.Logger LOG = System.getLogger(PlanViewModel.class.getName());

    private final PlanService service;
    private final PlanFileService files;
    private final Executor executor;
    private final PauseTransition pause;

    /** The traffic and the form. */
    private final PlanInputs inputs;
    private final ReadOnlyStringWrapper outlookNote = new ReadOnlyStringWrapper(this, "outlookNote", "");

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
     * @param executor runs the plans; a background thread of the Windows tab's own in the app
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
        if (debounce.isZero()) {
            pause = null;
        } else {
            pause = new PauseTransition(javafx.util.Duration.millis(debounce.toMillis()));
            pause.setOnFinished(e -> start(false));
        }
        this.inputs = new PlanInputs(clock, this::inputsChanged);
        result.addListener(o -> updateCanSave());
        busy.addListener(o -> updateCanSave());
        validate();
    }

    // ---------------------------------------------------------------- actions

    /**
     * The traffic to plan on, as the main window has read it. The same source in the same zone
     * keeps the import options it has (a plan file may have read it with a step or column).
     */
    public void setTraffic(TrafficSource newSource, ImportOptions options) {
        if (inputs.setTraffic(newSource, options)) {
            inputsChanged();
        }
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

    /** Writes the shown plan as an iCalendar file (windows and weekly rule), atomically, off the FX thread. */
    public boolean exportIcs(Path target) {
        return export(target, PlanFileService.Export.ICS);
    }

    /** Writes the shown plan's dated windows as CSV, atomically, off the FX thread. */
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

    /**
     * Writes the shown plan in {@code format} in the background (as saving does), atomically; the
     * status line says where, or the error line why not.
     *
     * @return whether there was a plan to write
     */
    private boolean export(Path target, PlanFileService.Export format) {
        PlanResult r = result.get();
        if (r == null) {
            errorMessage.set("Nothing to export yet: no plan has been made.");
            return false;
        }
        saving.start("Writing " + fileName(target) + "…", job -> {
            PlanFileService.export(r.plan(), format, target);
            return target;
        }, written -> statusMessage.set("Wrote the " + format.what() + " to " + written),
                error -> errorMessage.set("Could not write " + fileName(target) + ": " + Messages.describe(error)), () -> { });
        return true;
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
                // The first edit after a still moment plans at once (a choice from a list, a date, a
                // pasted value, a keystroke: issue 20); edits that follow it within the pause wait
                // for it to end, then plan once (a request already planned is not planned again).
                boolean still = pause.getStatus() != javafx.animation.Animation.Status.RUNNING;
                pause.playFromStart();
                if (still) {
                    start(false);
                }
            }
        } else if (pause != null && request.isEmpty()) {
            pause.stop();
        }
    }

    /** Checks every field ({@link PlanInputs#check}), sets the messages, and gives the request when all are valid. */
    private Optional<PlanRequest> validate() {
        return inputs.check(this::checkCalendar, result.get() != null);
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
            onPlanOpened.accept(inputs.sourceProperty().get(), inputs.importOptions());
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
        TrafficSource docSource = doc.prometheus().<TrafficSource>map(q -> new TrafficSource.Prometheus(q,
                reopenedWith != null ? reopenedWith
                        : new org.lowtide.service.PrometheusService().environmentConnectionOrNone()))
                .orElseGet(() -> new TrafficSource.FileSource(Path.of(doc.sourcePath())));
        quiet = true;
        try {
            inputs.apply(doc, docSource);
        } finally {
            quiet = false;
        }
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

    /** The traffic and the form, with a message per field. */
    public PlanInputs inputs() {
        return inputs;
    }

    public ReadOnlyObjectProperty<TrafficSource> sourceProperty() {
        return inputs.sourceProperty();
    }

    /** The traffic's zone: the main window's; also the plan's unless a team time zone is given. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return inputs.zoneProperty();
    }

    public ZoneId getZone() {
        return inputs.getZone();
    }

    /** The cost assumptions plans are made with (the Costs screen's); null to rank by traffic at stake. */
    public ObjectProperty<CostAssumptions> costAssumptionsProperty() {
        return inputs.costAssumptionsProperty();
    }























    /** What the shown plan's traffic stands on (forecast or weekly profile) and why; empty before a plan. */
    public ReadOnlyStringProperty outlookNoteProperty() {
        return outlookNote.getReadOnlyProperty();
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
