package org.lowtide.analysis;

import java.time.Duration;
import java.util.Arrays;

/**
 * STL-based forecast (Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed.,
 * §5.7 and §8.2): every seasonal component repeats its last cycle (of the longest period that is
 * a multiple of its own, so an evolving daily component keeps its weekday shapes); the seasonally adjusted series
 * (trend + remainder), averaged over days for sub-daily data, is forecast by Holt's additive damped
 * trend (Gardner and McKenzie 1985), whose smoothing parameters are chosen on a grid by one-step
 * squared error. Intervals: the level's uncertainty is the ETS(A,Ad,N) forecast variance
 * {@code σ²·(1 + Σ_{j<b} c_j²)}, {@code c_j = α + αβφ(1 − φ^j)/(1 − φ)} (Hyndman, Koehler, Ord,
 * Snyder 2008, Table 6.1) applied to the empirical quantiles of the one-step (one-day) errors, and
 * the step's own noise the empirical quantiles of the steps around their day's mean; the two add
 * in quadrature.
 *
 * <p>Two guards (issue 18): traffic that was never negative is not forecast below half the lowest
 * value it was measured at (outside masked anomalies): a forecast of zero where the series never
 * was zero is not supported by anything, while a falling series may still go below its lowest point. And a seasonal component longer than a week (the year) is
 * anchored at its value over the last week of the history: it contributes its change from a cycle
 * ago, {@code s[t − p + h] − mean(s over the week before t − p) + mean(s over the last week)}, so
 * one unusual end stretch (a heat wave absorbed by the yearly component) cannot shift the level of
 * the whole horizon by the difference between this year's end and last year's.
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
        double floor = Double.POSITIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            adjusted[t] = d.trend()[t] + d.remainder()[t];
            if (!Double.isNaN(d.observed()[t]) && d.observed()[t] < 0) {
                nonNegative = false;
            }
            if (!Double.isNaN(d.observed()[t]) && !d.imputed()[t]) {
                floor = Math.min(floor, d.observed()[t]);
            }
        }
        floor = Double.isFinite(floor) && floor > 0 ? ForecastSelection.FLOOR_SHARE * floor : 0;
        // The level moves slowly: the damped trend is fitted to block means (a day for sub-daily
        // data), so that it follows the level, not the noise of single steps.
        long stepSeconds = Math.max(1, d.step().getSeconds());
        int block = 1;
        if (stepSeconds < 86_400 && 86_400 % stepSeconds == 0 && n / (86_400 / stepSeconds) >= 14) {
            block = (int) (86_400 / stepSeconds);
        }
        int longest = 1;
        for (SeasonalPeriod p : d.periods()) {
            longest = Math.max(longest, p.steps());
        }
        // Fit on the recent past: eight longest cycles, at least 60 blocks, whole blocks ending at n.
        int blocks = Math.min(n / block, Math.max(60, 8 * Math.max(1, longest / block)));
        double[] a = new double[blocks];
        int first = n - blocks * block;
        for (int k = 0; k < blocks; k++) {
            double sum = 0;
            for (int t = first + k * block; t < first + (k + 1) * block; t++) {
                sum += adjusted[t];
            }
            a[k] = sum / block;
        }
        // Step-level noise around the block means, over the same stretch.
        double[] within = new double[blocks * block];
        for (int t = first; t < n; t++) {
            within[t - first] = adjusted[t] - a[(t - first) / block];
        }
        Arrays.sort(within);
        int period = Math.max(1, Math.min(a.length / 2, longest / block));

        double bestSse = Double.POSITIVE_INFINITY;
        double[] best = {0.5, 0.0, 0.98};
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                if (beta > alpha) {
                    continue;
                }
                for (double phi : PHIS) {
                    double sse = sse(a, alpha, beta, phi, period, bestSse);
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
        double[] errors = new double[a.length];
        double[] state = run(a, alpha, beta, phi, period, errors);
        double level = state[0];
        double slope = state[1];
        double[] sortedErrors = Arrays.copyOfRange(errors, 1, errors.length);
        Arrays.sort(sortedErrors);
        double[] levelQ = quantiles(sortedErrors);
        double[] noiseQ = quantiles(within);

        double[] mean = new double[horizon];
        double[] lo80 = new double[horizon];
        double[] hi80 = new double[horizon];
        double[] lo95 = new double[horizon];
        double[] hi95 = new double[horizon];
        // Each seasonal component repeats with the longest period that is a multiple of its own: an
        // evolving daily component differs by weekday, and the weekly one was fitted around that.
        int components = d.periods().size();
        int[] repeat = new int[components];
        for (int i = 0; i < components; i++) {
            int p = d.periods().get(i).steps();
            repeat[i] = p;
            for (SeasonalPeriod other : d.periods()) {
                if (other.steps() % p == 0 && other.steps() > repeat[i] && other.steps() <= n) {
                    repeat[i] = other.steps();
                }
            }
        }
        // Day and week are cycles of the local wall clock: across a DST change in the horizon the
        // pattern keeps its local times.
        boolean[] wallClock = new boolean[components];
        boolean dst = !d.zone().getRules().isFixedOffset();
        for (int i = 0; i < components; i++) {
            long seconds = (long) repeat[i] * stepSeconds;
            wallClock[i] = dst && d.step().getNano() == 0 && seconds % 86_400 == 0;
        }
        // Components longer than a week contribute their change since a cycle ago, anchored at
        // their mean over the last week of the history.
        double[] shift = new double[components];
        int weekSteps = (int) Math.max(1, 7 * 86_400L / stepSeconds);
        for (int i = 0; i < components; i++) {
            int p = repeat[i];
            if ((long) p * stepSeconds <= 7 * 86_400L || p > n) {
                continue;
            }
            int w = Math.max(1, Math.min(weekSteps, p / 8));
            double[] s = d.seasonal()[i];
            double anchor = 0;
            double reference = 0;
            for (int k = 1; k <= w; k++) {
                anchor += s[n - k];
                reference += s[Math.max(0, n - p - k)];
            }
            shift[i] = (anchor - reference) / w;
        }
        Sources[] sources = new Sources[components];
        for (int i = 0; i < components; i++) {
            sources[i] = new Sources(d, repeat[i], n, horizon, wallClock[i]);
        }
        double phiPower = 1;
        double dampedSum = 0;
        double varianceFactor = 1; // v_b / σ² for the block b steps ahead
        int currentBlock = 0;
        for (int h = 0; h < horizon; h++) {
            int b = h / block + 1;
            while (currentBlock < b) {
                currentBlock++;
                phiPower *= phi;
                dampedSum += phiPower;
                if (currentBlock > 1) {
                    double phiJ = Math.pow(phi, currentBlock - 1);
                    double c = alpha + alpha * beta * phi * (1 - phiJ) / (1 - phi);
                    varianceFactor += c * c;
                }
            }
            double seasonal = 0;
            for (int i = 0; i < components; i++) {
                seasonal += d.seasonal()[i][sources[i].at(h)] + shift[i];
            }
            double m = level + dampedSum * slope + seasonal;
            double scale = Math.sqrt(varianceFactor);
            mean[h] = m;
            lo95[h] = m - combine(levelQ[0] * scale, noiseQ[0]);
            lo80[h] = m - combine(levelQ[1] * scale, noiseQ[1]);
            hi80[h] = m + combine(levelQ[2] * scale, noiseQ[2]);
            hi95[h] = m + combine(levelQ[3] * scale, noiseQ[3]);
            if (nonNegative) {
                mean[h] = Math.max(floor, mean[h]);
                lo80[h] = Math.max(floor, lo80[h]);
                hi80[h] = Math.max(floor, hi80[h]);
                lo95[h] = Math.max(floor, lo95[h]);
                hi95[h] = Math.max(floor, hi95[h]);
            }
        }
        return new Forecast(d.timeAt(n), d.step(), mean, lo80, hi80, lo95, hi95, phi, java.util.Optional.empty());
    }

    /**
     * The history steps whose seasonal values a forecast's steps repeat: for lead time {@code h},
     * the latest step one or more whole periods {@code p} earlier, counted on the local wall clock
     * when {@code wallClock}. The zone's changes of offset over the horizon are looked up once, not
     * once a step (issue 20: a {@code nextTransition} per step was a few per cent of a short
     * command's CPU).
     */
    static final class Sources {
        private final Decomposition d;
        private final int p;
        private final int n;
        private final boolean wallClock;
        private final long startSecond;
        private final long stepSeconds;
        /**
         * Epoch seconds of every change of offset after the earliest UTC source and up to the last
         * target, ascending: the first change after a source, when it is at or before its target, is
         * among them. Null where the shortcut does not apply (steps with fractions of a second).
         */
        private final long[] changes;

        Sources(Decomposition d, int p, int n, int horizon, boolean wallClock) {
            this.d = d;
            this.p = p;
            this.n = n;
            this.wallClock = wallClock;
            this.startSecond = d.start().getEpochSecond();
            this.stepSeconds = d.step().getSeconds();
            if (!wallClock || d.step().getNano() != 0) {
                this.changes = null;
                return;
            }
            long from = startSecond + (long) Math.max(0, n - p) * stepSeconds;
            long to = startSecond + (long) (n + Math.max(0, horizon - 1)) * stepSeconds;
            java.time.zone.ZoneRules rules = d.zone().getRules();
            long[] found = new long[4];
            int count = 0;
            java.time.zone.ZoneOffsetTransition next = rules.nextTransition(java.time.Instant.ofEpochSecond(from));
            while (next != null && next.toEpochSecond() <= to) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, 2 * count);
                }
                found[count++] = next.toEpochSecond();
                next = rules.nextTransition(next.getInstant());
            }
            this.changes = Arrays.copyOf(found, count);
        }

        /** @return the source step of lead time {@code h} (below the horizon given) */
        int at(int h) {
            int utc = n - p + (h % p);
            if (!wallClock) {
                return utc;
            }
            // Where the offset is the same from the UTC source step to the forecast step, the wall
            // clock and UTC agree and the answer is the UTC one (the search below then finds it too);
            // this spares the zone conversions for all but the steps around a change of offset.
            if (changes != null && utc >= 0) {
                long target = startSecond + (long) (n + h) * stepSeconds;
                long utcSource = startSecond + (long) utc * stepSeconds;
                int k = Arrays.binarySearch(changes, utcSource);
                k = k >= 0 ? k + 1 : -k - 1; // the first change after the source
                if (k == changes.length || changes[k] > target) {
                    return utc;
                }
            }
            return searchWallClock(d, p, n, h, utc);
        }
    }

    /** A {@link Sources} step on the wall clock by search, step by step through the zone's rules. */
    static int searchWallClock(Decomposition d, int p, int n, int h, int utc) {
        long stepSeconds = d.step().getSeconds();
        java.time.Instant end = d.timeAt(n);
        java.time.LocalDateTime local = d.timeAt(n + h).atZone(d.zone()).toLocalDateTime();
        long periodSeconds = (long) p * stepSeconds;
        long k = (h / p) + 1;
        java.time.Instant source = local.minusSeconds(k * periodSeconds).atZone(d.zone()).toInstant();
        while (!source.isBefore(end)) {
            k++;
            source = local.minusSeconds(k * periodSeconds).atZone(d.zone()).toInstant();
        }
        while (k > 1) {
            java.time.Instant later = local.minusSeconds((k - 1) * periodSeconds).atZone(d.zone()).toInstant();
            if (!later.isBefore(end)) {
                break;
            }
            k--;
            source = later;
        }
        long index = java.time.Duration.between(d.start(), source).getSeconds() / stepSeconds;
        if (index < 0 || index >= n) {
            return utc;
        }
        return (int) index;
    }

    /** Distances of the 2.5, 10, 90 and 97.5 % quantiles from zero (lower ones as positive numbers). */
    private static double[] quantiles(double[] sorted) {
        if (sorted.length == 0) {
            return new double[4];
        }
        int m = sorted.length;
        return new double[] {Math.max(0, -Quantiles.type7(sorted, 0, m, 0.025)),
            Math.max(0, -Quantiles.type7(sorted, 0, m, 0.10)),
            Math.max(0, Quantiles.type7(sorted, 0, m, 0.90)),
            Math.max(0, Quantiles.type7(sorted, 0, m, 0.975))};
    }

    /** Level and step noise taken as independent: their quantile distances add in quadrature. */
    private static double combine(double level, double noise) {
        return Math.sqrt(level * level + noise * noise);
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
