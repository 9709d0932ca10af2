package org.lowtide.traffic;

import java.time.Duration;
import java.util.Optional;

/**
 * Coarsens a series too long to analyse in memory: the decomposition holds about a dozen arrays
 * as long as the series, so ten million 1-minute points (80 MB each) would need over a gigabyte.
 * Above {@link #MAX_ANALYSED_POINTS} the series is gathered into blocks of k steps (k the smallest
 * factor that fits and whose step still divides an hour), which keeps every daily and weekly pattern
 * a maintenance window can see.
 *
 * <p>The limit was 2,000,000 (a 5-minute grid over 19 years) until issue 20: a decomposition and
 * its backtest of that many points took over a minute and most of a 1 GB heap, while windows are
 * planned on slots of at most an hour. 200,000 points keep a 5-minute grid for 1.9 years (every
 * series up to that length is analysed as before), an hourly grid for 22 years, and make ten
 * million 1-minute points (19 years) hourly totals. The step of the blocks divides an hour (it
 * divided a day: 36-minute steps could not show an hour's window). Values are per step, so a block
 * holds the mean of its measured steps times k (the sum when all were measured); a block with no
 * measured value stays missing.
 *
 * <p>Since issue 20's third pass a series finer than {@link #FINEST_ANALYSED_STEP} with more than
 * {@link #FINE_POINTS} points is also coarsened, to the first step of at least five minutes that
 * divides an hour: 90 days of 1-minute data are analysed as 25,920 5-minute totals (a third of the
 * time), and ten million 1-second points (4 months) as 5-minute totals (they were 50-second ones).
 */
public final class Resolution {

    /** The most points the analysis works on (a 5-minute grid over 1.9 years). */
    public static final int MAX_ANALYSED_POINTS = 200_000;

    /**
     * The step a long series finer than it is analysed on (issue 20, third pass): five minutes,
     * the finest step whose day still has few enough points for the robust decomposition and its
     * backtest to take about a second.
     */
    public static final Duration FINEST_ANALYSED_STEP = Duration.ofMinutes(5);

    /**
     * A series with a step finer than {@link #FINEST_ANALYSED_STEP} and more points than this
     * (four weeks of 1-minute data) is analysed on that step; shorter ones keep their own.
     */
    public static final int FINE_POINTS = 40_320;

    private Resolution() {
    }

    /**
     * @return the coarser series, or empty when {@code series} fits as it is (or no coarser step
     *         that divides an hour exists): coarser when it holds more than {@code maxPoints}, or
     *         when its step is finer than {@link #FINEST_ANALYSED_STEP} and it holds more than
     *         {@link #FINE_POINTS}
     */
    public static Optional<TrafficSeries> fit(TrafficSeries series, int maxPoints) {
        int n = series.size();
        long stepSeconds = series.step().getSeconds();
        boolean fine = series.step().getNano() == 0 && stepSeconds > 0
                && stepSeconds < FINEST_ANALYSED_STEP.getSeconds() && n > FINE_POINTS;
        if (n <= maxPoints && !fine) {
            return Optional.empty();
        }
        if (series.step().getNano() != 0 || stepSeconds <= 0) {
            return Optional.empty();
        }
        int least = n > maxPoints ? (int) Math.ceil((double) n / maxPoints) : 1;
        if (fine) {
            least = Math.max(least, (int) Math.ceil((double) FINEST_ANALYSED_STEP.getSeconds() / stepSeconds));
        }
        for (int k = Math.max(2, least); k * stepSeconds <= 3600; k++) {
            if (3600 % (k * stepSeconds) == 0) {
                return Optional.of(average(series, k));
            }
        }
        return Optional.empty();
    }

    private static TrafficSeries average(TrafficSeries series, int k) {
        int n = series.size(); // read in place: a copy of ten million values is 80 MB
        int m = (n + k - 1) / k;
        double[] out = new double[m];
        for (int b = 0; b < m; b++) {
            double sum = 0;
            int count = 0;
            for (int i = b * k; i < Math.min(n, (b + 1) * k); i++) {
                double v = series.valueAt(i);
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            out[b] = count == 0 ? Double.NaN : sum / count * k; // per new step, as values are per step
        }
        return TrafficSeries.adopt(series.name(), series.start(), series.step().multipliedBy(k), out, series.zone(),
                series.unit());
    }

    /** How every face recognises (and shows first) the note that the analysis ran coarser than the data. */
    public static final String NOTE_START = "analysed coarser than the data";

    /**
     * @return a note saying what was done, for the analysis' notes; it starts with {@link #NOTE_START}
     *         so that every face can show it first and loudly
     */
    public static String note(TrafficSeries before, TrafficSeries after) {
        return note(before, after, MAX_ANALYSED_POINTS);
    }

    /** @return the note for a coarsening to fit {@code maxPoints} (or to the finest analysed step) */
    public static String note(TrafficSeries before, TrafficSeries after, int maxPoints) {
        if (before.size() <= maxPoints) {
            return String.format(java.util.Locale.ROOT, NOTE_START + ": %,d %s points are analysed as %s totals "
                    + "(%,d points), so patterns, weekly profile, windows and plans use a %s grid; series finer "
                    + "than %s are analysed on that step when they hold more than %,d points (four weeks at one "
                    + "minute), which keeps the analysis of months of 1-minute data to seconds", before.size(),
                    human(before.step()), human(after.step()), after.size(), human(after.step()),
                    Durations.words(FINEST_ANALYSED_STEP), FINE_POINTS);
        }
        return String.format(java.util.Locale.ROOT, NOTE_START + ": %,d %s points are more than the %,d the analysis "
                + "holds in memory, so patterns, weekly profile, windows and plans use %s totals (%,d points) and "
                + "place windows on a %s grid; read the file with a coarser --step, or give Java more memory "
                + "(java -Xmx4g) for finer results", before.size(), human(before.step()),
                maxPoints, human(after.step()), after.size(), human(after.step()));
    }

    private static String human(Duration d) {
        return Durations.adjective(d);
    }
}
