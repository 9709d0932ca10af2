package org.lowtide.ui.main;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
import javafx.collections.FXCollections;
import org.jfree.chart.JFreeChart;
import org.lowtide.analysis.Trough;
import org.lowtide.report.charts.TrafficChart;
import org.lowtide.report.charts.WeeklyHeatmapChart;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.AppInfo;
import org.lowtide.service.ImportService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.ui.common.BackgroundJob;
import org.lowtide.ui.imports.ImportViewModel;

/**
 * State of the main window: what is loaded, in which zone and window length, and what the
 * analysis recommends. No controls here; the view binds to these properties.
 *
 * <p>Confined to the JavaFX application thread: call every method there. The analysis (and the
 * charts, which are plain JFreeChart objects) are built in a {@link BackgroundJob} on the injected
 * executor; results come back on the FX thread. With a same-thread executor (tests), calling a
 * method on the FX thread runs the whole analysis before it returns.
 *
 * <p>On failure or cancellation the previous result stays, and source, zone and window length
 * return to the values it was computed with, so that what is shown always matches the controls.
 */
public final class MainViewModel {

    /** The window lengths offered, shortest first. */
    public static final List<Duration> WINDOW_CHOICES = List.of(Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(4), Duration.ofHours(6));

    /** Troughs asked for: the recommendation and two runners-up. */
    public static final int TROUGH_COUNT = 3;

    private static final System.Logger LOG = System.getLogger(MainViewModel.class.getName());

