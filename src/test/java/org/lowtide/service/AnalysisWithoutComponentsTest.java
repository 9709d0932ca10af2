package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.PatternAnalysis;
import org.lowtide.analysis.Patterns;
import org.lowtide.analysis.SeasonalPeriod;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * Issue 17: a plan ranked on the weekly profile never reads the decomposition, so its analysis
 * leaves the robust MSTL out. The answer must be the one the full analysis gives, and an analysis
 * made without the decomposition must never stand in for one that needs it.
 */
class AnalysisWithoutComponentsTest {

    private final AnalysisService analyses = new AnalysisService();
    private final PlanService plans = new PlanService(analyses);

    @Test
    void periodsAnomaliesAndNotesAreTheFullAnalysisOnes() throws Exception {
        for (TrafficSource.Sample sample : Samples.all()) {
            TrafficSeries series = analyses.analyze(request(sample), ProgressListener.NONE, Cancellation.NEVER)
                    .series();
            Patterns full = PatternAnalysis.analyze(series, 0, PatternAnalysis.Progress.NONE, () -> false);
            Patterns light = PatternAnalysis.withoutComponents(series, PatternAnalysis.Progress.NONE, () -> false);

            assertThat(full.decomposition()).as(sample.fileName()).isPresent();
            assertThat(light.decomposition()).isEmpty();
            assertThat(light.forecast()).isEmpty();
            assertThat(light.anomalyList()).isEqualTo(full.anomalyList());
            assertThat(light.anomalies().mask(series.values())).containsExactly(full.anomalies().mask(series.values()));
            assertThat(light.notes()).isEqualTo(full.notes());
            assertThat(withoutStrength(light.periods())).isEqualTo(withoutStrength(full.periods())).isNotEmpty();
            assertThat(light.periods()).allSatisfy(p -> assertThat(p.strength()).isNaN());
        }
    }

    @Test
    void aProfilePlanSkipsTheDecompositionAndGivesTheSameWindows() throws Exception {
        for (TrafficSource.Sample sample : Samples.all()) {
            PlanRequest profile = planRequest(sample);
            PlanResult alone = plans.plan(profile, Optional.empty(), ProgressListener.NONE, Cancellation.NEVER);
            assertThat(alone.analysis().request().components()).isFalse();
            assertThat(alone.analysis().patterns().orElseThrow().decomposition()).as(sample.fileName()).isEmpty();

            // The same plan on the analysis a screen shows (with its decomposition and forecast).
            AnalysisResult shown = analyses.analyze(request(sample), ProgressListener.NONE, Cancellation.NEVER);
            PlanResult onShown = plans.plan(profile, Optional.of(shown), ProgressListener.NONE, Cancellation.NEVER);
            assertThat(onShown.analysis().patterns().orElseThrow().decomposition())
                    .as("a full analysis answers for a profile plan, without analysing again").isPresent();
            assertThat(alone.plan().windows()).isEqualTo(onShown.plan().windows()).isNotEmpty();
            assertThat(alone.plan().rejections()).isEqualTo(onShown.plan().rejections());
            assertThat(alone.analysis().troughs()).isEqualTo(onShown.analysis().troughs());
            assertThat(alone.analysis().notes()).isEqualTo(onShown.analysis().notes());
        }
    }

    @Test
    void anAnalysisWithoutTheDecompositionNeverAnswersForOneThatNeedsIt() throws Exception {
        TrafficSource.Sample shop = Samples.SHOP;
        AnalysisRequest light = request(shop).withForecastWeeks(0).withoutComponents();
        AnalysisResult made = analyses.analyze(light, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(made.patterns().orElseThrow().decomposition()).isEmpty();

        assertThat(PlanService.answers(made, light)).isTrue();
        assertThat(PlanService.answers(made, light.withComponents())).isFalse();
        assertThat(PlanService.answers(made, request(shop))).isFalse();
        assertThat(analyses.reuse(made, light.withComponents(), Cancellation.NEVER)).isEmpty();
        assertThat(analyses.reuse(made, request(shop), Cancellation.NEVER)).isEmpty();
        // A forecast plan handed this analysis analyses afresh and forecasts.
        PlanRequest forecast = new PlanRequest(request(shop), planRequest(shop).windows(), Optional.empty(),
                Optional.empty(), PlanRules.NONE);
        PlanResult planned = plans.plan(forecast, Optional.of(made), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(planned.analysis().patterns().orElseThrow().forecast()).isPresent();
        assertThat(planned.analysis().patterns().orElseThrow().decomposition()).isPresent();

        assertThatThrownBy(() -> new AnalysisRequest(shop, light.options(), light.window(), 5, 8, Optional.empty(),
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecast");
        assertThat(request(shop).withoutComponents().components()).as("a forecast keeps its decomposition").isTrue();
    }

    private static AnalysisRequest request(TrafficSource.Sample sample) {
        return new AnalysisRequest(sample, ImportOptions.inZone(sample.zone()), Duration.ofHours(1),
                AnalysisRequest.DEFAULT_TROUGHS);
    }

    private PlanRequest planRequest(TrafficSource.Sample sample) {
        AnalysisRequest analysis = request(sample);
        WindowRequest windows = new RecommendationService(plans, java.time.Clock.fixed(java.time.Instant.parse("2026-03-02T12:00:00Z"), java.time.ZoneOffset.UTC)).defaultWindows(analysis.window(),
                org.lowtide.cost.CostAssumptions.defaults(), sample.zone());
        PlanRules rules = PlanRules.NONE.withOutlook(OutlookChoice.PROFILE);
        return new PlanRequest(analysis, windows, Optional.empty(), Optional.empty(), rules);
    }

    private static List<SeasonalPeriod> withoutStrength(List<SeasonalPeriod> periods) {
        return periods.stream().map(p -> p.withStrength(0)).toList();
    }
}
