package org.lowtide.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The best weekly window as a rule ("Saturdays 04:00–06:00 Europe/Berlin") and its next dates.
 *
 * @param day         local day of the week
 * @param start       local start time
 * @param duration    window length
 * @param zone        the plan's zone
 * @param expected    value at stake per occurrence from the weekly profile (window + tail)
 * @param occurrences the next dates, each with flags for holidays, blackouts and DST changes
 */
public record RecurringWindow(DayOfWeek day, LocalTime start, Duration duration, ZoneId zone, double expected,
                              List<Occurrence> occurrences) {

    public RecurringWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(zone, "zone");
        occurrences = List.copyOf(occurrences);
    }

    /**
     * One dated occurrence of the rule.
     *
     * @param start local start (its instant and UTC time follow)
     * @param end   local end
     * @param flags what moves or blocks it: "holiday: …", "blackout: …", "DST: …"; empty when plain
     */
    public record Occurrence(ZonedDateTime start, ZonedDateTime end, List<String> flags) {
        public Occurrence {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            flags = List.copyOf(flags);
        }
    }
}
