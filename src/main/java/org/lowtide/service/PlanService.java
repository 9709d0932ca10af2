package org.lowtide.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lowtide.analysis.HolidayEffect;
import org.lowtide.analysis.Patterns;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.cost.ChangeCostModel;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.RevenueCurve;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.Holidays;
import org.lowtide.planning.Outlook;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.Outlooks;
import org.lowtide.planning.Plan;
import org.lowtide.planning.TrafficOutlook;
import org.lowtide.planning.WindowPlanner;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileException;
import org.lowtide.project.PlanFileMapper;
import org.lowtide.project.PlanFiles;
import org.lowtide.traffic.Checksums;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;

/** The planning use case shared by the GUI and the CLI: analyse, then plan dated windows; save and reopen. */
public final class PlanService {

    private final AnalysisService analysis;
    private final CostService costs;

    public PlanService(AnalysisService analysis) {
        this(analysis, new CostService());
    }

    /**
     * @param costs costs a change when the plan ranks in money; {@link CostService#sharingReports()}
     *              shares the report with other screens costing the same inputs (the GUI, issue 20)
     */
    public PlanService(AnalysisService analysis, CostService costs) {
        this.analysis = analysis;
        this.costs = java.util.Objects.requireNonNull(costs, "costs");
    }

    /**
     * @throws IllegalArgumentException when the data cannot give a weekly profile or the request is impossible
     */
    public PlanResult plan(PlanRequest request, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        return plan(request, Optional.empty(), progress, cancellation, outlook -> { });
    }

    /**
     * Plans, and hands {@code rankedOn} the outlook the windows were ranked on (the traffic at stake,
     * or the cost of a change in money), step by step over the horizon: the fleet planner scores
     * every start of it exactly as the window planner does.
     */
    public PlanResult plan(PlanRequest request, ProgressListener progress, Cancellation cancellation,
                           java.util.function.Consumer<Outlook> rankedOn) throws ImportException, IOException {
        return plan(request, Optional.empty(), progress, cancellation, rankedOn);
    }

    /**
     * Plans on an analysis made already when it answers for this request (the same source,
     * options, window and holidays, and a forecast at least as long as planning takes: see
     * {@link AnalysisResult#withForecastWeeks}); otherwise analyses first. The windows are the same
     * either way; only the time differs.
     */
    public PlanResult plan(PlanRequest request, Optional<AnalysisResult> analysed, ProgressListener progress,
                           Cancellation cancellation) throws ImportException, IOException {
        return plan(request, analysed, progress, cancellation, outlook -> { });
    }

    /** As {@link #plan(PlanRequest, Optional, ProgressListener, Cancellation)}, handing {@code rankedOn} the outlook ranked on. */
    public PlanResult plan(PlanRequest request, Optional<AnalysisResult> analysed, ProgressListener progress,
                           Cancellation cancellation, java.util.function.Consumer<Outlook> rankedOn)
            throws ImportException, IOException {
        try (var t = Timings.phase("plan")) {
            return planTimed(request, analysed, progress, cancellation, rankedOn);
        }
    }

    /**
     * @return the analysis planning takes for {@code request}: the forecast as far as planning trusts
     *         it ({@link TrafficOutlook#REACH_WEEKS}), none when the plan ranks on the profile alone
     */
    public static AnalysisRequest analysisFor(PlanRequest request) {
        if (request.rules().outlook() == OutlookChoice.PROFILE) {
            // Ranked on the weekly profile: nothing of the decomposition is read (issue 17).
            return request.analysis().withForecastWeeks(0).withoutComponents();
        }
        return request.analysis().withForecastWeeks(TrafficOutlook.REACH_WEEKS);
    }

    /** @return whether {@code given} answers for {@code wanted} (see {@link #plan(PlanRequest, Optional, ProgressListener, Cancellation)}) */
    static boolean answers(AnalysisResult given, AnalysisRequest wanted) {
        // An analysis with the decomposition answers for one without (it holds more).
        AnalysisRequest comparable = given.request().withForecastWeeks(wanted.forecastWeeks());
        comparable = wanted.components() ? comparable : comparable.withoutComponents();
        return comparable.equals(wanted) && given.canCutForecastTo(wanted.forecastWeeks());
    }

