package org.lowtide.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.Source;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.Recommendation;
import org.lowtide.planning.WindowRequest;
import org.lowtide.traffic.imports.ImportException;

/**
 * The one recommended window of a traffic file and its settings, for every face: made by the
 * planner (so {@code plan}, the Windows tab and the report show the very same window) and
 * explained against the quietest traffic alone and the cheapest start minute.
 */
public final class RecommendationService {

    /** Dated windows planned for the recommendation, as {@code plan} and the Windows tab default to. */
    public static final int DEFAULT_COUNT = 4;

    /** Weeks of the default horizon, starting tomorrow (as {@code plan} and the Windows tab). */
    public static final int DEFAULT_HORIZON_WEEKS = 4;

    private final PlanService plans;
    private final Clock clock;

    public RecommendationService(PlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * @return whether the revenue is the user's own (or the data's): only then are windows ranked in money
     */
    public static boolean revenueGiven(CostAssumptions assumptions) {
        Source.Kind kind = assumptions.revenue().source().kind();
        return kind == Source.Kind.USER || kind == Source.Kind.DATA;
    }

    /** @return the rollback tail of a cost model: time to detect plus the 90th percentile of the restore time */
    public static Duration rollbackTail(CostAssumptions assumptions) {
        return assumptions.detect().value().plus(assumptions.restoreP90().value());
    }

    /**
     * The window request every face uses by default: the analysis's window length, the cost model's
     * rollback tail, four windows a day apart at least over four weeks from tomorrow, in {@code zone}.
     */
    public WindowRequest defaultWindows(Duration window, CostAssumptions assumptions, ZoneId zone) {
        LocalDate from = LocalDate.now(clock.withZone(zone)).plusDays(1);
        return new WindowRequest(window, rollbackTail(assumptions), DEFAULT_COUNT, from,
                from.plusWeeks(DEFAULT_HORIZON_WEEKS).minusDays(1), Duration.ofDays(1),
                new Constraints(zone, List.of(), List.of(), List.of(), HolidayPolicy.BLACKOUT), Optional.empty());
    }

    /**
     * Plans with the default window request and builds the recommendation.
     *
     * @param analysis the traffic and its settings (window length, zone)
     * @param cost     the cost model when the face has one (its revenue decides the ranking)
     */
    public Recommendation recommend(AnalysisRequest analysis, Optional<CostAssumptions> cost,
                                    ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        return recommend(analysis, Optional.empty(), cost, progress, cancellation);
    }

    /**
     * As {@link #recommend(AnalysisRequest, Optional, ProgressListener, Cancellation)}, planning on
     * {@code analysed} (the face's own analysis of the same request) instead of analysing again.
     */
    public Recommendation recommend(AnalysisRequest analysis, Optional<AnalysisResult> analysed,
                                    Optional<CostAssumptions> cost, ProgressListener progress,
                                    Cancellation cancellation) throws ImportException, IOException {
        return of(plans.plan(planRequest(analysis, cost), analysed, progress, cancellation));
    }

    /**
     * An analysis and the recommendation planned on it (empty when the data cannot be planned on).
     *
     * @param planned the analysis as planning took it (its forecast as far as planning reaches): hand it
     *                back to {@link #analyzeAndRecommend(AnalysisService, AnalysisRequest, Optional,
     *                Optional, ProgressListener, Cancellation)} to recommend again after an edit
     */
    public record Recommended(AnalysisResult analysis, Optional<Recommendation> recommendation,
                              AnalysisResult planned) {
        public Recommended {
            java.util.Objects.requireNonNull(analysis, "analysis");
            java.util.Objects.requireNonNull(recommendation, "recommendation");
            java.util.Objects.requireNonNull(planned, "planned");
        }
    }

