package org.lowtide.ui.plan;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TimeFormats;

/** Text for dated windows and amounts as the Windows screen shows them (English, like the core). */
final class PlanFormats {

    private static final DateTimeFormatter START = TimeFormats.DAY_TIME;
    private static final DateTimeFormatter START_SHORT = TimeFormats.DAY_TIME_NO_YEAR;
    private static final DateTimeFormatter START_UTC = TimeFormats.DATE_TIME_NO_YEAR;
    private static final DateTimeFormatter HM = TimeFormats.HM;
    private static final DateTimeFormatter OTHER_DAY = TimeFormats.WEEKDAY_TIME;
    private static final DateTimeFormatter DAY = TimeFormats.DAY;

    private PlanFormats() {
    }

    /** @return e.g. {@code "Sat 28 Nov 2026 03:00–05:00"} or {@code "Sat 28 Nov 2026 23:00–Sun 01:00"} in {@code zone} */
    static String local(Interval interval, ZoneId zone) {
        return span(interval.start().atZone(zone), interval.end().atZone(zone), START);
    }

    /** @return as {@link #local} without the year, for tables: {@code "Sat 28 Nov 03:00–05:00"} */
    static String localShort(Interval interval, ZoneId zone) {
        return span(interval.start().atZone(zone), interval.end().atZone(zone), START_SHORT);
    }

    /** @return in UTC without weekday and year, e.g. {@code "28 Nov 02:00–04:00"} */
    static String utc(Interval interval) {
        return span(interval.start().atZone(ZoneOffset.UTC), interval.end().atZone(ZoneOffset.UTC), START_UTC);
    }

    /** @return e.g. {@code "Sat 28 Nov 2026 03:00–05:00"} for zoned start and end */
    static String span(ZonedDateTime start, ZonedDateTime end, DateTimeFormatter startFormat) {
        String until;
        if (end.toLocalDate().equals(start.toLocalDate())) {
            until = HM.format(end);
        } else if (end.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalDate().equals(start.toLocalDate().plusDays(1))) {
            until = "24:00";
        } else {
            until = OTHER_DAY.format(end);
        }
        return startFormat.format(start) + "–" + until;
    }

    /** @return the zoned start and end as {@link #localShort} shows them */
    static String localShort(ZonedDateTime start, ZonedDateTime end) {
        return span(start, end, START_SHORT);
    }

    /** @return {@code "HH:mm"} in {@code zone} */
    static String time(Instant instant, ZoneId zone) {
        return HM.format(instant.atZone(zone));
    }

    /** @return e.g. {@code "Sat 28 Nov 2026"} */
    static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    /** @return {@code "12,345"}; {@code "–"} when not a number */
    static String amount(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ENGLISH, "%,.0f", value);
    }

    /** @return {@code part / whole} as a whole percentage, e.g. {@code "89 %"}; empty when undefined */
    static String percent(double part, double whole) {
        if (!(whole > 0) || Double.isNaN(part)) {
            return "";
        }
        return String.format(Locale.ENGLISH, "%.0f %%", 100 * part / whole);
    }

    /** @return {@code n} with thousands separators */
    static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
