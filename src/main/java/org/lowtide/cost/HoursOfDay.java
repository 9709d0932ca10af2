package org.lowtide.cost;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A daily span of local time, which may cross midnight ({@code 22:00-07:00}). Equal ends mean no
 * time at all.
 *
 * @param from first local time inside
 * @param to   first local time outside
 */
public record HoursOfDay(LocalTime from, LocalTime to) {

    public HoursOfDay {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** @return whether {@code time} is inside */
    public boolean contains(LocalTime time) {
        if (from.equals(to)) {
            return false;
        }
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    /**
     * Reads {@code HH:mm-HH:mm}.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static HoursOfDay parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a span of hours; use HH:mm-HH:mm, e.g. 22:00-07:00");
        }
        try {
            return new HoursOfDay(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a span of hours; use HH:mm-HH:mm, e.g. 22:00-07:00");
        }
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
