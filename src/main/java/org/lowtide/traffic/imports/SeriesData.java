package org.lowtide.traffic.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rows of one series as read, in primitive arrays (no boxing): epoch milliseconds, value
 * ({@code NaN} where the row had none) and file line. While the day/month order of the file's
 * dates is undecided, every row also keeps its time under the other order ({@link #addDual}).
 *
 * <p>Compact while the rows allow it (issue 20, ten million points): times in a regular
 * progression ({@code first + i × spacing}) and lines one after another are not stored but
 * computed, and values that a {@code float} holds exactly (every whole number up to 2^24, halves,
 * quarters…) are stored as {@code float}. The first row that breaks a rule turns that part into
 * a full array, so every value and time read back is exactly the one added. A regular file of
 * whole counts thus takes 4 bytes a row instead of 20. Read through {@link #time}, {@link #value}
 * and {@link #line}.
 */
final class SeriesData {

    String name;
    /** A kind the format itself states (e.g. CloudWatch's statistic), with its reason. */
    Optional<MetricKind> kindHint = Optional.empty();
    String kindHintReason = "";

    /** Times, or {@code null} while they are {@code firstTime + i × spacing}. */
    private long[] times;
    private long firstTime;
    private long spacing;
    /** Values as float while every one is exact in float ({@code values == null}), else as double. */
    private float[] floats;
    private double[] values;
    /** Lines, or {@code null} while row i is on line {@code firstLine + i}. */
    private int[] lines;
    private long firstLine;
    /** The times under the other day/month order, or {@code null} while they equal {@link #time}. */
    private long[] altTimes;
    /** Rows were read under both orders ({@link #addDual}) and {@link #settle} has not been called. */
    private boolean dual;
    int size;
    boolean sorted = true;

    SeriesData(String name) {
        this(name, 1024);
    }

    SeriesData(String name, int capacity) {
        this.name = name;
        floats = new float[Math.max(16, capacity)];
    }

    SeriesData hint(MetricKind kind, String reason) {
        this.kindHint = Optional.of(kind);
        this.kindHintReason = reason;
        return this;
    }

    /** @return the time of row {@code i}, epoch milliseconds */
    long time(int i) {
        return times != null ? times[i] : firstTime + i * spacing;
    }

    /** @return the value of row {@code i}, {@code NaN} where it had none */
    double value(int i) {
        return values != null ? values[i] : floats[i];
    }

    /** @return the file line of row {@code i} (0 when unknown or beyond an int) */
    int line(int i) {
        if (lines != null) {
            return lines[i];
        }
        long line = firstLine + i;
        return line > Integer.MAX_VALUE ? 0 : (int) line;
    }

    /** Sets the value of row {@code i}. */
    void setValue(int i, double value) {
        if (values == null && !exactInFloat(value)) {
            widenValues();
        }
        if (values != null) {
            values[i] = value;
        } else {
            floats[i] = (float) value;
        }
    }

    /** @return the times of the rows as an array (made now if they were computed); index beyond size unused */
    long[] timesArray() {
        materializeTimes();
        return times;
    }

    private int capacity() {
        return values != null ? values.length : floats.length;
    }

    private static boolean exactInFloat(double v) {
        return (double) (float) v == v || Double.isNaN(v);
    }

    private void widenValues() {
        double[] d = new double[capacity()];
        for (int i = 0; i < size; i++) {
            d[i] = floats[i];
        }
        values = d;
        floats = null;
    }

    private void materializeTimes() {
        if (times == null) {
            long[] t = new long[capacity()];
            for (int i = 0; i < size; i++) {
                t[i] = firstTime + i * spacing;
            }
            times = t;
        }
    }

    private void materializeLines() {
        if (lines == null) {
            int[] l = new int[capacity()];
            for (int i = 0; i < size; i++) {
                l[i] = line(i);
            }
            lines = l;
        }
    }

    void add(long epochMillis, double value, long line) {
        if (size == capacity()) {
            grow();
        }
        if (size > 0 && epochMillis < time(size - 1)) {
            sorted = false;
        }
        if (times == null) {
            if (size == 0) {
                firstTime = epochMillis;
            } else if (size == 1 && epochMillis > firstTime) {
                spacing = epochMillis - firstTime;
            } else if (size == 1 || epochMillis != firstTime + size * spacing) {
                materializeTimes();
            }
        }
        if (times != null) {
            times[size] = epochMillis;
        }
        if (lines == null) {
            if (size == 0) {
                firstLine = line;
            } else if (line != firstLine + size) {
                materializeLines();
            }
        }
        if (lines != null) {
            lines[size] = line > Integer.MAX_VALUE ? 0 : (int) line;
        }
        if (values == null && !exactInFloat(value)) {
            widenValues();
        }
        if (values != null) {
            values[size] = value;
        } else {
            floats[size] = (float) value;
        }
        size++;
    }

    /**
     * Adds a row read under both day/month orders. The alternative times are kept only from the
     * first row where they differ (an ISO-8601 file reads the same either way, and ten million
     * copies of its times would be 80 MB).
     */
    void addDual(long epochMillis, long alternativeMillis, double value, long line) {
        dual = true;
        if (altTimes == null && alternativeMillis != epochMillis) {
            materializeTimes();
            altTimes = Arrays.copyOf(times, times.length); // the rows so far read the same both ways
        }
        add(epochMillis, value, line);
        if (altTimes != null) {
            if (altTimes.length < capacity()) {
                altTimes = Arrays.copyOf(altTimes, capacity());
            }
            altTimes[size - 1] = alternativeMillis;
        }
    }

    /** @return whether rows were read under both orders and the order is not settled yet */
    boolean hasAlternative() {
        return dual;
    }

    /** @return the times under the other day/month order (the same array as the times where they agree) */
    long[] alternativeTimes() {
        return altTimes != null ? altTimes : timesArray();
    }

    /** Ends dual reading: keeps the alternative times when {@code alternative}, else the primary ones. */
    void settle(boolean alternative) {
        if (!dual) {
            return;
        }
        if (alternative && altTimes != null) {
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
        dual = false;
    }

    private void grow() {
        int capacity = Math.max(1024, size + (size >> 1));
        if (times != null) {
            times = Arrays.copyOf(times, capacity);
        }
        if (values != null) {
            values = Arrays.copyOf(values, capacity);
        } else {
            floats = Arrays.copyOf(floats, capacity);
        }
        if (lines != null) {
            lines = Arrays.copyOf(lines, capacity);
        }
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
        materializeTimes();
        materializeLines();
        mergeSort(order, scratch, 0, size, times);
        long[] t = new long[size];
        int[] l = new int[size];
        for (int i = 0; i < size; i++) {
            t[i] = times[order[i]];
            l[i] = lines[order[i]];
        }
        if (values != null) {
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                v[i] = values[order[i]];
            }
            values = v;
        } else {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                v[i] = floats[order[i]];
            }
            floats = v;
        }
        times = t;
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
            mergeSort(order, new int[size], 0, size, timesArray());
        }
        boolean[] drop = null;
        int dropped = 0;
        int firstDropped = 0;
        int groupStart = 0;
        for (int k = 1; k < size; k++) {
            int i = order[k];
            if (time(i) != time(order[groupStart])) {
                groupStart = k;
                continue;
            }
            double v = value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            for (int g = groupStart; g < k; g++) {
                int j = order[g];
                if (value(j) == v && (drop == null || !drop[j])) {
                    if (drop == null) {
                        drop = new boolean[size];
                    }
                    drop[i] = true;
                    if (dropped == 0 || line(i) < firstDropped) {
                        firstDropped = line(i);
                    }
                    dropped++;
                    break;
                }
            }
        }
        if (dropped == 0) {
            return Repeats.NONE;
        }
        materializeTimes();
        materializeLines();
        int w = 0;
        for (int i = 0; i < size; i++) {
            if (!drop[i]) {
                times[w] = times[i];
                if (values != null) {
                    values[w] = values[i];
                } else {
                    floats[w] = floats[i];
                }
                lines[w] = lines[i];
                if (altTimes != null) {
                    altTimes[w] = altTimes[i];
                }
                w++;
            }
        }
        size = w;
        return new Repeats(dropped, firstDropped);
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
            if (!Double.isNaN(value(i))) {
                n++;
            }
        }
        return n;
    }
}
