package org.lowtide.cost;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import org.lowtide.analysis.WeekSlots;

/** Revenue curves for tests, built from exact per-slot levels. */
final class TestCurves {

    static final Currency USD = Currency.getInstance("USD");

    private TestCurves() {
    }

    /** A week of {@code perMinute.length} equal slots in UTC, revenue per minute exactly as given. */
    static RevenueCurve exact(double... perMinute) {
        WeekSlots slots = new WeekSlots(ZoneOffset.UTC, Duration.ofMinutes(10_080 / perMinute.length));
        double[][] samples = new double[perMinute.length][];
        for (int s = 0; s < perMinute.length; s++) {
            samples[s] = new double[] {perMinute[s]};
        }
        return RevenueCurve.of(EmpiricalTrafficSpread.ofSamples(slots, samples, "test"), new RevenueBasis.Column("test"),
                USD);
    }

    /** Hourly slots with the given samples per slot, revenue spread from an average per minute. */
    static RevenueCurve spread(double averagePerMinute, double[][] samples) {
        WeekSlots slots = new WeekSlots(ZoneOffset.UTC, Duration.ofMinutes(10_080 / samples.length));
        return RevenueCurve.of(EmpiricalTrafficSpread.ofSamples(slots, samples, "test"),
                new RevenueBasis.Amount(RevenueBasis.Period.MINUTE, averagePerMinute, true), USD);
    }

    /** Flat revenue per minute, hourly slots. */
    static RevenueCurve flat(double perMinute) {
        double[] v = new double[168];
        java.util.Arrays.fill(v, perMinute);
        return exact(v);
    }

    /** Assumptions with no night multiplier, no planned downtime, nothing but revenue at stake. */
    static CostAssumptions.Builder plain() {
        return CostAssumptions.defaults().toBuilder().nightMultiplier(1).impact(1).recovered(0)
                .detect(Duration.ofMinutes(5)).restoreFixed(Duration.ofMinutes(45)).changeFailureRate(1);
    }
}
