package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.Patterns;
import org.lowtide.planning.Recommendation;
import org.lowtide.planning.TrafficOutlook;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * Issue #12: {@code analyze} and the Overview plan their recommendation on the analysis they just
 * made instead of analysing the file a second time; the result must be the very one a fresh
 * analysis gives (the forecast, made again for the planner's reach, to the last bit).
 */
class AnalysisReuseTest {

    private final AnalysisService service = new AnalysisService();

    @Test
    void aReusedAnalysisGivesTheFreshOnesForecastAndRecommendation() throws Exception {
        for (TrafficSource.Sample sample : Samples.all()) {
            AnalysisRequest asked = new AnalysisRequest(sample, ImportOptions.inZone(sample.zone()),
                    AnalysisRequest.DEFAULT_WINDOW, AnalysisRequest.DEFAULT_TROUGHS);
            AnalysisResult first = service.analyze(asked, ProgressListener.NONE, Cancellation.NEVER);
            AnalysisRequest forPlanning = new AnalysisRequest(sample, asked.options(), asked.window(),
                    asked.troughCount(), TrafficOutlook.REACH_WEEKS, Optional.empty());
            AnalysisResult reused = service.reuse(first, forPlanning, Cancellation.NEVER).orElseThrow();
            AnalysisResult fresh = service.analyze(forPlanning, ProgressListener.NONE, Cancellation.NEVER);

            Forecast a = reused.patterns().flatMap(Patterns::forecast).orElseThrow();
            Forecast b = fresh.patterns().flatMap(Patterns::forecast).orElseThrow();
            assertThat(a.size()).isEqualTo(b.size()).isGreaterThan(first.patterns().flatMap(Patterns::forecast)
                    .orElseThrow().size());
            assertThat(a.mean()).as(sample.fileName()).containsExactly(b.mean());
            assertThat(a.upper80()).containsExactly(b.upper80());
            assertThat(reused.troughs()).isEqualTo(fresh.troughs());
            assertThat(reused.notes()).isEqualTo(fresh.notes());

            Clock clock = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
            RecommendationService recommendations = new RecommendationService(new PlanService(service), clock);
            Recommendation once = recommendations.recommend(asked, Optional.of(first), Optional.empty(),
                    ProgressListener.NONE, Cancellation.NEVER);
            Recommendation twice = recommendations.recommend(asked, Optional.empty(), ProgressListener.NONE,
                    Cancellation.NEVER);
            assertThat(once.weeklyText()).as(sample.fileName()).isPresent().isEqualTo(twice.weeklyText());
            assertThat(once.firstText()).isEqualTo(twice.firstText());
            assertThat(once.whyDiffers()).isEqualTo(twice.whyDiffers());
            assertThat(once.first().map(w -> w.expected())).isEqualTo(twice.first().map(w -> w.expected()));
        }
    }

    @Test
    void anotherFileZoneWindowOrACalendarIsAnalysedAfresh() throws Exception {
        TrafficSource.Sample shop = Samples.SHOP;
        AnalysisRequest asked = new AnalysisRequest(shop, ImportOptions.inZone(shop.zone()),
                AnalysisRequest.DEFAULT_WINDOW, AnalysisRequest.DEFAULT_TROUGHS);
        AnalysisResult first = service.analyze(asked, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(service.reuse(first, new AnalysisRequest(Samples.API, asked.options(), asked.window(), 5),
                Cancellation.NEVER)).isEmpty();
        assertThat(service.reuse(first, new AnalysisRequest(shop, ImportOptions.inZone(ZoneOffset.UTC),
                asked.window(), 5), Cancellation.NEVER)).isEmpty();
        assertThat(service.reuse(first, new AnalysisRequest(shop, asked.options(), java.time.Duration.ofHours(1), 5),
                Cancellation.NEVER)).isEmpty();
        assertThat(service.reuse(first, new AnalysisRequest(shop, asked.options(), asked.window(), 5, 8,
                Optional.of("DE")), Cancellation.NEVER)).isEmpty();
        assertThat(service.reuse(first, asked, Cancellation.NEVER).orElseThrow().troughs()).isEqualTo(first.troughs());
    }
}
