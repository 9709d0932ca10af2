package org.lowtide.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResolutionTest {

    private static TrafficSeries minutes(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 3 == 0 ? Double.NaN : i;
        }
        return new TrafficSeries("s", Instant.parse("2025-01-06T00:00:00Z"), Duration.ofMinutes(1), v, ZoneOffset.UTC, "");
    }

    @Test
    void aSeriesThatFitsIsLeftAsItIs() {
        assertThat(Resolution.fit(minutes(100), 100)).isEmpty();
    }

    @Test
    void aLongSeriesIsGatheredIntoBlocksWhoseStepDividesAnHour() {
        // 100 points into at most 30: k = 4 (4 minutes divide an hour), 25 blocks
        TrafficSeries coarse = Resolution.fit(minutes(100), 30).orElseThrow();

        assertThat(coarse.step()).isEqualTo(Duration.ofMinutes(4));
        assertThat(coarse.size()).isEqualTo(25);
        // block 0 holds minutes 0..3: 0 is missing, 1, 2 measured, 3 missing -> mean 1.5 per minute, 6 per 4 minutes
        assertThat(coarse.valueAt(0)).isEqualTo(1.5 * 4);
        // block 1 holds 4..7: 4, 5, 7 measured (6 missing) -> mean 16/3
        assertThat(coarse.valueAt(1)).isCloseTo(16.0 / 3 * 4, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aStepThatNoFactorFitsIsLeftAlone() {
        TrafficSeries hourly = new TrafficSeries("s", Instant.EPOCH, Duration.ofHours(1), new double[100], ZoneOffset.UTC, "");
        assertThat(Resolution.fit(hourly, 30)).isEmpty();
    }

    @Test
    void aStepThatDividesADayButNotAnHourIsPassedOver() {
        // 100 minutes into at most 3: k = 34 is the least that fits; 36 minutes divide a day but not
        // an hour, so the step is 60 minutes (2 blocks)
        TrafficSeries coarse = Resolution.fit(minutes(100), 3).orElseThrow();
        assertThat(coarse.step()).isEqualTo(Duration.ofMinutes(60));
        assertThat(coarse.size()).isEqualTo(2);
    }

    @Test
    void tenMillionMinutesBecomeHourlyAndTenMillionSecondsFiveMinutes() {
        assertThat(Resolution.MAX_ANALYSED_POINTS).isLessThan(10_000_000 / 20);
        TrafficSeries minutes = new TrafficSeries("s", Instant.EPOCH, Duration.ofMinutes(1), new double[10_000_000],
                ZoneOffset.UTC, "");
        assertThat(Resolution.fit(minutes, Resolution.MAX_ANALYSED_POINTS).orElseThrow().step())
                .isEqualTo(Duration.ofHours(1));
        TrafficSeries seconds = new TrafficSeries("s", Instant.EPOCH, Duration.ofSeconds(1), new double[10_000_000],
                ZoneOffset.UTC, "");
        // 50-second totals would fit the memory limit; since issue 20's third pass a long series finer
        // than five minutes is analysed on five minutes (34,560 points instead of 200,000).
        assertThat(Resolution.fit(seconds, Resolution.MAX_ANALYSED_POINTS).orElseThrow().step())
                .isEqualTo(Duration.ofMinutes(5));
    }

    private static TrafficSeries every(Duration step, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 7;
        }
        return new TrafficSeries("s", Instant.parse("2026-09-01T00:00:00Z"), step, v, ZoneOffset.UTC, "");
    }

    @Test
    void ninetyDaysOfMinutesAreAnalysedOnFiveMinutesAndFourWeeksKeepTheirStep() {
        TrafficSeries ninetyDays = every(Duration.ofMinutes(1), 129_600);
        TrafficSeries coarse = Resolution.fit(ninetyDays, Resolution.MAX_ANALYSED_POINTS).orElseThrow();
        assertThat(coarse.step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(coarse.size()).isEqualTo(25_920);
        // minutes 0..4 hold 0, 1, 2, 3, 4: a 5-minute total of 10
        assertThat(coarse.valueAt(0)).isEqualTo(10.0);
        assertThat(Resolution.note(ninetyDays, coarse, Resolution.MAX_ANALYSED_POINTS))
                .startsWith(Resolution.NOTE_START).contains("129,600 1-minute points").contains("5-minute totals");

        assertThat(Resolution.fit(every(Duration.ofMinutes(1), Resolution.FINE_POINTS), Resolution.MAX_ANALYSED_POINTS))
                .isEmpty();
        assertThat(Resolution.fit(every(Duration.ofMinutes(5), 100_000), Resolution.MAX_ANALYSED_POINTS)).isEmpty();
    }

    @Test
    void aFineStepThatFiveMinutesIsNoMultipleOfTakesTheNextStepDividingAnHour() {
        // 2 minutes: 4 minutes is still finer than five, 6 minutes divide an hour
        assertThat(Resolution.fit(every(Duration.ofMinutes(2), 50_000), Resolution.MAX_ANALYSED_POINTS).orElseThrow()
                .step()).isEqualTo(Duration.ofMinutes(6));
        assertThat(Resolution.fit(every(Duration.ofSeconds(30), 50_000), Resolution.MAX_ANALYSED_POINTS).orElseThrow()
                .step()).isEqualTo(Duration.ofMinutes(5));
    }
}
