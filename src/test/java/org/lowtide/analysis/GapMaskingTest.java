package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lowtide.traffic.TrafficSeries;

/**
 * Issue 18, problem 4: an 82-hour zero-filled collection gap in a web log was masked on 2- and
 * 3-week slices but not on 4- and 9-week ones. The rule must not depend on the slice: a run of
 * zeros where the series is otherwise rarely zero is a gap whatever it does to the rolling median.
 */
class GapMaskingTest {

    /** Hourly web-log hits: busy days, quiet nights (a few hits, sometimes none), weekends at 40 %. */
    static double[] webLog(ZonedDateTime from, int hours, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[hours];
        for (int i = 0; i < hours; i++) {
            ZonedDateTime t = from.plusHours(i);
            int h = t.getHour();
            double day = h >= 8 && h < 20 ? 400 + 200 * Math.sin((h - 8) * Math.PI / 12) : h >= 6 && h < 23 ? 80 : 4;
            if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day *= 0.4;
            }
            // Poisson-like noise: night hours are sometimes 0.
            double noisy = day + Math.sqrt(day) * 2 * (random.nextDouble() - 0.5) * 1.7;
            v[i] = Math.max(0, Math.round(noisy));
        }
        return v;
    }

    @ParameterizedTest(name = "{0} weeks, gap {1} hours after the start, a {2}-hour run")
    @CsvSource({
        "2, 100, 82", "3, 200, 82", "4, 300, 82", "4, 590, 82", "9, 300, 82", "9, 1200, 82",
        "9, 1450, 82", "4, 300, 150"})
    void aZeroFilledGapIsMaskedOnEverySliceLength(int weeks, int gapAt, int gapHours) {
        ZonedDateTime start = ZonedDateTime.of(2024, 3, 4, 0, 0, 0, 0, ZoneOffset.UTC);
        double[] v = webLog(start, weeks * 168, weeks * 31L + gapAt);
        for (int i = gapAt; i < gapAt + gapHours && i < v.length; i++) {
            v[i] = 0;
        }
        TrafficSeries s = new TrafficSeries("web", start.toInstant(), Duration.ofHours(1), v, ZoneOffset.UTC, "hits");
        Patterns p = PatternAnalysis.analyze(s, 0, PatternAnalysis.Progress.NONE, () -> false);
        for (int i = gapAt; i < gapAt + gapHours && i < v.length; i++) {
            assertThat(p.anomalies().masked()[i]).as("step %d of the gap", i - gapAt).isTrue();
        }
        Instant mid = s.timeAt(gapAt + gapHours / 2);
        assertThat(p.anomalyList()).anyMatch(a -> a.kind() == Anomaly.Kind.COLLECTION_GAP
                && a.interval().contains(mid));
        // The decomposition learned nothing from the zeros: its filled values there are near the usual level (a zero-learned fill would be near 0).
        Decomposition d = p.decomposition().orElseThrow();
        double filled = 0;
        double usual = 0;
        for (int i = gapAt; i < gapAt + gapHours && i < v.length; i++) {
            filled += d.filled()[i];
            int sameHourOtherWeek = i >= 168 ? i - 168 : i + 168;
            usual += v[sameHourOtherWeek];
        }
        assertThat(filled).isGreaterThan(0.5 * usual);
    }

    @org.junit.jupiter.api.Test
    void theFilledValuesAreExactlyWhatTheDecompositionDecomposed() {
        ZonedDateTime start = ZonedDateTime.of(2024, 3, 4, 0, 0, 0, 0, ZoneOffset.UTC);
        double[] v = webLog(start, 5 * 168, 7);
        for (int i = 400; i < 482; i++) {
            v[i] = 0;
        }
        v[600] = 5000; // a spike, masked too
        TrafficSeries s = new TrafficSeries("web", start.toInstant(), Duration.ofHours(1), v, ZoneOffset.UTC, "hits");
        Patterns p = PatternAnalysis.analyze(s, 0, PatternAnalysis.Progress.NONE, () -> false);
        Decomposition d = p.decomposition().orElseThrow();
        assertThat(p.anomalies().maskedCount()).isGreaterThanOrEqualTo(83);
        int[] periods = d.periods().stream().mapToInt(SeasonalPeriod::steps).toArray();
        org.lowtide.analysis.stl.MstlResult again = org.lowtide.analysis.stl.Mstl.decompose(d.filled(),
                org.lowtide.analysis.stl.MstlParameters.defaults(true, periods));
        for (int i = 0; i < d.size(); i++) {
            assertThat(d.trend()[i]).as("trend at %d", i).isCloseTo(again.trend()[i], org.assertj.core.api.Assertions.within(1e-9));
            assertThat(d.filled()[i]).isCloseTo(d.trend()[i] + d.seasonalAt(i) + d.remainder()[i],
                    org.assertj.core.api.Assertions.within(1e-6));
        }
    }
}
