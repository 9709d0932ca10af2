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

    /** The shortest window: one minute, the finest step Lowtide plans on. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(1);
    /** The longest window or rollback tail. */
    public static final Duration MAX_DURATION = Duration.ofDays(31);
    /** The longest horizon (its outlook is held in memory step by step). */
    public static final Duration MAX_HORIZON = Duration.ofDays(1096);
    /** The most windows one plan lists. */
    public static final int MAX_COUNT = 10_000;
    /** Horizons lie in these years (dates people plan for; also keeps date arithmetic in range). */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    public WindowRequest {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rollbackTail, "rollbackTail");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(habit, "habit");
        if (duration.compareTo(MIN_DURATION) < 0) {
            throw new IllegalArgumentException("a window must last at least one minute (the finest step Lowtide plans on), was "
                    + org.lowtide.traffic.Durations.words(duration));
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a window lasts at most " + MAX_DURATION.toDays() + " days, was "
                    + org.lowtide.traffic.Durations.words(duration));
        }
        if (rollbackTail.isNegative() || minGap.isNegative()) {
            throw new IllegalArgumentException("rollback tail and minimum gap must not be negative");
        }
        if (rollbackTail.compareTo(MAX_DURATION) > 0 || minGap.compareTo(MAX_HORIZON) > 0) {
            throw new IllegalArgumentException("the rollback tail is at most " + MAX_DURATION.toDays()
                    + " days and the minimum gap at most " + MAX_HORIZON.toDays() + " days");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("plan 1 to " + MAX_COUNT + " windows, not " + count);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the horizon ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.getYear() < MIN_YEAR || to.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("the horizon must lie between the years " + MIN_YEAR + " and " + MAX_YEAR
                    + ", was " + from + " to " + to);
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_HORIZON.toDays()) {
            throw new IllegalArgumentException("the horizon is at most " + MAX_HORIZON.toDays() + " days (3 years), was "
                    + days + " days (" + from + " to " + to + ")");
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
            if (parts[1].startsWith("24")) {
                throw new IllegalArgumentException("a habit starts at a time of day from 00:00 to 23:59; not '"
                        + parts[1] + "' (write the next day's 00:00)");
            }
            return new Habit(AllowedHours.day(day, text), AllowedHours.parseTime(parts[1], text));
        }

        @Override
        public String toString() {
            return day.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + "s " + start;
        }
    }
}
