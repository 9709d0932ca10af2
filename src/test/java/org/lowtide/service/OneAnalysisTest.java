package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lowtide.analysis.Forecast;
import org.lowtide.planning.Recommendation;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * Analysing once for the output and the recommendation (issue 20) gives the very numbers of two
 * separate runs: the forecast cut from a longer one, and the plan made on the shared analysis.
 */
class OneAnalysisTest {

    private static final Path SAMPLE = Path.of("sample-data/shop-hourly-2025.csv");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    private static AnalysisRequest request(int weeks) {
        return new AnalysisRequest(new TrafficSource.FileSource(SAMPLE), ImportOptions.inZone(ZoneId.of("Europe/Berlin")),
                AnalysisRequest.DEFAULT_WINDOW, AnalysisRequest.DEFAULT_TROUGHS, weeks, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 8, 30})
    void oneAnalysisGivesTheNumbersOfTwo(int weeks) throws Exception {
        AnalysisService analysis = new AnalysisService();
        RecommendationService recommendations = new RecommendationService(new PlanService(analysis), CLOCK);

        AnalysisResult alone = analysis.analyze(request(weeks), ProgressListener.NONE, Cancellation.NEVER);
        Recommendation separately = recommendations.recommend(request(weeks), Optional.empty(), ProgressListener.NONE,
                Cancellation.NEVER);
        RecommendationService.Recommended both = recommendations.analyzeAndRecommend(analysis, request(weeks),
                Optional.empty(), ProgressListener.NONE, Cancellation.NEVER);

        assertThat(both.analysis().request()).isEqualTo(alone.request());
        assertThat(both.analysis().troughs()).isEqualTo(alone.troughs());
        assertThat(both.analysis().notes()).isEqualTo(alone.notes());
        Optional<Forecast> expected = alone.patterns().flatMap(p -> p.forecast());
        Optional<Forecast> actual = both.analysis().patterns().flatMap(p -> p.forecast());
        assertThat(actual.isPresent()).isEqualTo(weeks > 0).isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.get().mean()).containsExactly(expected.get().mean());
            assertThat(actual.get().lower95()).containsExactly(expected.get().lower95());
            assertThat(actual.get().upper80()).containsExactly(expected.get().upper80());
            assertThat(actual.get().method()).isEqualTo(expected.get().method());
            assertThat(actual.get().backtest()).isEqualTo(expected.get().backtest());
            assertThat(actual.get().baselines().keySet()).isEqualTo(expected.get().baselines().keySet());
            expected.get().baselines().forEach((k, v) -> assertThat(actual.get().baselines().get(k)).containsExactly(v));
        }
        assertThat(both.recommendation()).contains(separately);
    }

    @Test
    void aForecastShorterThanTwoWeeksOrWithHolidaysIsNotCutFromALongerOne() throws Exception {
        AnalysisResult r = new AnalysisService().analyze(request(26), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(r.canCutForecastTo(8)).isTrue();
        assertThat(r.canCutForecastTo(0)).isTrue();
        assertThat(r.canCutForecastTo(1)).isFalse();
        assertThat(r.canCutForecastTo(27)).isFalse();
    }

    @Test
    void aReplanTakesTheAnalysisShownWhenItAnswersAndAnalysesAfreshWhenTheWindowLengthChanged() throws Exception {
        AnalysisService analysis = new AnalysisService();
        PlanService plans = new PlanService(analysis);
        RecommendationService recommendations = new RecommendationService(plans, CLOCK);
        org.lowtide.planning.WindowRequest windows = recommendations.defaultWindows(AnalysisRequest.DEFAULT_WINDOW,
                org.lowtide.cost.CostAssumptions.defaults(), ZoneId.of("Europe/Berlin"));
        PlanRequest first = new PlanRequest(request(8), windows, Optional.empty(), Optional.empty(),
                org.lowtide.planning.PlanRules.NONE);
        PlanResult planned = plans.plan(first, ProgressListener.NONE, Cancellation.NEVER);

        PlanRequest fewer = new PlanRequest(request(8), new org.lowtide.planning.WindowRequest(windows.duration(),
                windows.rollbackTail(), 2, windows.from(), windows.to(), windows.minGap(), windows.constraints(),
                windows.habit()), Optional.empty(), Optional.empty(), org.lowtide.planning.PlanRules.NONE);
        PlanResult replanned = plans.plan(fewer, Optional.of(planned.analysis()), ProgressListener.NONE,
                Cancellation.NEVER);
        assertThat(replanned.analysis()).isSameAs(planned.analysis());
        assertThat(replanned.plan().windows()).hasSize(2)
                .isEqualTo(plans.plan(fewer, ProgressListener.NONE, Cancellation.NEVER).plan().windows());

        AnalysisRequest longer = new AnalysisRequest(request(8).source(), request(8).options(), Duration.ofHours(3),
                AnalysisRequest.DEFAULT_TROUGHS, 8, Optional.empty());
        PlanRequest otherWindow = new PlanRequest(longer, windows, Optional.empty(), Optional.empty(),
                org.lowtide.planning.PlanRules.NONE);
        assertThat(plans.plan(otherWindow, Optional.of(planned.analysis()), ProgressListener.NONE, Cancellation.NEVER)
                .analysis()).isNotSameAs(planned.analysis());
    }
}
