package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

/** Issue 18, problem 5: every trough carries the weeks of data behind it, and thin evidence says so. */
class EvidenceTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2024, 3, 4, 0, 0, 0, 0, ZoneOffset.UTC);

    /** Quiet at night, quietest Sunday 03:00–05:00. */
    private static double level(ZonedDateTime t) {
        int h = t.getHour();
        double v = h < 6 ? 200 : 1000;
        if (t.getDayOfWeek() == DayOfWeek.SUNDAY && h >= 3 && h < 5) {
            v = 50;
        }
        return v;
    }

    private static TrafficSeries series(Duration step, int steps, double measuredShare, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[steps];
        for (int i = 0; i < steps; i++) {
            ZonedDateTime t = START.plus(step.multipliedBy(i));
            v[i] = r.nextDouble() < measuredShare ? level(t) * (1 + 0.1 * (r.nextDouble() - 0.5)) : Double.NaN;
        }
        return new TrafficSeries("t", START.toInstant(), step, v, ZoneOffset.UTC, "requests");
    }

    @Test
    void threeDaysOfDataMakeATentativeRecommendationThatSaysSo() {
        TrafficSeries s = series(Duration.ofHours(1), 72, 1.0, 1);
        List<Trough> troughs = TroughFinder.find(WeeklyProfiles.median(s, ZoneOffset.UTC), Duration.ofHours(2), 3);
        assertThat(troughs).isNotEmpty().allMatch(Trough::tentative);
        assertThat(troughs.get(0).weeksOfData()).isEqualTo(1);
        assertThat(TroughFinder.evidenceNotes(s, troughs)).anyMatch(n -> n.contains("rests on only 1 week")
                && n.contains("tentative"));
    }

    @Test
    void sixFullWeeksAreEvidenceEnough() {
        TrafficSeries s = series(Duration.ofHours(1), 6 * 168, 1.0, 2);
        List<Trough> troughs = TroughFinder.find(WeeklyProfiles.median(s, ZoneOffset.UTC), Duration.ofHours(2), 3);
        assertThat(troughs.get(0).weeksOfData()).isEqualTo(6);
        assertThat(troughs.get(0).tentative()).isFalse();
        assertThat(TroughFinder.evidenceNotes(s, troughs)).isEmpty();
    }

    @Test
    void aSparseSeriesPoolsToCoarserSlotsSaysSoAndStillFindsTheTrough() {
        // 5-minute steps, 70 % missing, six weeks: a 5-minute slot sees about 1.8 values.
        TrafficSeries s = series(Duration.ofMinutes(5), 6 * 168 * 12, 0.3, 3);
        assertThat(WeeklyProfiles.poolFactor(s)).isGreaterThan(1);
        WeeklyProfile profile = WeeklyProfiles.median(s, ZoneOffset.UTC);
        List<Trough> troughs = TroughFinder.find(profile, Duration.ofHours(2), 3);
        Trough best = troughs.get(0);
        assertThat(best.weeksOfData()).isGreaterThan(0);
        assertThat(best.day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(best.start().getHour()).isBetween(2, 3);
        // Within 30 % of the true optimum (the two quiet hours at 50).
        assertThat(best.expected()).isLessThan(1.3 * 50 + 0.3 * 200);
        assertThat(TroughFinder.evidenceNotes(s, troughs)).anyMatch(n -> n.contains("pools 5-minute slots into"));
        // A series with most steps measured is not pooled.
        assertThat(WeeklyProfiles.poolFactor(series(Duration.ofMinutes(5), 2 * 168 * 12, 0.9, 4))).isEqualTo(1);
    }

    @Test
    void anOutageOnAHolidayIsAHolidayNotAnOutage() {
        TrafficSeries s = series(Duration.ofHours(1), 6 * 168, 1.0, 5);
        double[] v = s.values();
        int christmas = 3 * 168 + 24; // a Tuesday, all day at a tenth
        for (int i = christmas; i < christmas + 24; i++) {
            v[i] *= 0.1;
        }
        TrafficSeries t = new TrafficSeries("t", s.start(), s.step(), v, ZoneOffset.UTC, "requests");
        Patterns p = PatternAnalysis.analyze(t, 0, PatternAnalysis.Progress.NONE, () -> false);
        java.time.LocalDate day = START.plusHours(christmas).toLocalDate();
        assertThat(p.anomalyList()).anyMatch(a -> a.kind() == Anomaly.Kind.OUTAGE);
        Patterns marked = p.withHolidays(java.util.Set.of(day), ZoneOffset.UTC);
        assertThat(marked.anomalyList()).noneMatch(a -> a.kind() == Anomaly.Kind.OUTAGE
                && a.interval().start().atZone(ZoneOffset.UTC).toLocalDate().equals(day));
        assertThat(marked.anomalyList()).anyMatch(a -> a.kind() == Anomaly.Kind.HOLIDAY);
        assertThat(marked.anomalies().maskedCount()).isEqualTo(p.anomalies().maskedCount());
    }
}
