package org.lowtide.traffic.imports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TimeFormats;
import org.lowtide.traffic.TrafficSeries;

/**
 * Puts the rows of one or more series on one regular grid.
 * <ol>
 *   <li>Rows are sorted when out of order (stably, so duplicates keep their file order).</li>
 *   <li>The metric kind is chosen ({@link KindDetector}); a negative count is skipped.</li>
 *   <li>The step is the given one or the median spacing of the rows; rows spaced by calendar
 *       months (or years) go on a grid of average months (years), reported.</li>
 *   <li>When the step is about the spacing, each row goes to the nearest step from a start snapped
 *       to the wall clock (10:00, not 10:00:53); when it is coarser (resampling), each row goes
 *       to the step it falls in.</li>
 *   <li>Rows that meet on one step are combined by the kind: counts summed, gauges averaged.
 *       Several series are then added up step by step.</li>
 *   <li>Steps without a row stay {@code NaN}; gaps and zero or flat stretches are reported.</li>
 * </ol>
 * Rows whose value is {@code NaN} help find the step but add no value; they count as skipped.
 */
final class GridBuilder {

    /** The grid and what happened on the way. */
    record Grid(TrafficSeries series, long rowsUsed, long rowsMerged, long rowsSkipped, KindDetector.Decision kind,
                Optional<Duration> spacing, String resampled, int gapCount, List<FlaggedStretch> flagged) {
    }

    static final int MAX_GRID_STEPS = 100_000_000;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long AVERAGE_MONTH_MILLIS = 2_629_746_000L; // 365.2425 days / 12
    private static final long AVERAGE_YEAR_MILLIS = 31_556_952_000L;
    private static final DateTimeFormatter WHEN = TimeFormats.LOCAL_MINUTE;

    private GridBuilder() {
    }