    private PlanResult planTimed(PlanRequest request, Optional<AnalysisResult> given, ProgressListener progress,
                                 Cancellation cancellation, java.util.function.Consumer<Outlook> rankedOn)
            throws ImportException, IOException {
        AnalysisRequest a = request.analysis();
        OutlookChoice choice = request.rules().outlook();
        AnalysisRequest forPlanning = analysisFor(request);
        AnalysisResult analysed;
        if (given.isPresent() && answers(given.get(), forPlanning)) {
            analysed = given.get().withForecastWeeks(forPlanning.forecastWeeks());
        } else {
            // An analysis that cannot be cut (a shorter forecast, holidays) may still be re-forecast.
            Optional<AnalysisResult> reused = given.flatMap(r -> analysis.reuse(r, forPlanning, cancellation));
            analysed = reused.isPresent() ? reused.get()
                    : analysis.analyze(forPlanning, (f, m) -> progress.progress(0.7 * f, m), cancellation);
        }
        WeeklyProfile profile = analysed.profile().orElseThrow(() -> new IllegalArgumentException(
                "cannot plan on this data: " + String.join("; ", analysed.notes())));
        WindowRequest windows = withHolidays(request.windows(), request.holidays());
        ZoneId zone = windows.constraints().zone();
        Instant from = windows.from().atStartOfDay(zone).toInstant();
        Instant to = windows.to().plusDays(2).atStartOfDay(zone).toInstant()
                .plus(windows.duration()).plus(windows.rollbackTail());
        PlanRequest resolved = new PlanRequest(request.analysis(), windows, request.holidays(), request.cost(),
                request.rules());
        progress.progress(0.72, "Laying the expected traffic over the horizon");
        var outlookPhase = Timings.phase("outlook");
        TrafficOutlook traffic = withHolidayEffects(TrafficOutlook.of(profile,
                analysed.patterns().flatMap(Patterns::forecast), choice, from, to, analysed.series().unit()),
                analysed, request.holidays(), windows.constraints().holidays(), profile.slots().zone());
        double[] p90Share = traffic.p90ShareOfPeak();
        outlookPhase.close();
        // Money ranks windows only on a revenue of the user's (or the data's): on the placeholder
        // revenue the traffic at stake does, so no window is chosen on a 2014 blog figure.
        if (request.cost().isEmpty() || !RecommendationService.revenueGiven(request.cost().get())) {
            cancellation.check();
            progress.progress(0.85, "Ranking candidate windows");
            rankedOn.accept(traffic.traffic());
            Plan plan;
            try (var t = Timings.phase("ranking")) {
                plan = WindowPlanner.plan(windows, traffic.traffic(), Optional.of(profile.slots()),
                        Optional.of(weekly(traffic.usesForecast(), traffic.traffic(), profile.slots(),
                                profile.expected(), horizonEnd(windows))), request.rules(), p90Share);
            }
            progress.progress(1.0, "Done");
            return new PlanResult(resolved, analysed, plan, Optional.empty(), Map.of(), traffic);
        }
        progress.progress(0.75, "Costing a change at every slot of the week");
        CostAssumptions assumptions = request.cost().get();
        CostReport report;
        var costPhase = Timings.phase("cost model");
        if (assumptions.revenue().value() instanceof org.lowtide.cost.RevenueBasis.Column) {
            // Revenue measured in a column of the file: the cost use case reads that column too.
            CostRequest costRequest = CostRequest.of(request.analysis().source(), request.analysis().options(),
                    assumptions);
            report = costs.cost(costRequest, ProgressListener.NONE, cancellation).report();
        } else {
            // The traffic is imported already: cost it without reading the file again.
            report = costs.report(analysed.series(), Optional.empty(), a.options().zone(), assumptions,
                    org.lowtide.cost.ScenarioSet.defaults(), CostAnalysis.DEFAULT_SIMULATIONS,
                    CostAnalysis.DEFAULT_SEED, cancellation);
        }
        costPhase.close();
        MoneyOutlook money = moneyOutlook(report, assumptions, traffic, profile.slots(), from, to);
        traffic = money.traffic();
        RevenueCurve curve = report.curve();
        cancellation.check();
        progress.progress(0.85, "Ranking candidate windows");
        rankedOn.accept(money.outlook());
        Plan plan;
        try (var t = Timings.phase("ranking")) {
            plan = WindowPlanner.plan(windows, money.outlook(), Optional.of(curve.slots()),
                    Optional.of(weekly(money.dated().isPresent(), money.outlook(), curve.slots(),
                            report.expectedBySlot(), horizonEnd(windows))), request.rules(), p90Share);
        }
        var simulationPhase = Timings.phase("simulation per window");
        progress.progress(0.9, "Simulating a change in each window");
        Map<Integer, CostEstimate> windowCosts = new LinkedHashMap<>();
        ChangeSimulator simulator = new ChangeSimulator(report.model());
        for (ChangeWindow w : plan.windows()) {
            windowCosts.put(w.rank(), simulate(simulator, w, curve, money.dated(), from));
            cancellation.check();
        }
        simulationPhase.close();
        progress.progress(1.0, "Done");
        return new PlanResult(resolved, analysed, plan, Optional.of(report), windowCosts, traffic);
    }

