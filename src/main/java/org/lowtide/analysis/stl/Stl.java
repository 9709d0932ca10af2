package org.lowtide.analysis.stl;

import java.util.Objects;

/**
 * STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae and Terpenning
 * (1990), written from the paper: {@code y = seasonal + trend + remainder}.
 *
 * <p>Each inner pass (paper, section 2.2): detrend; smooth every cycle-subseries with loess
 * (n_s, extended by one period at both ends); low-pass filter the result (moving averages of
 * length p, p, 3 and a loess of n_l) and subtract it, giving the seasonal; deseasonalize and smooth
 * with loess (n_t), giving the trend. Each outer pass then sets bisquare robustness weights
 * {@code B(|R| / (6·median|R|))} from the remainder, used by the next inner passes.
 *
 * <p>With {@link StlParameters#statsmodels} this reproduces statsmodels' {@code STL} and with
 * {@link StlParameters#r} R's {@code stl}: both are ports of the same published algorithm. The
 * median of the robustness step is the true median (R 4.2's Fortran picks the two middle order
 * statistics wrongly for some even lengths; statsmodels does not).
 *
 * <p>An instance holds the work arrays for one series length and one parameter set and can be
 * reused for many series of that length; fits allocate nothing. Not thread-safe.
 */
public final class Stl {

    private final StlParameters p;
    private final int n;
    private final int np;
    private final int ns;
    private final Loess seasonalLoess;
    private final Loess trendLoess;
    private final Loess lowPassLoess;

    // Work arrays (the paper's notation in the comments).
    private final double[] detrended;   // y − T, then y − S
    private final double[] cycles;      // C: smoothed cycle-subseries, n + 2p
    private final double[] lowPassIn;   // moving averages of C, length n
    private final double[] lowPass;     // L
    private final double[] maWork;      // scratch for the moving averages, n + 2p
    private final double[] cycleY;      // one cycle-subseries
    private final double[] cycleRw;     // its robustness weights
    private final double[] cycleFit;    // its smooth, extended by one at each end
    private final double[] absResidual; // |R| for the median

    private final double[] seasonal;
    private final double[] trend;
    private final double[] weights;

    /**
     * @param parameters the STL settings
     * @param length     the series length this instance fits; at least two periods
     */
    public Stl(StlParameters parameters, int length) {
        this.p = Objects.requireNonNull(parameters, "parameters");
        this.np = parameters.period();
        if (length < 2 * np) {
            throw new IllegalArgumentException("STL needs at least two full periods: " + length + " points for a period of "
                    + np);
        }
        this.n = length;
        this.ns = Math.max(3, oddUp(parameters.seasonalWindow()));
        this.seasonalLoess = new Loess(ns, parameters.seasonalDegree(), parameters.seasonalJump());
        this.trendLoess = new Loess(Math.max(3, oddUp(parameters.trendWindow())), parameters.trendDegree(),
                parameters.trendJump());
        this.lowPassLoess = new Loess(Math.max(3, oddUp(parameters.lowPassWindow())), parameters.lowPassDegree(),
                parameters.lowPassJump());
        int extended = n + 2 * np;
        detrended = new double[n];
        cycles = new double[extended];
        lowPassIn = new double[n + 2];
        lowPass = new double[n];
        maWork = new double[extended];
        int maxCycle = (n - 1) / np + 1;
        cycleY = new double[maxCycle];
        cycleRw = new double[maxCycle];
        cycleFit = new double[maxCycle + 2];
        absResidual = new double[n];
        seasonal = new double[n];
        trend = new double[n];
        weights = new double[n];
    }

    private static int oddUp(int w) {
        return w % 2 == 0 ? w + 1 : w;
    }

    /** @return the parameters */
    public StlParameters parameters() {
        return p;
    }

    /** Decomposes {@code y} (no missing values) once, allocating a fresh result. */
    public static StlResult decompose(double[] y, StlParameters parameters) {
        Stl stl = new Stl(parameters, y.length);
        stl.fit(y);
        return stl.result(y);
    }

    /**
     * Fits {@code y}; the components are then read with {@link #seasonal()}, {@link #trend()} and
     * {@link #weights()} (views of this instance's arrays, overwritten by the next fit).
     *
     * @param y the series, of this instance's length, without {@code NaN}
     */
    public void fit(double[] y) {
        if (y.length != n) {
            throw new IllegalArgumentException("this STL fits series of " + n + " points, not " + y.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("STL needs finite values; point " + i + " is " + y[i]
                        + " (fill missing values first)");
            }
        }
        java.util.Arrays.fill(trend, 0.0);
        java.util.Arrays.fill(weights, 1.0);
        boolean useWeights = false;
        int outerPass = 0;
        while (true) {
            innerLoop(y, useWeights);
            outerPass++;
            if (outerPass > p.outer()) {
                break;
            }
            robustnessWeights(y);
            useWeights = true;
        }
        if (p.outer() <= 0) {
            java.util.Arrays.fill(weights, 1.0);
        }
    }