    /**
     * @param parts the series to put on the grid; several are summed step by step
     * @param name  the result's name
     */
    static Grid build(String source, List<SeriesData> parts, String name, ImportOptions options, Warnings warnings)
            throws ImportException {
        ZoneId zone = options.zone();
        long rows = 0;
        long valued = 0;
        for (SeriesData part : parts) {
            rows += part.size;
            if (!part.sorted) {
                part.sort();
                warnings.addFile(parts.size() == 1 ? "rows were out of time order; sorted by timestamp"
                        : "rows of " + part.name + " were out of time order; sorted by timestamp");
            }
        }
        if (rows == 0) {
            throw new ImportException(source, 0, 0, "no data rows: nothing to analyse");
        }
        SeriesData first = parts.get(0);
        KindDetector.Decision kind = KindDetector.decide(options.kind(), first);
        boolean count = kind.kind() == MetricKind.COUNT;
        if (count) {
            warnIfRunningTotal(first, warnings);
        }
        for (SeriesData part : parts) {
            if (count) {
                skipNegatives(part, warnings);
            }
            valued += part.valued();
        }
        if (valued == 0) {
            throw new ImportException(source, 0, 0, "none of the " + rows + " rows has a value: nothing to analyse");
        }
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        for (SeriesData part : parts) {
            for (int i = 0; i < part.size; i++) {
                if (!Double.isNaN(part.value(i))) {
                    minTime = Math.min(minTime, part.time(i));
                    maxTime = Math.max(maxTime, part.time(i));
                }
            }
        }
        if (minTime == maxTime) {
            throw new ImportException(source, firstValuedLine(first), 0, valued == 1
                    ? "only one row with a value: a traffic series needs at least two timestamps"
                    : "all " + valued + " rows with a value have the same timestamp: a traffic series needs at"
                      + " least two");
        }

        long spacing = niceStep(medianSpacing(first));
        if (spacing <= 0) {
            spacing = maxTime - minTime;
        }
        String calendar = "";
        if (options.step().isEmpty()) {
            long calendarStep = calendarSpacing(first, spacing);
            if (calendarStep > 0) {
                calendar = calendarStep == AVERAGE_MONTH_MILLIS ? "month" : "year";
                warnings.addFile("rows are one calendar " + calendar + " apart: placed on a grid of average "
                        + calendar + "s (" + (calendarStep == AVERAGE_MONTH_MILLIS ? "30.44" : "365.24")
                        + " days); too coarse for weekly windows");
                spacing = calendarStep;
            }
        }
        long step = options.step().map(Duration::toMillis).orElse(spacing);
        if (step <= 0) {
            throw new ImportException(source, 0, 0, "the step must be at least one millisecond");
        }
        boolean resample = step * 2 > spacing * 3; // coarser than 1.5 × spacing: each row falls into its step
        if (step * 3 < spacing * 2) {
            warnings.addFile("the step of " + words(Duration.ofMillis(step)) + " is finer than the rows, which are "
                    + words(Duration.ofMillis(spacing)) + " apart: most steps stay empty (nothing is interpolated)");
        }
        long origin = resample ? floorStart(minTime, step, zone) : calendar.isEmpty()
                ? alignedStart(minTime, step, zone) : minTime;
        long last = resample ? Math.floorDiv(maxTime - origin, step)
                : Math.round((double) (maxTime - origin) / step);
        long steps = last + 1;
        if (steps > MAX_GRID_STEPS || (steps > 1_000_000 && steps > 50 * valued)) {
            throw new ImportException(source, 0, 0, "the rows span " + steps + " steps of "
                    + words(Duration.ofMillis(step)) + " from " + when(minTime, zone) + " (line " + lineAt(parts, minTime)
                    + ") to " + when(maxTime, zone) + " (line " + lineAt(parts, maxTime) + ") for only " + valued
                    + " values: is a timestamp wrong, or the step too fine?");
        }
        int n = (int) steps;

        double[] grid = null;
        long used = 0;
        long merged = 0;
        long skipped = 0;
        int partial = 0;
        String combine = count ? "summed" : "averaged";
        for (SeriesData part : parts) {
            // Rows are sorted and a row's step grows with its time, so the rows of one step are
            // consecutive: a run is combined as it ends, without a count per step (40 MB for ten
            // million steps). Same operations in the same order as a count per step.
            double[] acc = new double[n];
            Arrays.fill(acc, Double.NaN);
            int runIndex = -1;
            int run = 0;
            int previousRow = -1; // rows are sorted: a row meets only the step of the previous valued row
            for (int i = 0; i < part.size; i++) {
                double v = part.value(i);
                if (Double.isNaN(v)) {
                    skipped++;
                    continue;
                }
                long offset = part.time(i) - origin;
                int index = (int) (resample ? Math.floorDiv(offset, step) : Math.round((double) offset / step));
                if (index < 0 || index >= n) {
                    skipped++; // cannot happen: origin and n cover every row
                    continue;
                }
                if (index != runIndex) {
                    if (index < runIndex) {
                        throw new IllegalStateException("rows out of time order after sorting");
                    }
                    if (!count && run > 1) {
                        acc[runIndex] /= run;
                    }
                    runIndex = index;
                    run = 0;
                    acc[index] = v;
                    used++;
                } else {
                    acc[index] += v;
                    merged++;
                    if (!resample && warnings.accept("merged")) {
                        int other = previousRow;
                        boolean same = part.time(other) == part.time(i);
                        warnings.keep("merged", part.line(i), 0, (same ? "same timestamp as line "
                                : "in the same " + words(Duration.ofMillis(step)) + " step as line ")
                                + part.line(other) + "; " + combine + " (" + kind.kind().id() + ")");
                    }
                }
                run++;
                previousRow = i;
            }
            if (!count && run > 1) {
                acc[runIndex] /= run;
            }
            if (grid == null) {
                grid = acc;
            } else {
                for (int k = 0; k < n; k++) {
                    boolean a = Double.isNaN(grid[k]);
                    boolean b = Double.isNaN(acc[k]);
                    if (a != b) {
                        partial++;
                    }
                    grid[k] = a ? acc[k] : b ? grid[k] : grid[k] + acc[k];
                }
            }
        }
        if (partial > 0) {
            warnings.addFile(partial + " steps have values from only some of the summed series; their sums are low");
        }
        String resampled = "";
        if (resample) {
            resampled = "rows every " + words(Duration.ofMillis(spacing)) + " resampled to every "
                    + words(Duration.ofMillis(step)) + ": values " + combine + " per step (" + kind.kind().id() + ")";
            warnings.addFile(resampled);
        }

        Duration stepDuration = Duration.ofMillis(step);
        // The grid is handed over, not copied (80 MB for ten million steps); below it is only read.
        TrafficSeries series = TrafficSeries.adopt(name, Instant.ofEpochMilli(origin), stepDuration, grid, zone, "");
        int gapCount = reportGaps(grid, origin, step, zone, warnings);
        long gridOrigin = origin;
        boolean resampled0 = resample;
        List<FlaggedStretch> flagged = flagStretches(grid, origin, step,
                k -> firstLineOfStep(parts, k, gridOrigin, step, resampled0), zone, warnings);
        Optional<Duration> spacingDuration = Optional.of(Duration.ofMillis(spacing));
        return new Grid(series, used, merged, skipped, kind, spacingDuration, resampled, gapCount, flagged);
    }

