package org.lowtide.analysis;

import java.util.Arrays;

/**
 * A centred rolling median: at step {@code t} the median of the values in
 * {@code [t − w/2, t + w/2]} ({@code NaN} ignored). Near the ends the window keeps its length and
 * shifts inwards instead of shrinking, so that a window of one period always spans a whole cycle
 * (a shrunk weekly window at the start of a Monday series would hold weekdays only). For speed the median is
 * taken exactly at every {@code stride}-th step (and the last) and interpolated linearly in between;
 * it is a baseline for detrending, not a statistic in its own right.
 *
 * <p>The window's values are kept sorted from one evaluation to the next (issue 17): a move by
 * {@code stride} steps sorts the few values leaving and entering and merges them into the sorted
 * window in one pass, O(w + s log s) instead of a selection's O(w) random probes per evaluation
 * plus the copy. The median is the same order statistic (or mean of the two middle ones) as
 * {@link #centredBySelection}; a series holding a negative zero takes that path, since a sort
 * orders −0 before 0 where a selection need not.
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
        for (double v : x) {
            if (Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                return centredBySelection(x, window, stride);
            }
        }
        int n = x.length;
        int half = window / 2;
        double[] out = new double[n];
        int capacity = Math.min(n, 2 * half + 1);
        double[] sorted = new double[capacity];
        double[] next = new double[capacity];
        double[] leaving = new double[capacity];
        double[] entering = new double[capacity];
        int size = 0;
        int prevFrom = 0;
        int prevTo = -1; // empty
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
            if (from != prevFrom || to != prevTo) {
                // Windows only move forwards: [prevFrom, from) leaves, (prevTo, to] enters.
                int out0 = 0;
                for (int i = prevFrom; i < Math.min(from, prevTo + 1); i++) {
                    if (!Double.isNaN(x[i])) {
                        leaving[out0++] = x[i];
                    }
                }
                int in0 = 0;
                for (int i = Math.max(from, prevTo + 1); i <= to; i++) {
                    if (!Double.isNaN(x[i])) {
                        entering[in0++] = x[i];
                    }
                }
                Arrays.sort(leaving, 0, out0);
                Arrays.sort(entering, 0, in0);
                size = merge(sorted, size, leaving, out0, entering, in0, next);
                double[] swap = sorted;
                sorted = next;
                next = swap;
                prevFrom = from;
                prevTo = to;
            }
            out[t] = size == 0 ? Double.NaN
                    : size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2.0;
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

    /**
     * Writes into {@code into} the sorted {@code sorted[0..size)} without the values of
     * {@code leaving[0..out)} (each a value it holds; sorted) and with those of
     * {@code entering[0..in)} (sorted); returns the new size.
     */
    static int merge(double[] sorted, int size, double[] leaving, int out, double[] entering, int in, double[] into) {
        int i = 0;
        int o = 0;
        int e = 0;
        int w = 0;
        while (i < size) {
            double v = sorted[i];
            if (o < out && Double.compare(leaving[o], v) == 0) {
                o++;
                i++;
                continue;
            }
            while (e < in && Double.compare(entering[e], v) < 0) {
                into[w++] = entering[e++];
            }
            into[w++] = v;
            i++;
        }
        while (e < in) {
            into[w++] = entering[e++];
        }
        if (o != out) {
            throw new IllegalStateException("a value left the window that it did not hold");
        }
        return w;
    }

    /** The reference: a copy of each window and a selection of its median (issue 20's version). */
    static double[] centredBySelection(double[] x, int window, int stride) {
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
            out[t] = c == 0 ? Double.NaN : org.lowtide.analysis.stl.Selection.median(buf, c);
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
}
