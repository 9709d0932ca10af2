package org.lowtide.analysis;

/**
 * A centred rolling median: at step {@code t} the median of the values in
 * {@code [t − w/2, t + w/2]} ({@code NaN} ignored). Near the ends the window keeps its length and
 * shifts inwards instead of shrinking, so that a window of one period always spans a whole cycle
 * (a shrunk weekly window at the start of a Monday series would hold weekdays only). For speed the median is
 * taken exactly at every {@code stride}-th step (and the last) and interpolated linearly in between;
 * it is a baseline for detrending, not a statistic in its own right.
 */
final class RollingMedian {

    private RollingMedian() {
    }

    /**
     * @param x      the series, {@code NaN} where missing
     * @param window window length in steps (at least 1)
     * @param stride evaluate every {@code stride} steps (at least 1)
     * @return the baseline; {@code NaN} only where a whole window is missing
     */
    static double[] centred(double[] x, int window, int stride) {
        int n = x.length;
        int half = window / 2;
        double[] out = new double[n];
        double[] buf = new double[Math.min(n, 2 * half + 1)];
        int last = -1;
        for (int t = 0; ; t = Math.min(n - 1, t + stride)) {
            int from = t - half;
            int to = t + half;
            if (from < 0) {
                to = Math.min(n - 1, to - from);
                from = 0;
            }
            if (to > n - 1) {
                from = Math.max(0, from - (to - (n - 1)));
                to = n - 1;
            }
            int c = 0;
            for (int i = from; i <= to; i++) {
                if (!Double.isNaN(x[i])) {
                    buf[c++] = x[i];
                }
            }
            out[t] = c == 0 ? Double.NaN : median(buf, c);
            if (last >= 0 && t - last > 1) {
                double a = out[last];
                double d = (out[t] - a) / (t - last);
                for (int i = last + 1; i < t; i++) {
                    out[i] = a + d * (i - last);
                }
            }
            last = t;
            if (t == n - 1) {
                return out;
            }
        }
    }

    /** By selection, O(w) instead of a sort's O(w log w): the same value (issue 20). */
    private static double median(double[] buf, int c) {
        return org.lowtide.analysis.stl.Selection.median(buf, c);
    }
}
