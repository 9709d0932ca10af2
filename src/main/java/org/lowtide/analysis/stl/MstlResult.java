package org.lowtide.analysis.stl;

import java.util.Objects;

/**
 * An MSTL fit: {@code y = Σ seasonal[i] + trend + remainder}.
 *
 * <p>The arrays are shared, not copied (they are long and read often): treat them as read-only.
 *
 * @param periods   the periods in steps, ascending
 * @param seasonal  one seasonal component per period, in the order of {@code periods}
 * @param trend     the trend
 * @param remainder what is left
 * @param weights   the robustness weights of the last STL (all 1 when not robust)
 */
public record MstlResult(int[] periods, double[][] seasonal, double[] trend, double[] remainder, double[] weights) {

    public MstlResult {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(seasonal, "seasonal");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(remainder, "remainder");
        Objects.requireNonNull(weights, "weights");
        if (seasonal.length != periods.length) {
            throw new IllegalArgumentException("one seasonal component per period: " + periods.length + " periods, "
                    + seasonal.length + " components");
        }
        int n = trend.length;
        for (double[] s : seasonal) {
            if (s.length != n) {
                throw new IllegalArgumentException("components must have one length");
            }
        }
        if (remainder.length != n || weights.length != n) {
            throw new IllegalArgumentException("components must have one length");
        }
    }

    /** @return the length of the series */
    public int size() {
        return trend.length;
    }

    /** @return the sum of all seasonal components at step {@code t} */
    public double seasonalAt(int t) {
        double s = 0;
        for (double[] c : seasonal) {
            s += c[t];
        }
        return s;
    }
}
