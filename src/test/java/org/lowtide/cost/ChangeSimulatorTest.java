package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ChangeSimulatorTest {

    @Test
    void fixedCaseHasNoSpreadAtAll() {
        ChangeSimulator sim = new ChangeSimulator(new ChangeCostModel(TestCurves.flat(10), TestCurves.plain().build()));
        CostEstimate e = sim.simulate(0, 10_000, 1).estimate();
        assertThat(e.mean()).isCloseTo(500, within(1e-9));
        assertThat(e.p50()).isCloseTo(500, within(1e-9));
        assertThat(e.p90()).isCloseTo(500, within(1e-9));
        assertThat(e.p99()).isCloseTo(500, within(1e-9));
        assertThat(e.standardError()).isLessThan(1e-6);
        assertThat(e.failureProbability()).isEqualTo(1);
        assertThat(e.exactMean()).isCloseTo(500, within(1e-9));
    }

    @Test
    void quantilesCountTheChangesThatDidNotFail() {
        // CFR 0.05 with a fixed 500 per failure: p50 and p90 are 0, p99 is 500.
        ChangeSimulator sim = new ChangeSimulator(new ChangeCostModel(TestCurves.flat(10),
                TestCurves.plain().changeFailureRate(0.05).build()));
        CostEstimate e = sim.simulate(0, 200_000, 3).estimate();
        assertThat(e.p50()).isZero();
        assertThat(e.p90()).isZero();
        assertThat(e.p99()).isEqualTo(500);
        assertThat(e.failureProbability()).isCloseTo(0.05, within(4 * Math.sqrt(0.05 * 0.95 / 200_000)));
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        ChangeCostModel model = randomModel(new SplittableRandom(11));
        ChangeSimulator.Run a = new ChangeSimulator(model).simulate(600, 5_000, 42);
        ChangeSimulator.Run b = new ChangeSimulator(model).simulate(600, 5_000, 42);
        assertThat(a.estimate()).isEqualTo(b.estimate());
        assertThat(a.failureCosts()).containsExactly(b.failureCosts());
    }

    /** A random but valid model: hourly traffic with spread, lognormal restore, everything switched on. */
    static ChangeCostModel randomModel(SplittableRandom random) {
        double[][] samples = new double[168][];
        for (int s = 0; s < 168; s++) {
            double level = random.nextDouble(0, 100) * (1 + Math.sin(2 * Math.PI * s / 24));
            samples[s] = new double[1 + random.nextInt(8)];
            for (int i = 0; i < samples[s].length; i++) {
                samples[s][i] = level * random.nextDouble(0.5, 1.5);
            }
        }
        double median = random.nextDouble(5, 120);
        CostAssumptions a = CostAssumptions.defaults().toBuilder()
                .changeFailureRate(random.nextDouble(0.05, 1))
                .detect(Duration.ofSeconds(random.nextInt(0, 1800)))
                .restoreMedian(Duration.ofSeconds((long) (median * 60)))
                .restoreP90(Duration.ofSeconds((long) (median * 60 * random.nextDouble(1, 4))))
                .impact(random.nextDouble(0.1, 1))
                .recovered(random.nextDouble(0, 0.5))
                .churnPerOutageHour(random.nextDouble(0, 5))
                .customerLifetimeValue(random.nextDouble(0, 500))
                .slaCreditPerIncident(random.nextDouble(0, 100))
                .slaCreditPerHour(random.nextDouble(0, 100))
                .nightMultiplier(random.nextDouble(1, 2))
                .plannedDowntime(Duration.ofMinutes(random.nextInt(0, 40)))
                .build();
        return new ChangeCostModel(TestCurves.spread(random.nextDouble(1, 50), samples), a);
    }

    @RepeatedTest(12)
    void monteCarloAgreesWithTheClosedFormWithinFourStandardErrors(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(1000 + info.getCurrentRepetition());
        ChangeCostModel model = randomModel(random);
        double start = random.nextDouble(0, RevenueCurve.MINUTES_PER_WEEK);
        CostEstimate e = new ChangeSimulator(model).simulate(start, 200_000, random.nextLong()).estimate();
        assertThat(e.standardError()).isPositive();
        assertThat(Math.abs(e.mean() - e.exactMean()))
                .as("mean %s vs exact %s, SE %s", e.mean(), e.exactMean(), e.standardError())
                .isLessThan(4 * e.standardError());
        assertThat(e.p50()).isLessThanOrEqualTo(e.p90());
        assertThat(e.p90()).isLessThanOrEqualTo(e.p99());
    }

    @RepeatedTest(8)
    void costGrowsWithFailureRateRestoreTimeAndTraffic(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(2000 + info.getCurrentRepetition());
        ChangeCostModel base = randomModel(random);
        CostAssumptions a = base.assumptions();
        double start = random.nextDouble(0, RevenueCurve.MINUTES_PER_WEEK);
        long seed = random.nextLong();
        ChangeSimulator.Run baseRun = new ChangeSimulator(base).simulate(start, 20_000, seed);

        CostAssumptions moreFailures = a.toBuilder().changeFailureRate(Math.min(1, a.changeFailureRate().value() * 1.5))
                .build();
        RestoreTime longer = a.restoreTime().scaled(1.5);
        CostAssumptions slower = a.toBuilder().restoreMedian(longer.median()).restoreP90(longer.p90()).build();
        for (CostAssumptions worse : new CostAssumptions[] {moreFailures, slower}) {
            ChangeCostModel model = new ChangeCostModel(base.curve(), worse);
            assertThat(model.expectedCost(start)).isGreaterThanOrEqualTo(base.expectedCost(start));
            ChangeSimulator.Run run = new ChangeSimulator(model).simulate(start, 20_000, seed);
            assertThat(run.estimate().mean()).isGreaterThanOrEqualTo(baseRun.estimate().mean());
            assertThat(run.estimate().p99()).isGreaterThanOrEqualTo(baseRun.estimate().p99());
        }
        // Twice the revenue: the revenue part doubles (credits and the customers who cancel do not).
        CostAssumptions noCredits = a.toBuilder().slaCreditPerHour(0).slaCreditPerIncident(0).churnPerOutageHour(0)
                .build();
        RevenueCurve doubled = doubled(base.curve());
        double once = new ChangeCostModel(base.curve(), noCredits).expectedCost(start);
        double twice = new ChangeCostModel(doubled, noCredits).expectedCost(start);
        assertThat(twice).isCloseTo(2 * once, within(1e-9 * Math.max(1, once)));
    }

    @RepeatedTest(5)
    void zeroTrafficCostsNothingButContractualCredits(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(3000 + info.getCurrentRepetition());
        CostAssumptions a = randomModel(random).assumptions().toBuilder().slaCreditPerIncident(0).slaCreditPerHour(0)
                .build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(0), a);
        double start = random.nextDouble(0, RevenueCurve.MINUTES_PER_WEEK);
        assertThat(model.expectedCost(start)).isZero();
        CostEstimate e = new ChangeSimulator(model).simulate(start, 1000, 1).estimate();
        assertThat(e.mean()).isZero();
        assertThat(e.p99()).isZero();
    }

    @RepeatedTest(8)
    void aTroughIsNeverCostlierThanThePeakWhenResponseIsTheSameAllDay(RepetitionInfo info) {
        // With the night multiplier at 1 and short incidents inside one slot, cost follows traffic.
        SplittableRandom random = new SplittableRandom(4000 + info.getCurrentRepetition());
        ChangeCostModel model = randomModel(random);
        CostAssumptions a = model.assumptions().toBuilder().nightMultiplier(1).plannedDowntime(Duration.ZERO)
                .detect(Duration.ZERO).restoreFixed(Duration.ofMinutes(60)).build();
        ChangeCostModel day = new ChangeCostModel(model.curve(), a);
        double[] perMinute = model.curve().perMinute();
        int trough = 0;
        int peak = 0;
        for (int s = 0; s < perMinute.length; s++) {
            trough = perMinute[s] < perMinute[trough] ? s : trough;
            peak = perMinute[s] > perMinute[peak] ? s : peak;
        }
        double[] bySlot = day.expectedCostBySlot();
        assertThat(bySlot[trough]).isLessThanOrEqualTo(bySlot[peak]);
        // And over any window: the cheapest start is never dearer than the peak start.
        assertThat(KhModel.min(bySlot)).isLessThanOrEqualTo(bySlot[peak]);
    }

    @Test
    void theNightMultiplierCanMakeTheQuietHourDearerThanAnAwakeTeam() {
        // Traffic at night is half the day's, but responders take three times as long: the trade-off.
        double[] perMinute = new double[168];
        for (int h = 0; h < 168; h++) {
            int hourOfDay = h % 24;
            perMinute[h] = hourOfDay < 7 ? 5 : 10;
        }
        CostAssumptions a = TestCurves.plain().nightMultiplier(3)
                .nightHours(new HoursOfDay(LocalTime.of(0, 0), LocalTime.of(7, 0))).build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(perMinute), a);
        assertThat(model.expectedCost(3 * 60)).isCloseTo(5 * 150, within(1e-9));
        assertThat(model.expectedCost(12 * 60)).isCloseTo(10 * 50, within(1e-9));
        assertThat(model.expectedCost(3 * 60)).isGreaterThan(model.expectedCost(12 * 60));
    }

    @Test
    void pooledStartsAreIndependentSoTheStandardErrorIsHonest() {
        // Twenty identical starts pooled: if their random streams were copies of one another, the
        // pooled mean would wander across seeds about √20 times more than its standard error says.
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(10), TestCurves.plain().changeFailureRate(0.2)
                .restoreMedian(java.time.Duration.ofMinutes(45)).restoreP90(java.time.Duration.ofHours(2)).build());
        ChangeSimulator simulator = new ChangeSimulator(model);
        double[] starts = new double[20];
        java.util.Arrays.fill(starts, 600);
        int seeds = 40;
        double[] means = new double[seeds];
        double se = 0;
        for (int k = 0; k < seeds; k++) {
            CostEstimate e = simulator.simulateAcross(starts, 40_000, k + 1);
            means[k] = e.mean();
            se += e.standardError() / seeds;
        }
        double mean = java.util.Arrays.stream(means).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / (seeds - 1));
        assertThat(sd / se).as("spread of the pooled means over their standard error").isBetween(0.6, 1.5);
    }

    private static RevenueCurve doubled(RevenueCurve curve) {
        double[] perMinute = curve.perMinute();
        for (int i = 0; i < perMinute.length; i++) {
            perMinute[i] *= 2;
        }
        return TestCurves.exact(perMinute);
    }
}
