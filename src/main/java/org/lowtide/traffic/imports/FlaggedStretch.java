package org.lowtide.traffic.imports;

import java.util.Objects;
import org.lowtide.traffic.Interval;

/**
 * A stretch of the series whose values are all zero, or all the same, for longer than traffic
 * usually is: kept in the series, but likely a collection gap (a collector that was down writes
 * zeros or repeats its last value). The analysis may treat it as missing.
 *
 * @param interval  the steps of the stretch, end exclusive
 * @param kind      zeros or one repeated value
 * @param value     the value repeated
 * @param steps     how many grid steps it covers
 * @param firstLine the file line of its first value, 0 when unknown
 */
public record FlaggedStretch(Interval interval, Kind kind, double value, int steps, long firstLine) {

    /** What made the stretch suspicious. */
    public enum Kind { ZEROS, FLAT }

    public FlaggedStretch {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(kind, "kind");
        if (steps < 1 || firstLine < 0) {
            throw new IllegalArgumentException("steps must be positive and the line not negative");
        }
    }
}
