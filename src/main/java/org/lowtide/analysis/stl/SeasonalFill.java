package org.lowtide.analysis.stl;

import java.util.Arrays;

/**
 * Fills missing values ({@code NaN}) by seasonal interpolation, in the manner of R's
 * {@code forecast::na.interp} (Hyndman and Khandakar 2008, forecast package): a preliminary fill,
 * a robust MSTL of the filled series, then linear interpolation of the seasonally adjusted series
 * across each gap with the seasonal component added back. Falls back to linear interpolation when
 * no period fits twice into the observed data, or when the seasonal fill strays more than half the
 * data's range outside it (as R does).
 *
 * <p>Differences from R: the preliminary fill is the median of the observed values at the same
 * phase of the longest period (R fits Fourier terms and a polynomial by least squares), which is
 * robust to the outages Lowtide looks for.
 */
public final class SeasonalFill {

    private SeasonalFill() {
    }

    /**
     * A filled series and, when one was made, the robust MSTL of its preliminary fill.
     *
     * @param values the filled copy
     * @param fit    the MSTL (Lowtide's defaults) of the preliminary fill, empty when the fill was
     *               linear or nothing was missing
     */
    public record Filled(double[] values, java.util.Optional<MstlResult> fit) {
        public Filled {
            java.util.Objects.requireNonNull(values, "values");
            java.util.Objects.requireNonNull(fit, "fit");
        }
    }

    /**
     * @param y       the series, {@code NaN} where missing; at least one value observed
     * @param periods candidate seasonal periods in steps (those that fit fewer than twice into the
     *                observed data are not used)
     * @return a filled copy ({@code y} itself is not changed)
     */
    public static double[] fill(double[] y, int... periods) {
        return fillWithFit(y, null, periods).values();
    }

    /**
     * As {@link #fill}, also returning the MSTL the fill made, so that a caller decomposing the
     * same series with the same periods need not fit again.
     *
     * @param cancelled asked between STL fits (may be {@code null})
     */
    public static Filled fillWithFit(double[] y, java.util.function.IntPredicate cancelled, int... periods) {
        int n = y.length;
        int observed = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                observed++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (observed == 0) {
            throw new IllegalArgumentException("nothing to interpolate from: every value is missing");
        }
        if (observed == n) {
            return new Filled(y.clone(), java.util.Optional.empty());
        }
        int seen = observed;
        int[] usable = Arrays.stream(periods).filter(p -> p >= 2 && 2 * p < n && seen > 2 * p).sorted().toArray();
        if (usable.length == 0) {
            return new Filled(linear(y), java.util.Optional.empty());
        }
        int longest = usable[usable.length - 1];
        double[] prelim = y.clone();
        double[] phaseMedian = phaseMedians(y, longest);
        double[] lin = linear(y);
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(prelim[t])) {
                double m = phaseMedian[t % longest];
                prelim[t] = Double.isNaN(m) ? lin[t] : m;
            }
        }
        MstlResult fit = Mstl.decompose(prelim, MstlParameters.defaults(true, usable), cancelled);
        double[] adjusted = new double[n];
        for (int t = 0; t < n; t++) {
            adjusted[t] = Double.isNaN(y[t]) ? Double.NaN : y[t] - fit.seasonalAt(t);
        }
        double[] adjustedFilled = linear(adjusted);
        double[] out = y.clone();
        double slack = 0.5 * (max - min);
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(out[t])) {
                double v = adjustedFilled[t] + fit.seasonalAt(t);
                if (v > max + slack || v < min - slack) {
                    return new Filled(linear(y), java.util.Optional.empty());
                }
                out[t] = v;
            }
        }
        return new Filled(out, java.util.Optional.of(fit));
    }

    /** Linear interpolation between observed neighbours; the ends repeat the nearest value. */
    public static double[] linear(double[] y) {
        int n = y.length;
        double[] out = y.clone();
        int prev = -1;
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(y[t])) {
                continue;
            }
            if (prev < 0) {
                Arrays.fill(out, 0, t, y[t]);
            } else if (t - prev > 1) {
                double step = (y[t] - y[prev]) / (t - prev);
                for (int u = prev + 1; u < t; u++) {
                    out[u] = y[prev] + step * (u - prev);
                }
            }
            prev = t;
        }
        if (prev >= 0 && prev < n - 1) {
            Arrays.fill(out, prev + 1, n, y[prev]);
        }
        return out;
    }

    private static double[] phaseMedians(double[] y, int period) {
        double[] medians = new double[period];
        double[] buf = new double[y.length / period + 1];
        for (int ph = 0; ph < period; ph++) {
            int c = 0;
            for (int t = ph; t < y.length; t += period) {
                if (!Double.isNaN(y[t])) {
                    buf[c++] = y[t];
                }
            }
            medians[ph] = c == 0 ? Double.NaN : Selection.median(buf, c);
        }
        return medians;
    }
}