    /**
     * The horizon's holidays that the history measured (the same holiday, by name, in past years)
     * scale the forecast on their day.
     */
    private TrafficOutlook withHolidayEffects(TrafficOutlook traffic, AnalysisResult analysed,
                                              Optional<String> calendar, List<Holiday> holidays, ZoneId zone) {
        if (!traffic.usesForecast() || calendar.isEmpty() || holidays.isEmpty()) {
            return traffic;
        }
        Map<String, double[]> measured = new LinkedHashMap<>();
        // The analysis measured them already when it was asked for the same calendar.
        List<HolidayEffect> effects = analysed.request().holidays().equals(calendar) ? analysed.holidays()
                : analysis.holidays(analysed, calendar.get());
        for (HolidayEffect e : effects) {
            if (e.inHistory() && Double.isFinite(e.ratio())) {
                double[] sumCount = measured.computeIfAbsent(e.name(), k -> new double[2]);
                sumCount[0] += e.ratio();
                sumCount[1]++;
            }
        }
        Map<LocalDate, Double> ratios = new LinkedHashMap<>();
        List<String> applied = new ArrayList<>();
        for (Holiday h : holidays) {
            double[] sumCount = measured.get(h.name());
            if (sumCount != null && !ratios.containsKey(h.date())) {
                double ratio = sumCount[0] / sumCount[1];
                ratios.put(h.date(), ratio);
                applied.add(String.format(Locale.ROOT, "%s %s ×%.2f", h.name(), h.date(), ratio));
            }
        }
        return traffic.withHolidayEffects(ratios, zone, String.join(", ", applied));
    }

    /**
     * The cost of a change at every step of the horizon, its p90, and (on the forecast) the revenue
     * factors behind it.
     */
    private record MoneyOutlook(Outlook outlook, Optional<ChangeCostModel.ScaledCosts> dated, TrafficOutlook traffic) {
    }

    private static MoneyOutlook moneyOutlook(CostReport report, CostAssumptions assumptions, TrafficOutlook traffic,
                                             WeekSlots profileSlots, Instant from, Instant to) {
        RevenueCurve curve = report.curve();
        String currency = curve.currency().getCurrencyCode();
        if (!traffic.usesForecast() || !curve.slots().slot().equals(profileSlots.slot())) {
            double[] expected = report.expectedBySlot();
            double[] upper = new double[expected.length];
            for (int s = 0; s < expected.length; s++) {
                // The cost if the week's traffic in that slot is at its 90th percentile.
                upper[s] = expected[s] * curve.factor(s, 0.9);
            }
            return new MoneyOutlook(Outlooks.fromSlots(curve.slots(), expected, upper, from, to, currency,
                    Outlook.Kind.COST_OF_CHANGE), Optional.empty(), traffic);
        }
        // Where the forecast reaches, each step's revenue is its slot's times the forecast over the
        // profile (a flat rate stays flat: only the p90 values then follow the forecast).
        boolean flat = assumptions.revenue().value() instanceof org.lowtide.cost.RevenueBasis.Amount amount
                && !amount.spreadByTraffic();
        TrafficOutlook noted = flat ? traffic.withNote(traffic.note() + "; the revenue is a flat rate, so the "
                + "forecast moves the p90 limit and the p90 cost, not the expected cost") : traffic;
        double[] factors = flat ? ones(traffic.traffic().size()) : traffic.factors();
        int[] slotOf = slotsOf(curve.slots(), from, factors.length);
        ChangeCostModel.ScaledCosts along = report.model().expectedCostAlong(slotOf, factors);
        double[] ratio = traffic.upperRatios();
        double[] cost = along.expected();
        double[] upper = new double[cost.length];
        for (int i = 0; i < upper.length; i++) {
            boolean forecastStep = i >= traffic.forecastFrom() && i < traffic.forecastTo();
            upper[i] = cost[i] * (forecastStep ? ratio[i] : curve.factor(slotOf[i], 0.9));
        }
        return new MoneyOutlook(new Outlook(from, curve.slots().slot(), cost, upper, currency,
                Outlook.Kind.COST_OF_CHANGE), Optional.of(along), noted);
    }

