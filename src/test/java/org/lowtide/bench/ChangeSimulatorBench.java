package org.lowtide.bench;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.cost.ChangeCostModel;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.EmpiricalTrafficSpread;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.RevenueCurve;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One million simulated changes (issue #5 asks for under a second), on a 5-minute weekly curve
 * with 52 weeks of spread per slot and a lognormal restore; beside it, the restore draws alone
 * with the JDK's SplittableRandom + nextGaussian (what the simulator uses) and with Commons Math's
 * Well19937c + LogNormalDistribution.sample().
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChangeSimulatorBench {

    private static final int CHANGES = 1_000_000;

    private ChangeSimulator simulator;
    private ChangeCostModel model;
    private int[] alongSlots;
    private double[] alongFactors;

    @Setup
    public void setUp() {
        WeekSlots slots = new WeekSlots(ZoneOffset.UTC, Duration.ofMinutes(5));
        SplittableRandom random = new SplittableRandom(1);
        double[][] samples = new double[slots.count()][52];
        for (int s = 0; s < slots.count(); s++) {
            double level = 100 + 80 * Math.sin(s * 2 * Math.PI / 288);
            for (int w = 0; w < 52; w++) {
                samples[s][w] = level * (0.8 + 0.4 * random.nextDouble());
            }
        }
        RevenueCurve curve = RevenueCurve.of(EmpiricalTrafficSpread.ofSamples(slots, samples, "bench"),
                new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 12_000_000, true), Currency.getInstance("USD"));
        CostAssumptions a = CostAssumptions.defaults().toBuilder().changeFailureRate(0.15).churnPerOutageHour(2)
                .customerLifetimeValue(300).slaCreditPerHour(50).build();
        model = new ChangeCostModel(curve, a);
        simulator = new ChangeSimulator(model);
        int steps = 26 * slots.count();
        alongSlots = new int[steps];
        alongFactors = new double[steps];
        for (int i = 0; i < steps; i++) {
            alongSlots[i] = i % slots.count();
            alongFactors[i] = 1.1 + 0.05 * Math.sin(i / 500.0);
        }
    }

    @Benchmark
    public CostEstimate millionChanges() {
        return simulator.simulate(3 * 1440 + 14 * 60, CHANGES, 42).estimate();
    }

    @Benchmark
    public CostEstimate millionChangesAllFail() {
        return new ChangeSimulator(new ChangeCostModel(model.curve(),
                model.assumptions().toBuilder().changeFailureRate(1).build())).simulate(600, CHANGES, 42).estimate();
    }

    /** The closed form at every 5-minute slot of the week: what a plan on the weekly profile ranks on. */
    @Benchmark
    public double[] costBySlotOfTheWeek() {
        return model.expectedCostBySlot();
    }

    /**
     * The closed form at every 5-minute step of 26 weeks with a revenue factor per step: what a plan
     * on the forecast ranks on, at the forecast's full reach.
     */
    @Benchmark
    public ChangeCostModel.ScaledCosts costAlong26Weeks() {
        return model.expectedCostAlong(alongSlots, alongFactors);
    }

    @Benchmark
    public double millionRestoresSplittableRandom() {
        SplittableRandom random = new SplittableRandom(42);
        double mu = model.restoreTime().mu();
        double sigma = model.restoreTime().sigma();
        double sum = 0;
        for (int i = 0; i < CHANGES; i++) {
            sum += Math.exp(mu + sigma * random.nextGaussian());
        }
        return sum;
    }

    @Benchmark
    public double millionRestoresCommonsMathWell() {
        LogNormalDistribution d = new LogNormalDistribution(new Well19937c(42), model.restoreTime().mu(),
                model.restoreTime().sigma(), LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        double sum = 0;
        for (int i = 0; i < CHANGES; i++) {
            sum += d.sample();
        }
        return sum;
    }
}
