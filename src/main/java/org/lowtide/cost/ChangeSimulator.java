package org.lowtide.cost;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.lowtide.analysis.Quantiles;

/**
 * Monte Carlo over what one change costs when started at a given minute of the week: whether it
 * fails, how long the incident lasts and how busy the week is.
 *
 * <p>Each simulated change draws three numbers, whether it is needed or not (common random
 * numbers: two runs with the same seed and a higher failure rate or longer restores give a cost
 * at least as high change by change): a uniform {@code u} (fails when {@code u < CFR}), a
 * standard normal {@code z} (restore {@code X = exp(μ + σz)}) and a uniform {@code v} (traffic
 * factor: the start slot's level at quantile {@code v} over its mean). The generator is the JDK's
 * {@link SplittableRandom} (SplitMix64, seeded), normals from its {@code nextGaussian()}
 * (Java 17's modified ziggurat, McFarland 2016): no inverse CDF in the loop. The lognormal's
 * parameters and the closed-form mean come from {@link RestoreTime} (Commons Math's
 * {@code LogNormalDistribution} and {@code Erf}). The JMH benchmark {@code ChangeSimulatorBench}
 * compares this with Commons Math's {@code Well19937c} + {@code LogNormalDistribution.sample()}.
 *
 * <p>Percentiles are R's type 7 (linear between order statistics). A run keeps only the costs of
 * failed changes (every other change costs the planned downtime alone), so sorting is on the
 * failures. Not thread-safe; use one simulator per thread.
 */
public final class ChangeSimulator {

    private final ChangeCostModel model;

    public ChangeSimulator(ChangeCostModel model) {
        this.model = model;
    }

    /** A finished run. */
    public static final class Run {
        private final CostEstimate estimate;
        private final double[] failureCosts;
        private final double startMinute;

        Run(CostEstimate estimate, double[] failureCosts, double startMinute) {
            this.estimate = estimate;
            this.failureCosts = failureCosts;
            this.startMinute = startMinute;
        }

        /** @return the summary */
        public CostEstimate estimate() {
            return estimate;
        }

        /** @return the cost of every simulated change that failed (planned downtime included), ascending */
        public double[] failureCosts() {
            return failureCosts.clone();
        }

        /** @return the minute of the week the changes started at */
        public double startMinute() {
            return startMinute;
        }
    }

    /**
     * Simulates {@code n} changes started at {@code startMinute} (minutes since Monday 00:00 local).
     *
     * @param seed the generator's seed: the same seed gives the same run
     */
    public Run simulate(double startMinute, int n, long seed) {
        return simulate(startMinute, n, seed, 1, 1);
    }

