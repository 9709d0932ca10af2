package org.lowtide.analysis;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lowtide.traffic.Interval;

/**
 * A recurring weekly window of low expected traffic, in local time of a zone.
 *
 * @param day         local day the window starts on
 * @param start       local start time
 * @param duration    window length; positive, at most a week
 * @param zone        the zone whose wall clock the window follows
 * @param expected    mean expected traffic per series step over the window
 * @param shareOfPeak {@code expected} divided by the week's peak slot, in [0, 1] for non-negative traffic
 * @param weeksOfData the evidence behind it: weeks of measurements in the window's thinnest slot
 *                    (in weeks' worth of one slot where a sparse profile pooled slots); below
 *                    {@link #MIN_WEEKS} the window is tentative; {@code -1} when not known
 */
public record Trough(DayOfWeek day, LocalTime start, Duration duration, ZoneId zone, double expected,
                     double shareOfPeak, int weeksOfData) {

    /** Weeks of observed slots below which a window is only tentative. */
    public static final int MIN_WEEKS = 3;

    /** A window whose evidence is not known. */
    public Trough(DayOfWeek day, LocalTime start, Duration duration, ZoneId zone, double expected, double shareOfPeak) {
        this(day, start, duration, zone, expected, shareOfPeak, -1);
    }

    /** @return whether fewer than {@link #MIN_WEEKS} weeks of measurements stand behind the window */
    public boolean tentative() {
        return weeksOfData >= 0 && weeksOfData < MIN_WEEKS;
    }

    public Trough {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(zone, "zone");
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a trough lasts more than nothing and at most a week, was " + org.lowtide.traffic.Durations.words(duration));
        }
    }

    /** @return the local end time (on a later day when the window crosses midnight) */
    public LocalTime end() {
        return start.plus(duration);
    }

    /** @return the local day the window ends on (a window ending at midnight ends on its last day) */
    public DayOfWeek endDay() {
        long endMinute = start.toSecondOfDay() / 60 + duration.toMinutes();
        return day.plus((endMinute - 1) / (24 * 60));
    }

    /**
     * The window in words, e.g. {@code "Sundays 04:00–06:00 Europe/Berlin: 3.1 % of the weekly peak"};
     * a window over midnight reads {@code "Sundays 23:00–Monday 01:00 …"}.
     */
    public String describe() {
        long endMinute = start.toSecondOfDay() / 60 + duration.toMinutes();
        String until;
        if (endDay() == day) {
            until = endMinute % (24 * 60) == 0 ? "24:00" : end().toString();
        } else {
            until = endDay().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + end();
        }
        return String.format(Locale.ROOT, "%ss %s–%s %s: %.1f %% of the weekly peak",
                day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), start, until, zone.getId(), shareOfPeak * 100);
    }

    /**
     * Every occurrence of this window that overlaps {@code [from, to)}, as instants. A local start
     * inside a spring-forward gap moves to the end of the gap; the window keeps its absolute length.
     */
    public List<Interval> occurrences(Instant from, Instant to) {
        List<Interval> result = new ArrayList<>();
        LocalDate date = from.minus(duration).atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(day));
        while (true) {
            ZonedDateTime begin = ZonedDateTime.of(date, start, zone);
            Instant s = begin.toInstant();
            if (!s.isBefore(to)) {
                return result;
            }
            Instant e = s.plus(duration);
            if (e.isAfter(from)) {
                result.add(new Interval(s, e));
            }
            date = date.plusWeeks(1);
        }
    }
}
