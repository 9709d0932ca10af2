package org.lowtide.analysis;

import java.time.Duration;
import java.util.Arrays;

/**
 * STL-based forecast (Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed.,
 * §5.7 and §8.2): every seasonal component repeats its last cycle; the seasonally adjusted series
 * (trend + remainder) is forecast by Holt's additive damped trend (Gardner and McKenzie 1985),
 * whose smoothing parameters are chosen on a grid by one-step squared error. Intervals: the
 * ETS(A,Ad,N) forecast variance {@code σ²·(1 + Σ_{j<h} c_j²)}, {@code c_j = α + αβφ(1 − φ^j)/(1 − φ)}
 * (Hyndman, Koehler, Ord, Snyder 2008, Table 6.1), applied to the empirical quantiles of the
 * one-step errors rather than a normal law. Traffic that was never negative is not forecast below
 * zero.
 */
public final class Forecaster {

    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9};
    private static final double[] BETAS = {0.0, 0.01, 0.05, 0.1, 0.3};
    private static final double[] PHIS = {0.8, 0.9, 0.95, 0.98, 0.995, 0.999};

    private Forecaster() {
    }

    /**
     * @param d       the decomposition of the history
     * @param horizon how many steps ahead
     */
    public static Forecast forecast(Decomposition d, int horizon) {
        int n = d.size();
        double[] adjusted = new double[n];
        boolean nonNegative = true;
        for (int t = 0; t < n; t++) {
            adjusted[t] = d.trend()[t] + d.remainder()[t];
            if (!Double.isNaN(d.observed()[t]) && d.observed()[t] < 0) {
                nonNegative = false;
            }
        }
        // Fit on the recent past: eight longest cycles (at least 8 weeks of steps at most), enough
        // for the level and slope to settle and cheap on long series.
        int longest = 1;
        for (SeasonalPeriod p : d.periods()) {
            longest = Math.max(longest, p.steps());
        }
        int fitLength = Math.min(n, Math.max(8 * longest, 200));
        double[] a = Arrays.copyOfRange(adjusted, n - fitLength, n);

        double bestSse = Double.POSITIVE_INFINITY;
        double[] best = {0.5, 0.0, 0.98};
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                if (beta > alpha) {
                    continue;
                }
                for (double phi : PHIS) {
                    double sse = sse(a, alpha, beta, phi, longest, bestSse);
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = new double[] {alpha, beta, phi};
                    }
                }
            }
        }
        double alpha = best[0];
        double beta = best[1];
        double phi = best[2];
        // Final pass: state and one-step errors.
        double[] errors = new double[a.length];
        double[] state = run(a, alpha, beta, phi, longest, errors);
        double level = state[0];
        double slope = state[1];
        double sigma = 0;
        for (double e : errors) {
            sigma += e * e;
        }
        sigma = Math.sqrt(sigma / Math.max(1, errors.length));
        double[] sortedErrors = errors.clone();
        Arrays.sort(sortedErrors);
        double q025 = WeeklyProfiles.quantile(sortedErrors, 0, sortedErrors.length, 0.025);
        double q10 = WeeklyProfiles.quantile(sortedErrors, 0, sortedErrors.length, 0.10);
        double q90 = WeeklyProfiles.quantile(sortedErrors, 0, sortedErrors.length, 0.90);
        double q975 = WeeklyProfiles.quantile(sortedErrors, 0, sortedErrors.length, 0.975);

        double[] mean = new double[horizon];
        double[] lo80 = new double[horizon];
        double[] hi80 = new double[horizon];
        double[] lo95 = new double[horizon];
        double[] hi95 = new double[horizon];
        double phiPower = 1;
        double dampedSum = 0;
        double varianceFactor = 1; // v_h / σ²
        for (int h = 0; h < horizon; h++) {
            phiPower *= phi;
            dampedSum += phiPower;
            if (h > 0) {
                double phiJ = Math.pow(phi, h);
                double c = alpha + alpha * beta * phi * (1 - phiJ) / (1 - phi);
                varianceFactor += c * c;
            }
            double seasonal = 0;
            for (int i = 0; i < d.periods().size(); i++) {
                int p = d.periods().get(i).steps();
                seasonal += d.seasonal()[i][n - p + (h % p)];
            }
            double m = level + dampedSum * slope + seasonal;
            double scale = Math.sqrt(varianceFactor);
            mean[h] = m;
            lo80[h] = m + q10 * scale;
            hi80[h] = m + q90 * scale;
            lo95[h] = m + q025 * scale;
            hi95[h] = m + q975 * scale;
            if (nonNegative) {
                mean[h] = Math.max(0, mean[h]);
                lo80[h] = Math.max(0, lo80[h]);
                hi80[h] = Math.max(0, hi80[h]);
                lo95[h] = Math.max(0, lo95[h]);
                hi95[h] = Math.max(0, hi95[h]);
            }
        }
        Duration step = d.step();
        return new Forecast(d.timeAt(n), step, mean, lo80, hi80, lo95, hi95, phi, java.util.Optional.empty());
    }

    private static double sse(double[] a, double alpha, double beta, double phi, int period, double stopAbove) {
        double level = a[0];
        double slope = initialSlope(a, period);
        double sse = 0;
        for (int t = 1; t < a.length; t++) {
            double f = level + phi * slope;
            double e = a[t] - f;
            sse += e * e;
            if (sse > stopAbove) {
                return sse;
            }
            double newLevel = f + alpha * e;
            slope = phi * slope + alpha * beta * e;
            level = newLevel;
        }
        return sse;
    }

    private static double[] run(double[] a, double alpha, double beta, double phi, int period, double[] errors) {
        double level = a[0];
        double slope = initialSlope(a, period);
        errors[0] = 0;
        for (int t = 1; t < a.length; t++) {
            double f = level + phi * slope;
            double e = a[t] - f;
            errors[t] = e;
            level = f + alpha * e;
            slope = phi * slope + alpha * beta * e;
        }
        return new double[] {level, slope};
    }

    private static double initialSlope(double[] a, int period) {
        int p = Math.max(1, Math.min(period, a.length / 2));
        if (2 * p > a.length) {
            return 0;
        }
        double first = 0;
        double second = 0;
        for (int i = 0; i < p; i++) {
            first += a[i];
            second += a[p + i];
        }
        return (second - first) / p / p;
    }
}
