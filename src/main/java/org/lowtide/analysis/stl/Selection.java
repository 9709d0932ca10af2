package org.lowtide.analysis.stl;

/**
 * Order statistics by selection (Hoare's quickselect with median-of-three pivots), in place,
 * O(n) expected. The values returned are those a full sort would give (the same order statistic,
 * the same mean of the two middle ones), for arrays without {@code NaN}.
 */
public final class Selection {

    private Selection() {
    }

    /** The median of {@code a[0..n)}; reorders those elements. */
    public static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        if (n >= 4096) {
            double m = sampledMedian(a, n);
            if (!Double.isNaN(m)) {
                return m;
            }
        }
        return exactMedian(a, 0, n);
    }

    /**
     * The median of {@code a[from..from + count)} ({@code NaN} when empty); reorders those elements.
     */
    public static double median(double[] a, int from, int count) {
        if (from == 0) {
            return median(a, count);
        }
        return count == 0 ? Double.NaN : exactMedian(a, from, count);
    }

    /** The median of the non-empty {@code a[from..from + count)} by selection; reorders those elements. */
    private static double exactMedian(double[] a, int from, int count) {
        int hi = from + count / 2;
        double upper = select(a, from, from + count - 1, hi);
        if (count % 2 == 1) {
            return upper;
        }
        // After selection, a[from..hi) holds the smaller half: its maximum is the lower middle.
        double lower = a[from];
        for (int i = from + 1; i < hi; i++) {
            if (a[i] > lower) {
                lower = a[i];
            }
        }
        return (lower + upper) / 2.0;
    }

    /**
     * The median in about one pass, after Floyd and Rivest (1975, "Expected time bounds for
     * selection"): a sorted sample brackets the median between two values; one pass counts the
     * elements below the bracket and gathers those inside it (a few per cent) to the front; the
     * median is selected among those. Returns {@code NaN} when the bracket missed (then the caller
     * selects over everything). Reorders {@code a[0..n)}; needs no extra memory.
     */
    private static double sampledMedian(double[] a, int n) {
        int samples = 1023;
        double[] sample = new double[samples];
        long stride = n / samples;
        for (int i = 0; i < samples; i++) {
            sample[i] = a[(int) (i * stride)];
        }
        java.util.Arrays.sort(sample);
        int margin = 64; // about four standard deviations of the sample median's rank
        double lo = sample[samples / 2 - margin];
        double hi = sample[samples / 2 + margin];
        int below = 0;
        int inside = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (v < lo) {
                below++;
            } else if (v <= hi) {
                a[i] = a[inside];
                a[inside++] = v;
            }
        }
        int kHigh = n / 2 - below;
        int kLow = (n % 2 == 1 ? n / 2 : n / 2 - 1) - below;
        if (kLow < 0 || kHigh >= inside) {
            return Double.NaN;
        }
        double upper = select(a, 0, inside - 1, kHigh);
        if (kLow == kHigh) {
            return upper;
        }
        double lower = a[0];
        for (int i = 1; i < kHigh; i++) {
            if (a[i] > lower) {
                lower = a[i];
            }
        }
        return kHigh == 0 ? upper : (lower + upper) / 2.0;
    }

    /** Places the {@code k}-th smallest of {@code a[lo..hi]} at index {@code k} and returns it. */
    public static double select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