    /**
     * Simulates {@code n} changes started at {@code startMinute} when the revenue the planned
     * downtime meets is the curve's times {@code plannedScale} and the revenue an incident meets
     * the curve's times {@code incidentScale} (a dated start whose traffic is forecast above or
     * below the weekly profile; see {@link ChangeCostModel#expectedCostAlong}).
     */
    public Run simulate(double startMinute, int n, long seed, double plannedScale, double incidentScale) {
        if (n < 2) {
            throw new IllegalArgumentException("simulate at least 2 changes, not " + n);
        }
        RevenueCurve curve = model.curve();
        RestoreTime restore = model.restoreTime();
        double cfr = model.changeFailureRate();
        double planned = model.plannedCost(startMinute) * plannedScale;
        double live = model.incidentStart(startMinute);
        double m = model.multiplierAt(live);
        double fixedPart = m * model.detectMinutes();
        double mu = restore.mu();
        double sigma = restore.sigma();
        boolean fixedRestore = restore.isFixed();
        double median = restore.medianMinutes();
        int slot = curve.slotAt(live);

        SplittableRandom random = new SplittableRandom(seed);
        double[] failures = new double[Math.max(16, (int) Math.min(n, Math.ceil(n * cfr * 1.1) + 64))];
        int failed = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            double z = random.nextGaussian();
            double v = random.nextDouble();
            double cost = planned;
            if (u < cfr) {
                double restoreMinutes = fixedRestore ? median : Math.exp(mu + sigma * z);
                double duration = fixedPart + m * restoreMinutes;
                cost += model.failureCost(live, duration, curve.factor(slot, v) * incidentScale);
                if (failed == failures.length) {
                    failures = Arrays.copyOf(failures, Math.min(n, failures.length * 2));
                }
                failures[failed++] = cost;
            }
            sum += cost;
            sumSquares += cost * cost;
        }
        double mean = sum / n;
        double variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
        double[] sorted = Arrays.copyOf(failures, failed);
        Arrays.sort(sorted);
        int unfailed = n - failed;
        double p50 = quantile(sorted, unfailed, planned, n, 0.5);
        double p90 = quantile(sorted, unfailed, planned, n, 0.9);
        double p99 = quantile(sorted, unfailed, planned, n, 0.99);
        CostEstimate estimate = new CostEstimate(mean, Math.sqrt(variance / n),
                model.expectedCost(startMinute, plannedScale, incidentScale), p50, p90, p99, failed / (double) n, n,
                curve.currency());
        return new Run(estimate, sorted, startMinute);
    }

    /**
     * Simulates {@code n} changes spread evenly over several starts (e.g. every step of a change
     * window: the change may go live at any moment of it) and pools them into one estimate. Each
     * start gets its own seed derived from {@code seed}, so the result is reproducible.
     *
     * @param startMinutes minutes since Monday 00:00 local, at least one
     * @param n            changes in all, at least two per start
     */
    public CostEstimate simulateAcross(double[] startMinutes, int n, long seed) {
        double[] ones = new double[startMinutes.length];
        Arrays.fill(ones, 1);
        return simulateAcross(startMinutes, ones, ones, n, seed);
    }

    /**
     * As {@link #simulateAcross(double[], int, long)}, each start with its own revenue factors (see
     * {@link #simulate(double, int, long, double, double)}).
     */
    public CostEstimate simulateAcross(double[] startMinutes, double[] plannedScale, double[] incidentScale, int n,
                                       long seed) {
        int starts = startMinutes.length;
        if (plannedScale.length != starts || incidentScale.length != starts) {
            throw new IllegalArgumentException("need revenue factors for every start");
        }
        if (starts == 0) {
            throw new IllegalArgumentException("simulate at least one start");
        }
        int each = Math.max(2, n / starts);
        double[] all = new double[each * starts];
        int filled = 0;
        double sum = 0;
        double sumSquares = 0;
        double exact = 0;
        int failed = 0;
        // Each start's seed is drawn from a generator seeded with the caller's seed. (Seeds one
        // golden-ratio increment apart, as SplittableRandom steps its state, would give streams that
        // are the same numbers shifted by one: the starts were nearly copies of each other and the
        // pooled standard error far too small.)
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int s = 0; s < starts; s++) {
            Run run = simulate(startMinutes[s], each, seeds.nextLong(), plannedScale[s],
                    incidentScale[s]);
            double planned = model.plannedCost(startMinutes[s]) * plannedScale[s];
            double[] failures = run.failureCosts;
            int unfailed = each - failures.length;
            for (int i = 0; i < unfailed; i++) {
                all[filled++] = planned;
            }
            System.arraycopy(failures, 0, all, filled, failures.length);
            filled += failures.length;
            failed += failures.length;
            sum += run.estimate().mean() * each;
            double sd = run.estimate().standardError() * Math.sqrt(each);
            sumSquares += (each - 1) * sd * sd + each * run.estimate().mean() * run.estimate().mean();
            exact += run.estimate().exactMean();
        }
        int total = all.length;
        Arrays.sort(all);
        double mean = sum / total;
        double variance = Math.max(0, (sumSquares - total * mean * mean) / (total - 1));
        return new CostEstimate(mean, Math.sqrt(variance / total), exact / starts, quantile(all, 0, 0, total, 0.5),
                quantile(all, 0, 0, total, 0.9), quantile(all, 0, 0, total, 0.99), failed / (double) total, total,
                model.curve().currency());
    }

    /**
     * Type-7 quantile ({@link Quantiles#type7}) of the n costs: {@code unfailed} copies of
     * {@code planned} (the smallest, since every failure costs at least the planned downtime)
     * followed by the sorted {@code failures}.
     */
    static double quantile(double[] failures, int unfailed, double planned, int n, double p) {
        return Quantiles.type7(i -> i < unfailed ? planned : failures[i - unfailed], n, p);
    }
}
