package org.lowtide.analysis;

import java.util.function.IntToDoubleFunction;

/**
 * The quantiles of Lowtide, one definition each.
 *
 * <p>{@link #type7} is the sample quantile of Hyndman and Fan, "Sample quantiles in statistical
 * packages", The American Statistician 50(4), 1996, definition 7: linear between the order
 * statistics around {@code (n − 1)·p}. It is R's {@code quantile()} default and numpy's
 * {@code "linear"} method, so figures can be checked against either. Every summary quantile
 * (profile bands, forecast intervals, Monte Carlo p50/p90/p99, chart markers) uses it.
 *
 * <p>{@link #inverseEcdf} is definition 1 without averaging, the inverse of the empirical
 * distribution function: it is what sampling from the observed values needs (every value drawn
 * with probability 1/n), and is used only for that.
 *
 * <p><b>Missing values:</b> the values must be sorted ascending and hold no {@code NaN}; callers
 * drop missing values first. Since {@link java.util.Arrays#sort(double[])} puts {@code NaN} last,
 * a {@code NaN} at the end of the range is refused with an {@link IllegalArgumentException}. An
 * empty range gives {@code NaN}. {@code p} must lie in [0, 1].
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** Type-7 quantile of sorted, NaN-free values; {@code NaN} for none. */
    public static double type7(double[] sorted, double p) {
        return type7(sorted, 0, sorted.length, p);
    }

    /** Type-7 quantile of the sorted, NaN-free {@code values[from, from + length)}; {@code NaN} for none. */
    public static double type7(double[] values, int from, int length, double p) {
        return type7(i -> values[from + i], length, p);
    }

    /**
     * Type-7 quantile of {@code n} sorted, NaN-free values given by their rank, for values that are
     * not in one array (e.g. many equal values and a sorted tail).
     *
     * @param sortedAt the value of rank {@code i} (0 for the smallest), for {@code i} in [0, n)
     */
    public static double type7(IntToDoubleFunction sortedAt, int n, double p) {
        checkP(p);
        if (n <= 0) {
            return Double.NaN;
        }
        checkLast(sortedAt.applyAsDouble(n - 1));
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        double a = sortedAt.applyAsDouble(lo);
        double b = sortedAt.applyAsDouble(hi);
        return a + (h - lo) * (b - a);
    }

    /**
     * The inverse of the empirical distribution function: the value of rank {@code floor(p·n)}, so
     * that drawing {@code p} uniformly from [0, 1) draws each value with probability 1/n and the
     * integral over p is the mean. For sampling, not for summaries (use {@link #type7}).
     *
     * @param sorted sorted, NaN-free values; at least one
     * @param p      in [0, 1]; 1 gives the largest value
     */
    public static double inverseEcdf(double[] sorted, double p) {
        checkP(p);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) (p * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
    }

    private static void checkP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile's probability must be in [0, 1], not " + p);
        }
    }

    private static void checkLast(double last) {
        if (Double.isNaN(last)) {
            throw new IllegalArgumentException("quantile of values holding NaN: drop missing values first");
        }
    }
}
