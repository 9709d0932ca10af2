package org.lowtide.cost;

import java.time.Duration;
import java.util.Objects;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Time to restore a failed change: a lognormal distribution fitted to a median and a 90th
 * percentile, the two numbers teams usually know. With {@code X = exp(μ + σZ)}, {@code Z}
 * standard normal: {@code μ = ln(median)}, {@code σ = ln(p90 / median) / z₀.₉} where
 * {@code z₀.₉ = Φ⁻¹(0.9) = 1.2815515655446004}. A p90 equal to the median means a fixed time
 * ({@code σ = 0}).
 *
 * <p>Restore times are right-skewed (most incidents end quickly, a few last for hours); the
 * lognormal is the usual two-parameter model for them. Moments and the limited expectation
 * {@code E[min(X, c)]} are closed-form (Klugman, Panjer, Willmot, <i>Loss Models</i>, 4th ed.,
 * appendix A: {@code E[min(X,c)] = e^{μ+σ²/2} Φ((ln c − μ − σ²)/σ) + c (1 − Φ((ln c − μ)/σ))}).
 * Times are in minutes.
 *
 * @param median median restore time; positive
 * @param p90    90th percentile restore time; not below the median
 */
public record RestoreTime(Duration median, Duration p90) {

    public RestoreTime {
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p90, "p90");
        CostLimits.require(CostLimits.positive("the median restore time", median));
        CostLimits.require(CostLimits.positive("the 90th percentile restore time", p90));
        CostLimits.require(CostLimits.p90NotBelowMedian(median, p90));
    }

    /** @return a fixed restore time */
    public static RestoreTime fixed(Duration time) {
        return new RestoreTime(time, time);
    }

    /** @return the median in minutes */
    public double medianMinutes() {
        return minutes(median);
    }

    /** @return μ, the log of the median in minutes */
    public double mu() {
        return Math.log(medianMinutes());
    }

    /** @return σ, the log-scale spread; 0 for a fixed time */
    public double sigma() {
        return Math.log(minutes(p90) / medianMinutes()) / Citations.Z_90;
    }

    /** @return whether every restore takes the median time */
    public boolean isFixed() {
        return sigma() == 0;
    }

    /** @return the mean restore time in minutes, {@code median · e^{σ²/2}} */
    public double meanMinutes() {
        double s = sigma();
        return medianMinutes() * Math.exp(s * s / 2);
    }

    /** @return the {@code p}-quantile in minutes, p in (0, 1) */
    public double quantileMinutes(double p) {
        if (isFixed()) {
            return medianMinutes();
        }
        return new LogNormalDistribution(null, mu(), sigma()).inverseCumulativeProbability(p);
    }

    /** @return {@code P(X > c)}, c in minutes */
    public double survival(double c) {
        if (isFixed()) {
            return c < medianMinutes() ? 1 : 0;
        }
        if (c <= 0) {
            return 1;
        }
        return upperTail((Math.log(c) - mu()) / sigma());
    }

    /** @return {@code E[min(X, c)]} in minutes, c in minutes (0 for c ≤ 0) */
    public double limitedMean(double c) {
        if (c <= 0) {
            return 0;
        }
        if (isFixed()) {
            return Math.min(medianMinutes(), c);
        }
        double s = sigma();
        double z = (Math.log(c) - mu()) / s;
        return meanMinutes() * lowerTail(z - s) + c * upperTail(z);
    }

    /** @return the same distribution with median and p90 scaled by {@code factor} (σ unchanged) */
    public RestoreTime scaled(double factor) {
        return new RestoreTime(scale(median, factor), scale(p90, factor));
    }

    /** Φ(z), accurate in the far lower tail (erfc, not 1 + erf). */
    static double lowerTail(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** 1 − Φ(z), accurate in the far upper tail. */
    static double upperTail(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    static double minutes(Duration d) {
        return d.getSeconds() / 60.0 + d.getNano() / 60e9;
    }

    /**
     * @return {@code d} times {@code factor}, to the millisecond
     * @throws IllegalArgumentException when the factor is not a finite number ≥ 0 or the result
     *                                  would be longer than {@link CostLimits#MAX_TIME}
     */
    static Duration scale(Duration d, double factor) {
        if (!Double.isFinite(factor) || factor < 0) {
            throw new IllegalArgumentException("a time can only be scaled by a number of zero or more, not "
                    + CostLimits.number(factor));
        }
        // In seconds as a double: no long overflow (toNanos fails beyond 292 years).
        double seconds = (d.getSeconds() + d.getNano() / 1e9) * factor;
        if (seconds > CostLimits.MAX_TIME.getSeconds()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s times %s is %s, longer than the %d days a cost model takes", org.lowtide.traffic.Durations.words(d),
                    CostLimits.number(factor), org.lowtide.traffic.Durations.words(Duration.ofSeconds((long) seconds)),
                    CostLimits.MAX_TIME.toDays()));
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
