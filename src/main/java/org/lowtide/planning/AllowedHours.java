package org.lowtide.planning;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local days and hours in which staff are on duty to make a change, e.g. {@code Mon-Fri 01:00-06:00}.
 * A span whose end is not after its start runs past midnight ({@code Sat 22:00-02:00} is Saturday
 * 22:00 to Sunday 02:00); {@code 00:00-24:00} is the whole day. The days name the day a span starts.
 *
 * @param days  days on which a span starts; not empty
 * @param from  local start of the span
 * @param until local end of the span ({@code LocalTime.MIDNIGHT} with {@code from} midnight: whole day)
 */
public record AllowedHours(Set<DayOfWeek> days, LocalTime from, LocalTime until) {

    private static final Pattern SPEC = Pattern.compile(
            "\\s*([A-Za-z,\\-\\s]+?)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    public AllowedHours {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("allowed hours need at least one day");
        }
        days = Set.copyOf(days);
    }

    /** @return the span's length (24 h when it runs from a time to the same time) */
    public java.time.Duration length() {
        long seconds = until.toSecondOfDay() - from.toSecondOfDay();
        return java.time.Duration.ofSeconds(seconds <= 0 ? seconds + 86_400 : seconds);
    }

    /**
     * @return whether the local interval {@code [start, end)} lies inside one span of these hours
     */
    public boolean contains(LocalDateTime start, LocalDateTime end) {
        // The span that could hold start began on start's date or the day before (spans over midnight).
        for (int back = 0; back <= 1; back++) {
            LocalDateTime spanStart = start.toLocalDate().minusDays(back).atTime(from);
            if (!days.contains(spanStart.getDayOfWeek())) {
                continue;
            }
            LocalDateTime spanEnd = spanStart.plus(length());
            if (!start.isBefore(spanStart) && !end.isAfter(spanEnd)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses {@code "Mon-Fri 01:00-06:00"}, {@code "Sat,Sun 22:00-02:00"}, {@code "daily 02:00-05:00"},
     * {@code "weekdays ..."}, {@code "weekends ..."}; {@code 24:00} ends a span at midnight.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static AllowedHours parse(String text) {
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read allowed hours '" + text
                    + "'; expected DAYS HH:MM-HH:MM such as \"Mon-Fri 01:00-06:00\" or \"daily 02:00-05:00\"");
        }
        LocalTime from = parseTime(m.group(2), text);
        LocalTime until = parseTime(m.group(3), text);
        if (from.equals(until) && !m.group(3).trim().startsWith("24")) {
            // The same rule as --business-hours: a span needs two different times. 00:00-24:00 is the whole day.
            throw new IllegalArgumentException("'" + text + "' starts and ends at the same time; write 00:00-24:00 "
                    + "for a whole day, or two different times");
        }
        return new AllowedHours(parseDays(m.group(1), text), from, until);
    }

    private static Set<DayOfWeek> parseDays(String spec, String text) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "daily": case "every day": case "all":
                return EnumSet.allOf(DayOfWeek.class);
            case "weekdays":
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            case "weekends": case "weekend":
                return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            default:
                break;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : s.split(",")) {
            String[] range = part.trim().split("\\s*-\\s*");
            if (range.length == 1) {
                days.add(day(range[0], text));
            } else if (range.length == 2) {
                DayOfWeek d = day(range[0], text);
                DayOfWeek last = day(range[1], text);
                while (true) {
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                    d = d.plus(1);
                }
            } else {
                throw new IllegalArgumentException("cannot read the days '" + part + "' in '" + text + "'");
            }
        }
        return days;
    }

    static DayOfWeek day(String name, String text) {
        String n = name.trim();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (n.length() >= 2 && full.startsWith(n)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + name + "' in '" + text + "' is not a day; use Mon, Tue, … Sun");
    }

    static LocalTime parseTime(String hhmm, String text) {
        String[] parts = hhmm.split(":");
        if (parts.length != 2 || !hhmm.matches("\\d{1,2}:\\d{2}")) {
            throw new IllegalArgumentException("'" + hhmm + "' in '" + text + "' is not a time of day (HH:MM)");
        }
        int h = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        if (h == 24 && m == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException("'" + hhmm + "' in '" + text + "' is not a time of day");
        }
        return LocalTime.of(h, m);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (days.contains(d)) {
                sb.append(sb.length() == 0 ? "" : ",").append(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            }
        }
        String end = until.equals(LocalTime.MIDNIGHT) ? "24:00" : until.toString();
        return sb + " " + from + "-" + end;
    }
}
