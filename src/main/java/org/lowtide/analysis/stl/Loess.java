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
 * <p>An instance keeps tables of tricube weights by integer distance (the interior radius
 * {@code (q − 1)/2} from the start, the radii near the ends when first used), so that no fit
 * computes a power; interior fits take the points in pairs at equal distance. Not thread-safe;
 * allocation-free once the end tables exist.
 */
final class Loess {

    private final int window;
    private final int degree;
    private final int jump;
    /** The interior radius {@code (window − 1)/2} and its tricube weights by integer distance. */
    private final double interiorRadius;
    private final double[] interiorWeights;
    /** {@code weightedDistance[d] = interiorWeights[d]·d}, {@code squaredDistance[d] = interiorWeights[d]·d²}. */
    private final double[] weightedDistance;
    private final double[] squaredDistance;
    /** rw·y of the series being smoothed by {@link #smooth} (robust fits); valid while {@code buffered}. */
    private double[] weightedY;
    private boolean buffered;
    /** Σ of the interior weights over the whole window, and Σ w·d². */
    private final double sumWeights;
    private final double sumSquaredDistance;
    /** Tricube tables of other integer radii (near the ends), made when first needed. */
    private final double[][] tables;

    Loess(int window, int degree, int jump) {
        this.window = window;
        this.degree = degree;
        this.jump = jump;
        int radius = (window - 1) / 2;
        this.interiorRadius = radius;
        this.interiorWeights = new double[radius + 1];
        this.weightedDistance = new double[radius + 1];
        this.squaredDistance = new double[radius + 1];
        double s0 = interiorWeights[0];
        double s2 = 0;
        for (int r = 0; r <= radius; r++) {
            interiorWeights[r] = tricube(r, radius);
            weightedDistance[r] = interiorWeights[r] * r;
            squaredDistance[r] = weightedDistance[r] * r;
        }
        s0 = interiorWeights[0];
        for (int r = 1; r <= radius; r++) {
            s0 += 2 * interiorWeights[r];
            s2 += 2 * interiorWeights[r] * r * r;
        }
        this.sumWeights = s0;
        this.sumSquaredDistance = s2;
        this.tables = new double[window + window / 2 + 2][];
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
        if (rw != null) {
            if (weightedY == null || weightedY.length < n) {
                weightedY = new double[n];
            }
            for (int i = 0; i < n; i++) {
                weightedY[i] = rw[i] * y[i];
            }
            buffered = true;
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
        buffered = false;
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
        double sw;
        double swu;
        double swuu;
        double swy;
        double swuy;
        if (xs == Math.rint(xs) && h == Math.rint(h) && h < tables.length) {
            int c = (int) xs;
            int radius = (int) h;
            if (h == interiorRadius && left == c - radius && right == c + radius) {
                return interior(y, n, c, radius, rw);
            }
            // Tricube weights by integer distance from a table for this radius.
            double[] table = tableFor(radius);
            sw = 0;
            swu = 0;
            swuu = 0;
            swy = 0;
            swuy = 0;
            // In position order, as one loop would add them (so the sums are the same to the bit),
            // with the robustness test and the distance's sign taken out of the loop (issue 20).
            int mid = Math.min(right + 1, Math.max(left, c));
            if (rw == null) {
                for (int j = left; j < mid; j++) {
                    int d = j - c;
                    double w = table[-d];
                    double yj = y[j - 1];
                    double wu = w * d;
                    sw += w;
                    swu += wu;
                    swuu += wu * d;
                    swy += w * yj;
                    swuy += wu * yj;
                }
                for (int j = mid; j <= right; j++) {
                    int d = j - c;
                    double w = table[d];
                    double yj = y[j - 1];
                    double wu = w * d;
                    sw += w;
                    swu += wu;
                    swuu += wu * d;
                    swy += w * yj;
                    swuy += wu * yj;
                }
            } else {
                for (int j = left; j < mid; j++) {
                    int d = j - c;
                    double w = table[-d] * rw[j - 1];
                    double yj = y[j - 1];
                    double wu = w * d;
                    sw += w;
                    swu += wu;
                    swuu += wu * d;
                    swy += w * yj;
                    swuy += wu * yj;
                }
                for (int j = mid; j <= right; j++) {
                    int d = j - c;
                    double w = table[d] * rw[j - 1];
                    double yj = y[j - 1];
                    double wu = w * d;
                    sw += w;
                    swu += wu;
                    swuu += wu * d;
                    swy += w * yj;
                    swuy += wu * yj;
                }
            }
        } else {
            sw = 0;
            swu = 0;
            swuu = 0;
            swy = 0;
            swuy = 0;
            for (int j = left; j <= right; j++) {
                double u = j - xs;
                double w = tricube(Math.abs(u), h);
                if (w == 0) {
                    continue;
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
        return finish(n, h, sw, swu, swuu, swy, swuy);
    }

    /**
     * A fit at integer position {@code c} over the symmetric interior neighbourhood
     * {@code [c − radius, c + radius]}: the points are taken in pairs at equal distance, which share
     * one tricube weight. Without robustness weights the sums of the weights and of their moments are
     * constants of the window.
     */
    private double interior(double[] y, int n, int c, int radius, double[] rw) {
        double[] table = interiorWeights;
        int centre = c - 1; // 0-based
        double yc = y[centre];
        double sw;
        double swu;
        double swuu;
        double swy;
        double swuy;
        if (rw == null) {
            // A linear filter with a fixed kernel: four independent partial sums, so the adds of
            // consecutive pairs do not wait on each other.
            double[] wd = weightedDistance;
            double y0 = table[0] * yc;
            double y1 = 0;
            double y2 = 0;
            double y3 = 0;
            double u0 = 0;
            double u1 = 0;
            double u2 = 0;
            double u3 = 0;
            int d = 1;
            for (; d + 3 <= radius; d += 4) {
                y0 += table[d] * (y[centre - d] + y[centre + d]);
                u0 += wd[d] * (y[centre + d] - y[centre - d]);
                y1 += table[d + 1] * (y[centre - d - 1] + y[centre + d + 1]);
                u1 += wd[d + 1] * (y[centre + d + 1] - y[centre - d - 1]);
                y2 += table[d + 2] * (y[centre - d - 2] + y[centre + d + 2]);
                u2 += wd[d + 2] * (y[centre + d + 2] - y[centre - d - 2]);
                y3 += table[d + 3] * (y[centre - d - 3] + y[centre + d + 3]);
                u3 += wd[d + 3] * (y[centre + d + 3] - y[centre - d - 3]);
            }
            for (; d <= radius; d++) {
                y0 += table[d] * (y[centre - d] + y[centre + d]);
                u0 += wd[d] * (y[centre + d] - y[centre - d]);
            }
            swy = (y0 + y1) + (y2 + y3);
            swuy = (u0 + u1) + (u2 + u3);
            sw = sumWeights;
            swu = 0;
            swuu = sumSquaredDistance;
        } else {
            // Robust: products rw·y come from the buffer filled once per smooth() call (or are
            // formed here when fit() is called on its own); two sets of accumulators for
            // instruction-level parallelism.
            double[] ry = buffered ? weightedY : null;
            double wc = table[0] * rw[centre];
            double sw0 = wc;
            double swu0 = 0;
            double swuu0 = 0;
            double swy0 = wc * yc;
            double swuy0 = 0;
            double sw1 = 0;
            double swu1 = 0;
            double swuu1 = 0;
            double swy1 = 0;
            double swuy1 = 0;
            int d = 1;
            for (; d + 1 <= radius; d += 2) {
                double a = rw[centre - d];
                double b = rw[centre + d];
                double ya = ry != null ? ry[centre - d] : a * y[centre - d];
                double yb = ry != null ? ry[centre + d] : b * y[centre + d];
                double t = table[d];
                double td = weightedDistance[d];
                double tdd = squaredDistance[d];
                sw0 += t * (a + b);
                swu0 += td * (b - a);
                swuu0 += tdd * (a + b);
                swy0 += t * (ya + yb);
                swuy0 += td * (yb - ya);
                int e = d + 1;
                double a1 = rw[centre - e];
                double b1 = rw[centre + e];
                double ya1 = ry != null ? ry[centre - e] : a1 * y[centre - e];
                double yb1 = ry != null ? ry[centre + e] : b1 * y[centre + e];
                double t1 = table[e];
                double td1 = weightedDistance[e];
                double tdd1 = squaredDistance[e];
                sw1 += t1 * (a1 + b1);
                swu1 += td1 * (b1 - a1);
                swuu1 += tdd1 * (a1 + b1);
                swy1 += t1 * (ya1 + yb1);
                swuy1 += td1 * (yb1 - ya1);
            }
            for (; d <= radius; d++) {
                double a = rw[centre - d];
                double b = rw[centre + d];
                double ya = ry != null ? ry[centre - d] : a * y[centre - d];
                double yb = ry != null ? ry[centre + d] : b * y[centre + d];
                double t = table[d];
                double td = weightedDistance[d];
                sw0 += t * (a + b);
                swu0 += td * (b - a);
                swuu0 += squaredDistance[d] * (a + b);
                swy0 += t * (ya + yb);
                swuy0 += td * (yb - ya);
            }
            sw = sw0 + sw1;
            swu = swu0 + swu1;
            swuu = swuu0 + swuu1;
            swy = swy0 + swy1;
            swuy = swuy0 + swuy1;
        }
        return finish(n, radius, sw, swu, swuu, swy, swuy);
    }

    private double finish(int n, double h, double sw, double swu, double swuu, double swy, double swuy) {
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

    /** The tricube weights of radius {@code h} by integer distance 0…h, made once and kept. */
    private double[] tableFor(int h) {
        if (h == interiorRadius) {
            return interiorWeights;
        }
        double[] t = tables[h];
        if (t == null) {
            t = new double[h + 1];
            for (int r = 0; r <= h; r++) {
                t[r] = tricube(r, h);
            }
            tables[h] = t;
        }
        return t;
    }
}
