package org.lowtide.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lowtide.analysis.stl.Selection;
import org.lowtide.analysis.stl.SeasonalFill;

/**
 * Finds the seasonal periods of a series: the calendar periods (day, week, year) that the data
 * shows, and any other strong periodogram peak.
 *
 * <p>A calendar period of {@code p} steps is a candidate when the series spans at least
 * {@link #MIN_CYCLES} full cycles and {@code p} is at least 2 steps (so daily data has no daily
 * period). Tests run on hourly means when the data is finer (averaging calms bursts), on the series
 * minus a centred rolling median (one week long for the day and the week, one period long beyond:
 * a straight-line detrend misses the week when a holiday week or outages are present, DESIGN §4),
 * clipped at 4 robust standard deviations:
 * <ul>
 *   <li>a period that is a multiple of a shorter one already found ({@code p = m·q}, the week of
 *       the day) is kept when its {@code q}-cycles differ by position: the cycle means, minus
 *       their rolling median over {@code m} cycles, are grouped by position modulo {@code m} and
 *       a one-way ANOVA F test or a Kruskal–Wallis test rejects "no difference" at
 *       {@link #CYCLE_ALPHA} (a daily cycle alone also correlates at a week's lag, so the
 *       autocorrelation cannot tell);</li>
 *   <li>any other period needs an autocorrelation at lag {@code p} of at least {@link #MIN_ACF}
 *       (after removing the mean profiles of the shorter periods found) and a periodogram (FFT)
 *       peak at {@code 1/p} of at least {@link #MIN_PEAK} times the median power between
 *       {@code 1/(2p)} and {@code 2/p}.</li>
 * </ul>
 * A non-calendar period is reported when the highest periodogram peak away from every calendar
 * harmonic passes the second test with doubled thresholds. Seasonal strength comes later, from the
 * decomposition.
 */
public final class PeriodDetector {

    /** Full cycles a period must span. */
    public static final double MIN_CYCLES = 2.0;
    /** Minimum autocorrelation at the period's lag. */
    static final double MIN_ACF = 0.2;
    /** Minimum periodogram peak over its neighbourhood's median. */
    static final double MIN_PEAK = 8.0;
    /** Significance level of the test that a multiple's cycles differ by position. */
    static final double CYCLE_ALPHA = 0.05;

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration YEAR = Duration.ofDays(365);

    private PeriodDetector() {
    }

