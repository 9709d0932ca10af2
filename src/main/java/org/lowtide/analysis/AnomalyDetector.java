package org.lowtide.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.lowtide.analysis.stl.Selection;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;

/**
 * Finds outages, dips, spikes and collection gaps.
 *
 * <p><b>Collection gaps</b> first, from the raw values: missing runs of at least half an hour (and
 * at least {@link #MIN_RUN} steps); runs of exact zeros of an hour or more where the usual level at those
 * times (the phase median below, computed without any such run, so the rule does not depend on how
 * much of the slice the run fills) is above a tenth of the typical level; runs of one repeated
 * non-zero value twice that long in a series that otherwise rarely repeats a value.
 *
 * <p><b>Outages, dips and spikes</b> then come from a residual test in the spirit of S-H-ESD
 * (Hochenbaum, Vallis, Kejariwal 2017, "Automatic Anomaly Detection in the Cloud Via Statistical
 * Learning"): the expectation is robust on its own — a centred rolling median of the longest period
 * times (or, for series that go negative, plus) the median ratio to it at the same phase of that period (the longest period that
 * the data spans three times, else the shortest; for the day and the week the phase is the slot of
 * the local wall clock, so DST does not shift it) — so an outage cannot pull its own expectation
 * down, which a robust STL with few cycles does (DESIGN §4). Residuals are divided by the
 * square root of the expectation (floored at a tenth of its median) for non-negative series, since
 * traffic noise grows with the level as for counts, and scaled by 1.4826·MAD and tested with Rosner's generalized ESD (Rosner 1983) at α = 0.05 for at most
 * {@link #MAX_ANOMALY_SHARE} of the points; as S-H-ESD, location and scale are the median and MAD,
 * here computed once rather than after each removal (they barely move when a few per cent go).
 * Flagged steps a step apart merge; a low run is an {@link Anomaly.Kind#OUTAGE} when its traffic
 * is at most half the expectation, else a {@link Anomaly.Kind#DIP}.
 */
public final class AnomalyDetector {

    /** Shortest run (in steps) that counts as a collection gap, if it also lasts an hour. */
    static final int MIN_RUN = 3;
    /** The most the ESD test may flag, as a share of the points. */
    static final double MAX_ANOMALY_SHARE = 0.02;
    static final double ALPHA = 0.05;
    /**
     * The false-positive budget (issue 18): at most this many events of spikes and dips are reported
     * per 30 days of data (the highest-scoring ones; at least {@link #MIN_EVENTS}). Flags less than
     * {@link #EVENT_GAP} apart form one event, scored by the sum of their scores: a sustained burst
     * outranks one noisy step. Outages and collection gaps are not budgeted: they must never be
     * learned as quiet times.
     */
    public static final double EVENTS_PER_30_DAYS = 6;
    static final int MIN_EVENTS = 2;
    /** Flags at most this far apart (or one step, if longer) are one event. */
    static final Duration EVENT_GAP = Duration.ofMinutes(15);

    private AnomalyDetector() {
    }

