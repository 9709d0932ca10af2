package org.lowtide.analysis.stl;

/**
 * Loess on equally spaced points (Cleveland 1979; Cleveland, Cleveland, McRae, Terpenning 1990,
 * section 2 and the appendix): a local fit of degree 0 or 1 with tricube neighbourhood weights,
 * optionally multiplied by robustness weights, evaluated every {@code jump}-th point with linear
 * interpolation in between.
 *
 * <p>Positions are 1-based as in the paper: point {@code j} of {@code y} is {@code y[j - 1]}. The
 * neighbourhood of a fit at {@code xs} is the {@code q} points {@code [left, right]}; its radius is
 * the larger distance from {@code xs} to either end, widened by {@code (q − n)/2} when the window is
 * longer than the series. Points farther than 0.999 of the radius get no weight, points nearer than
 * 0.001 of it full weight. A local line is fitted only where the weighted spread of the positions
 * exceeds 0.001 of the series' range; elsewhere the local mean is used.
 *
 * <p>An instance owns a table of tricube weights for the interior radius {@code (q − 1)/2}, so that
 * the fits away from the ends cost no powers. Not thread-safe; allocation-free after construction.
 */
final class Loess {

    private final int window;
    private final int degree;
    private final int jump;
    /** The interior radius {@code (window − 1)/2} and its tricube weights by integer distance. */
    private final double interiorRadius;
    private final double[] interiorWeights;

    Loess(int window, int degree, int jump) {
        this.window = window;
        this.degree = degree;
        this.jump = jump;
        int radius = (window - 1) / 2;
        this.interiorRadius = radius;
        this.interiorWeights = new double[radius + 1];
        for (int r = 0; r <= radius; r++) {
            interiorWeights[r] = tricube(r, radius);
        }
    }

    /** The tricube weight of distance {@code r} for radius {@code h}, with the 0.001/0.999 cut-offs. */
    static double tricube(double r, double h) {
        if (r > 0.999 * h) {
            return 0.0;
        }
        if (r <= 0.001 * h) {
            return 1.0;
        }
        double u = r / h;
        double v = 1.0 - u * u * u;
        return v * v * v;
    }

    /**
     * Smooths {@code y[0..n)} into {@code out[outOffset .. outOffset + n)}.
     *
     * @param rw robustness weights for {@code y}, or {@code null} for none
     */
    void smooth(double[] y, int n, double[] rw, double[] out, int outOffset) {
        if (n < 2) {
            out[outOffset] = y[0];
            return;
        }
        int len = window;
        int step = Math.min(jump, n - 1);
        int left = 1;
        int right = n;
        if (len >= n) {
            left = 1;
            right = n;
            for (int i = 1; i <= n; i += step) {
                fitOrKeep(y, n, i, left, right, rw, out, outOffset);
            }
        } else if (step == 1) {
            int half = (len + 1) / 2;
            left = 1;
            right = len;
            for (int i = 1; i <= n; i++) {
                if (i > half && right != n) {
                    left++;
                    right++;
                }
                fitOrKeep(y, n, i, left, right, rw, out, outOffset);
            }
        } else {
            int half = (len + 1) / 2;
            for (int i = 1; i <= n; i += step) {
                if (i < half) {
                    left = 1;
                    right = len;
                } else if (i >= n - half + 1) {
                    left = n - len + 1;
                    right = n;
                } else {
                    left = i - half + 1;
                    right = len + i - half;
                }
                fitOrKeep(y, n, i, left, right, rw, out, outOffset);
            }
        }
        if (step != 1) {
            for (int i = 1; i <= n - step; i += step) {
                double a = out[outOffset + i - 1];
                double delta = (out[outOffset + i + step - 1] - a) / step;
                for (int j = i + 1; j <= i + step - 1; j++) {
                    out[outOffset + j - 1] = a + delta * (j - i);
                }
            }
            int k = ((n - 1) / step) * step + 1;
            if (k != n) {
                fitOrKeep(y, n, n, left, right, rw, out, outOffset);
                if (k != n - 1) {
                    double a = out[outOffset + k - 1];
                    double delta = (out[outOffset + n - 1] - a) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++) {
                        out[outOffset + j - 1] = a + delta * (j - k);
                    }
                }
            }
        }
    }

    private void fitOrKeep(double[] y, int n, int i, int left, int right, double[] rw, double[] out, int outOffset) {
        double v = fit(y, n, i, left, right, rw);
        out[outOffset + i - 1] = Double.isNaN(v) ? y[i - 1] : v;
    }

    /**
     * The loess value at position {@code xs} from the points {@code [left, right]} (1-based).
     *
     * @return the fitted value, or {@code NaN} when every weight is zero
     */
    double fit(double[] y, int n, double xs, int left, int right, double[] rw) {
        double h = Math.max(xs - left, right - xs);
        if (window > n) {
            h += (window - n) / 2;
        }
        double sw = 0;
        double swu = 0;
        double swuu = 0;
        double swy = 0;
        double swuy = 0;
        if (h == interiorRadius && xs == Math.rint(xs)) {
            // Interior: tricube weights by integer distance from the table.
            int c = (int) xs;
            double[] table = interiorWeights;
            for (int j = left; j <= right; j++) {
                int d = j - c;
                double w = table[d < 0 ? -d : d];
                if (rw != null) {
                    w *= rw[j - 1];
                }
                double yj = y[j - 1];
                double wu = w * d;
                sw += w;
                swu += wu;
                swuu += wu * d;
                swy += w * yj;
                swuy += wu * yj;
            }
        } else {
            double h9 = 0.999 * h;
            double h1 = 0.001 * h;
            for (int j = left; j <= right; j++) {
                double u = j - xs;
                double r = Math.abs(u);
                if (r > h9) {
                    continue;
                }
                double w;
                if (r <= h1) {
                    w = 1.0;
                } else {
                    double q = r / h;
                    double v = 1.0 - q * q * q;
                    w = v * v * v;
                }
                if (rw != null) {
                    w *= rw[j - 1];
                }
                double yj = y[j - 1];
                double wu = w * u;
                sw += w;
                swu += wu;
                swuu += wu * u;
                swy += w * yj;
                swuy += wu * yj;
            }
        }
        if (sw <= 0) {
            return Double.NaN;
        }
        double mean = swy / sw;
        if (h > 0 && degree > 0) {
            double m = swu / sw;
            double c = swuu / sw - m * m;
            if (Math.sqrt(c) > 0.001 * (n - 1)) {
                double b = -m / c;
                return mean + b * (swuy / sw - m * mean);
            }
        }
        return mean;
    }
}