    /**
     * Analyses once and plans the recommendation on that analysis: what {@code analyze} and the
     * main window show. The analysis forecasts as far as planning needs and the result shown is
     * cut to {@code request}'s weeks ({@link AnalysisResult#withForecastWeeks}), so the numbers
     * are those of two separate runs at half the cost.
     *
     * @param analysis the analysis asked for (its forecast weeks are what the result shows)
     */
    public Recommended analyzeAndRecommend(AnalysisService analysis, AnalysisRequest request,
                                           Optional<CostAssumptions> cost, ProgressListener progress,
                                           Cancellation cancellation) throws ImportException, IOException {
        return analyzeAndRecommend(analysis, request, Optional.empty(), cost, progress, cancellation);
    }

    /**
     * As {@link #analyzeAndRecommend(AnalysisService, AnalysisRequest, Optional, ProgressListener,
     * Cancellation)}, on the analysis {@code prior} made already when it answers (issue 20: the
     * Overview's window length or revenue edited; see {@link AnalysisService#reuse}); the same
     * answer either way.
     *
     * @param prior the {@link Recommended#planned()} of an earlier call
     */
    public Recommended analyzeAndRecommend(AnalysisService analysis, AnalysisRequest request,
                                           Optional<AnalysisResult> prior, Optional<CostAssumptions> cost,
                                           ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        PlanRequest planRequest = planRequest(request, cost);
        int planWeeks = PlanService.analysisFor(planRequest).forecastWeeks();
        int shown = request.forecastWeeks();
        boolean share = request.holidays().isEmpty() && (shown == 0 || shown >= 2)
                && (planWeeks == 0 || planWeeks >= 2);
        AnalysisRequest asked = share ? request.withForecastWeeks(Math.max(shown, planWeeks)) : request;
        Optional<AnalysisResult> reused = prior.flatMap(p -> analysis.reuse(p, asked, cancellation));
        AnalysisResult analysed = reused.isPresent() ? reused.get()
                : analysis.analyze(asked, (f, m) -> progress.progress(0.9 * f, m), cancellation);
        AnalysisResult result = analysed.canCutForecastTo(shown) ? analysed.withForecastWeeks(shown) : analysed;
        if (result.profile().isEmpty()) {
            return new Recommended(result, Optional.empty(), analysed);
        }
        progress.progress(0.9, "Planning the recommended window");
        try {
            PlanResult plan = plans.plan(planRequest, Optional.of(analysed), ProgressListener.NONE, cancellation);
            return new Recommended(result, Optional.of(of(plan)), analysed);
        } catch (IllegalArgumentException e) {
            return new Recommended(result, Optional.empty(), analysed); // no weekly profile: the analysis's notes say why
        }
    }

    private PlanRequest planRequest(AnalysisRequest analysis, Optional<CostAssumptions> cost) {
        CostAssumptions assumptions = cost.orElse(CostAssumptions.defaults());
        WindowRequest windows = defaultWindows(analysis.window(), assumptions, analysis.options().zone());
        return new PlanRequest(analysis, windows, analysis.holidays(), cost, PlanRules.NONE);
    }

    /** @return the recommendation a plan makes (the plan's weekly rule and its first dated window) */
    public static Recommendation of(PlanResult result) {
        List<String> warnings = new ArrayList<>();
        // Said wherever the recommendation is shown: it rests on coarser totals than the data's.
        result.analysis().coarserNote().ifPresent(warnings::add);
        Optional<CostAssumptions> cost = result.request().cost();
        if (cost.isPresent() && !revenueGiven(cost.get())) {
            warnings.add(PLACEHOLDER_WARNING);
        }
        Recommendation.Basis basis = result.cost().isPresent() ? Recommendation.Basis.EXPECTED_COST
                : Recommendation.Basis.TRAFFIC_AT_STAKE;
        WindowRequest w = result.plan().request();
        return new Recommendation(basis, result.plan().recurring(), result.plan().windows().stream().findFirst(),
                w.duration(), w.rollbackTail(), result.analysis().best(), warnings);
    }

    /** What every face says when money rests on the placeholder revenue. */
    public static final String PLACEHOLDER_WARNING = org.lowtide.cost.CostAnalysis.NO_REVENUE;
}
