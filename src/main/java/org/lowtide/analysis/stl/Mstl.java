package org.lowtide.analysis.stl;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * MSTL (Bandara, Hyndman, Bergmeir 2021): several seasonal components by repeated STL.
 *
 * <p>Periods are fitted shortest first. In each of {@code iterate} passes, for each period, the
 * period's current seasonal is added back to the deseasonalized series, one STL of that period
 * refits it, and the new seasonal is removed again. The trend and the robustness weights are those
 * of the last STL; the remainder is the deseasonalized series minus that trend. This is the loop
 * of R's {@code forecast::mstl} 8.20, which reproduces with {@link MstlParameters#defaults}.
 */
public final class Mstl {

    private Mstl() {
    }

    /**
     * Decomposes {@code y} (no missing values; fill them first, see {@link SeasonalFill}).
     *
     * @param y          the series
     * @param parameters periods and settings; every period must fit at least twice into {@code y}
     * @param cancelled  asked between STL fits; when it says yes the fit stops with a {@link java.util.concurrent.CancellationException}
     */
    public static MstlResult decompose(double[] y, MstlParameters parameters, IntPredicate cancelled) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(parameters, "parameters");
        int n = y.length;
        int[] periods = parameters.periods();
        int k = periods.length;
        double[][] seasonal = new double[k][n];
        double[] deseason = y.clone();
        Stl[] stls = new Stl[k];
        Stl last = null;
        int fits = 0;
        for (int pass = 0; pass < parameters.iterate(); pass++) {
            for (int i = 0; i < k; i++) {
                if (cancelled != null && cancelled.test(fits)) {
                    throw new java.util.concurrent.CancellationException("MSTL cancelled");
                }
                double[] s = seasonal[i];
                for (int t = 0; t < n; t++) {
                    deseason[t] += s[t];
                }
                if (stls[i] == null) {
                    stls[i] = new Stl(parameters.stlFor(i), n);
                }
                Stl stl = stls[i];
                stl.fit(deseason);
                double[] fitted = stl.seasonal();
                System.arraycopy(fitted, 0, s, 0, n);
                for (int t = 0; t < n; t++) {
                    deseason[t] -= s[t];
                }
                last = stl;
                fits++;
            }
        }
        double[] trend = last.trend().clone();
        double[] remainder = new double[n];
        for (int t = 0; t < n; t++) {
            remainder[t] = deseason[t] - trend[t];
        }
        return new MstlResult(periods, seasonal, trend, remainder, last.weights().clone());
    }

    /** {@link #decompose(double[], MstlParameters, IntPredicate)} without cancellation. */
    public static MstlResult decompose(double[] y, MstlParameters parameters) {
        return decompose(y, parameters, null);
    }
}
