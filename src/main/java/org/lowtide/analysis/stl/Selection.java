package org.lowtide.analysis.stl;

/**
 * Order statistics by selection (Hoare's quickselect with median-of-three pivots), in place,
 * O(n) expected.
 */
final class Selection {

    private Selection() {
    }

    /** The median of {@code a[0..n)}; reorders those elements. */
    static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int hi = n / 2;
        double upper = select(a, 0, n - 1, hi);
        if (n % 2 == 1) {
            return upper;
        }
        // After selection, a[0..hi) holds the smaller half: its maximum is the lower middle.
        double lower = a[0];
        for (int i = 1; i < hi; i++) {
            if (a[i] > lower) {
                lower = a[i];
            }
        }
        return (lower + upper) / 2.0;
    }

    /** Places the {@code k}-th smallest of {@code a[lo..hi]} at index {@code k} and returns it. */
    static double select(double[] a, int lo, int hi, int k) {
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
