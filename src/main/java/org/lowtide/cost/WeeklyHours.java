package org.lowtide.cost;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Hours on some days of the week, e.g. business hours {@code Mon-Fri 09:00-17:00}.
 *
 * @param days  the days
 * @param hours the hours on each of those days (a span over midnight belongs to the day it starts on)
 */
public record WeeklyHours(Set<DayOfWeek> days, HoursOfDay hours) {

    /** Monday to Friday, 09:00 to 17:00. */
    public static final WeeklyHours BUSINESS_HOURS = parse("Mon-Fri 09:00-17:00");

    public WeeklyHours {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(hours, "hours");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (days.isEmpty() || hours.from().equals(hours.to())) {
            throw new IllegalArgumentException("weekly hours need at least one day and a span of time");
        }
    }

    /** @return whether a change starting at this local day and time falls inside */
    public boolean contains(DayOfWeek day, LocalTime time) {
        HoursOfDay h = hours;
        if (h.from().isBefore(h.to()) || !time.isBefore(h.from())) {
            return days.contains(day) && h.contains(time);
        }
        // After midnight of a span that started the day before.
        return days.contains(day.minus(1)) && h.contains(time);
    }

    /**
     * Reads {@code DAYS HH:mm-HH:mm}, where DAYS is a day ({@code Sat}), a range ({@code Mon-Fri})
     * or a comma list of those ({@code Mon-Wed,Fri}).
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static WeeklyHours parse(String text) {
        String[] parts = text.trim().split("\\s+");
        String expected = "'" + text + "' is not weekly hours; use DAYS HH:mm-HH:mm, e.g. Mon-Fri 09:00-17:00";
        if (parts.length != 2) {
            throw new IllegalArgumentException(expected);
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : parts[0].split(",")) {
            String[] range = item.split("-");
            if (range.length == 1) {
                days.add(day(range[0], expected));
            } else if (range.length == 2) {
                DayOfWeek d = day(range[0], expected);
                DayOfWeek last = day(range[1], expected);
                days.add(d);
                while (d != last) {
                    d = d.plus(1);
                    days.add(d);
                }
            } else {
                throw new IllegalArgumentException(expected);
            }
        }
        return new WeeklyHours(days, HoursOfDay.parse(parts[1]));
    }

    private static DayOfWeek day(String text, String expected) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.length() >= 3) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(t)) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException(expected);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            if (!days.contains(all[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < all.length && days.contains(all[j + 1])) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(shortName(all[i]));
            if (j > i) {
                sb.append('-').append(shortName(all[j]));
            }
            i = j + 1;
        }
        return sb + " " + hours;
    }

    private static String shortName(DayOfWeek d) {
        return d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(Locale.ROOT);
    }
}
