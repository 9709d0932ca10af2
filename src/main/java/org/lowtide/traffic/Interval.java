package org.lowtide.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval of time {@code [start, end)}.
 *
 * @param start first instant inside the interval
 * @param end   first instant after the interval; strictly after {@code start}
 */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("interval end " + end + " must be after its start " + start);
        }
    }

    /** @return the interval's length */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** @return whether {@code t} lies in {@code [start, end)} */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** @return whether the two intervals share at least one instant */
    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
