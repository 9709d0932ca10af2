package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.Patterns;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Recommendation;
import org.lowtide.planning.WindowRequest;
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
    void anotherFileZoneOrACalendarIsAnalysedAfresh() throws Exception {
        TrafficSource.Sample shop = Samples.SHOP;
        AnalysisRequest asked = new AnalysisRequest(shop, ImportOptions.inZone(shop.zone()),
                AnalysisRequest.DEFAULT_WINDOW, AnalysisRequest.DEFAULT_TROUGHS);
        AnalysisResult first = service.analyze(asked, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(service.reuse(first, new AnalysisRequest(Samples.API, asked.options(), asked.window(), 5),
                Cancellation.NEVER)).isEmpty();
        assertThat(service.reuse(first, new AnalysisRequest(shop, ImportOptions.inZone(ZoneOffset.UTC),
                asked.window(), 5), Cancellation.NEVER)).isEmpty();
        assertThat(service.reuse(first, new AnalysisRequest(shop, asked.options(), asked.window(), 5, 8,
                Optional.of("DE")), Cancellation.NEVER)).isEmpty();
        assertThat(service.reuse(first, asked, Cancellation.NEVER).orElseThrow().troughs()).isEqualTo(first.troughs());
    }

    /**
     * Issue 20: an edit of the window length (or the trough count) re-ranks on the analysis shown.
     * The reused result must be the fresh analysis's, field by field, and so must the plan made on
     * it (what {@code lowtide plan --window LEN} prints): on the hourly sample (Europe/Berlin) and on
     * the 5-minute sample across the US DST change (America/New_York).
     */
    @Test
    void anotherWindowLengthOrTroughCountIsFoundAgainInTheAnalysisMadeAsAFreshOneFindsIt() throws Exception {
        PlanService plans = new PlanService(service);
        for (TrafficSource.Sample sample : Samples.all()) {
            PlanRequest shown = planRequest(sample, Duration.ofHours(2), AnalysisRequest.DEFAULT_TROUGHS);
            AnalysisResult first = service.analyze(PlanService.analysisFor(shown), ProgressListener.NONE,
                    Cancellation.NEVER);
            for (Duration window : List.of(Duration.ofHours(1), Duration.ofMinutes(210), Duration.ofMinutes(30))) {
                for (int count : new int[] {AnalysisRequest.DEFAULT_TROUGHS, 2}) {
                    String what = sample.fileName() + ", " + window + ", " + count + " troughs";
                    PlanRequest edited = planRequest(sample, window, count);
                    AnalysisRequest wanted = PlanService.analysisFor(edited);
                    AnalysisResult reused = service.reuse(first, wanted, Cancellation.NEVER).orElseThrow();
                    AnalysisResult fresh = service.analyze(wanted, ProgressListener.NONE, Cancellation.NEVER);
                    assertSameAnalysis(what, reused, fresh);
                    assertThat(reused.imported()).as("no second import").isSameAs(first.imported());
                    // 3 h 30 min is no whole number of the hourly sample's slots: no trough, and a note saying why.
                    boolean fits = window.getSeconds() % first.series().step().getSeconds() == 0;
                    assertThat(reused.troughs().isEmpty()).as(what).isEqualTo(!fits);
                    if (!fits) {
                        assertThat(reused.notes()).as(what).isNotEmpty();
                        continue;
                    }

                    PlanResult onShown = plans.plan(edited, Optional.of(first), ProgressListener.NONE,
                            Cancellation.NEVER);
                    PlanResult afresh = plans.plan(edited, ProgressListener.NONE, Cancellation.NEVER);
                    assertThat(onShown.analysis().imported()).as(what).isSameAs(first.imported());
                    assertThat(onShown.plan().windows()).as(what).isNotEmpty().isEqualTo(afresh.plan().windows());
                    assertThat(onShown.plan().rejections()).as(what).isEqualTo(afresh.plan().rejections());
                    assertThat(onShown.plan().recurring()).as(what).isEqualTo(afresh.plan().recurring());
                }
            }
        }
    }

    @Test
    void aLengthEditKeepsTheHolidayCalendarsEffects() throws Exception {
        TrafficSource.Sample shop = Samples.SHOP;
        AnalysisRequest withHolidays = new AnalysisRequest(shop, ImportOptions.inZone(shop.zone()),
                AnalysisRequest.DEFAULT_WINDOW, AnalysisRequest.DEFAULT_TROUGHS, 8, Optional.of("DE"));
        AnalysisResult first = service.analyze(withHolidays, ProgressListener.NONE, Cancellation.NEVER);
        AnalysisRequest longer = new AnalysisRequest(shop, withHolidays.options(), Duration.ofHours(4),
                AnalysisRequest.DEFAULT_TROUGHS, 8, Optional.of("DE"));
        AnalysisResult reused = service.reuse(first, longer, Cancellation.NEVER).orElseThrow();
        AnalysisResult fresh = service.analyze(longer, ProgressListener.NONE, Cancellation.NEVER);
        assertSameAnalysis("4 h with DE holidays", reused, fresh);
        assertThat(reused.holidays()).isNotEmpty();
        // The holidays were looked up over 8 weeks of forecast: another horizon is analysed afresh.
        assertThat(service.reuse(first, longer.withForecastWeeks(26), Cancellation.NEVER)).isEmpty();
    }

    private static void assertSameAnalysis(String what, AnalysisResult reused, AnalysisResult fresh) {
        assertThat(reused.request()).as(what).isEqualTo(fresh.request());
        assertThat(reused.troughs()).as(what).isEqualTo(fresh.troughs());
        assertThat(reused.troughStats()).as(what).isEqualTo(fresh.troughStats());
        assertThat(reused.notes()).as(what).isEqualTo(fresh.notes());
        assertThat(reused.holidays()).as(what).isEqualTo(fresh.holidays());
        assertThat(reused.profile().orElseThrow().expected()).as(what)
                .containsExactly(fresh.profile().orElseThrow().expected());
        assertThat(reused.series().values()).as(what).containsExactly(fresh.series().values());
        Patterns a = reused.patterns().orElseThrow();
        Patterns b = fresh.patterns().orElseThrow();
        assertThat(a.periods()).as(what).isEqualTo(b.periods());
        assertThat(a.anomalyList()).as(what).isEqualTo(b.anomalyList());
        assertThat(a.decomposition().orElseThrow().trend()).as(what)
                .containsExactly(b.decomposition().orElseThrow().trend());
        assertThat(a.forecast().isPresent()).as(what).isEqualTo(b.forecast().isPresent());
        a.forecast().ifPresent(f -> assertThat(f.mean()).as(what).containsExactly(b.forecast().orElseThrow().mean()));
    }

    /** What the Windows screen and {@code lowtide plan --window LEN} ask for on a sample. */
    private static PlanRequest planRequest(TrafficSource.Sample sample, Duration window, int troughs) {
        AnalysisRequest analysis = new AnalysisRequest(sample, ImportOptions.inZone(sample.zone()), window, troughs);
        LocalDate from = LocalDate.of(2026, 11, 11);
        WindowRequest windows = new WindowRequest(window, Duration.ofMinutes(125), 4, from,
                from.plusWeeks(4).minusDays(1), Duration.ofDays(1),
                new Constraints(sample.zone(), List.of(), List.of(), List.of(), HolidayPolicy.BLACKOUT),
                Optional.empty());
        return new PlanRequest(analysis, windows, Optional.empty());
    }
}