    private final AnalysisService service;
    /** Plans the recommendation (its cost report shared with the other screens in the app: issue 20). */
    private final org.lowtide.service.PlanService plans;
    private final Executor executor;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<TrafficSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());
    private final ObjectProperty<Duration> windowLength =
            new SimpleObjectProperty<>(this, "windowLength", AnalysisRequest.DEFAULT_WINDOW);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "Ready");
    private final ReadOnlyObjectWrapper<AnalysisResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper recommendation = new ReadOnlyStringWrapper(this, "recommendation", "");
    private final ReadOnlyStringWrapper nextOccurrence = new ReadOnlyStringWrapper(this, "nextOccurrence", "");
    private final ReadOnlyStringWrapper forecastSummary = new ReadOnlyStringWrapper(this, "forecastSummary", "");
    private final ReadOnlyListWrapper<String> runnersUp =
            new ReadOnlyListWrapper<>(this, "runnersUp", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> notes =
            new ReadOnlyListWrapper<>(this, "notes", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper seriesFacts = new ReadOnlyStringWrapper(this, "seriesFacts", "");
    private final ReadOnlyListWrapper<ImportWarning> warnings =
            new ReadOnlyListWrapper<>(this, "warnings", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper zoneError = new ReadOnlyStringWrapper(this, "zoneError", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", appName());
    private final ReadOnlyObjectWrapper<JFreeChart> trafficChart = new ReadOnlyObjectWrapper<>(this, "trafficChart");
    private final ReadOnlyObjectWrapper<JFreeChart> heatmapChart = new ReadOnlyObjectWrapper<>(this, "heatmapChart");
    /** What is being analysed while nothing of it is shown yet ("Analysing shop-hourly-2025.csv…"); else empty. */
    private final ReadOnlyStringWrapper loading = new ReadOnlyStringWrapper(this, "loading", "");

    /** How the current source is read (from the import dialog); null for the defaults in the chosen zone. */
    private ImportOptions importOptions;

    /** Analyses; a newer analysis cancels the one running, whose handlers then never run. */
    private final BackgroundJob job;
    /** The charts shown and what they were drawn from; null before the first result. */
    private Drawn drawn;
    /** The analysis the shown recommendation was planned on (a longer forecast than the one shown). */
    private AnalysisResult planned;
    /** True while properties are set together, so that their listeners start no analysis. */
    private boolean quiet;
    /** The Costs tab's assumptions: with a revenue given, the recommendation ranks by money, as the Windows tab does. */
    private final ObjectProperty<org.lowtide.cost.CostAssumptions> costAssumptions =
            new SimpleObjectProperty<>(this, "costAssumptions");

    /**
     * @param service  the analysis use case
     * @param executor runs the analysis tasks; a single background thread in the app, the caller's in tests
     */
    public MainViewModel(AnalysisService service, Executor executor) {
        this(service, executor, Clock.systemUTC());
    }

    /** @param clock tells "now" for the next occurrence of the recommended window */
    public MainViewModel(AnalysisService service, Executor executor, Clock clock) {
        this(service, new org.lowtide.service.PlanService(service), executor, clock);
    }

    /**
     * @param plans plans the recommendation; the app's shares its cost reports with the Costs and
     *              Windows tabs ({@link org.lowtide.service.CostService#sharingReports()})
     */
    public MainViewModel(AnalysisService service, org.lowtide.service.PlanService plans, Executor executor,
                         Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.job = new BackgroundJob(executor);
        job.mirrorInto(busy, progress, statusMessage::set);
        this.clock = Objects.requireNonNull(clock, "clock");
        loading.bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            TrafficSource pending = source.get();
            AnalysisResult shown = result.get();
            boolean fresh = pending != null && (shown == null || !shown.request().source().equals(pending));
            return busy.get() && fresh ? "Analysing " + pending.displayName() + "…" : "";
        }, busy, source, result));
        zone.addListener((o, before, now) -> parametersChanged(now));
        // A window length or revenue edited recommends again on the analysis shown (issue 20): only
        // the troughs are found again, no import and no decomposition.
        windowLength.addListener((o, before, now) -> {
            if (!quiet && now != null) {
                start(true);
            }
        });
        // Only a revenue changes the ranking: other cost tweaks without one leave the traffic ranking as it is.
        costAssumptions.addListener((o, before, now) -> {
            if (!quiet && (revenueGiven(before) || revenueGiven(now))) {
                start(true);
            }
        });
    }

    // ---------------------------------------------------------------- actions

    /**
     * Opens a source and analyses it, cancelling any analysis still running. A bundled sample
     * switches the zone to the one it was generated in; a user's file keeps the selected zone.
     */
    public void load(TrafficSource newSource) {
        Objects.requireNonNull(newSource, "newSource");
        quiet = true;
        try {
            newSource.suggestedZone().ifPresent(zone::set);
            source.set(newSource);
            importOptions = null;
        } finally {
            quiet = false;
        }
        start();
    }

    /**
     * Opens a source read with the options settled in the import dialog (format, series, step,
     * kind, date order); their zone becomes the window's zone. Later zone changes keep the rest.
     */
    public void load(TrafficSource newSource, ImportOptions options) {
        Objects.requireNonNull(newSource, "newSource");
        Objects.requireNonNull(options, "options");
        quiet = true;
        try {
            zone.set(options.zone());
            source.set(newSource);
            importOptions = options;
        } finally {
            quiet = false;
        }
        start();
    }

    /** @return a model for the import dialog that imports on this window's executor */
    public ImportViewModel importDialogModel() {
        return new ImportViewModel(new ImportService(), executor);
    }

    /** Opens a source read in {@code readIn} (a saved plan's traffic, say), cancelling any analysis running. */
    public void load(TrafficSource newSource, ZoneId readIn) {
        Objects.requireNonNull(readIn, "readIn");
        quiet = true;
        try {
            zone.set(readIn);
        } finally {
            quiet = false;
        }
        zoneError.set("");
        load(newSource);
    }

    /** Analyses the current source again with the current zone and window length. */
    public void reanalyse() {
        start();
    }

    /** Stops the running analysis, if any; what was shown before stays. */
    public void cancel() {
        job.cancel();
    }

    /**
     * Takes a zone typed or picked by the user. A valid zone becomes the zone (and re-analyses);
     * an invalid one leaves the zone as it is and sets {@link #zoneErrorProperty()}.
     *
     * @return whether the text named a zone
     */
    public boolean applyZoneText(String text) {
        Optional<ZoneId> parsed = parseZone(text);
        if (parsed.isEmpty()) {
            String typed = text == null ? "" : text.trim();
            zoneError.set(typed.isEmpty()
                    ? "Type a time zone such as Europe/Berlin or UTC"
                    : "Unknown time zone “" + typed + "”: still using " + zone.get().getId()
                      + ". Use a region ID such as Europe/Berlin, or an offset such as +02:00.");
            return false;
        }
        zoneError.set("");
        zone.set(parsed.get());
        return true;
    }

    /** Hides the error message. */
    public void dismissError() {
        errorMessage.set("");
    }

    /**
     * Reads a zone as the user may type it: a region ID (case-insensitive, e.g. {@code europe/berlin}),
     * {@code UTC}, or an offset such as {@code +02:00} or {@code UTC+2}.
     */
    public static Optional<ZoneId> parseZone(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.trim();
        try {
            return Optional.of(ZoneId.of(typed));
        } catch (DateTimeException e) {
            return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(typed)).findFirst()
                    .map(ZoneId::of);
        }
    }

    // ---------------------------------------------------------------- the analysis

    private void parametersChanged(Object newValue) {
        if (!quiet && newValue != null) {
            start();
        }
    }

    private void start() {
        start(false);
    }

    /** @param onShown whether the analysis shown may answer (an edit of the window length or revenue) */
    private void start(boolean onShown) {
        TrafficSource current = source.get();
        if (current == null || zone.get() == null || windowLength.get() == null) {
            return;
        }
        ImportOptions options = importOptions == null ? ImportOptions.inZone(zone.get()) : importOptions.withZone(zone.get());
        AnalysisRequest request = new AnalysisRequest(current, options, windowLength.get(), TROUGH_COUNT);
        java.util.Optional<org.lowtide.cost.CostAssumptions> cost = java.util.Optional.ofNullable(costAssumptions.get())
                .filter(MainViewModel::revenueGiven);
        java.util.Optional<AnalysisResult> prior = onShown ? java.util.Optional.ofNullable(planned)
                : java.util.Optional.empty();
        statusMessage.set("Reading " + current.displayName() + "…");
        // The charts shown, and what they show: a re-ranking that shades the same windows of the same
        // analysis keeps them (issue 20, wave 7: no chart of every point built and drawn again).
        Drawn shownCharts = onShown ? drawn : null;
        job.start("Reading " + current.displayName() + "…", p -> {
            // The one recommendation every face shows: the planner's, with the defaults of the Windows
            // tab, planned on the same analysis (one analysis, not two).
            org.lowtide.service.RecommendationService.Recommended both = new org.lowtide.service.RecommendationService(
                    plans, clock).analyzeAndRecommend(service, request, prior,
                    cost, (fraction, message) -> p.progress(fraction, message), p);
            AnalysisResult r = both.analysis();
            java.util.Optional<org.lowtide.planning.Recommendation> advice = both.recommendation();
            p.progress(0.95, "Drawing charts");
            ZoneId chartZone = request.options().zone();
            java.util.Optional<Trough> recommended = advice.flatMap(a -> a.weekly()).map(w -> new Trough(w.day(),
                    w.start(), w.duration(), w.zone(), w.expected(), Double.NaN));
            List<Interval> shaded = recommended.or(r::best)
                    .map(best -> best.occurrences(r.series().start(), r.series().end()))
                    .orElse(List.of());
            boolean sameAnalysis = shownCharts != null && shownCharts.request().equals(r.request())
                    && shownCharts.series().equals(r.series());
            JFreeChart traffic = sameAnalysis && shownCharts.shaded().equals(shaded) ? shownCharts.traffic()
                    : TrafficChart.create(r.series(), chartZone, shaded);
            p.check();
            JFreeChart heatmap = sameAnalysis && shownCharts.recommended().equals(placed(recommended)) ? shownCharts.heatmap()
                    : r.profile().map(pr -> WeeklyHeatmapChart.create(pr, r.troughs(), recommended)).orElse(null);
            return new Outcome(r, advice, traffic, heatmap, both.planned(), onShown,
                    new Drawn(r.request(), r.series(), shaded, placed(recommended), traffic, heatmap));
        }, this::show, error -> {
            if (error instanceof RejectedExecutionException) { // the app is shutting down
                statusMessage.set("Not analysed: shutting down");
            } else {
                failed(request, error);
            }
        }, () -> {
            statusMessage.set("Cancelled");
            restoreShownParameters();
        });
    }

    private void show(Outcome outcome) {
        AnalysisResult made = outcome.result();
        planned = outcome.planned();
        drawn = outcome.drawn();
        AnalysisResult before = result.get();
        AnalysisResult r;
        if (outcome.onShown() && before != null && before.request().equals(made.request())
                && before.series().equals(made.series())) {
            // The same analysis again, re-ranked (an edit on the Costs tab with a revenue: issue 20,
            // wave 7): the result shown stays the same object, so the screens that follow it (Patterns,
            // Costs, Windows) neither draw nor cost it again; only the recommendation below changes.
            r = before;
        } else {
            r = made;
            result.set(r);
        }
        errorMessage.set("");
        ZoneId shownZone = r.request().options().zone();
        List<Trough> troughs = r.troughs();
        java.util.Optional<org.lowtide.planning.Recommendation> advice = outcome.advice();
        List<String> explained = new ArrayList<>();
        List<String> others = new ArrayList<>();
        if (advice.isPresent() && advice.get().weeklyText().isPresent()) {
            org.lowtide.planning.Recommendation a = advice.get();
            recommendation.set(a.weeklyText().get());
            nextOccurrence.set(a.firstText().map(f -> "Next: " + f).orElse(""));
            explained.add(Character.toUpperCase(a.basisText().charAt(0)) + a.basisText().substring(1) + ".");
            a.whyDiffers().ifPresent(explained::add);
            for (int i = 0; i < troughs.size() && others.size() < 2; i++) {
                others.add("Quiet by traffic in the window alone: " + troughs.get(i).describe());
            }
        } else if (troughs.isEmpty()) {
            recommendation.set("No weekly window can be recommended from this data");
            nextOccurrence.set("");
        } else {
            Trough best = troughs.get(0);
            recommendation.set(best.describe());
            nextOccurrence.set(nextOccurrence(best));
            for (int i = 1; i < troughs.size(); i++) {
                others.add("Also quiet: " + troughs.get(i).describe());
            }
        }
        runnersUp.setAll(others);
        // Coarser totals than the file's (too many points for the memory): said first, as a warning.
        r.coarserNote().ifPresent(n -> explained.add(0, "Warning: " + n));
        r.notes().stream().filter(n -> !r.coarserNote().orElse("").equals(n)).forEach(explained::add);
        forecastSummary.set(r.patterns().flatMap(org.lowtide.analysis.Patterns::forecast)
                .map(org.lowtide.service.AnalysisService::forecastSummary).orElse(""));
        notes.setAll(explained);
        seriesFacts.set(Formats.facts(r.series(), shownZone));
        warnings.setAll(r.imported().warnings());
        trafficChart.set(outcome.trafficChart());
        heatmapChart.set(outcome.heatmapChart());
        title.set(appName() + " — " + r.request().source().displayName());
        statusMessage.set("Analysed " + r.request().source().displayName() + ": windows of "
                + Formats.words(r.request().window()) + " in " + shownZone.getId()
                + (r.coarserNote().isPresent() ? " (analysed coarser than the data: see the warning)" : ""));
    }

    private String nextOccurrence(Trough best) {
        Instant now = clock.instant();
        return best.occurrences(now, now.plus(Duration.ofDays(8))).stream()
                .filter(i -> !i.start().isBefore(now))
                .findFirst()
                .map(i -> "Next: " + Formats.occurrence(i, best.zone()))
                .orElse("");
    }

    private void failed(AnalysisRequest request, Throwable error) {
        errorMessage.set(describe(request, error));
        statusMessage.set("Could not analyse " + request.source().displayName());
        restoreShownParameters();
    }

    private static String describe(AnalysisRequest request, Throwable error) {
        String name = request.source().displayName();
        if (error instanceof ImportException) {
            return error.getMessage(); // names file, line and column
        }
        if (error instanceof NoSuchFileException) {
            return name + ": file not found";
        }
        if (org.lowtide.service.OutOfMemory.isOutOfMemory(error)) {
            // which file, how big, and what to do; the analysis shown before stays
            return org.lowtide.service.OutOfMemory.of(java.util.Optional.of(request.source()), error,
                    org.lowtide.service.OutOfMemory.Face.GUI).getMessage();
        }
        if (error instanceof IOException) {
            return name + ": cannot be read (" + (error.getMessage() == null ? error : error.getMessage()) + ")";
        }
        LOG.log(System.Logger.Level.ERROR, "analysis of " + name + " failed", error);
        return name + ": unexpected error (" + error + ")";
    }

    /** Puts source, zone and window length back to those of the shown result, without re-analysing. */
    private void restoreShownParameters() {
        AnalysisResult shown = result.get();
        if (shown == null) {
            return;
        }
        quiet = true;
        try {
            source.set(shown.request().source());
            zone.set(shown.request().options().zone());
            importOptions = shown.request().options();
            windowLength.set(shown.request().window());
        } finally {
            quiet = false;
        }
    }

    private static String appName() {
        return "Lowtide " + AppInfo.version();
    }

    /** What one analysis task hands back to the FX thread. */
    private record Outcome(AnalysisResult result, java.util.Optional<org.lowtide.planning.Recommendation> advice,
                           JFreeChart trafficChart, JFreeChart heatmapChart, AnalysisResult planned,
                           boolean onShown, Drawn drawn) {
    }

    /**
     * The charts shown and what they were drawn from: the analysis, the shaded windows, and where the
     * recommended window is in the week ({@link #placed}: the heat map outlines it by place alone).
     */
    private record Drawn(AnalysisRequest request, org.lowtide.traffic.TrafficSeries series, List<Interval> shaded,
                         java.util.Optional<List<Object>> recommended, JFreeChart traffic, JFreeChart heatmap) {
    }

    /** @return the day, start, length and zone of a window (not its expected value, which a re-ranking changes) */
    private static java.util.Optional<List<Object>> placed(java.util.Optional<Trough> window) {
        return window.map(t -> List.of(t.day(), t.start(), t.duration(), t.zone()));
    }

    // ---------------------------------------------------------------- properties

    /**
     * @return "Analysing NAME…" while a source is read and analysed whose result is not shown yet
     *         (the first file, or another one); empty otherwise
     */
    public ReadOnlyStringProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrafficSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public TrafficSource getSource() {
        return source.get();
    }

    /** The zone the data is read and the troughs are found in; changing it re-analyses. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ZoneId getZone() {
        return zone.get();
    }

    public void setZone(ZoneId value) {
        zone.set(value);
    }

    /**
     * The cost assumptions (bound to the Costs tab's): once they carry a revenue of the user's or the
     * data's, the recommendation ranks windows by the expected cost of a change, like the Windows
     * tab; changing the revenue re-plans.
     */
    public ObjectProperty<org.lowtide.cost.CostAssumptions> costAssumptionsProperty() {
        return costAssumptions;
    }

    private static boolean revenueGiven(org.lowtide.cost.CostAssumptions a) {
        return a != null && org.lowtide.service.RecommendationService.revenueGiven(a);
    }

    /** The maintenance window length; changing it re-analyses. */
    public ObjectProperty<Duration> windowLengthProperty() {
        return windowLength;
    }

    public Duration getWindowLength() {
        return windowLength.get();
    }

    public void setWindowLength(Duration value) {
        windowLength.set(value);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** Progress of the running analysis in [0, 1], or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public String getStatusMessage() {
        return statusMessage.get();
    }

    /** The result shown; null until the first analysis succeeds. */
    public ReadOnlyObjectProperty<AnalysisResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public AnalysisResult getResult() {
        return result.get();
    }

    /** The recommended weekly window in words (the one every face shows); empty while nothing is loaded. */
    public ReadOnlyStringProperty recommendationProperty() {
        return recommendation.getReadOnlyProperty();
    }

    public String getRecommendation() {
        return recommendation.get();
    }

    /** E.g. "Next: Sun 2 Mar 2025 04:00–06:00 CET"; empty when there is no recommendation. */
    public ReadOnlyStringProperty nextOccurrenceProperty() {
        return nextOccurrence.getReadOnlyProperty();
    }

    /**
     * Other windows, as lines to show: the quietest by traffic in the window alone (labelled so,
     * when the recommendation ranks window and rollback), or the runners-up without a recommendation.
     */
    public ReadOnlyListProperty<String> runnersUpProperty() {
        return runnersUp.getReadOnlyProperty();
    }

    /**
     * The forecast's chosen method and its held-out (backtest) score, e.g. "Forecast: median of the
     * last 4 weeks, backtest MASE 0.84 against 1.08 for repeat the last week (…)"; empty without one.
     */
    public ReadOnlyStringProperty forecastSummaryProperty() {
        return forecastSummary.getReadOnlyProperty();
    }

    /** What the analysis wants the user to know (e.g. too little data). */
    public ReadOnlyListProperty<String> notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Points, step, span and missing steps of the shown series. */
    public ReadOnlyStringProperty seriesFactsProperty() {
        return seriesFacts.getReadOnlyProperty();
    }

    /** The import warnings of the shown series, in file order. */
    public ReadOnlyListProperty<ImportWarning> warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** What went wrong in the last analysis; empty when it worked or the message was dismissed. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    /** Why the last zone text was refused; empty when it was valid. */
    public ReadOnlyStringProperty zoneErrorProperty() {
        return zoneError.getReadOnlyProperty();
    }

    public String getZoneError() {
        return zoneError.get();
    }

    /** "Lowtide &lt;version&gt; — &lt;file name&gt;". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String getTitle() {
        return title.get();
    }

    /** The traffic over time with the recommended window's occurrences shaded. */
    public ReadOnlyObjectProperty<JFreeChart> trafficChartProperty() {
        return trafficChart.getReadOnlyProperty();
    }

    /** The weekly heat map with the troughs outlined; null when the data shows no weekly profile. */
    public ReadOnlyObjectProperty<JFreeChart> heatmapChartProperty() {
        return heatmapChart.getReadOnlyProperty();
    }
}
