package org.lowtide.traffic;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date-time patterns Lowtide writes for people, defined once: English month and day names,
 * never localised, so the GUI, the CLI, the report and the messages read alike. Formatters are
 * immutable and thread-safe. (Machine formats use {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * and friends directly.)
 */
public final class TimeFormats {

    /** {@code Sat 22 Nov 2025 03:00}. */
    public static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    /** {@code Sat 22 Nov 2025 03:00 CET}. */
    public static final DateTimeFormatter DAY_TIME_ZONE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z",
            Locale.ENGLISH);
    /** {@code Sat 22 Nov 03:00}: within a horizon, where the year is plain. */
    public static final DateTimeFormatter DAY_TIME_NO_YEAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    /** {@code 22 Nov 03:00}. */
    public static final DateTimeFormatter DATE_TIME_NO_YEAR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    /** {@code Sat 2025-11-22 03:00}: a fleet's windows, sortable by eye. */
    public static final DateTimeFormatter DAY_LOCAL_MINUTE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm",
            Locale.ENGLISH);
    /** {@code Saturday 22 November 2025}: a day in an announcement's words. */
    public static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    /** {@code Sat 22 Nov 2025}. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    /** {@code 22 Nov 2025}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** {@code Sat 03:00}. */
    public static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    /** {@code Sat 03:00 CET}. */
    public static final DateTimeFormatter WEEKDAY_TIME_ZONE = DateTimeFormatter.ofPattern("EEE HH:mm z", Locale.ENGLISH);
    /** {@code 03:00}. */
    public static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /** {@code 03:00 CET}. */
    public static final DateTimeFormatter HM_ZONE = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);
    /** {@code CET}: a zone's short name. */
    public static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);
    /** {@code 2025-11-22 03:00}: a local time in messages about data. */
    public static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** {@code 2025-11-22T03:00}: a local time a person types (ISO-8601 without seconds). */
    public static final DateTimeFormatter LOCAL_MINUTE_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm",
            Locale.ROOT);

    private TimeFormats() {
    }
}
