package org.lowtide.risk;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.lowtide.analysis.Quantiles;
import org.lowtide.cost.Citations;

/**
 * A lognormal distribution fitted to durations by maximum likelihood, with percentile bootstrap
 * intervals for its median and 90th percentile.
 *
 * <p>For {@code X} lognormal with parameters {@code (μ, σ)}, the log-likelihood of durations
 * {@code x₁…xₙ} is maximised in closed form by {@code μ̂ = (1/n) Σ ln xᵢ} and
 * {@code σ̂² = (1/n) Σ (ln xᵢ − μ̂)²} (the divisor is n, not n − 1: the maximum likelihood estimate;
 * Johnson, Kotz and Balakrishnan, <i>Continuous Univariate Distributions</i>, vol. 1, 2nd ed., 1994,
 * ch. 14 §4). The median is {@code e^μ̂} and the 90th percentile {@code e^(μ̂ + z₀.₉ σ̂)}, by the
 * invariance of maximum likelihood. This is what {@code scipy.stats.lognorm.fit(x, floc=0)} and R's
 * {@code MASS::fitdistr(x, "lognormal")} compute; {@code LognormalFitTest} checks it against scipy.
 *
 * <p>Intervals: the nonparametric percentile bootstrap (Efron and Tibshirani, <i>An Introduction to
 * the Bootstrap</i>, 1993, ch. 13): the durations are resampled with replacement {@code B} times
 * with a seeded generator, refitted, and the {@code (1 − level)/2} and {@code (1 + level)/2}
 * quantiles of the refitted median and p90 are the interval. Deterministic for a given seed.
 * Durations below {@link #FLOOR_MINUTES} are raised to it (a lognormal has no zero).
 *
 * @param n             durations fitted
 * @param mu            μ̂, mean of the log durations in minutes
 * @param sigma         σ̂, maximum likelihood spread of the log durations
 * @param level         the intervals' confidence level, e.g. 0.9
 * @param medianLow     lower end of the median's interval, minutes
 * @param medianHigh    upper end of the median's interval, minutes
 * @param p90Low        lower end of the p90's interval, minutes
 * @param p90High       upper end of the p90's interval, minutes
 */
public record LognormalFit(int n, double mu, double sigma, double level, double medianLow, double medianHigh,
                           double p90Low, double p90High) {

    /** Shortest duration fitted: one second. */
    public static final double FLOOR_MINUTES = 1.0 / 60;

    /** Bootstrap resamples by default. */
    public static final int DEFAULT_RESAMPLES = 2000;

    public LognormalFit {
        if (n < 1 || !(sigma >= 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("a lognormal fit needs at least one duration and finite parameters");
        }
    }

    /** @return the fitted median in minutes */
    public double medianMinutes() {
        return Math.exp(mu);
    }

    /** @return the fitted 90th percentile in minutes */
    public double p90Minutes() {
        return Math.exp(mu + Citations.Z_90 * sigma);
    }

    /** @return the fitted mean in minutes, {@code e^(μ + σ²/2)} */
    public double meanMinutes() {
        return Math.exp(mu + sigma * sigma / 2);
    }

    /** @return the fitted distribution function at {@code minutes} */
    public double cdf(double minutes) {
        if (minutes <= 0) {
            return 0;
        }
        if (sigma == 0) {
            return minutes >= medianMinutes() ? 1 : 0;
        }
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-(Math.log(minutes) - mu) / (sigma * Math.sqrt(2)));
    }

    /**
     * Fits durations in minutes.
     *
     * @param minutes   durations, positive (smaller ones are raised to one second)
     * @param resamples bootstrap resamples, at least 1
     * @param level     interval level in (0, 1)
     * @param seed      bootstrap seed
     */
    public static LognormalFit fit(double[] minutes, int resamples, double level, long seed) {
        if (minutes.length == 0) {
            throw new IllegalArgumentException("no durations to fit");
        }
        if (resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("resamples ≥ 1 and a level in (0, 1) are needed");
        }
        int n = minutes.length;
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(minutes[i] >= 0) || Double.isInfinite(minutes[i])) {
                throw new IllegalArgumentException("duration " + minutes[i] + " is not a finite non-negative number");
            }
            logs[i] = Math.log(Math.max(FLOOR_MINUTES, minutes[i]));
        }
        double[] ms = muSigma(logs, null);
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[resamples];
        double[] p90s = new double[resamples];
        int[] pick = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                pick[i] = random.nextInt(n);
            }
            double[] r = muSigma(logs, pick);
            medians[b] = Math.exp(r[0]);
            p90s[b] = Math.exp(r[0] + Citations.Z_90 * r[1]);
        }
        Arrays.sort(medians);
        Arrays.sort(p90s);
        double lo = (1 - level) / 2;
        double hi = (1 + level) / 2;
        return new LognormalFit(n, ms[0], ms[1], level, quantile(medians, lo), quantile(medians, hi),
                quantile(p90s, lo), quantile(p90s, hi));
    }

    /** Maximum likelihood μ and σ of the logs, over all of them or the picked indices. */
    static double[] muSigma(double[] logs, int[] pick) {
        int n = pick == null ? logs.length : pick.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += logs[pick == null ? i : pick[i]];
        }
        double mu = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = logs[pick == null ? i : pick[i]] - mu;
            ss += d * d;
        }
        return new double[] {mu, Math.sqrt(ss / n)};
    }

    /** {@link Quantiles#type7} (R's default, numpy's "linear"): the one quantile definition. */
    static double quantile(double[] sorted, double p) {
        return Quantiles.type7(sorted, p);
    }
}
