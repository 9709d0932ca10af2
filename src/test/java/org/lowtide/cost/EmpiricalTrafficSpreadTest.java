package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

class EmpiricalTrafficSpreadTest {

    private static TrafficSeries hourly(Instant start, double[] values, ZoneId zone) {
        return new TrafficSeries("t", start, Duration.ofHours(1), values, zone, "requests");
    }

    @Test
    void sharesDivideEachWeekByItsOwnMeanSoGrowthIsNotSpread() {
        // Two full UTC weeks from Monday 00:00; the second is twice the first. Shape: 1 at night, 3 by day.
        double[] v = new double[336];
        for (int i = 0; i < v.length; i++) {
            double shape = (i % 24) < 8 ? 1 : 3;
            v[i] = shape * (i < 168 ? 1 : 2);
        }
        Instant monday = Instant.parse("2025-01-06T00:00:00Z");
        EmpiricalTrafficSpread spread = EmpiricalTrafficSpread.shares(hourly(monday, v, ZoneOffset.UTC), ZoneOffset.UTC);
        double weekMean = (8 * 1 + 16 * 3) / 24.0;
        assertThat(spread.samples(0)).isEqualTo(2);
        assertThat(spread.quantile(0, 0.0)).isCloseTo(1 / weekMean, within(1e-12));
        assertThat(spread.quantile(0, 0.99)).isCloseTo(1 / weekMean, within(1e-12));
        assertThat(spread.mean(12)).isCloseTo(3 / weekMean, within(1e-12));
    }

    @Test
    void revenueSpreadByShareKeepsTheWeeksRevenueAndRanksPeakAboveTrough() {
        double[] v = new double[336];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 24) < 8 ? 1 : 3;
        }
        EmpiricalTrafficSpread spread = EmpiricalTrafficSpread.shares(
                hourly(Instant.parse("2025-01-06T00:00:00Z"), v, ZoneOffset.UTC), ZoneOffset.UTC);
        RevenueCurve curve = RevenueCurve.of(spread, new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 1_000_000, true),
                TestCurves.USD);
        double average = 1_000_000 / (365.2425 * 1440);
        assertThat(curve.weekRevenue()).isCloseTo(average * 10_080, within(1e-6));
        double[] mmm = curve.minMedianMax();
        assertThat(mmm[0]).isCloseTo(average / (56 / 24.0), within(1e-12));   // night: level 1 of mean 56/24
        assertThat(mmm[2]).isCloseTo(3 * average / (56 / 24.0), within(1e-12));
    }

    @Test
    void partialWeeksAreLeftOutAndEmptySlotsInterpolated() {
        // 10 days from Monday: the first week is complete, the 3 days after are not used.
        double[] v = new double[240];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 168 ? 10 : 1000;
        }
        v[50] = Double.NaN;   // one gap in the complete week
        EmpiricalTrafficSpread spread = EmpiricalTrafficSpread.shares(
                hourly(Instant.parse("2025-01-06T00:00:00Z"), v, ZoneOffset.UTC), ZoneOffset.UTC);
        assertThat(spread.samples(0)).isEqualTo(1);
        assertThat(spread.mean(0)).isCloseTo(1, within(1e-12));
        assertThat(spread.mean(50)).isCloseTo(1, within(1e-12));
        assertThat(spread.notes()).anySatisfy(n -> assertThat(n).contains("1 of 168 slots"));
    }

    @Test
    void localWeeksFollowTheWallClockAcrossDst() {
        // Berlin, three weeks across the 30 March 2025 change, hourly in UTC: a dip at 03:00 local every day.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZonedDateTime t = ZonedDateTime.of(2025, 3, 17, 0, 0, 0, 0, berlin);
        Instant start = t.toInstant();
        int n = 3 * 168 - 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ZonedDateTime local = start.plusSeconds(3600L * i).atZone(berlin);
            v[i] = local.getHour() == 3 ? 1 : 10;
        }
        EmpiricalTrafficSpread spread = EmpiricalTrafficSpread.shares(hourly(start, v, berlin), berlin);
        for (int day = 0; day < 7; day++) {
            assertThat(spread.mean(day * 24 + 3)).as("day %d 03:00", day).isLessThan(spread.mean(day * 24 + 4) / 5);
        }
    }

    @Test
    void negativeTrafficIsRejectedWithItsTime() {
        double[] v = new double[48];
        v[5] = -1;
        assertThatThrownBy(() -> EmpiricalTrafficSpread.shares(hourly(Instant.parse("2025-01-06T00:00:00Z"), v,
                ZoneOffset.UTC), ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-01-06T05:00:00Z")
                .hasMessageContaining("cannot be negative");
    }

    @Test
    void aRevenueColumnBecomesRevenuePerMinute() {
        // 120 per hour-long step = 2 per minute.
        double[] v = new double[168];
        java.util.Arrays.fill(v, 120);
        EmpiricalTrafficSpread spread = EmpiricalTrafficSpread.absolute(
                hourly(Instant.parse("2025-01-06T00:00:00Z"), v, ZoneOffset.UTC), ZoneOffset.UTC);
        RevenueCurve curve = RevenueCurve.of(spread, new RevenueBasis.Column("revenue"), TestCurves.USD);
        assertThat(curve.perMinute(17)).isCloseTo(2, within(1e-12));
        assertThat(curve.weekRevenue()).isCloseTo(120 * 168, within(1e-9));
    }
}