    /**
     * @param series  the traffic, {@code NaN} where missing
     * @param periods the seasonal periods found (may be empty)
     */
    public static AnomalyScan detect(TrafficSeries series, List<SeasonalPeriod> periods) {
        double[] y = series.values();
        int n = y.length;
        long stepSeconds = Math.max(1, series.step().getSeconds());
        int minRun = (int) Math.max(MIN_RUN, (3600 + stepSeconds - 1) / stepSeconds);
        int minMissingRun = (int) Math.max(MIN_RUN, (1800 + stepSeconds - 1) / stepSeconds);
        if (stepSeconds >= 86_400) {
            minRun = MIN_RUN;
            minMissingRun = MIN_RUN;
        }
        // The expectation is computed without the runs that may be collection gaps: a long run of
        // zeros pulls a rolling median down with it (an 82-hour run in four weeks of hourly data
        // is half a week's window), and would then vouch for itself as a quiet time.
        double[] withoutRuns = withoutCandidateRuns(y, minRun);
        double[] expected = expectation(withoutRuns, periods, phases(series, periods));
        boolean[] masked = new boolean[n];
        List<Anomaly> found = new ArrayList<>();

        collectionGaps(series, y, expected, minRun, minMissingRun, masked, found);

        // Traffic noise grows with the level (counts are Poisson-like): residuals are divided by the
        // square root of the expectation (floored at a tenth of the median level) when the series
        // is non-negative, and left absolute otherwise.
        double floor = relativeFloor(expected);
        double[] residual = new double[n];
        int m = 0;
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            double norm = floor > 0 ? Math.sqrt(Math.max(expected[i], floor)) : 1.0;
            residual[i] = Double.isNaN(y[i]) || masked[i] || Double.isNaN(expected[i]) ? Double.NaN
                    : (y[i] - expected[i]) / norm;
            if (!Double.isNaN(residual[i])) {
                abs[m++] = residual[i];
            }
        }
        double scale = 0;
        if (m >= 8) {
            // Median and MAD by selection (the values a sort would give, in O(m)).
            double[] r = Arrays.copyOf(abs, m);
            double med = Selection.median(r, m);
            for (int i = 0; i < m; i++) {
                r[i] = Math.abs(r[i] - med);
            }
            scale = 1.4826 * Selection.median(r, m);
            if (scale > 0) {
                esd(series, y, expected, residual, med, scale, m, masked, found);
            }
        }
        budget(series, found, masked);
        found.sort((a, b) -> a.interval().start().compareTo(b.interval().start()));
        return new AnomalyScan(found, masked, expected, scale);
    }

    /**
     * A copy of {@code y} with every run that {@link #collectionGaps} will judge set to {@code NaN}:
     * exact zeros for at least {@code minRun} steps, and one repeated non-zero value for at least
     * twice that in a series that rarely repeats a value.
     */
    static double[] withoutCandidateRuns(double[] y, int minRun) {
        int n = y.length;
        int pairs = 0;
        int repeats = 0;
        for (int i = 1; i < n; i++) {
            if (!Double.isNaN(y[i]) && !Double.isNaN(y[i - 1])) {
                pairs++;
                if (y[i] == y[i - 1]) {
                    repeats++;
                }
            }
        }
        boolean repeatsAreRare = pairs > 0 && repeats < 0.05 * pairs;
        double[] out = y.clone();
        int i = 0;
        while (i < n) {
            int j = i + 1;
            if (Double.isNaN(y[i])) {
                i = j;
                continue;
            }
            while (j < n && y[j] == y[i]) {
                j++;
            }
            int len = j - i;
            if ((y[i] == 0 && len >= minRun) || (y[i] != 0 && repeatsAreRare && len >= 2 * minRun)) {
                Arrays.fill(out, i, j, Double.NaN);
            }
            i = j;
        }
        return out;
    }

    /**
     * Keeps the highest-scoring spikes and dips within {@link #EVENTS_PER_30_DAYS}; the others are
     * dropped and their steps unmasked (the robust profile and decomposition cope with them). On
     * noisy 5-minute series the generalized ESD at α = 0.05 flags tens of noise bursts a month;
     * measured on NAB's labelled ELB series the labelled events score highest.
     */
    static void budget(TrafficSeries series, List<Anomaly> found, boolean[] masked) {
        double days = Duration.between(series.start(), series.end()).getSeconds() / 86_400.0;
        int allowed = (int) Math.max(MIN_EVENTS, Math.ceil(EVENTS_PER_30_DAYS * days / 30));
        List<Anomaly> judged = new ArrayList<>();
        for (Anomaly a : found) {
            if (a.kind() == Anomaly.Kind.SPIKE || a.kind() == Anomaly.Kind.DIP) {
                judged.add(a);
            }
        }
        judged.sort((a, b) -> a.interval().start().compareTo(b.interval().start()));
        Duration gap = series.step().compareTo(EVENT_GAP) > 0 ? series.step() : EVENT_GAP;
        List<List<Anomaly>> events = new ArrayList<>();
        for (Anomaly a : judged) {
            List<Anomaly> last = events.isEmpty() ? null : events.get(events.size() - 1);
            if (last != null && !a.interval().start().isAfter(last.get(last.size() - 1).interval().end().plus(gap))) {
                last.add(a);
            } else {
                List<Anomaly> event = new ArrayList<>();
                event.add(a);
                events.add(event);
            }
        }
        if (events.size() <= allowed) {
            return;
        }
        events.sort((a, b) -> Double.compare(total(b), total(a)));
        long step = Math.max(1, series.step().getSeconds());
        long start = series.start().getEpochSecond();
        for (List<Anomaly> event : events.subList(allowed, events.size())) {
            for (Anomaly a : event) {
                found.remove(a);
                int from = (int) ((a.interval().start().getEpochSecond() - start) / step);
                int to = (int) ((a.interval().end().getEpochSecond() - start) / step);
                for (int i = Math.max(0, from); i < Math.min(masked.length, to); i++) {
                    masked[i] = false;
                }
            }
        }
    }

    private static double total(List<Anomaly> event) {
        double sum = 0;
        for (Anomaly a : event) {
            sum += a.score();
        }
        return sum;
    }

    /** The median of {@code v[from..from + c)} as a sort would give it, also when a ratio 0/0 left a {@code NaN} there. */
    private static double medianOf(double[] v, int from, int c) {
        for (int i = from; i < from + c; i++) {
            if (Double.isNaN(v[i])) {
                Arrays.sort(v, from, from + c);
                return c % 2 == 1 ? v[from + c / 2] : (v[from + c / 2 - 1] + v[from + c / 2]) / 2;
            }
        }
        return Selection.median(v, from, c);
    }

    /** A tenth of the median expectation when every expectation is positive-leaning, else 0. */
    static double relativeFloor(double[] expected) {
        double[] e = new double[expected.length];
        int c = 0;
        for (double v : expected) {
            if (!Double.isNaN(v)) {
                e[c++] = v;
            }
        }
        if (c == 0) {
            return 0;
        }
        e = c == e.length ? e : Arrays.copyOf(e, c);
        double low = Selection.select(e, 0, e.length - 1, (int) (0.01 * (e.length - 1)));
        double med = Selection.median(e, e.length);
        return low >= 0 && med > 0 ? 0.1 * med : 0;
    }

    /**
     * The phase of every step in the period {@link #expectation} will use: for the day and the week
     * the slot of the local day or week in the series' zone (people follow the wall clock, so a DST
     * change must not shift the pattern by an hour), else the step index modulo the period.
     *
     * @return phases, or {@code null} to use the step index modulo the period
     */
    static int[] phases(TrafficSeries series, List<SeasonalPeriod> periods) {
        int period = chosenPeriod(series.size(), periods);
        if (period == 0) {
            return null;
        }
        SeasonalPeriod chosen = null;
        for (SeasonalPeriod p : periods) {
            if (p.steps() == period) {
                chosen = p;
            }
        }
        Duration step = series.step();
        boolean calendar = chosen != null && ("day".equals(chosen.name()) || "week".equals(chosen.name()));
        if (!calendar || step.getNano() != 0 || step.getSeconds() < 60 || 86_400 % step.getSeconds() != 0) {
            return null;
        }
        WeekSlots slots = new WeekSlots(series.zone(), step);
        WeekSlots.Locator locator = slots.locator();
        int perDay = slots.perDay();
        int[] phase = new int[series.size()];
        long start = series.start().getEpochSecond();
        long s = step.getSeconds();
        for (int i = 0; i < phase.length; i++) {
            int slot = locator.slotOf(start + i * s);
            phase[i] = "day".equals(chosen.name()) ? slot % perDay : slot;
        }
        return phase;
    }

    private static int chosenPeriod(int n, List<SeasonalPeriod> periods) {
        int period = 0;
        for (SeasonalPeriod p : periods) {
            if (n >= 3 * p.steps()) {
                period = Math.max(period, p.steps());
            }
        }
        if (period == 0 && !periods.isEmpty()) {
            period = periods.get(0).steps();
        }
        return period;
    }

    /** Rolling median of the longest usable period plus the phase median of the detrended values. */
    static double[] expectation(double[] y, List<SeasonalPeriod> periods, int[] phases) {
        int n = y.length;
        int period = chosenPeriod(n, periods);
        int window = period > 0 ? period : Math.max(3, Math.min(n, 25));
        double[] base = RollingMedian.centred(y, Math.min(window, n), Math.max(1, window / 16));
        double[] out = base.clone();
        // Traffic is multiplicative (a sale triples the nights too): for a positive series the
        // phase effect is a ratio to the rolling median, else a difference.
        boolean ratio = true;
        for (int t = 0; t < n && ratio; t++) {
            if (!Double.isNaN(y[t]) && (y[t] < 0 || (!Double.isNaN(base[t]) && base[t] <= 0))) {
                ratio = false;
            }
        }
        if (period > 0) {
            int[] phase = phases;
            int count = period;
            if (phase == null) {
                phase = new int[n];
                for (int t = 0; t < n; t++) {
                    phase[t] = t % period;
                }
            } else {
                for (int p : phase) {
                    count = Math.max(count, p + 1);
                }
            }
            // Bucket the detrended values by phase (counting sort), then take each bucket's median.
            int[] size = new int[count + 1];
            for (int t = 0; t < n; t++) {
                if (!Double.isNaN(y[t]) && !Double.isNaN(base[t])) {
                    size[phase[t] + 1]++;
                }
            }
            for (int p = 0; p < count; p++) {
                size[p + 1] += size[p];
            }
            double[] bucket = new double[size[count]];
            int[] fill = Arrays.copyOf(size, count);
            for (int t = 0; t < n; t++) {
                if (!Double.isNaN(y[t]) && !Double.isNaN(base[t])) {
                    bucket[fill[phase[t]]++] = ratio ? y[t] / base[t] : y[t] - base[t];
                }
            }
            double[] med = new double[count];
            if (ratio) {
                Arrays.fill(med, 1.0);
            }
            for (int p = 0; p < count; p++) {
                int from = size[p];
                int c = size[p + 1] - from;
                if (c > 0) {
                    med[p] = medianOf(bucket, from, c);
                }
            }
            for (int t = 0; t < n; t++) {
                out[t] = ratio ? base[t] * med[phase[t]] : base[t] + med[phase[t]];
            }
        }
        return out;
    }

    private static void collectionGaps(TrafficSeries series, double[] y, double[] expected, int minRun,
                                       int minMissingRun, boolean[] masked, List<Anomaly> found) {
        int n = y.length;
        // How often the series repeats a value from one step to the next (outside missing steps).
        int pairs = 0;
        int repeats = 0;
        double typical = 0;
        int typicalCount = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(expected[i])) {
                typical += Math.abs(expected[i]);
                typicalCount++;
            }
            if (i > 0 && !Double.isNaN(y[i]) && !Double.isNaN(y[i - 1])) {
                pairs++;
                if (y[i] == y[i - 1]) {
                    repeats++;
                }
            }
        }
        typical = typicalCount == 0 ? 0 : typical / typicalCount;
        boolean repeatsAreRare = pairs > 0 && repeats < 0.05 * pairs;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            boolean missing = Double.isNaN(y[i]);
            if (missing) {
                while (j < n && Double.isNaN(y[j])) {
                    j++;
                }
            } else {
                while (j < n && y[j] == y[i]) {
                    j++;
                }
            }
            int len = j - i;
            if (len >= (missing ? minMissingRun : minRun)) {
                boolean gap;
                if (missing) {
                    gap = true;
                } else if (y[i] == 0) {
                    double usual = 0;
                    int c = 0;
                    for (int t = i; t < j; t++) {
                        if (!Double.isNaN(expected[t])) {
                            usual += expected[t];
                            c++;
                        }
                    }
                    usual = c == 0 ? 0 : usual / c;
                    gap = usual > 0.1 * typical && typical > 0;
                } else {
                    // A repeated non-zero value: a stuck collector, if it lasts twice as long.
                    gap = repeatsAreRare && len >= 2 * minRun;
                }
                if (gap) {
                    for (int t = i; t < j; t++) {
                        masked[t] = true;
                    }
                    found.add(new Anomaly(interval(series, i, j), Anomaly.Kind.COLLECTION_GAP, len));
                }
            }
            i = j;
        }
    }

    private static void esd(TrafficSeries series, double[] y, double[] expected, double[] residual, double med,
                            double scale, int m, boolean[] masked, List<Anomaly> found) {
        int n = y.length;
        int maxAnomalies = (int) Math.max(1, Math.floor(MAX_ANOMALY_SHARE * m));
        // Indices of the largest robust scores, descending.
        double[] score = new double[n];
        // Only scores of 3 or more can pass any critical value of the test: sort just those.
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(residual[i])) {
                score[i] = Math.abs(residual[i] - med) / scale;
                if (score[i] >= 3) {
                    count++;
                }
            }
        }
        Integer[] candidates = new Integer[count];
        for (int i = 0, c = 0; i < n; i++) {
            if (!Double.isNaN(residual[i]) && score[i] >= 3) {
                candidates[c++] = i;
            }
        }
        Arrays.sort(candidates, (a, b) -> Double.compare(score[b], score[a]));
        // The number flagged is the largest k whose k-th score exceeds its critical value: searched
        // from the largest k down, it is the first that passes (the same k as the ascending
        // search's last pass), and a score under a cheap bound fails without the exact value.
        int flagged = 0;
        for (int k = Math.min(Math.min(maxAnomalies, candidates.length), m - 3); k >= 1; k--) {
            int remaining = m - k + 1;
            double p = 1 - ALPHA / (2.0 * remaining);
            if (score[candidates[k - 1]] <= criticalValueBelow(p, remaining)) {
                continue; // cannot pass: the exact critical value is higher still
            }
            if (score[candidates[k - 1]] > criticalValue(p, remaining)) {
                flagged = k;
                break;
            }
        }
        boolean[] high = new boolean[n];
        boolean[] low = new boolean[n];
        for (int k = 0; k < flagged; k++) {
            int i = candidates[k];
            if (residual[i] - med > 0) {
                high[i] = true;
            } else {
                low[i] = true;
            }
        }
        runs(series, y, expected, score, high, true, masked, found);
        runs(series, y, expected, score, low, false, masked, found);
    }

    /**
     * Rosner's critical value λ for {@code remaining} values at the quantile {@code p}:
     * {@code (R − 1) t / √((R − 2 + t²) R)} with {@code t} the Student-t quantile on {@code R − 2}
     * degrees of freedom.
     */
    static double criticalValue(double p, int remaining) {
        double t = new TDistribution(null, remaining - 2.0).inverseCumulativeProbability(p);
        return lambda(t, remaining);
    }

    /**
     * A value certainly below {@link #criticalValue}, at a fraction of its cost: the same formula on
     * the normal quantile instead of Student's t (for {@code p > ½} a t quantile exceeds the normal
     * one at every degree of freedom, and λ grows with t), lowered by a relative 10⁻⁶ that covers
     * both quantile solvers' errors (the t solver's is 10⁻⁹ absolute). A score at or under it fails
     * the test without the t quantile's root search (issue 17: that search was most of the test's time).
     */
    static double criticalValueBelow(double p, int remaining) {
        double z = Math.sqrt(2) * Erf.erfInv(2 * p - 1);
        return lambda(z * (1 - 1e-6), remaining);
    }

    private static double lambda(double t, int remaining) {
        return (remaining - 1) * t / Math.sqrt((remaining - 2 + t * t) * remaining);
    }

    /** Groups flagged steps into intervals (steps at most one apart join) and classifies them. */
    private static void runs(TrafficSeries series, double[] y, double[] expected, double[] score, boolean[] flag,
                             boolean spike, boolean[] masked, List<Anomaly> found) {
        int n = flag.length;
        int i = 0;
        while (i < n) {
            if (!flag[i]) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && (flag[j] || (j + 1 < n && flag[j + 1] && !masked[j]))) {
                j++;
            }
            double maxScore = 0;
            double sumY = 0;
            double sumE = 0;
            for (int t = i; t < j; t++) {
                masked[t] = true;
                maxScore = Math.max(maxScore, score[t]);
                if (!Double.isNaN(y[t]) && !Double.isNaN(expected[t])) {
                    sumY += y[t];
                    sumE += expected[t];
                }
            }
            Anomaly.Kind kind = spike ? Anomaly.Kind.SPIKE
                    : (sumE > 0 && sumY <= 0.5 * sumE ? Anomaly.Kind.OUTAGE : Anomaly.Kind.DIP);
            found.add(new Anomaly(interval(series, i, j), kind, maxScore));
            i = j;
        }
    }

    private static Interval interval(TrafficSeries series, int from, int to) {
        Instant start = series.timeAt(from);
        Duration step = series.step();
        return new Interval(start, start.plus(step.multipliedBy(to - from)));
    }
}
