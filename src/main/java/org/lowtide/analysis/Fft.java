package org.lowtide.analysis;

/**
 * Iterative radix-2 Cooley–Tukey FFT on primitive arrays (Cooley and Tukey 1965; the bit-reversal
 * ordering and butterflies as in Press et al., Numerical Recipes, §12.2). Lengths must be powers of
 * two; callers zero-pad.
 */
final class Fft {

    private Fft() {
    }

    /** @return the smallest power of two ≥ {@code n} */
    static int paddedLength(int n) {
        int m = 1;
        while (m < n) {
            m <<= 1;
        }
        return m;
    }

    /**
     * In-place forward transform {@code X_k = Σ x_t·exp(−2πi·k·t/N)}.
     *
     * @param re real parts, length a power of two
     * @param im imaginary parts, same length
     */
    static void forward(double[] re, double[] im) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("FFT length must be a power of two, was " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wRe = Math.cos(angle);
            double wIm = Math.sin(angle);
            int half = len >> 1;
            for (int start = 0; start < n; start += len) {
                double cRe = 1;
                double cIm = 0;
                for (int k = 0; k < half; k++) {
                    int a = start + k;
                    int b = a + half;
                    double tRe = re[b] * cRe - im[b] * cIm;
                    double tIm = re[b] * cIm + im[b] * cRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double nRe = cRe * wRe - cIm * wIm;
                    cIm = cRe * wIm + cIm * wRe;
                    cRe = nRe;
                }
            }
        }
    }

    /**
     * The periodogram {@code |X_k|² / n} of {@code x} (mean removed, zero-padded to a power of two)
     * for {@code k = 0 … N/2}; bin {@code k} is the frequency {@code k/N} cycles per step.
     */
    static double[] periodogram(double[] x) {
        int n = x.length;
        int m = paddedLength(n);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] re = new double[m];
        double[] im = new double[m];
        for (int i = 0; i < n; i++) {
            re[i] = x[i] - mean;
        }
        forward(re, im);
        double[] power = new double[m / 2 + 1];
        for (int k = 0; k <= m / 2; k++) {
            power[k] = (re[k] * re[k] + im[k] * im[k]) / n;
        }
        return power;
    }
}