    /** @return the seasonal component of the last fit (a view; do not modify) */
    public double[] seasonal() {
        return seasonal;
    }

    /** @return the trend of the last fit (a view; do not modify) */
    public double[] trend() {
        return trend;
    }

    /** @return the robustness weights of the last fit, all 1 for a non-robust fit (a view) */
    public double[] weights() {
        return weights;
    }

    /** @return the last fit of {@code y} as a fresh result */
    public StlResult result(double[] y) {
        double[] remainder = new double[n];
        for (int i = 0; i < n; i++) {
            remainder[i] = y[i] - seasonal[i] - trend[i];
        }
        return new StlResult(seasonal.clone(), trend.clone(), remainder, weights.clone());
    }

    private void innerLoop(double[] y, boolean useWeights) {
        double[] rw = useWeights ? weights : null;
        for (int pass = 0; pass < p.inner(); pass++) {
            // Step 1: detrending.
            for (int i = 0; i < n; i++) {
                detrended[i] = y[i] - trend[i];
            }
            // Step 2: cycle-subseries smoothing, one period beyond each end.
            smoothCycles(rw);
            // Step 3: low-pass filtering of the smoothed cycle-subseries.
            movingAverage(cycles, n + 2 * np, np, maWork);
            movingAverage(maWork, n + np + 1, np, lowPassIn);
            movingAverage(lowPassIn, n + 2, 3, maWork);
            System.arraycopy(maWork, 0, lowPassIn, 0, n);
            lowPassLoess.smooth(lowPassIn, n, null, lowPass, 0);
            // Step 4: detrending of the smoothed cycle-subseries gives the seasonal.
            for (int i = 0; i < n; i++) {
                seasonal[i] = cycles[np + i] - lowPass[i];
            }
            // Step 5: deseasonalizing; step 6: trend smoothing.
            for (int i = 0; i < n; i++) {
                detrended[i] = y[i] - seasonal[i];
            }
            trendLoess.smooth(detrended, n, rw, trend, 0);
        }
    }

    private void smoothCycles(double[] rw) {
        for (int j = 1; j <= np; j++) {
            int k = (n - j) / np + 1;
            for (int i = 0; i < k; i++) {
                cycleY[i] = detrended[i * np + j - 1];
            }
            double[] crw = null;
            if (rw != null) {
                for (int i = 0; i < k; i++) {
                    cycleRw[i] = rw[i * np + j - 1];
                }
                crw = cycleRw;
            }
            seasonalLoess.smooth(cycleY, k, crw, cycleFit, 1);
            double before = seasonalLoess.fit(cycleY, k, 0.0, 1, Math.min(ns, k), crw);
            cycleFit[0] = Double.isNaN(before) ? cycleFit[1] : before;
            double after = seasonalLoess.fit(cycleY, k, k + 1.0, Math.max(1, k - ns + 1), k, crw);
            cycleFit[k + 1] = Double.isNaN(after) ? cycleFit[k] : after;
            for (int m = 0; m < k + 2; m++) {
                cycles[m * np + j - 1] = cycleFit[m];
            }
        }
    }

    /** Moving average of length {@code len} over {@code x[0..count)}, into {@code out[0..count − len + 1)}. */
    private static void movingAverage(double[] x, int count, int len, double[] out) {
        int outputs = count - len + 1;
        double v = 0;
        for (int i = 0; i < len; i++) {
            v += x[i];
        }
        out[0] = v / len;
        for (int j = 1; j < outputs; j++) {
            v += x[j + len - 1] - x[j - 1];
            out[j] = v / len;
        }
    }

    /** Bisquare robustness weights from |y − (S + T)| and six times its median (paper, section 2.4). */
    private void robustnessWeights(double[] y) {
        for (int i = 0; i < n; i++) {
            absResidual[i] = Math.abs(y[i] - (trend[i] + seasonal[i]));
        }
        double cmad = 6.0 * Selection.median(absResidual, n);
        double c9 = 0.999 * cmad;
        double c1 = 0.001 * cmad;
        for (int i = 0; i < n; i++) {
            double r = Math.abs(y[i] - (trend[i] + seasonal[i]));
            if (r <= c1) {
                weights[i] = 1.0;
            } else if (r <= c9) {
                double u = r / cmad;
                double v = 1.0 - u * u;
                weights[i] = v * v;
            } else {
                weights[i] = 0.0;
            }
        }
    }
}
