package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.stl.Mstl;
import org.lowtide.analysis.stl.MstlParameters;
import org.lowtide.analysis.stl.MstlResult;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;

/** The traps of issue #4 and DESIGN §4, on generated series. */
class PatternTrapsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Hourly traffic in local time: busy afternoons, quiet nights, lowest Sunday 03:00–05:00. */
    private static double level(ZonedDateTime t) {
        int h = t.getHour();
        double day = 200 + 800 * Math.exp(-Math.pow(h - 15, 2) / 18.0);
        if (t.getDayOfWeek() == DayOfWeek.SUNDAY && (h == 3 || h == 4)) {
            day = 60;
        } else if (h >= 2 && h < 6) {
            day = 120;
        }
        if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day *= 0.8;
        }
        return day;
    }

    private static TrafficSeries hourly(ZonedDateTime from, int hours, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[hours];
        for (int i = 0; i < hours; i++) {
            ZonedDateTime t = from.toInstant().plus(Duration.ofHours(i)).atZone(from.getZone());
            v[i] = level(t) * (1 + 0.05 * (random.nextDouble() - 0.5));
        }
        return new TrafficSeries("gen", from.toInstant(), Duration.ofHours(1), v, from.getZone(), "requests");
    }

    private static TrafficSeries masked(TrafficSeries s, Patterns p) {
        return new TrafficSeries(s.name(), s.start(), s.step(), p.anomalies().mask(s.values()), s.zone(), s.unit());
    }

    private static boolean covered(Patterns p, Instant t) {
        return p.anomalyList().stream().anyMatch(a -> a.interval().contains(t));
    }

    @Test
    void peakHourOutagesAreFlaggedAndNeverATrough() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, BERLIN);
        TrafficSeries clean = hourly(start, 4 * 168, 1);
        double[] v = clean.values();
        // DESIGN's trap: a 2-hour zero outage in one week at the busiest time, and one more in another week.
        int[] outages = {2 * 24 + 14, 2 * 24 + 15, 168 + 4 * 24 + 15, 168 + 4 * 24 + 16};
        for (int i : outages) {
            v[i] = 0;
        }
        TrafficSeries series = new TrafficSeries("gen", clean.start(), clean.step(), v, BERLIN, "requests");

        Patterns p = PatternAnalysis.analyze(series, 0, PatternAnalysis.Progress.NONE, () -> false);

        for (int i : outages) {
            assertThat(covered(p, series.timeAt(i))).as("outage step %d flagged", i).isTrue();
        }
        assertThat(p.anomalyList()).anyMatch(a -> a.kind() == Anomaly.Kind.OUTAGE);
        TrafficSeries m = masked(series, p);
        WeeklyProfile profile = WeeklyProfiles.median(m, BERLIN);
        Trough best = TroughFinder.find(profile, Duration.ofHours(2), 1).get(0);
        assertThat(best.day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(best.start()).isEqualTo(LocalTime.of(3, 0));
        // The masked decomposition does not copy the outage into the seasonal component.
        Decomposition d = p.decomposition().orElseThrow();
        assertThat(d.seasonalAt(outages[0]) + d.trend()[outages[0]]).isGreaterThan(0.5 * level(
                series.timeAt(outages[0]).atZone(BERLIN)));
    }

    @Test
    void robustMstlAloneWouldSwallowTheOutage() {
        // The reason for masking: four weeks, one 2-hour zero outage at a weekly slot.
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, BERLIN);
        double[] v = hourly(start, 4 * 168, 2).values();
        v[2 * 24 + 14] = 0;
        v[2 * 24 + 15] = 0;
        MstlResult fit = Mstl.decompose(v, MstlParameters.defaults(true, 24, 168));
        double fitted = fit.trend()[2 * 24 + 14] + fit.seasonalAt(2 * 24 + 14);
        // Without masking, the fit sits far below the usual ~1000 at that hour.
        assertThat(fitted).isLessThan(500);
    }

    @Test
    void zeroFilledWeekIsACollectionGapAndNeverATrough() {
        ZonedDateTime start = ZonedDateTime.of(2025, 3, 3, 0, 0, 0, 0, BERLIN);
        TrafficSeries clean = hourly(start, 6 * 168, 3);
        double[] v = clean.values();
        for (int i = 2 * 168; i < 3 * 168; i++) {
            v[i] = 0;
        }
        TrafficSeries series = new TrafficSeries("gen", clean.start(), clean.step(), v, BERLIN, "requests");

        Patterns p = PatternAnalysis.analyze(series, 2, PatternAnalysis.Progress.NONE, () -> false);

        assertThat(p.anomalyList()).anyMatch(a -> a.kind() == Anomaly.Kind.COLLECTION_GAP
                && a.interval().duration().compareTo(Duration.ofDays(6)) > 0);
        for (int i = 2 * 168; i < 3 * 168; i += 7) {
            assertThat(covered(p, series.timeAt(i))).isTrue();
        }
        Trough best = TroughFinder.find(WeeklyProfiles.median(masked(series, p), BERLIN), Duration.ofHours(2), 1)
                .get(0);
        assertThat(best.day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(best.start()).isEqualTo(LocalTime.of(3, 0));
        // The forecast did not learn the zeros: its afternoons stay busy.
        Forecast f = p.forecast().orElseThrow();
        double max = 0;
        for (double m : f.mean()) {
            max = Math.max(max, m);
        }
        assertThat(max).isGreaterThan(600);
    }

    @Test
    void troughMovesWithThePlanZone() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, BERLIN);
        TrafficSeries series = hourly(start, 4 * 168, 4);
        Trough berlin = TroughFinder.find(WeeklyProfiles.median(series, BERLIN), Duration.ofHours(2), 1).get(0);
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Trough inTokyo = TroughFinder.find(WeeklyProfiles.median(series.withZone(tokyo), tokyo), Duration.ofHours(2), 1)
                .get(0);
        // Winter: Berlin is UTC+1, Tokyo UTC+9: the same instants read eight hours later.
        assertThat(berlin.start()).isEqualTo(LocalTime.of(3, 0));
        assertThat(inTokyo.start()).isEqualTo(LocalTime.of(11, 0));
        assertThat(inTokyo.day()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    void dstWeekDoesNotShiftTheTrough() {
        // Five weeks around the spring change (30 March 2025), traffic following Berlin's wall clock.
        ZonedDateTime start = ZonedDateTime.of(2025, 3, 10, 0, 0, 0, 0, BERLIN);
        TrafficSeries series = hourly(start, 5 * 168, 5);
        Patterns p = PatternAnalysis.analyze(series, 0, PatternAnalysis.Progress.NONE, () -> false);
        TrafficSeries m = masked(series, p);
        List<Trough> troughs = TroughFinder.find(WeeklyProfiles.median(m, BERLIN), Duration.ofHours(2), 1);
        assertThat(troughs.get(0).day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(troughs.get(0).start()).isEqualTo(LocalTime.of(3, 0));
        // And the DST week's real trough is not an anomaly.
        Instant dstSundayTrough = ZonedDateTime.of(2025, 3, 30, 3, 30, 0, 0, BERLIN).toInstant();
        assertThat(covered(p, dstSundayTrough)).isFalse();
        List<TroughStats> stats = TroughStability.assess(m, WeeklyProfiles.median(m, BERLIN), troughs);
        assertThat(stats.get(0).stability()).isEqualTo(1.0);
        assertThat(stats.get(0).weeks()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void forecastBeatsSeasonalNaiveOnARegularSeries() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, BERLIN);
        TrafficSeries series = hourly(start, 10 * 168, 6);
        Patterns p = PatternAnalysis.analyze(series, 8, PatternAnalysis.Progress.NONE, () -> false);
        Forecast f = p.forecast().orElseThrow();
        assertThat(f.size()).isEqualTo(8 * 168);
        assertThat(f.start()).isEqualTo(series.end());
        for (int i = 0; i < f.size(); i++) {
            assertThat(f.lower95()[i]).isLessThanOrEqualTo(f.lower80()[i]);
            assertThat(f.lower80()[i]).isLessThanOrEqualTo(f.mean()[i] + 1e-9);
            assertThat(f.upper80()[i]).isGreaterThanOrEqualTo(f.mean()[i] - 1e-9);
            assertThat(f.upper95()[i]).isGreaterThanOrEqualTo(f.upper80()[i]);
        }
        Forecast.Backtest bt = f.backtest().orElseThrow();
        assertThat(bt.origins()).isBetween(3, ForecastSelection.MAX_ORIGINS);
        assertThat(bt.mase()).isLessThan(1.2 * bt.naiveMase());
        // The forecast keeps the weekly shape: next Sunday 03:00 below next Wednesday 15:00.
        int sunday = (int) Duration.between(f.start(), ZonedDateTime.of(2025, 3, 23, 3, 0, 0, 0, BERLIN)
                .toInstant()).toHours();
        int wednesday = (int) Duration.between(f.start(), ZonedDateTime.of(2025, 3, 19, 15, 0, 0, 0, BERLIN)
                .toInstant()).toHours();
        assertThat(f.mean()[sunday]).isLessThan(0.2 * f.mean()[wednesday]);
    }

    @Test
    void holidayEffectIsMeasuredAgainstTheProfile() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, BERLIN);
        TrafficSeries clean = hourly(start, 5 * 168, 7);
        double[] v = clean.values();
        // Wednesday of week 3 at 40 % of the usual traffic all day.
        for (int i = 2 * 168 + 2 * 24; i < 2 * 168 + 3 * 24; i++) {
            v[i] *= 0.4;
        }
        TrafficSeries series = new TrafficSeries("gen", clean.start(), clean.step(), v, BERLIN, "requests");
        WeeklyProfile profile = WeeklyProfiles.median(series, BERLIN);
        java.time.LocalDate holiday = java.time.LocalDate.of(2025, 1, 22);
        List<HolidayEffect> effects = HolidayEffects.estimate(series, profile,
                java.util.Map.of(holiday, "Test Day", java.time.LocalDate.of(2025, 3, 1), "Ahead"),
                series.end().plus(Duration.ofDays(30)));
        HolidayEffect h = effects.stream().filter(e -> e.date().equals(holiday)).findFirst().orElseThrow();
        assertThat(h.inHistory()).isTrue();
        assertThat(h.ratio()).isBetween(0.35, 0.45);
        assertThat(effects).anyMatch(e -> e.inForecast() && Double.isNaN(e.ratio()));
    }

    @Test
    void intervalsOfAnomaliesAreWholeSteps() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, BERLIN);
        TrafficSeries clean = hourly(start, 4 * 168, 8);
        double[] v = clean.values();
        v[100] = 20_000; // a spike
        TrafficSeries series = new TrafficSeries("gen", clean.start(), clean.step(), v, BERLIN, "requests");
        Patterns p = PatternAnalysis.analyze(series, 0, PatternAnalysis.Progress.NONE, () -> false);
        Anomaly spike = p.anomalyList().stream().filter(a -> a.kind() == Anomaly.Kind.SPIKE).findFirst().orElseThrow();
        assertThat(spike.interval()).isEqualTo(new Interval(series.timeAt(100), series.timeAt(101)));
        assertThat(spike.score()).isGreaterThan(10);
    }

    @Test
    void forecastAcrossADstChangeKeepsTheLocalTrough() {
        // Six weeks ending a week before the autumn change; the forecast crosses 26 October 2025.
        ZonedDateTime start = ZonedDateTime.of(2025, 9, 8, 0, 0, 0, 0, BERLIN);
        TrafficSeries series = hourly(start, 6 * 168, 9);
        Patterns p = PatternAnalysis.analyze(series, 3, PatternAnalysis.Progress.NONE, () -> false);
        Forecast f = p.forecast().orElseThrow();
        // The quietest forecast hour of each local Sunday is 03:00 or 04:00 local, before and after.
        for (ZonedDateTime sunday : new ZonedDateTime[] {ZonedDateTime.of(2025, 10, 26, 0, 0, 0, 0, BERLIN),
            ZonedDateTime.of(2025, 11, 2, 0, 0, 0, 0, BERLIN)}) {
            int best = -1;
            for (int i = 0; i < f.size(); i++) {
                ZonedDateTime t = f.timeAt(i).atZone(BERLIN);
                if (t.toLocalDate().equals(sunday.toLocalDate()) && (best < 0 || f.mean()[i] < f.mean()[best])) {
                    best = i;
                }
            }
            assertThat(f.timeAt(best).atZone(BERLIN).getHour()).as("quietest hour on %s", sunday.toLocalDate())
                    .isIn(3, 4);
        }
        // After the change, local 04:00 (trough) stays below local 02:00 (not the trough): a
        // forecast repeating UTC cycles would have swapped them.
        int at2 = (int) Duration.between(f.start(), ZonedDateTime.of(2025, 11, 2, 2, 0, 0, 0, BERLIN).toInstant())
                .toHours();
        int at4 = (int) Duration.between(f.start(), ZonedDateTime.of(2025, 11, 2, 4, 0, 0, 0, BERLIN).toInstant())
                .toHours();
        assertThat(f.mean()[at4]).isLessThan(0.8 * f.mean()[at2]);
    }

    @Test
    void decompositionOnTheWallClockBeatsSeasonalNaiveAcrossDst() throws Exception {
        // The bundled API sample crosses the US spring change; its backtest must beat seasonal naive.
        try (java.io.Reader in = new java.io.InputStreamReader(PatternTrapsTest.class.getResourceAsStream(
                "/org/lowtide/samples/api-5min-dst-2026.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            TrafficSeries s = org.lowtide.traffic.imports.CsvTrafficReader.read(in, "api",
                    org.lowtide.traffic.imports.ImportOptions.inZone(ZoneId.of("America/New_York"))).series();
            Patterns p = PatternAnalysis.analyze(s, 1, PatternAnalysis.Progress.NONE, () -> false);
            Forecast.Backtest bt = p.forecast().orElseThrow().backtest().orElseThrow();
            assertThat(bt.mase()).isLessThan(bt.naiveMase());
        }
    }

    @Test
    void twoWeeksAcrossTheAutumnChangeStillDecompose() {
        // 336 hourly steps, but the local week grid has 335 (02:00 happens twice on 26 October):
        // the week no longer fits twice on the wall clock and is left out of the decomposition.
        ZonedDateTime start = ZonedDateTime.of(2025, 10, 13, 0, 0, 0, 0, BERLIN);
        TrafficSeries series = hourly(start, 2 * 168, 10);
        Patterns p = PatternAnalysis.analyze(series, 1, PatternAnalysis.Progress.NONE, () -> false);
        Decomposition d = p.decomposition().orElseThrow();
        assertThat(d.periods()).allMatch(sp -> sp.steps() * 2 <= 335);
        assertThat(d.periods()).anyMatch(sp -> sp.name().equals("day"));
    }
}