    /**
     * A count whose values only ever grow is a running total (a Prometheus counter exported without
     * {@code rate()}, a cumulative byte counter): its steps are not traffic per step. Said, not
     * repaired: whether resets are restarts or real drops is for the user to decide.
     *
     * <p>A counter only falls when it restarts, and then to near zero; and it restarts rarely. So a
     * series counts as a running total when at least 95 % of its other steps rise, every fall is a
     * reset to at most a tenth of the value before, and there are at most one reset per hundred
     * steps (or one in all). A sawtooth that climbs and falls back every few steps is traffic with a
     * cycle, not a counter (issue #14).
     */
    private static void warnIfRunningTotal(SeriesData part, Warnings warnings) {
        int pairs = 0;
        int rising = 0;
        int falls = 0;
        int resets = 0;
        double previous = Double.NaN;
        double first = Double.NaN;
        double last = Double.NaN;
        for (int i = 0; i < part.size; i++) {
            double v = part.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            }
            if (!Double.isNaN(previous)) {
                pairs++;
                if (v > previous) {
                    rising++;
                } else if (v < previous) {
                    falls++;
                    if (v <= 0.1 * previous) {
                        resets++;
                    }
                }
            }
            previous = v;
            last = v;
        }
        boolean fallsAreRareResets = falls == resets && resets <= Math.max(1, pairs / 100);
        boolean grew = resets > 0 || last > 2 * Math.max(first, 1);
        if (pairs >= 10 && rising >= 0.95 * (pairs - resets) && fallsAreRareResets && grew) {
            warnings.addFile("the values only ever grow (" + plain(first) + " to " + plain(last) + "): a running total,"
                    + " such as a Prometheus counter without rate()? Lowtide expects the amount per step; export"
                    + " rate() or increase(), or per-interval counts");
        }
    }

    private static void skipNegatives(SeriesData part, Warnings warnings) {
        for (int i = 0; i < part.size; i++) {
            if (part.value(i) < 0) {
                if (warnings.accept("negative")) {
                    warnings.keep("negative", part.line(i), 0, "negative count " + plain(part.value(i))
                            + "; skipped (the step stays missing)");
                }
                part.setValue(i, Double.NaN);
            }
        }
    }

    private static long lineAt(List<SeriesData> parts, long time) {
        for (SeriesData part : parts) {
            for (int i = 0; i < part.size; i++) {
                if (part.time(i) == time && !Double.isNaN(part.value(i))) {
                    return part.line(i);
                }
            }
        }
        return 0;
    }

    private static long firstValuedLine(SeriesData part) {
        for (int i = 0; i < part.size; i++) {
            if (!Double.isNaN(part.value(i))) {
                return part.line(i);
            }
        }
        return 0;
    }

    private static final long[] NICE_STEPS = {1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 30_000, 60_000, 120_000,
        300_000, 600_000, 900_000, 1_200_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
        DAY_MILLIS, 7 * DAY_MILLIS};

    /** A spacing within 2 % of a round step (jittered timestamps: 60.137 s) becomes that step (60 s). */
    static long niceStep(long spacing) {
        for (long nice : NICE_STEPS) {
            if (spacing != nice && Math.abs(spacing - nice) * 50 <= nice) {
                return nice;
            }
        }
        return spacing;
    }

    /** Median of the positive gaps between consecutive rows (a strided sample past a million rows). */
    static long medianSpacing(SeriesData part) {
        if (part.size < 2) {
            return 0;
        }
        int stride = Math.max(1, (part.size - 1) / 1_000_000);
        long[] gaps = new long[(part.size - 1) / stride + 1];
        int n = 0;
        for (int i = 1; i < part.size; i += stride) {
            long gap = part.time(i) - part.time(i - 1);
            if (gap > 0) {
                gaps[n++] = gap;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(gaps, 0, n);
        return gaps[(n - 1) / 2]; // the lower median: with few rows, the common spacing rather than a gap
    }

    /** @return the average month or year when rows sit on one day of calendar months (years), else 0 */
    private static long calendarSpacing(SeriesData part, long spacing) {
        boolean monthly = spacing >= 28 * DAY_MILLIS && spacing <= 31 * DAY_MILLIS;
        boolean yearly = spacing >= 365 * DAY_MILLIS && spacing <= 366 * DAY_MILLIS;
        if (!monthly && !yearly) {
            return 0;
        }
        long lo = monthly ? 28 * DAY_MILLIS - 3_600_000L : 365 * DAY_MILLIS - 3_600_000L;
        long hi = monthly ? 31 * DAY_MILLIS + 3_600_000L : 366 * DAY_MILLIS + 3_600_000L;
        int fit = 0;
        int total = 0;
        for (int i = 1; i < part.size; i++) {
            long gap = part.time(i) - part.time(i - 1);
            if (gap > 0) {
                total++;
                if (gap >= lo && gap <= hi) {
                    fit++;
                }
            }
        }
        boolean uneven = false;
        for (int i = 1; i < part.size && !uneven; i++) {
            long gap = part.time(i) - part.time(i - 1);
            uneven = gap > 0 && gap != spacing;
        }
        if (total == 0 || fit < 0.9 * total || !uneven) {
            return 0;
        }
        return monthly ? AVERAGE_MONTH_MILLIS : AVERAGE_YEAR_MILLIS;
    }

    /**
     * Starts the grid on a wall-clock multiple of the step (10:00 rather than 10:00:53) when the
     * step divides a day, so that grid steps line up with the hours users think in.
     */
    private static long alignedStart(long firstMillis, long stepMillis, ZoneId zone) {
        if (DAY_MILLIS % stepMillis != 0) {
            return firstMillis;
        }
        long offsetMillis = zone.getRules().getOffset(Instant.ofEpochMilli(firstMillis)).getTotalSeconds() * 1000L;
        long local = firstMillis + offsetMillis;
        long intoStep = Math.floorMod(local, stepMillis);
        // Only snap when the data sits near the start of its step, not when it is centred on it.
        return intoStep <= stepMillis / 2 ? firstMillis - intoStep : firstMillis;
    }

    /** The start of the wall-clock step the first row falls in (resampling). */
    private static long floorStart(long firstMillis, long stepMillis, ZoneId zone) {
        if (DAY_MILLIS % stepMillis != 0) {
            return firstMillis;
        }
        long offsetMillis = zone.getRules().getOffset(Instant.ofEpochMilli(firstMillis)).getTotalSeconds() * 1000L;
        return firstMillis - Math.floorMod(firstMillis + offsetMillis, stepMillis);
    }

    /** @return the number of gaps (runs of missing steps) */
    private static int reportGaps(double[] grid, long origin, long step, ZoneId zone, Warnings warnings) {
        int missing = 0;
        int gaps = 0;
        int longest = 0;
        int longestAt = 0;
        int run = 0;
        for (int i = 0; i <= grid.length; i++) {
            if (i < grid.length && Double.isNaN(grid[i])) {
                missing++;
                run++;
                continue;
            }
            if (run > 0) {
                gaps++;
                if (run > longest) {
                    longest = run;
                    longestAt = i - run;
                }
            }
            run = 0;
        }
        if (missing > 0) {
            warnings.addFile(missing + " of " + grid.length + " steps have no value (gaps in the data: " + gaps
                    + (gaps == 1 ? " gap" : " gaps") + ", the longest " + words(Duration.ofMillis(step * longest))
                    + " from " + when(origin + step * longestAt, zone) + ")");
        }
        return gaps;
    }

    /**
     * The file line of the first valued row on step {@code k}: the first part's, or a later part's
     * where that one is unknown (0). Looked up only for the few steps a warning names, instead of a
     * line per step (40 MB for ten million steps); the rows of each part are sorted by then.
     */
    static int firstLineOfStep(List<SeriesData> parts, int k, long origin, long step, boolean resample) {
        for (SeriesData part : parts) {
            int lo = 0;
            int hi = part.size;
            while (lo < hi) { // the first row on step k or later
                int mid = (lo + hi) >>> 1;
                if (stepOf(part.time(mid), origin, step, resample) < k) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int i = lo; i < part.size && stepOf(part.time(i), origin, step, resample) == k; i++) {
                if (!Double.isNaN(part.value(i))) {
                    int line = part.line(i);
                    if (line != 0) {
                        return line;
                    }
                    break;
                }
            }
        }
        return 0;
    }

    private static long stepOf(long time, long origin, long step, boolean resample) {
        long offset = time - origin;
        return resample ? Math.floorDiv(offset, step) : Math.round((double) offset / step);
    }

    /**
     * Finds stretches of zeros, or of one repeated value, of at least an hour and six steps
     * (two hours for a repeated non-zero value). Zeros are only suspicious when the series is
     * not mostly zero; a series that is one value throughout is noted once instead.
     */
    static List<FlaggedStretch> flagStretches(double[] grid, long origin, long step,
                                              java.util.function.IntUnaryOperator firstLine, ZoneId zone,
                                              Warnings warnings) {
        int valued = 0;
        int zeros = 0;
        for (double v : grid) {
            if (!Double.isNaN(v)) {
                valued++;
                if (v == 0) {
                    zeros++;
                }
            }
        }
        List<FlaggedStretch> flagged = new ArrayList<>();
        if (valued < 6) {
            return flagged;
        }
        int zeroRun = (int) Math.max(6, ceilDiv(3_600_000L, step));
        int flatRun = (int) Math.max(6, ceilDiv(7_200_000L, step));
        boolean zerosNormal = zeros * 2 >= valued;
        int i = 0;
        int longestRun = 0;
        double longestValue = Double.NaN;
        while (i < grid.length) {
            double v = grid[i];
            if (Double.isNaN(v)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < grid.length && grid[j] == v) {
                j++;
            }
            int len = j - i;
            if (len > longestRun) {
                longestRun = len;
                longestValue = v;
            }
            boolean isZero = v == 0;
            if ((isZero && !zerosNormal && len >= zeroRun) || (!isZero && len >= flatRun)) {
                Interval span = new Interval(Instant.ofEpochMilli(origin + step * i),
                        Instant.ofEpochMilli(origin + step * j));
                flagged.add(new FlaggedStretch(span, isZero ? FlaggedStretch.Kind.ZEROS : FlaggedStretch.Kind.FLAT,
                        v, len, Math.max(0, firstLine.applyAsInt(i))));
            }
            i = j;
        }
        if (longestRun * 2 > valued) {
            flagged.clear();
            warnings.addFile(longestRun + " of " + valued + " values in a row are " + plain(longestValue)
                    + ": is this traffic?");
            return flagged;
        }
        for (FlaggedStretch s : flagged) {
            String what = s.kind() == FlaggedStretch.Kind.ZEROS ? "zeros" : "the same value " + plain(s.value());
            warnings.add("stretch", s.firstLine(), 0, words(s.interval().duration()) + " of " + what + " from "
                    + when(s.interval().start().toEpochMilli(), zone) + " to " + when(s.interval().end().toEpochMilli(),
                    zone) + " (" + s.steps() + " steps): kept, flagged as a likely collection gap");
        }
        return flagged;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static String when(long millis, ZoneId zone) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).format(WHEN);
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** "5 minutes", "1 hour", "30 seconds", "1 day 2 hours": a duration in words. */
    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + " ms";
        }
        long s = ms / 1000;
        if (s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s % 3600 == 0) {
            return s >= 86_400 ? plural(s / 86_400, "day") + " " + plural(s % 86_400 / 3600, "hour")
                    : plural(s / 3600, "hour");
        }
        if (s % 60 == 0) {
            return s >= 3600 ? plural(s / 3600, "hour") + " " + plural(s % 3600 / 60, "minute")
                    : plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
