package org.lowtide.ui.cost;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import org.jfree.chart.JFreeChart;
import org.lowtide.cost.Assumption;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostLimits;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.IncidentMode;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.ScenarioResult;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.cost.Source;
import org.lowtide.report.charts.CostCharts;
import org.lowtide.service.CostService;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.ui.common.BackgroundJob;
import org.lowtide.ui.common.NumberInput;

/**
 * The Costs screen's state: an assumptions form with a validation message and a source per field,
 * and the cost report it produces. Every change to a valid form recomputes in a background
 * {@link BackgroundJob} after a short pause (debounce), cancelling any run still going, so typing never
 * freezes the window; an invalid field shows its message and leaves the last numbers in place.
 */
public final class CostViewModel {

    /**
     * Simulated changes per start time: the CLI's default ({@link org.lowtide.cost.CostAnalysis#DEFAULT_SIMULATIONS}),
     * with the same seed, so that the GUI's tail figures (p90, p99) are the CLI's.
     */
    public static final int SIMULATIONS = org.lowtide.cost.CostAnalysis.DEFAULT_SIMULATIONS;
    /**
     * How long the form must be still before a recompute. Short (issue 20: an edit is re-costed on
     * screen within 100 ms for a year of hourly data, 300 ms for a year of 5-minute data): a run
     * takes about 30 ms on an hourly year and 110 ms on a 5-minute year (see the README), the numbers
     * shown stay until the new ones are ready, and a newer run cancels one still going. It was 300 ms,
     * which alone broke the hourly goal. The first edit after a still moment costs at once. The
     * app's Costs tab now uses none (issue 20, wave 7: every edit costs at once and cancels the run
     * going, which measured faster after a burst of edits; see the README's fifth pass).
     */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(40);

    private static final System.Logger LOG = System.getLogger(CostViewModel.class.getName());

    /** One field of the assumptions form. */
    public static final class Field {
        private final String key;
        private final String label;
        private final String unit;
        private final String defaultText;
        private final Source defaultSource;
        private final StringProperty text;
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
        private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");

        Field(String key, String label, String unit, String defaultText, Source defaultSource) {
            this.key = key;
            this.label = label;
            this.unit = unit;
            this.defaultText = defaultText;
            this.defaultSource = defaultSource;
            this.text = new SimpleStringProperty(this, key, defaultText);
            source.set(defaultSource.describe());
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        /** @return the text as typed */
        public StringProperty textProperty() {
            return text;
        }

        /** @return a message when the text is not a valid value, else empty */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        /** @return where the value comes from: the cited default, or "your input" */
        public ReadOnlyStringProperty sourceProperty() {
            return source.getReadOnlyProperty();
        }

        boolean isDefault() {
            return text.get() != null && text.get().trim().equals(defaultText);
        }

        /** Where a value learned from history came from, while the text still holds that value (#21). */
        private Source learned;
        private String learnedText;

        Optional<Source> learnedSource() {
            return learned != null && text.get() != null && text.get().trim().equals(learnedText)
                    ? Optional.of(learned) : Optional.empty();
        }
    }

    /**
     * One result card at the top of the Costs screen, as the report's summary page states it.
     *
     * @param id    stable name (for tests and styles)
     * @param title what the figure is
     * @param value the figure, rounded to three significant figures
     * @param note  one line under it: when, and the tail
     */
    public record Card(String id, String title, String value, String note) {
    }

    private final ReadOnlyListWrapper<Card> cards =
            new ReadOnlyListWrapper<>(this, "cards", FXCollections.observableArrayList());

