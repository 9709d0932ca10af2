package org.lowtide.analysis.stl;

/**
 * Every knob of STL (Cleveland, Cleveland, McRae, Terpenning 1990, "STL: A Seasonal-Trend
 * Decomposition Procedure Based on Loess", J. Official Statistics 6(1)).
 *
 * <p>Windows are numbers of points (odd, at least 3; the smoother widens even windows by one as
 * the original program does). Degrees are 0 (local constant) or 1 (local line). A jump {@code j}
 * evaluates the loess every {@code j}-th point and interpolates linearly in between.
 *
 * <p>{@link #statsmodels} and {@link #r} give the two reference settings: statsmodels' {@code STL}
 * (degrees 1, jumps 1; robust 2 inner / 15 outer, else 5 inner) and R's {@code stl} (seasonal degree
 * 0, jumps {@code ceil(window/10)}; robust 1 inner / 15 outer, else 2 inner). Both derive the trend
 * window as the next odd integer ≥ {@code 1.5·period / (1 − 1.5/seasonalWindow)} and the low-pass
 * window as the next odd integer ≥ {@code period}.
 *
 * @param period          seasonal period in steps; at least 2
 * @param seasonalWindow  loess window of the cycle-subseries smoother (n_s)
 * @param seasonalDegree  0 or 1
 * @param seasonalJump    at least 1
 * @param trendWindow     loess window of the trend smoother (n_t)
 * @param trendDegree     0 or 1
 * @param trendJump       at least 1
 * @param lowPassWindow   loess window of the low-pass filter (n_l)
 * @param lowPassDegree   0 or 1
 * @param lowPassJump     at least 1
 * @param inner           passes of the inner loop (n_i); at least 1
 * @param outer           robustness passes (n_o); 0 means no robustness weights
 */
public record StlParameters(int period, int seasonalWindow, int seasonalDegree, int seasonalJump,
                            int trendWindow, int trendDegree, int trendJump,
                            int lowPassWindow, int lowPassDegree, int lowPassJump,
                            int inner, int outer) {

    public StlParameters {
        if (period < 2) {
            throw new IllegalArgumentException("an STL period is at least 2 steps, was " + period);
        }
        checkWindow("seasonal", seasonalWindow, seasonalDegree, seasonalJump);
        checkWindow("trend", trendWindow, trendDegree, trendJump);
        checkWindow("low-pass", lowPassWindow, lowPassDegree, lowPassJump);
        if (inner < 1 || outer < 0) {
            throw new IllegalArgumentException("STL needs at least one inner pass and no negative outer passes; was "
                    + inner + " inner, " + outer + " outer");
        }
    }

    private static void checkWindow(String name, int window, int degree, int jump) {
        if (window < 3) {
            throw new IllegalArgumentException("the " + name + " window is at least 3 points, was " + window);
        }
        if (degree != 0 && degree != 1) {
            throw new IllegalArgumentException("the " + name + " degree is 0 or 1, was " + degree);
        }
        if (jump < 1) {
            throw new IllegalArgumentException("the " + name + " jump is at least 1, was " + jump);
        }
    }

    /** @return whether robustness weights are used */
    public boolean robust() {
        return outer > 0;
    }

    /** @return the smallest odd integer ≥ {@code x} */
    public static int nextOdd(double x) {
        int n = (int) Math.ceil(x);
        return n % 2 == 0 ? n + 1 : n;
    }

    /** @return the default trend window of statsmodels and R: next odd ≥ 1.5·p / (1 − 1.5/n_s) */
    public static int defaultTrendWindow(int period, int seasonalWindow) {
        return nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / seasonalWindow)));
    }

    /** @return the default low-pass window: next odd ≥ p */
    public static int defaultLowPassWindow(int period) {
        return nextOdd(period);
    }

    /** @return R's default jump for a window: {@code ceil(window / 10)} */
    public static int rJump(int window) {
        return (window + 9) / 10;
    }

    /**
     * statsmodels 0.13.5 {@code STL(endog, period, seasonal)} defaults: degrees 1, jumps 1; robust
     * fits use 2 inner and 15 outer passes, others 5 inner and none outer.
     */
    public static StlParameters statsmodels(int period, int seasonalWindow, boolean robust) {
        int t = defaultTrendWindow(period, seasonalWindow);
        int l = defaultLowPassWindow(period);
        return new StlParameters(period, seasonalWindow, 1, 1, t, 1, 1, l, 1, 1, robust ? 2 : 5, robust ? 15 : 0);
    }

    /**
     * R 4.2 {@code stl(x, s.window, robust)} defaults: seasonal degree 0, trend and low-pass degree 1,
     * jumps {@code ceil(window/10)}; robust fits use 1 inner and 15 outer passes, others 2 inner.
     */
    public static StlParameters r(int period, int seasonalWindow, boolean robust) {
        int s = seasonalWindow % 2 == 0 ? seasonalWindow + 1 : seasonalWindow;
        int t = defaultTrendWindow(period, s);
        int l = defaultLowPassWindow(period);
        return new StlParameters(period, s, 0, rJump(s), t, 1, rJump(t), l, 1, rJump(l),
                robust ? 1 : 2, robust ? 15 : 0);
    }

    /** @return these parameters with other inner and outer pass counts */
    public StlParameters withIterations(int newInner, int newOuter) {
        return new StlParameters(period, seasonalWindow, seasonalDegree, seasonalJump, trendWindow, trendDegree,
                trendJump, lowPassWindow, lowPassDegree, lowPassJump, newInner, newOuter);
    }

    /** @return these parameters with all three jumps set to {@code 1} (exact loess everywhere) */
    public StlParameters withoutJumps() {
        return new StlParameters(period, seasonalWindow, seasonalDegree, 1, trendWindow, trendDegree, 1,
                lowPassWindow, lowPassDegree, 1, inner, outer);
    }
}
