package org.lowtide.traffic.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rows of one series as read, in primitive arrays (no boxing): epoch milliseconds, value
 * ({@code NaN} where the row had none) and file line. While the day/month order of the file's
 * dates is undecided, every row also keeps its time under the other order ({@link #addDual}).
 */
final class SeriesData {

    String name;
    /** A kind the format itself states (e.g. CloudWatch's statistic), with its reason. */
    Optional<MetricKind> kindHint = Optional.empty();
    String kindHintReason = "";

    long[] times;
    double[] values;
    int[] lines;
    long[] altTimes;
    int size;
    boolean sorted = true;

    SeriesData(String name) {
        this(name, 1024);
    }

    SeriesData(String name, int capacity) {
        this.name = name;
        int c = Math.max(16, capacity);
        times = new long[c];
        values = new double[c];
        lines = new int[c];
    }

    SeriesData hint(MetricKind kind, String reason) {
        this.kindHint = Optional.of(kind);
        this.kindHintReason = reason;
        return this;
    }

    void add(long epochMillis, double value, long line) {
        if (size == times.length) {
            grow();
        }
        if (size > 0 && epochMillis < times[size - 1]) {
            sorted = false;
        }
        times[size] = epochMillis;
        values[size] = value;
        lines[size] = line > Integer.MAX_VALUE ? 0 : (int) line;
        size++;
    }

    /** Adds a row read under both day/month orders. */
    void addDual(long epochMillis, long alternativeMillis, double value, long line) {
        if (altTimes == null) {
            altTimes = new long[times.length];
            System.arraycopy(times, 0, altTimes, 0, size);
        }
        add(epochMillis, value, line);
        if (altTimes.length < times.length) {
            altTimes = Arrays.copyOf(altTimes, times.length);
        }
        altTimes[size - 1] = alternativeMillis;
    }

    /** Ends dual reading: keeps the alternative times when {@code alternative}, else the primary ones. */
    void settle(boolean alternative) {
        if (altTimes == null) {
            return;
        }
        if (alternative) {
            times = altTimes;
            sorted = true;
            for (int i = 1; i < size; i++) {
                if (times[i] < times[i - 1]) {
                    sorted = false;
                    break;
                }
            }
        }
        altTimes = null;
    }

    private void grow() {
        int capacity = Math.max(1024, size + (size >> 1));
        times = Arrays.copyOf(times, capacity);
        values = Arrays.copyOf(values, capacity);
        lines = Arrays.copyOf(lines, capacity);
    }

    /** Sorts the rows by time, stably (rows with one timestamp keep their file order). */
    void sort() {
        if (sorted) {
            return;
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] scratch = new int[size];
        mergeSort(order, scratch, 0, size, times);
        long[] t = new long[size];
        double[] v = new double[size];
        int[] l = new int[size];
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

    /** Stable top-down merge sort of indices by key (primitive: no boxing for ten million rows). */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] key) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && key[a[j]] > key[x]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, key);
        mergeSort(a, tmp, mid, to, key);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = key[tmp[j]] < key[tmp[i]] ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }

    /**
     * Keeps once each row whose timestamp and value repeat an earlier row's (rows of a table that
     * differ only in their attributes are one observation, not two to add up). The file order of
     * the rows kept does not change.
     *
     * @return how many rows were dropped, and the first of them
     */
    Repeats dropRepeats() {
        if (size < 2) {
            return Repeats.NONE;
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (!sorted) {
            mergeSort(order, new int[size], 0, size, times);
        }
        boolean[] drop = null;
        int dropped = 0;
        int firstLine = 0;
        int groupStart = 0;
        for (int k = 1; k < size; k++) {
            int i = order[k];
            if (times[i] != times[order[groupStart]]) {
                groupStart = k;
                continue;
            }
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            for (int g = groupStart; g < k; g++) {
                int j = order[g];
                if (values[j] == v && (drop == null || !drop[j])) {
                    if (drop == null) {
                        drop = new boolean[size];
                    }
                    drop[i] = true;
                    if (dropped == 0 || lines[i] < firstLine) {
                        firstLine = lines[i];
                    }
                    dropped++;
                    break;
                }
            }
        }
        if (dropped == 0) {
            return Repeats.NONE;
        }
        int w = 0;
        for (int i = 0; i < size; i++) {
            if (!drop[i]) {
                times[w] = times[i];
                values[w] = values[i];
                lines[w] = lines[i];
                if (altTimes != null) {
                    altTimes[w] = altTimes[i];
                }
                w++;
            }
        }
        size = w;
        return new Repeats(dropped, firstLine);
    }

    /** Rows dropped by {@link #dropRepeats}: how many, and the file line of the first. */
    record Repeats(long count, long firstLine) {
        static final Repeats NONE = new Repeats(0, 0);

        Repeats plus(Repeats other) {
            return other.count == 0 ? this : count == 0 ? other
                    : new Repeats(count + other.count, Math.min(firstLine, other.firstLine));
        }
    }

    /** @return how many rows have a value */
    int valued() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(values[i])) {
                n++;
            }
        }
        return n;
    }
}
