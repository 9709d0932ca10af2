package org.lowtide.ui.main;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TimeFormats;
import org.lowtide.traffic.TrafficSeries;

/** Text for durations, dates and series facts as the main window shows them (English, like the core). */
final class Formats {

    private static final DateTimeFormatter DAY = TimeFormats.DATE;
    private static final DateTimeFormatter START = TimeFormats.DAY_TIME;
    private static final DateTimeFormatter END_SAME_DAY = TimeFormats.HM_ZONE;
    private static final DateTimeFormatter END_OTHER_DAY = TimeFormats.WEEKDAY_TIME_ZONE;
    private static final DateTimeFormatter ZONE_NAME = TimeFormats.ZONE_NAME;

    private Formats() {
    }

    /** @return e.g. {@code "30 minutes"}, {@code "1 hour"}, {@code "2 hours"}, {@code "1 hour 30 minutes"} */
    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return plural(rest, "minute");
        }
        return rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(rest, "minute");
    }

    /** @return a compact duration, e.g. {@code "5 min"}, {@code "1 h"}, {@code "1 h 30 min"}, {@code "2 d"} */
    static String compact(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append(" d");
        }
        if (hours > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(hours).append(" h");
        }
        if (minutes > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(minutes).append(" min");
        }
        return sb.toString();
    }

    /** @return {@code n} with thousands separators, e.g. {@code "8,760"} */
    static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /**
     * @return e.g. {@code "8,760 points · every 1 h · 1 Jan 2025 – 31 Dec 2025 (365 days) · 12 missing"},
     *         dates in {@code zone}
     */
    static String facts(TrafficSeries series, ZoneId zone) {
        Instant lastStep = series.timeAt(series.size() - 1);
        long days = Duration.between(series.start(), series.end()).toDays();
        return count(series.size()) + " points · every " + compact(series.step())
                + " · " + DAY.format(series.start().atZone(zone)) + " – " + DAY.format(lastStep.atZone(zone))
                + " (" + plural(days, "day") + ") · " + count(series.missingCount()) + " missing";
    }

    /** @return e.g. {@code "Sun 2 Mar 2025 04:00–06:00 CET"} or {@code "Sat 1 Mar 2025 23:00–Sun 01:00 CET"} */
    static String occurrence(Interval interval, ZoneId zone) {
        ZonedDateTime start = interval.start().atZone(zone);
        ZonedDateTime end = interval.end().atZone(zone);
        String until;
        if (end.toLocalDate().equals(start.toLocalDate())) {
            until = END_SAME_DAY.format(end);
        } else if (end.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalDate().equals(start.toLocalDate().plusDays(1))) {
            until = "24:00 " + ZONE_NAME.format(end);
        } else {
            until = END_OTHER_DAY.format(end);
        }
        return START.format(start) + "–" + until;
    }

    private static String plural(long n, String unit) {
        return count(n) + " " + unit + (n == 1 ? "" : "s");
    }
}