    /** A seeded simulation of a change going live at any step of a window, on the forecast's factors when given. */
    private static CostEstimate simulate(ChangeSimulator simulator, ChangeWindow w, RevenueCurve curve,
                                         Optional<ChangeCostModel.ScaledCosts> dated, Instant from) {
        double[] minutes = startMinutes(w, curve, curve.slots().zone());
        long seed = CostAnalysis.DEFAULT_SEED + w.rank();
        if (dated.isEmpty()) {
            return simulator.simulateAcross(minutes, CostAnalysis.DEFAULT_SIMULATIONS, seed);
        }
        long stepSeconds = curve.slots().slot().getSeconds();
        int first = (int) ((w.window().start().getEpochSecond() - from.getEpochSecond()) / stepSeconds);
        double[] plannedScale = dated.get().plannedScale();
        double[] incidentScale = dated.get().incidentScale();
        double[] planned = new double[minutes.length];
        double[] incident = new double[minutes.length];
        for (int k = 0; k < minutes.length; k++) {
            int i = Math.min(first + k, plannedScale.length - 1);
            planned[k] = plannedScale[i];
            incident[k] = incidentScale[i];
        }
        return simulator.simulateAcross(minutes, planned, incident, CostAnalysis.DEFAULT_SIMULATIONS, seed);
    }

    /**
     * The weekly values the recurring rule is chosen on: as they are on the weekly profile; on the
     * forecast, each slot's mean over the horizon's dated steps, so that the rule and the dated
     * windows rank on the same traffic (a slot the horizon never meets keeps its weekly value).
     */
    private static double[] weekly(boolean forecast, Outlook outlook, WeekSlots slots, double[] perSlot,
                                   Instant horizonEnd) {
        if (!forecast) {
            return perSlot;
        }
        double[] sum = new double[perSlot.length];
        int[] count = new int[perSlot.length];
        double[] values = outlook.expected();
        WeekSlots.Locator locator = slots.locator();
        for (int i = 0; i < values.length && outlook.timeAt(i).isBefore(horizonEnd); i++) {
            if (!Double.isNaN(values[i])) {
                int slot = locator.slotOf(outlook.timeAt(i).getEpochSecond());
                sum[slot] += values[i];
                count[slot]++;
            }
        }
        double[] mean = perSlot.clone();
        for (int s = 0; s < mean.length; s++) {
            if (count[s] > 0) {
                mean[s] = sum[s] / count[s];
            }
        }
        return mean;
    }

    /** @return the end of the horizon's last day, in the plan's zone */
    private static Instant horizonEnd(WindowRequest windows) {
        return windows.to().plusDays(1).atStartOfDay(windows.constraints().zone()).toInstant();
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    /** The week slot each step of a horizon starts in (wall clock of the slots' zone). */
    private static int[] slotsOf(WeekSlots slots, Instant from, int steps) {
        int[] slotOf = new int[steps];
        WeekSlots.Locator locator = slots.locator();
        long t = from.getEpochSecond();
        long step = slots.slot().getSeconds();
        for (int i = 0; i < steps; i++, t += step) {
            slotOf[i] = locator.slotOf(t);
        }
        return slotOf;
    }

    /** Minutes of the local week of every slot start inside the window: where the change may go live. */
    private static double[] startMinutes(ChangeWindow w, RevenueCurve curve, ZoneId zone) {
        long slotSeconds = curve.slots().slot().getSeconds();
        int steps = (int) Math.max(1, w.window().duration().getSeconds() / slotSeconds);
        double[] minutes = new double[steps];
        for (int i = 0; i < steps; i++) {
            java.time.ZonedDateTime t = w.window().start().plusSeconds(i * slotSeconds).atZone(zone);
            minutes[i] = RevenueCurve.minuteOfWeek(t.getDayOfWeek(), t.toLocalTime());
        }
        return minutes;
    }

    private static WindowRequest withHolidays(WindowRequest r, Optional<String> calendar) {
        if (calendar.isEmpty()) {
            return r;
        }
        List<Holiday> holidays = Holidays.between(calendar.get(), r.from(), r.to().plusDays(1));
        Constraints c = r.constraints();
        Constraints withHolidays = new Constraints(c.zone(), c.allowed(), c.blackouts(), holidays, c.holidayPolicy());
        return new WindowRequest(r.duration(), r.rollbackTail(), r.count(), r.from(), r.to(), r.minGap(), withHolidays,
                r.habit());
    }

    /**
     * Checks a holiday calendar's name up front, so that a wrong name is an option problem (exit 2)
     * and what fails later in planning is a problem of the data (exit 4).
     *
     * @throws IllegalArgumentException naming the calendar
     */
    public static void checkHolidayCalendar(Optional<String> calendar) {
        calendar.ifPresent(c -> Holidays.between(c, java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 1, 2)));
    }

