package org.lowtide.report.charts;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Something to mark on a chart of the local week: a window (shaded) or a moment (a line).
 *
 * @param day      local day it starts on
 * @param start    local start time
 * @param duration how long; zero for a moment
 * @param label    a short label drawn with it, e.g. "recommended" or "your habit"
 * @param kind     how it is drawn
 */
public record WeekMark(DayOfWeek day, LocalTime start, Duration duration, String label, Kind kind) {

    /** How a mark is drawn. */
    public enum Kind {
        /** A recommended window: shaded green. */
        WINDOW,
        /** When the team changes today: an orange line. */
        HABIT,
        /** The dearest time: a red line. */
        PEAK
    }

    public WeekMark {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (duration.isNegative() || duration.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a week mark lasts between nothing and a week, was " + duration);
        }
    }

    /** @return hours since Monday 00:00 at which the mark starts, in [0, 168) */
    public double startHour() {
        return (day.getValue() - 1) * 24 + start.toSecondOfDay() / 3600.0;
    }

    /** @return the length in hours */
    public double hours() {
        return duration.getSeconds() / 3600.0;
    }
}