    /**
     * @param values the series, {@code NaN} where missing
     * @param step   the grid step
     * @return the periods found, shortest first, with {@link SeasonalPeriod#strength()} {@code NaN}
     */
    public static List<SeasonalPeriod> detect(double[] values, Duration step) {
        int n = values.length;
        List<SeasonalPeriod> found = new ArrayList<>();
        int observed = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                observed++;
            }
        }
        if (observed < 8) {
            return found;
        }
        double[] filled = SeasonalFill.linear(values);
        long stepSeconds = step.getSeconds();
        if (stepSeconds <= 0 || step.getNano() != 0) {
            return found;
        }
        // Tests run on hourly means when the data is finer: averaging calms bursts without
        // touching daily or longer cycles.
        int block = stepSeconds < 3600 && 3600 % stepSeconds == 0 ? (int) (3600 / stepSeconds) : 1;
        double[] coarse = blockMeans(filled, block);
        long coarseSeconds = stepSeconds * block;
        int cn = coarse.length;
        Duration[] calendar = {DAY, WEEK, YEAR};
        String[] names = {"day", "week", "year"};
        List<Integer> acceptedCoarse = new ArrayList<>();
        // The day, the week and the search for another period all start from the same series
        // detrended over a week (winsorized): made once, each use gets its own copy.
        int weekWindow = (int) Math.min(cn, WEEK.getSeconds() / coarseSeconds);
        double[] overWeek = null;
        for (int c = 0; c < calendar.length; c++) {
            double exact = (double) calendar[c].getSeconds() / stepSeconds;
            int p = (int) Math.round(exact);
            if (p < 2 || n < MIN_CYCLES * p) {
                continue;
            }
            if (c < 2 && Math.abs(exact - p) > 1e-9) {
                continue; // the step does not divide a day or a week
            }
            int cp = (int) Math.round((double) calendar[c].getSeconds() / coarseSeconds);
            int window = c < 2 ? (int) Math.min(cn, WEEK.getSeconds() / coarseSeconds) : cp;
            double[] x;
            if (window == weekWindow) {
                if (overWeek == null) {
                    overWeek = winsorize(detrend(coarse, weekWindow));
                }
                x = overWeek.clone();
            } else {
                x = winsorize(detrend(coarse, window));
            }
            int divisor = 0;
            for (int q : acceptedCoarse) {
                if (q < cp && cp % q == 0) {
                    divisor = q;
                }
            }
            for (int q : acceptedCoarse) {
                if (q < cp) {
                    removePhaseMeans(x, q);
                }
            }
            double acf = autocorrelation(x, cp);
            double peak = spectralPeak(x, cp);
            boolean accepted;
            if (divisor > 0) {
                // A multiple of a period already found: do its cycles differ by position (e.g. the
                // days of the week)? One-way tests on the cycle means, parametric and rank-based.
                // Means of the full shorter cycles, minus their centred rolling median over one
                // longer cycle, grouped by position in the longer cycle.
                int groups = cp / divisor;
                double[] means = java.util.Arrays.copyOf(blockMeans(coarse, divisor), cn / divisor);
                means = detrend(means, groups);
                double pValue = Math.min(oneWayF(means, groups), kruskalWallis(means, groups));
                accepted = pValue < CYCLE_ALPHA;
            } else {
                accepted = acf >= MIN_ACF && peak >= MIN_PEAK;
            }
            if (!accepted) {
                continue;
            }
            acceptedCoarse.add(cp);
            found.add(new SeasonalPeriod(Duration.ofSeconds(p * stepSeconds), p, names[c], (double) n / p, acf, peak,
                    Double.NaN));
        }
        double[] weekDetrended = cn < 16 ? null
                : overWeek != null ? overWeek.clone() : winsorize(detrend(coarse, weekWindow));
        if (weekDetrended != null) {
            for (int q : acceptedCoarse) {
                removePhaseMeans(weekDetrended, q);
            }
            other(weekDetrended, coarseSeconds, found).map(o -> scale(o, block, n)).ifPresent(found::add);
            found.sort(java.util.Comparator.comparingInt(SeasonalPeriod::steps));
        }
        return found;
    }

    /** The highest periodogram peak away from the periods found and their harmonics, if strong. */
    private static java.util.Optional<SeasonalPeriod> other(double[] detrended, long stepSeconds,
                                                            List<SeasonalPeriod> calendar) {
        int n = detrended.length;
        double[] power = Fft.periodogram(detrended);
        int m = (power.length - 1) * 2;
        // Harmonics of the periods found are their shapes, not new periods. (Every divisor of a
        // week is a harmonic of the week, so only periods actually found are excluded.)
        double[] calendarSteps = calendar.stream().mapToDouble(p -> (double) p.period().getSeconds() / stepSeconds)
                .toArray();
        int best = -1;
        for (int k = 2; k < power.length; k++) {
            double period = (double) m / k;
            if (period < 2 || period > n / MIN_CYCLES) {
                continue;
            }
            boolean nearCalendar = false;
            for (double c : calendarSteps) {
                double harmonic = k * c / m; // how many cycles of this frequency fit into the calendar period
                double nearest = Math.rint(harmonic);
                if (nearest >= 1 && Math.abs(k - nearest * m / c) <= 2 + 0.01 * k) {
                    nearCalendar = true;
                    break;
                }
            }
            if (!nearCalendar && (best < 0 || power[k] > power[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return java.util.Optional.empty();
        }
        int p = (int) Math.round((double) m / best);
        if (p < 2) {
            return java.util.Optional.empty();
        }
        double acf = autocorrelation(detrended, p);
        double peak = spectralPeak(detrended, p);
        if (acf < 2 * MIN_ACF || peak < 2 * MIN_PEAK) {
            return java.util.Optional.empty();
        }
        // Within 5 % of a period found (a drifting clock, a damaged grid): the same period.
        long seconds = p * stepSeconds;
        for (SeasonalPeriod c : calendar) {
            long found = c.period().getSeconds();
            if (Math.abs(seconds - found) <= 0.05 * found) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(new SeasonalPeriod(Duration.ofSeconds(p * stepSeconds), p, "other", (double) n / p,
                acf, peak, Double.NaN));
    }

    private static SeasonalPeriod scale(SeasonalPeriod coarse, int block, int n) {
        int p = coarse.steps() * block;
        return new SeasonalPeriod(coarse.period(), p, coarse.name(), (double) n / p, coarse.autocorrelation(),
                coarse.spectralPeak(), Double.NaN);
    }

    /**
     * One-way ANOVA of {@code x} grouped by index modulo {@code groups}.
     *
     * @return the p-value of the F statistic, 1 when there are too few values
     */
    static double oneWayF(double[] x, int groups) {
        int n = x.length;
        if (n < groups + 2) {
            return 1.0;
        }
        double[] sum = new double[groups];
        int[] count = new int[groups];
        double grand = 0;
        for (int i = 0; i < n; i++) {
            sum[i % groups] += x[i];
            count[i % groups]++;
            grand += x[i];
        }
        grand /= n;
        double between = 0;
        double within = 0;
        for (int g = 0; g < groups; g++) {
            double mean = sum[g] / count[g];
            between += count[g] * (mean - grand) * (mean - grand);
        }
        for (int i = 0; i < n; i++) {
            double mean = sum[i % groups] / count[i % groups];
            within += (x[i] - mean) * (x[i] - mean);
        }
        if (within <= 0) {
            return between > 0 ? 0.0 : 1.0;
        }
        double f = (between / (groups - 1)) / (within / (n - groups));
        return 1 - new org.apache.commons.math3.distribution.FDistribution(groups - 1.0, n - groups)
                .cumulativeProbability(f);
    }

    /**
     * Kruskal–Wallis test (Kruskal and Wallis 1952) of {@code x} grouped by index modulo
     * {@code groups}, ties given their mean rank, chi-squared approximation.
     *
     * @return the p-value, 1 when there are too few values
     */
    static double kruskalWallis(double[] x, int groups) {
        int n = x.length;
        if (n < groups + 2) {
            return 1.0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = r;
            }
            i = j + 1;
        }
        double[] sum = new double[groups];
        int[] count = new int[groups];
        for (int i = 0; i < n; i++) {
            sum[i % groups] += rank[i];
            count[i % groups]++;
        }
        double h = 0;
        for (int g = 0; g < groups; g++) {
            h += sum[g] * sum[g] / count[g];
        }
        h = 12.0 / (n * (n + 1.0)) * h - 3.0 * (n + 1);
        return 1 - new org.apache.commons.math3.distribution.ChiSquaredDistribution(groups - 1.0)
                .cumulativeProbability(Math.max(0, h));
    }

    /** Means of consecutive blocks of {@code block} values (the last block may be shorter). */
    static double[] blockMeans(double[] x, int block) {
        if (block == 1) {
            return x.clone();
        }
        int m = (x.length + block - 1) / block;
        double[] out = new double[m];
        for (int b = 0; b < m; b++) {
            int from = b * block;
            int to = Math.min(x.length, from + block);
            double s = 0;
            for (int i = from; i < to; i++) {
                s += x[i];
            }
            out[b] = s / (to - from);
        }
        return out;
    }

    /** Clips values beyond 4 robust standard deviations (1.4826·MAD) from the median, in place. */
    static double[] winsorize(double[] x) {
        int n = x.length;
        double[] work = x.clone();
        // The (n/2)-th smallest by selection where no NaN is present (the order statistic a sort
        // gives, in O(n); a zero's sign does not reach the result), else by sorting as before.
        boolean nan = false;
        for (double v : x) {
            nan |= Double.isNaN(v);
        }
        double med = nan ? sortedAt(work, n / 2) : Selection.select(work, 0, n - 1, n / 2);
        for (int i = 0; i < n; i++) {
            work[i] = Math.abs(x[i] - med);
        }
        double limit = 4 * 1.4826 * (nan ? sortedAt(work, n / 2) : Selection.select(work, 0, n - 1, n / 2));
        if (limit <= 0) {
            return x;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(med - limit, Math.min(med + limit, x[i]));
        }
        return x;
    }

    private static double sortedAt(double[] a, int k) {
        java.util.Arrays.sort(a);
        return a[k];
    }

    /** Subtracts the mean of each phase of period {@code q}, in place. */
    static void removePhaseMeans(double[] x, int q) {
        for (int ph = 0; ph < q && ph < x.length; ph++) {
            double s = 0;
            int c = 0;
            for (int t = ph; t < x.length; t += q) {
                s += x[t];
                c++;
            }
            double mean = s / c;
            for (int t = ph; t < x.length; t += q) {
                x[t] -= mean;
            }
        }
    }

    /** The series minus its centred rolling median of {@code window} steps. */
    static double[] detrend(double[] x, int window) {
        double[] base = RollingMedian.centred(x, window, Math.max(1, window / 16));
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - base[i];
        }
        return out;
    }

    /** Sample autocorrelation at {@code lag} (Box and Jenkins: lagged covariance over the variance). */
    static double autocorrelation(double[] x, int lag) {
        int n = x.length;
        if (lag <= 0 || lag >= n) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double den = 0;
        for (double v : x) {
            den += (v - mean) * (v - mean);
        }
        if (den == 0) {
            return 0;
        }
        double num = 0;
        for (int t = 0; t + lag < n; t++) {
            num += (x[t] - mean) * (x[t + lag] - mean);
        }
        return num / den;
    }

    /**
     * Periodogram power at frequency {@code 1/p} (the highest of the nearest bins) over the median
     * power of the bins between {@code 1/(2p)} and {@code 2/p}.
     */
    static double spectralPeak(double[] x, int p) {
        double[] power = Fft.periodogram(x);
        int m = (power.length - 1) * 2;
        double centre = (double) m / p;
        int k = (int) Math.round(centre);
        double peak = 0;
        for (int j = Math.max(1, k - 1); j <= Math.min(power.length - 1, k + 1); j++) {
            peak = Math.max(peak, power[j]);
        }
        int lo = Math.max(1, (int) Math.floor(centre / 2));
        int hi = Math.min(power.length - 1, (int) Math.ceil(centre * 2));
        double[] band = new double[hi - lo + 1];
        int c = 0;
        for (int j = lo; j <= hi; j++) {
            if (Math.abs(j - centre) > 2) {
                band[c++] = power[j];
            }
        }
        if (c == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(band, 0, c);
        double median = c % 2 == 1 ? band[c / 2] : (band[c / 2 - 1] + band[c / 2]) / 2;
        return median > 0 ? peak / median : Double.POSITIVE_INFINITY;
    }
}