    /**
     * Saves the plan atomically; the source must be a file or a Prometheus query (saved
     * without credentials). An existing target is replaced only
     * when it is a plan this version reads (a damaged, newer, foreign or read-only file is refused
     * with an {@link org.lowtide.project.OutputFileException} and left as it was).
     */
    public void save(PlanResult result, Path target) throws IOException {
        save(result, target, false);
    }

    /** Saves the plan; with {@code force}, any writable file is replaced (the user said {@code --force}). */
    public void save(PlanResult result, Path target, boolean force) throws IOException {
        if (result.request().analysis().source() instanceof TrafficSource.Prometheus) {
            PrometheusQuery query = ((TrafficSource.Prometheus) result.request().analysis().source()).query();
            PlanDocument doc = new PlanDocument(query.base(), "", result.request().analysis().options(),
                    result.request().holidays(), result.request().cost(), result.request().rules(), result.plan(),
                    Optional.of(query));
            PlanFiles.save(PlanFileMapper.toDto(doc, "Lowtide " + AppInfo.version()), target, force);
            return;
        }
        if (!(result.request().analysis().source() instanceof TrafficSource.FileSource)) {
            throw new IllegalArgumentException("only plans on a traffic file can be saved");
        }
        Path source = ((TrafficSource.FileSource) result.request().analysis().source()).path();
        PlanDocument doc = new PlanDocument(source.toAbsolutePath().toString(), Checksums.sha256(source),
                result.request().analysis().options(), result.request().holidays(), result.request().cost(),
                result.request().rules(), result.plan());
        PlanFiles.save(PlanFileMapper.toDto(doc, "Lowtide " + AppInfo.version()), target, force);
    }

    /**
     * Checks up front that a plan may be saved to {@code target} (see {@link #save(PlanResult, Path, boolean)}).
     *
     * @throws org.lowtide.project.OutputFileException saying why not
     */
    public void checkSaveTarget(Path target, boolean force) throws IOException {
        org.lowtide.project.AtomicFiles.checkWritable(target, PlanFiles.replaceable(force));
    }

    /** Opens a saved plan (the saved results; nothing is recomputed). */
    public PlanDocument open(Path file) throws PlanFileException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return PlanFileMapper.fromDto(PlanFiles.load(file), name);
    }

    /**
     * Plans again from a saved plan's source, options and request: the same inputs give the same
     * windows.
     */
    public PlanResult replan(PlanDocument doc, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        return replan(doc, new PrometheusService().environmentConnection(), progress, cancellation);
    }

    /**
     * Plans again; a plan made from Prometheus fetches its query again (its range relative to now
     * when it was saved as one) through {@code connection}, whose credentials the plan never held.
     */
    public PlanResult replan(PlanDocument doc, PrometheusConnection connection, ProgressListener progress,
                             Cancellation cancellation) throws ImportException, IOException {
        WindowRequest r = doc.plan().request();
        TrafficSource source = doc.prometheus().<TrafficSource>map(q -> new TrafficSource.Prometheus(q, connection))
                .orElseGet(() -> new TrafficSource.FileSource(Path.of(doc.sourcePath())));
        AnalysisRequest analysisRequest = new AnalysisRequest(source,
                doc.importOptions(), r.duration(), AnalysisRequest.DEFAULT_TROUGHS);
        // Holidays were resolved and saved with the request; keep them rather than asking Jollyday again.
        return plan(new PlanRequest(analysisRequest, r, Optional.empty(), doc.cost(), doc.rules()), progress,
                cancellation);
    }

    /**
     * Checks a holiday calendar code ({@code DE}, {@code US-NY}) against Jollyday.
     *
     * @return empty when Jollyday has the calendar, else what is wrong (the core's lower-case message)
     */
    public static Optional<String> calendarProblem(String code) {
        try {
            LocalDate day = LocalDate.of(2026, 1, 1);
            Holidays.between(code, day, day);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage() == null || e.getMessage().isBlank()
                    ? "unknown holiday calendar " + code : e.getMessage());
        } catch (RuntimeException e) { // a calendar Jollyday fails to load
            return Optional.of("Cannot load the holidays of " + code + " (" + e.getMessage() + ").");
        }
    }

    /** Loads Jollyday's calendars (slow the first time), so that the first holiday check is quick; any thread. */
    public static void warmUpHolidays() {
        Holidays.between("DE", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
    }
}
