package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ChangeCostModelTest {

    @Test
    void flatRevenueCfrOneFixedRestoreCostsRevenueTimesDuration() {
        // 10 per minute, detect 5 + restore 45 = 50 minutes: 500, at every start.
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(10), TestCurves.plain().build());
        for (double start : new double[] {0, 37.5, 5000, 10_079}) {
            assertThat(model.expectedCost(start)).isCloseTo(500, within(1e-9));
        }
        for (double v : model.expectedCostBySlot()) {
            assertThat(v).isCloseTo(500, within(1e-9));
        }
    }

    @Test
    void failureRateScalesTheExpectedCostLinearly() {
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(10),
                TestCurves.plain().changeFailureRate(0.25).build());
        assertThat(model.expectedCost(0)).isCloseTo(125, within(1e-9));
        ChangeCostModel never = new ChangeCostModel(TestCurves.flat(10), TestCurves.plain().changeFailureRate(0).build());
        assertThat(never.expectedCost(0)).isZero();
    }

    @Test
    void impactRecoveryChurnAndCreditsAddUpByHand() {
        // flat 10/min, D = 50 min, impact 0.5, recovered 0.2: 0.5 · 0.8 · 500 = 200.
        // churn 3 customers per hour at average traffic × CLV 100 × impact 0.5 → 0.5 · 300/60 · 50 = 125.
        // credits: 40 per incident + 12 per hour · 50/60 = 10. Total 375.
        CostAssumptions a = TestCurves.plain().impact(0.5).recovered(0.2).churnPerOutageHour(3)
                .customerLifetimeValue(100).slaCreditPerIncident(40).slaCreditPerHour(12).build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(10), a);
        assertThat(model.expectedCost(0)).isCloseTo(375, within(1e-9));
    }

    @Test
    void singleSlotTrafficCostsOnlyTheOverlap() {
        // All revenue in Monday 10:00-11:00: 6 per minute there, nothing elsewhere.
        double[] perMinute = new double[168];
        perMinute[10] = 6;
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(perMinute),
                TestCurves.plain().detect(Duration.ZERO).restoreFixed(Duration.ofMinutes(20)).build());
        assertThat(model.expectedCost(10 * 60 + 30)).isCloseTo(6 * 20, within(1e-9));   // inside
        assertThat(model.expectedCost(10 * 60 + 50)).isCloseTo(6 * 10, within(1e-9));   // half over the end
        assertThat(model.expectedCost(9 * 60 + 50)).isCloseTo(6 * 10, within(1e-9));    // half before the start
        assertThat(model.expectedCost(12 * 60)).isZero();
        assertThat(model.expectedCost(10_080 - 10)).isZero();                           // wraps into Monday 00:10
    }

    @Test
    void plannedDowntimeIsCostedExactlyAndTheFailureFollowsIt() {
        // Revenue 1/min on Mondays 00:00-01:00, 3/min 01:00-02:00, 0 elsewhere. Planned 30 min from 00:45:
        // 15 min × 1 + 15 min × 3 = 60. Failure (CFR 1) live at 01:15 for 50 min: 45 × 3 = 135.
        double[] perMinute = new double[168];
        perMinute[0] = 1;
        perMinute[1] = 3;
        CostAssumptions a = TestCurves.plain().plannedDowntime(Duration.ofMinutes(30)).build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(perMinute), a);
        assertThat(model.plannedCost(45)).isCloseTo(60, within(1e-12));
        assertThat(model.expectedCost(45)).isCloseTo(60 + 135, within(1e-9));
        ChangeCostModel recovering = new ChangeCostModel(TestCurves.exact(perMinute),
                a.toBuilder().recovered(0.5).changeFailureRate(0).build());
        assertThat(recovering.expectedCost(45)).isCloseTo(30, within(1e-12));
    }

    @Test
    void nightMultiplierLengthensIncidentsThatStartAtNight() {
        CostAssumptions a = TestCurves.plain().nightMultiplier(2)
                .nightHours(new HoursOfDay(LocalTime.of(22, 0), LocalTime.of(7, 0))).build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(10), a);
        assertThat(model.expectedCost(3 * 60)).isCloseTo(1000, within(1e-9));   // Monday 03:00: 2 × 50 min
        assertThat(model.expectedCost(12 * 60)).isCloseTo(500, within(1e-9));   // Monday noon
        assertThat(model.expectedCost(23 * 60)).isCloseTo(1000, within(1e-9));  // Monday 23:00
        assertThat(model.expectedCost(7 * 60)).isCloseTo(500, within(1e-9));    // 07:00 is day again
    }

    @Test
    void degradedModeLosesTheLatencyElasticityShare() {
        // 150 ms × 1 % per 100 ms = 1.5 % of 500.
        CostAssumptions a = TestCurves.plain().mode(IncidentMode.DEGRADED).extraLatencyMs(150).latencyElasticity(0.01)
                .build();
        assertThat(new ChangeCostModel(TestCurves.flat(10), a).expectedCost(0)).isCloseTo(7.5, within(1e-9));
    }

    @Test
    void lognormalExpectedRevenueMatchesR() throws IOException {
        // lognormal_reference.R (R 4.2.2): ∫ r(t + τ) P(D > τ) dτ, D = m (5 + X), X ~ LN(median 45, p90 120).
        double[] rate = new double[168];
        for (int h = 0; h < 168; h++) {
            rate[h] = 10 + 5 * Math.sin(2 * Math.PI * h / 24) - (h >= 120 ? 4 : 0);
        }
        RevenueCurve curve = TestCurves.exact(rate);
        for (String[] row : RestoreTimeTest.reference("revenue")) {
            int start = Integer.parseInt(row[1]);
            double m = Double.parseDouble(row[2]);
            double expected = Double.parseDouble(row[4]);
            CostAssumptions a = TestCurves.plain().restoreMedian(Duration.ofMinutes(45))
                    .restoreP90(Duration.ofMinutes(120)).nightMultiplier(m)
                    .nightHours(new HoursOfDay(LocalTime.MIDNIGHT, LocalTime.of(23, 59))).build();
            ChangeCostModel model = new ChangeCostModel(curve, a);
            assertThat(model.expectedCost(start * 60.0)).as("start slot %d, multiplier %s", start, m)
                    .isCloseTo(expected, within(1e-8 * expected));
            assertThat(model.expectedCostBySlot()[start]).isCloseTo(expected, within(1e-8 * expected));
        }
    }

    @Test
    void everySlotOfTheTableAgreesWithTheSingleStartFormula() {
        double[] rate = new double[2016];
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < rate.length; i++) {
            rate[i] = random.nextDouble(0, 20);
        }
        CostAssumptions a = TestCurves.plain().changeFailureRate(0.3).restoreMedian(Duration.ofMinutes(20))
                .restoreP90(Duration.ofMinutes(95)).plannedDowntime(Duration.ofMinutes(7)).nightMultiplier(1.7)
                .slaCreditPerHour(30).build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(rate), a);
        double[] table = model.expectedCostBySlot();
        for (int s = 0; s < table.length; s += 37) {
            assertThat(table[s]).as("slot %d", s).isCloseTo(model.expectedCost(s * 5.0), within(1e-9 * table[s]));
        }
    }

    @Test
    void hIsFailureRateTimesDetectPlusMeanRestoreTimesImpact() {
        CostAssumptions a = TestCurves.plain().changeFailureRate(0.2).impact(0.5).restoreMedian(Duration.ofMinutes(45))
                .restoreP90(Duration.ofMinutes(120)).build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(1), a);
        assertThat(model.expectedDowntimePerChange())
                .isCloseTo(0.2 * (5 + a.restoreTime().meanMinutes()) * 0.5, within(1e-12));
    }
}
