package org.lowtide.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What to plan.
 *
 * @param duration     length of the change window
 * @param rollbackTail time a failed change needs to be rolled back after the window (the restore
 *                     time, p90); scored with the window
 * @param count        how many dated windows
 * @param from         first local date of the horizon (inclusive)
 * @param to           last local date of the horizon (inclusive)
 * @param minGap       least time between the starts of two chosen windows
 * @param constraints  staff hours, blackouts, holidays, zone
 * @param habit        when the team changes today (e.g. Tuesdays 14:00), to compare against
 */
public record WindowRequest(Duration duration, Duration rollbackTail, int count, LocalDate from, LocalDate to,
                            Duration minGap, Constraints constraints, Optional<Habit> habit) {

    public WindowRequest {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rollbackTail, "rollbackTail");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(habit, "habit");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the window length must be positive, was " + duration);
        }
        if (rollbackTail.isNegative() || minGap.isNegative()) {
            throw new IllegalArgumentException("rollback tail and minimum gap must not be negative");
        }
        if (count < 1) {
            throw new IllegalArgumentException("plan at least one window, not " + count);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the horizon ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * When a team makes its changes today, e.g. Tuesdays 14:00.
     *
     * @param day   day of week
     * @param start local start time
     */
    public record Habit(DayOfWeek day, LocalTime start) {
        public Habit {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
        }

        /** Parses {@code "Tue 14:00"} or {@code "Tuesdays 14:00"}. */
        public static Habit parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a habit is one day and a time, such as \"Tue 14:00\"; got '"
                        + text + "'");
            }
            String day = parts[0].toLowerCase(java.util.Locale.ROOT).replaceAll("s$", "");
            return new Habit(AllowedHours.day(day, text), AllowedHours.parseTime(parts[1], text));
        }

        @Override
        public String toString() {
            return day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + "s " + start;
        }
    }
}