    private final CostService service;
    private final Duration debounce;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final BooleanProperty degraded = new SimpleBooleanProperty(this, "degraded", false);
    private final BooleanProperty plannedCounts = new SimpleBooleanProperty(this, "plannedCounts", false);
    private final ObjectProperty<DayOfWeek> chosenDay = new SimpleObjectProperty<>(this, "chosenDay", DayOfWeek.TUESDAY);
    private final ObjectProperty<Integer> chosenHour = new SimpleObjectProperty<>(this, "chosenHour", 14);

    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    /** The last valid assumptions, for other screens (the Windows screen plans in money with them). */
    private final ReadOnlyObjectWrapper<CostAssumptions> assumptions = new ReadOnlyObjectWrapper<>(this, "assumptions");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Open traffic to cost it");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyObjectWrapper<CostReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<CostEstimate> chosenEstimate = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyStringWrapper perMinuteSummary = new ReadOnlyStringWrapper(this, "perMinuteSummary", "");
    private final ReadOnlyStringWrapper changeSummary = new ReadOnlyStringWrapper(this, "changeSummary", "");
    private final ReadOnlyStringWrapper chosenSummary = new ReadOnlyStringWrapper(this, "chosenSummary", "");
    private final ReadOnlyStringWrapper budgetSummary = new ReadOnlyStringWrapper(this, "budgetSummary", "");
    private final ReadOnlyStringWrapper brownOutSummary = new ReadOnlyStringWrapper(this, "brownOutSummary", "");
    private final ReadOnlyListWrapper<ScenarioResult> scenarios =
            new ReadOnlyListWrapper<>(this, "scenarios", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<JFreeChart> revenueChart = new ReadOnlyObjectWrapper<>(this, "revenueChart");
    private final ReadOnlyObjectWrapper<JFreeChart> histogramChart = new ReadOnlyObjectWrapper<>(this, "histogramChart");
    private final ReadOnlyObjectWrapper<JFreeChart> scenarioChart = new ReadOnlyObjectWrapper<>(this, "scenarioChart");

    private TrafficSeries traffic;
    private ZoneId zone;
    private PauseTransition pause;
    /** The inputs of the last run started (the pause's end costs only inputs not costed yet). */
    private Costing started;
    /** Costs; a newer recompute cancels the one running. */
    private final BackgroundJob job;

    /**
     * @param service  the cost use case
     * @param executor runs the cost tasks: the app's background thread, the caller's in tests
     * @param debounce how long the form must be still before a recompute ({@code Duration.ZERO}: at once)
     */
    public CostViewModel(CostService service, Executor executor, Duration debounce) {
        this.service = Objects.requireNonNull(service, "service");
        this.job = new BackgroundJob(Objects.requireNonNull(executor, "executor"));
        busy.bind(job.busyProperty());
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        CostAssumptions d = CostAssumptions.defaults();
        add(new Field("revenuePerYear", "Revenue per year", "per year", "",
                d.revenue().source()));
        add(field(d.currency(), "ISO 4217", d.currency().value().getCurrencyCode()));
        add(field(d.changeFailureRate(), "0 to 1", number(d.changeFailureRate().value())));
        add(field(d.detect(), "minutes", minutes(d.detect().value())));
        add(field(d.restoreMedian(), "minutes", minutes(d.restoreMedian().value())));
        add(field(d.restoreP90(), "minutes", minutes(d.restoreP90().value())));
        add(field(d.impact(), "0 to 1", number(d.impact().value())));
        add(field(d.recovered(), "0 to 1", number(d.recovered().value())));
        add(field(d.churnPerOutageHour(), "per hour", number(d.churnPerOutageHour().value())));
        add(field(d.customerLifetimeValue(), "currency", number(d.customerLifetimeValue().value())));
        add(field(d.slaCreditPerIncident(), "currency", number(d.slaCreditPerIncident().value())));
        add(field(d.slaCreditPerHour(), "per hour", number(d.slaCreditPerHour().value())));
        add(field(d.extraLatencyMs(), "ms", number(d.extraLatencyMs().value())));
        add(field(d.latencyElasticity(), "per 100 ms", number(d.latencyElasticity().value())));
        add(field(d.nightMultiplier(), "× (1 = off)", number(d.nightMultiplier().value())));
        add(field(d.plannedDowntime(), "minutes", minutes(d.plannedDowntime().value())));
        add(field(d.changesPerYear(), "per year", number(d.changesPerYear().value())));
        add(field(d.innovationPerChange(), "your unit", number(d.innovationPerChange().value())));
        add(field(d.sloPercent(), "percent", number(d.sloPercent().value())));
        for (Field f : fields.values()) {
            f.textProperty().addListener((o, a, b) -> inputsChanged());
        }
        degraded.addListener((o, a, b) -> inputsChanged());
        plannedCounts.addListener((o, a, b) -> inputsChanged());
        chosenDay.addListener((o, a, b) -> inputsChanged());
        chosenHour.addListener((o, a, b) -> inputsChanged());
    }

    private void add(Field f) {
        fields.put(f.key(), f);
    }

    private static Field field(Assumption<?> a, String unit, String text) {
        return new Field(a.key(), a.label(), unit, text, a.source());
    }

    /** Sets the traffic to cost (from the main window's analysis) and recomputes. */
    public void setTraffic(TrafficSeries series, ZoneId newZone) {
        this.traffic = series;
        this.zone = newZone;
        recomputeNow();
    }

    // ---- Costs → Learn from history… (issue #21): the one entry point that sets the fields ----

    /**
     * Puts the values learned from the team's history into the form: change failure rate, time to
     * detect, restore median and p90, changes per year, each with its source ("from your data: …")
     * for as long as the field keeps that value. Recomputes.
     */
    public void applyLearned(CostAssumptions learned) {
        setLearned("changeFailureRate", learned.changeFailureRate(), v -> String.format(Locale.ROOT, "%.4f", v));
        setLearned("detect", learned.detect(), d -> String.format(Locale.ROOT, "%.2f", d.toMillis() / 60_000.0));
        setLearned("restoreMedian", learned.restoreMedian(), d -> String.format(Locale.ROOT, "%.2f",
                d.toMillis() / 60_000.0));
        setLearned("restoreP90", learned.restoreP90(), d -> String.format(Locale.ROOT, "%.2f", d.toMillis() / 60_000.0));
        setLearned("changesPerYear", learned.changesPerYear(), v -> String.format(Locale.ROOT, "%.1f", v));
        recomputeNow();
    }

    private <T> void setLearned(String key, Assumption<T> a, java.util.function.Function<T, String> text) {
        if (a.source().kind() != Source.Kind.DATA) {
            return;
        }
        Field f = field(key);
        String t = number(Double.parseDouble(text.apply(a.value())));
        f.learned = a.source();
        f.learnedText = t;
        f.textProperty().set(t);
    }

    private CostAssumptions withLearnedSources(CostAssumptions a) {
        CostAssumptions.Builder b = a.toBuilder();
        field("changeFailureRate").learnedSource().ifPresent(s -> b.changeFailureRate(a.changeFailureRate().value(), s));
        field("detect").learnedSource().ifPresent(s -> b.detect(a.detect().value(), s));
        field("restoreMedian").learnedSource().ifPresent(s -> b.restoreMedian(a.restoreMedian().value(), s));
        field("restoreP90").learnedSource().ifPresent(s -> b.restoreP90(a.restoreP90().value(), s));
        field("changesPerYear").learnedSource().ifPresent(s -> b.changesPerYear(a.changesPerYear().value(), s));
        return b.build();
    }

    /** @return the traffic being costed, for the outages the history dialog may learn from */
    public Optional<TrafficSeries> traffic() {
        return Optional.ofNullable(traffic);
    }

    /** @return the zone of the traffic being costed, or empty before any */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    // ---- end of issue #21's hook ----

    /** @return the form's fields in display order */
    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** @return the field with this key */
    public Field field(String key) {
        return Objects.requireNonNull(fields.get(key), key);
    }

    // ---------------------------------------------------------------- validation

    /** Validates every field; returns the assumptions when all are valid. */
    Optional<CostAssumptions> validate() {
        List<String> problems = new ArrayList<>();
        CostAssumptions.Builder b = CostAssumptions.defaults().toBuilder();
        Field revenue = field("revenuePerYear");
        if (!revenue.textProperty().get().isBlank()) {
            parse(revenue, problems, v -> CostLimits.nonNegative("revenue", v))
                    .ifPresent(v -> b.revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, v, true)));
        } else {
            revenue.error.set("");
        }
        Field currency = field("currency");
        try {
            b.currency(Currency.getInstance(currency.textProperty().get().trim().toUpperCase(Locale.ROOT)));
            currency.error.set("");
        } catch (IllegalArgumentException | NullPointerException e) {
            currency.error.set("not an ISO 4217 currency code; e.g. USD, EUR, GBP");
            problems.add(currency.label());
        }
        parse(field("changeFailureRate"), problems, v -> CostLimits.fraction("the change failure rate", v))
                .ifPresent(b::changeFailureRate);
        parse(field("detect"), problems, v -> CostLimits.nonNegative("the time to detect", v))
                .ifPresent(v -> b.detect(ofMinutes(v)));
        Optional<Double> median = parse(field("restoreMedian"), problems,
                v -> CostLimits.positive("the median restore time", v));
        Optional<Double> p90 = parse(field("restoreP90"), problems,
                v -> CostLimits.positive("the 90th percentile restore time", v));
        if (median.isPresent() && p90.isPresent()) {
            Optional<String> order = CostLimits.p90NotBelowMedian(ofMinutes(median.get()), ofMinutes(p90.get()));
            if (order.isPresent()) {
                field("restoreP90").error.set(order.get());
                problems.add("restoreP90");
            } else {
                b.restoreMedian(ofMinutes(median.get())).restoreP90(ofMinutes(p90.get()));
            }
        }
        parse(field("impact"), problems, v -> CostLimits.fraction("the share of users affected", v)).ifPresent(b::impact);
        parse(field("recovered"), problems, v -> CostLimits.fraction("the share recovered", v)).ifPresent(b::recovered);
        parse(field("churnPerOutageHour"), problems, v -> CostLimits.nonNegative("the customers cancelling", v))
                .ifPresent(b::churnPerOutageHour);
        parse(field("customerLifetimeValue"), problems, v -> CostLimits.nonNegative("the lifetime value", v))
                .ifPresent(b::customerLifetimeValue);
        parse(field("slaCreditPerIncident"), problems, v -> CostLimits.nonNegative("the SLA credit", v))
                .ifPresent(b::slaCreditPerIncident);
        parse(field("slaCreditPerHour"), problems, v -> CostLimits.nonNegative("the SLA credit", v))
                .ifPresent(b::slaCreditPerHour);
        parse(field("extraLatencyMs"), problems, v -> CostLimits.nonNegative("the extra latency", v))
                .ifPresent(b::extraLatencyMs);
        parse(field("latencyElasticity"), problems, v -> CostLimits.fraction("the latency elasticity", v))
                .ifPresent(b::latencyElasticity);
        parse(field("nightMultiplier"), problems, v -> CostLimits.atLeastOne("the night multiplier", v))
                .ifPresent(b::nightMultiplier);
        parse(field("plannedDowntime"), problems, v -> CostLimits.nonNegative("the planned downtime", v))
                .ifPresent(v -> b.plannedDowntime(ofMinutes(v)));
        parse(field("changesPerYear"), problems, v -> CostLimits.nonNegative("the changes per year", v))
                .ifPresent(b::changesPerYear);
        parse(field("innovationPerChange"), problems, v -> CostLimits.nonNegative("the innovation per change", v))
                .ifPresent(b::innovationPerChange);
        parse(field("sloPercent"), problems, CostLimits::slo).ifPresent(b::sloPercent);
        if (degraded.get()) {
            b.mode(IncidentMode.DEGRADED);
        }
        if (plannedCounts.get()) {
            b.plannedCountsAgainstBudget(true);
        }
        for (Field f : fields.values()) {
            f.source.set(f.learnedSource().map(Source::describe)
                    .orElse(f.isDefault() ? f.defaultSource.describe() : "your input"));
        }
        if (!problems.isEmpty()) {
            valid.set(false);
            return Optional.empty();
        }
        try {
            CostAssumptions built = withLearnedSources(b.build());
            valid.set(true);
            assumptions.set(built);
            return Optional.of(built);
        } catch (IllegalArgumentException e) {
            valid.set(false);
            errorMessage.set(e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Double> parse(Field f, List<String> problems, Function<Double, Optional<String>> check) {
        NumberInput.Reading reading = NumberInput.read(f.textProperty().get());
        if (!reading.ok()) {
            f.error.set(reading.problem());
            problems.add(f.key());
            return Optional.empty();
        }
        double v = reading.value();
        Optional<String> problem = check.apply(v);
        if (problem.isPresent()) {
            f.error.set(problem.get());
            problems.add(f.key());
            return Optional.empty();
        }
        f.error.set("");
        return Optional.of(v);
    }

    // ---------------------------------------------------------------- recompute

    private void inputsChanged() {
        // Messages appear as the user types; only the recompute waits for a pause.
        if (validate().isEmpty()) {
            status.set("Fix the marked fields to update the numbers");
            if (pause != null) {
                pause.stop();
            }
            return;
        }
        if (debounce.isZero()) {
            recomputeNow();
            return;
        }
        if (pause == null) {
            pause = new PauseTransition(javafx.util.Duration.millis(debounce.toMillis()));
            pause.setOnFinished(e -> {
                if (!costing().equals(started)) {
                    recomputeNow();
                }
            });
        }
        // The first edit after a still moment costs at once (issue 20); edits that follow within the
        // pause wait for it to end, and then only inputs not costed yet are costed again.
        boolean still = pause.getStatus() != javafx.animation.Animation.Status.RUNNING;
        pause.playFromStart();
        if (still) {
            recomputeNow();
        }
    }

    /** What a run costs: the inputs a recompute reads (the traffic by identity). */
    private record Costing(Object traffic, ZoneId zone, CostAssumptions assumptions, DayOfWeek day, Integer hour) {
    }

    /** @return the inputs a recompute would cost now */
    private Costing costing() {
        return new Costing(traffic, zone, assumptions.get(), chosenDay.get(), chosenHour.get());
    }

    /** @return the last valid assumptions (null until the form first validates) */
    public ReadOnlyObjectProperty<CostAssumptions> assumptionsProperty() {
        return assumptions.getReadOnlyProperty();
    }

    /** Validates and, when valid and traffic is loaded, starts a recompute (cancelling one still running). */
    public void recomputeNow() {
        Optional<CostAssumptions> assumptions = validate();
        if (assumptions.isEmpty()) {
            status.set("Fix the marked fields to update the numbers");
            return;
        }
        if (traffic == null) {
            return;
        }
        errorMessage.set("");
        started = costing();
        TrafficSeries series = traffic;
        ZoneId costZone = zone;
        CostAssumptions costed = assumptions.get();
        DayOfWeek day = chosenDay.get();
        LocalTime time = LocalTime.of(chosenHour.get(), 0);
        status.set("Costing…");
        job.start("Costing…", p -> {
            CostReport r = service.report(series, Optional.empty(), costZone, costed, ScenarioSet.defaults(),
                    SIMULATIONS, org.lowtide.cost.CostAnalysis.DEFAULT_SEED, p::isCancelled);
            p.check();
            ChangeSimulator.Run chosen = service.simulateAt(r, day, time, SIMULATIONS,
                    org.lowtide.cost.CostAnalysis.DEFAULT_SEED);
            JFreeChart week = CostCharts.revenueWeek(r.curve(), r.expectedBySlot());
            JFreeChart histogram = CostCharts.changeCostHistogram(chosen.failureCosts(), chosen.estimate());
            JFreeChart bars = CostCharts.scenarios(r.scenarios(), r.currency());
            return new Outcome(r, chosen, day, time, week, histogram, bars);
        }, this::show, error -> {
            if (error instanceof RejectedExecutionException) {
                status.set("Not costed: shutting down");
                return;
            }
            if (!(error instanceof IllegalArgumentException)) {
                LOG.log(System.Logger.Level.ERROR, "cost run failed", error);
            }
            errorMessage.set(error.getMessage() == null ? error.toString() : error.getMessage());
            status.set("Could not cost this traffic");
        }, () -> status.set("Cancelled"));
    }

    /** Stops a running recompute. */
    public void cancel() {
        job.cancel();
    }

    private void show(Outcome o) {
        CostReport r = o.report();
        report.set(r);
        chosenEstimate.set(o.chosen().estimate());
        CostTexts texts = CostTexts.of(r, o.chosen(), o.day(), o.time());
        perMinuteSummary.set(texts.perMinute());
        changeSummary.set(texts.change());
        chosenSummary.set(texts.chosen());
        budgetSummary.set(texts.budget());
        brownOutSummary.set(texts.brownOut());
        scenarios.setAll(r.scenarios());
        cards.setAll(texts.cards());
        revenueChart.set(o.revenueChart());
        histogramChart.set(o.histogramChart());
        scenarioChart.set(o.scenarioChart());
        status.set("Costed " + traffic.name() + " in " + zone.getId());
    }

    /** @return an amount with the currency's usual decimals and its code */
    public static String money(double amount, Currency currency) {
        return CostTexts.money(amount, currency);
    }

    /** @return the result cards, in display order; empty before the first result */
    public ReadOnlyListProperty<Card> cardsProperty() {
        return cards.getReadOnlyProperty();
    }

    private static String number(double v) {
        return NumberInput.format(v);
    }

    private static String minutes(Duration d) {
        return number(d.toSeconds() / 60.0);
    }

    private static Duration ofMinutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /** What one cost task hands back to the FX thread. */
    private record Outcome(CostReport report, ChangeSimulator.Run chosen, DayOfWeek day, LocalTime time,
                           JFreeChart revenueChart, JFreeChart histogramChart, JFreeChart scenarioChart) {
    }

    // ---------------------------------------------------------------- properties

    public BooleanProperty degradedProperty() {
        return degraded;
    }

    public BooleanProperty plannedCountsProperty() {
        return plannedCounts;
    }

    public ObjectProperty<DayOfWeek> chosenDayProperty() {
        return chosenDay;
    }

    public ObjectProperty<Integer> chosenHourProperty() {
        return chosenHour;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CostReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CostEstimate> chosenEstimateProperty() {
        return chosenEstimate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty perMinuteSummaryProperty() {
        return perMinuteSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changeSummaryProperty() {
        return changeSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chosenSummaryProperty() {
        return chosenSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty budgetSummaryProperty() {
        return budgetSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty brownOutSummaryProperty() {
        return brownOutSummary.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<ScenarioResult> scenariosProperty() {
        return scenarios.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> revenueChartProperty() {
        return revenueChart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> histogramChartProperty() {
        return histogramChart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> scenarioChartProperty() {
        return scenarioChart.getReadOnlyProperty();
    }
}
