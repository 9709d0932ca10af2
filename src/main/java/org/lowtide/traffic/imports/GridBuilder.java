package org.lowtide.traffic.imports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import org.lowtide.traffic.TrafficSeries;

/**
 * Puts timestamped values on a regular grid. Rows arrive in primitive arrays (no boxing); they
 * are sorted when out of order, the step is the given one or the median spacing, and each row
 * goes to the nearest grid step from the first timestamp. Rows that meet on one step are merged
 * by their mean. Steps without a row stay {@code NaN}. Rows whose value is {@code NaN} (empty in
 * the file) help find the step but add no value; they are counted as skipped.
 */
final class GridBuilder {

    /** The grid and how many rows went into it alone, merged, or not at all (no value). */
    record Grid(TrafficSeries series, long rowsUsed, long rowsMerged, long rowsSkipped) {
    }

    private static final int MAX_GRID_STEPS = 100_000_000;

    private final String source;
    private final ZoneId zone;
    private final Warnings warnings;
    private long[] times = new long[1024];
    private double[] values = new double[1024];
    private long[] lines = new long[1024];
    private int size;
    private boolean sorted = true;

    GridBuilder(String source, ZoneId zone, Warnings warnings) {
        this.source = source;
        this.zone = zone;
        this.warnings = warnings;
    }

    void add(long epochMillis, double value, long line) {
        if (size == times.length) {
            int capacity = Math.max(1024, size + (size >> 1));
            times = Arrays.copyOf(times, capacity);
            values = Arrays.copyOf(values, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }
        if (size > 0 && epochMillis < times[size - 1]) {
            sorted = false;
        }
        times[size] = epochMillis;
        values[size] = value;
        lines[size] = line;
        size++;
    }

    Grid build(Optional<Duration> requestedStep, String name) throws ImportException {
        if (size == 0) {
            throw new ImportException(source, 0, 0, "no data rows: nothing to analyse");
        }
        if (!sorted) {
            sortByTime();
            warnings.addFile("rows were out of time order; sorted by timestamp");
        }
        long stepMillis = requestedStep.map(Duration::toMillis).orElseGet(this::medianSpacing);
        if (stepMillis <= 0) {
            throw new ImportException(source, 0, 0, "all " + size + " rows have the same timestamp; "
                    + "a series needs at least two distinct times (or give the step)");
        }
        long first = alignedStart(times[0], stepMillis);
        long steps = Math.round((double) (times[size - 1] - first) / stepMillis) + 1;
        if (steps > MAX_GRID_STEPS) {
            throw new ImportException(source, lines[size - 1], 0, "the data spans " + steps + " steps of "
                    + Duration.ofMillis(stepMillis) + "; more than " + MAX_GRID_STEPS + " (is the step right?)");
        }
        double[] grid = new double[(int) steps];
        Arrays.fill(grid, Double.NaN);
        int[] counts = new int[grid.length];
        long merged = 0;
        long skipped = 0;
        for (int i = 0; i < size; i++) {
            int index = (int) Math.round((double) (times[i] - first) / stepMillis);
            if (Double.isNaN(values[i])) {
                skipped++;
                continue;
            }
            if (counts[index] == 0) {
                grid[index] = values[i];
            } else {
                grid[index] += values[i];
                merged++;
                warnings.add("merged", lines[i], 0, "falls on the same " + Duration.ofMillis(stepMillis)
                        + " step as an earlier row; merged by their mean");
            }
            counts[index]++;
        }
        if (skipped == size) {
            throw new ImportException(source, 0, 0, "none of the " + size + " rows has a value: nothing to analyse");
        }
        for (int i = 0; i < grid.length; i++) {
            if (counts[i] > 1) {
                grid[i] /= counts[i];
            }
        }
        TrafficSeries series = new TrafficSeries(name, Instant.ofEpochMilli(first), Duration.ofMillis(stepMillis),
                grid, zone, "");
        int missing = series.missingCount();
        if (missing > 0) {
            warnings.addFile(missing + " of " + grid.length + " steps have no value (gaps in the data)");
        }
        return new Grid(series, size - merged - skipped, merged, skipped);
    }

    /**
     * Starts the grid on a wall-clock multiple of the step (10:00 rather than 10:00:53) when the
     * step divides a day, so that grid steps line up with the hours users think in.
     */
    private long alignedStart(long firstMillis, long stepMillis) {
        if (86_400_000L % stepMillis != 0) {
            return firstMillis;
        }
        long offsetMillis = zone.getRules().getOffset(Instant.ofEpochMilli(firstMillis)).getTotalSeconds() * 1000L;
        long local = firstMillis + offsetMillis;
        long intoStep = Math.floorMod(local, stepMillis);
        // Only snap when the data sits near the start of its step, not when it is centred on it.
        return intoStep <= stepMillis / 2 ? firstMillis - intoStep : firstMillis;
    }

    private long medianSpacing() {
        long[] gaps = new long[size - 1];
        int n = 0;
        for (int i = 1; i < size; i++) {
            long gap = times[i] - times[i - 1];
            if (gap > 0) {
                gaps[n++] = gap;
            }
        }
        if (n == 0) {
            return 0;
        }
        Arrays.sort(gaps, 0, n);
        return gaps[n / 2];
    }

    private void sortByTime() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // Stable, so duplicated timestamps keep their file order.
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
        long[] t = new long[size];
        double[] v = new double[size];
        long[] l = new long[size];
        for (int i = 0; i < size; i++) {
            t[i] = times[order[i]];
            v[i] = values[order[i]];
            l[i] = lines[order[i]];
        }
        times = t;
        values = v;
        lines = l;
        sorted = true;
    }
}
