package org.lowtide.analysis.stl;

import java.util.Objects;

/**
 * One STL fit: {@code y = seasonal + trend + remainder}.
 *
 * <p>The arrays are shared, not copied (they are long and read often): treat them as read-only.
 *
 * @param seasonal  the seasonal component
 * @param trend     the trend
 * @param remainder {@code y − seasonal − trend}
 * @param weights   the final robustness weights in [0, 1] (all 1 for a non-robust fit)
 */
public record StlResult(double[] seasonal, double[] trend, double[] remainder, double[] weights) {

    public StlResult {
        Objects.requireNonNull(seasonal, "seasonal");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(remainder, "remainder");
        Objects.requireNonNull(weights, "weights");
        int n = seasonal.length;
        if (trend.length != n || remainder.length != n || weights.length != n) {
            throw new IllegalArgumentException("components must have one length; got " + n + ", " + trend.length + ", "
                    + remainder.length + ", " + weights.length);
        }
    }
}
