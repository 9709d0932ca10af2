package org.lowtide.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * The steps of a series laid on the local wall clock of a zone. People follow the wall clock, so
 * across a DST change the daily and weekly patterns stay put in local time and move by an hour in
 * UTC; decomposing on the local grid keeps each cycle-subseries on one local time of day.
 *
 * <p>Local step {@code k} is the local time {@code localStart + k·step}. Where clocks go forward,
 * the skipped local steps have no measurement ({@code NaN} on the local grid, filled like any
 * gap); where they go back, the two UTC steps of the repeated hour share a local step (their mean).
 * Used only when the step is whole minutes dividing an hour and every offset change in the span is
 * a multiple of it; otherwise the grid is the identity.
 */
final class WallClockGrid {

    private final int[] localIndex;
    private final int localSize;

    private WallClockGrid(int[] localIndex, int localSize) {
        this.localIndex = localIndex;
        this.localSize = localSize;
    }

    /** The wall-clock grid of {@code n} steps from {@code start}, or the identity when not applicable. */
    static WallClockGrid of(Instant start, Duration step, int n, ZoneId zone) {
        long s = step.getSeconds();
        if (step.getNano() != 0 || s < 60 || s > 3600 || 3600 % s != 0 || n == 0) {
            return identity(n);
        }
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return identity(n);
        }
        int[] index = new int[n];
        long start0 = start.getEpochSecond();
        long local0 = start0 + rules.getOffset(start).getTotalSeconds();
        boolean shifted = false;
        long validTo = Long.MIN_VALUE;
        long offset = 0;
        for (int i = 0; i < n; i++) {
            long t = start0 + i * s;
            if (t >= validTo) {
                Instant instant = Instant.ofEpochSecond(t);
                offset = rules.getOffset(instant).getTotalSeconds();
                java.time.zone.ZoneOffsetTransition next = rules.nextTransition(instant);
                validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            }
            long local = t + offset - local0;
            if (local % s != 0) {
                return identity(n); // an offset change that is not a whole number of steps
            }
            index[i] = (int) (local / s);
            if (index[i] != i) {
                shifted = true;
            }
        }
        if (!shifted) {
            return identity(n);
        }
        return new WallClockGrid(index, index[n - 1] + 1);
    }

    private static WallClockGrid identity(int n) {
        return new WallClockGrid(null, n);
    }

    /** @return whether the local grid is the UTC grid */
    boolean identity() {
        return localIndex == null;
    }

    /** @return the number of local steps */
    int localSize() {
        return localSize;
    }

    /** Values on the local grid: the mean of the steps on each local step, {@code NaN} where none. */
    double[] toLocal(double[] utc) {
        if (localIndex == null) {
            return utc.clone();
        }
        double[] sum = new double[localSize];
        int[] count = new int[localSize];
        for (int i = 0; i < utc.length; i++) {
            if (!Double.isNaN(utc[i])) {
                sum[localIndex[i]] += utc[i];
                count[localIndex[i]]++;
            }
        }
        for (int k = 0; k < localSize; k++) {
            sum[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
        }
        return sum;
    }

    /** Values back on the UTC grid: each step takes its local step's value. */
    double[] toUtc(double[] local) {
        if (localIndex == null) {
            return local.clone();
        }
        double[] out = new double[localIndex.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = local[localIndex[i]];
        }
        return out;
    }
}
