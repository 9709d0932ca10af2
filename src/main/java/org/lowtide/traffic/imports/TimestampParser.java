package org.lowtide.traffic.imports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Reads the timestamp shapes traffic files use, from UTF-8 bytes, without a
 * {@code DateTimeFormatter} per row:
 * <ul>
 *   <li>ISO-8601 date-times with {@code T} or a space between date and time, seconds and fraction
 *       optional, with {@code Z} or an offset ({@code +01:00}, {@code +0100}, {@code +01}) or
 *       without (then a local time in the reader's zone) — a hand-written fast path;</li>
 *   <li>epoch seconds, milliseconds, microseconds or nanoseconds by their number of digits (10–11,
 *       12–14, 15–17, 18–19), with an optional fraction;</li>
 *   <li>dates with {@code - / .} between day, month and year in any common order
 *       ({@code 31.12.2025}, {@code 12/31/2025}, {@code 2025/12/31}, two-digit years), month names
 *       ({@code 1 Jan 2025}, {@code Jan 1, 2025}, {@code 01-Jan-2025}), an optional weekday
 *       ({@code Wed, 01 Jan 2025}), followed by an optional time {@code H:mm[:ss[.fff]]} with an
 *       optional {@code AM/PM} and an optional zone ({@code Z}, {@code UTC}, {@code GMT+01:00});</li>
 *   <li>compact dates {@code yyyyMMdd[HH[mm[ss]]]} when {@link #setCompactDates} says the column holds them.</li>
 * </ul>
 * Whether {@code 01/02/2025} is the first of February or the second of January is the
 * {@link #setDateOrder date order}; while it is undecided, a date whose first number is above 12
 * is read day-first, one whose second number is above 12 month-first, and {@link #lastImpliedOrder()}
 * says which the value implied (null when both readings are possible).
 *
 * <p>Local times are resolved in the zone: a time that does not exist (spring-forward gap) moves
 * forward by the gap's length, as {@link java.time.ZonedDateTime#ofLocal} does; a time that occurs
 * twice (fall-back overlap) takes the earlier offset unless that would go back in time from the
 * previous row, so that a sorted file's repeated hour lands on the later offset. Both are reported
 * through {@link #lastResolution()}.
 *
 * <p>Not thread-safe: it caches the zone offset of the last period between transitions.
 */
final class TimestampParser {

    /** What a row's timestamp turned out to be, beyond its value. */
    enum LocalResolution { NONE, UNIQUE, GAP, OVERLAP }

    /** Returned by the {@code try…} methods for text that is not a timestamp. */
    static final long FAIL = Long.MIN_VALUE;

    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday"};

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int fixedOffsetSeconds;

    // Local-second range [cacheFrom, cacheTo) in which cacheOffset is the one valid offset.
    private long cacheFrom = Long.MAX_VALUE;
    private long cacheTo = Long.MIN_VALUE;
    private int cacheOffset;

    private DateOrder order;
    private boolean compactDates;
    private int excelSystem;

    private LocalResolution lastResolution = LocalResolution.NONE;
    private boolean lastHadZone;
    private DateOrder lastImplied;
    private boolean lastAmbiguous;
    private boolean lastDateOnly;

    // Out-fields of parseFields: the local date-time in millis since 1970 (as if UTC), and the
    // offset written in the text (NO_OFFSET when none); an epoch number sets absolute instead.
    private long fieldLocalMillis;
    private int fieldOffset;
    private boolean fieldAbsolute;
    private StringBuilder pattern;

    TimestampParser(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** @param order how to read {@code 01/02/2025}; null while undecided */
    void setDateOrder(DateOrder order) {
        this.order = order;
    }

    DateOrder dateOrder() {
        return order;
    }

    /**
     * @param system 1900 or 1904 when the column holds Excel serial dates (days since the system's
     *               epoch, the fraction the time of day), 0 when numbers are epoch times
     */
    void setExcelSerial(int system) {
        this.excelSystem = system;
    }

    /** @param compact whether all-digit values are compact dates ({@code 20250131}) rather than epoch numbers */
    void setCompactDates(boolean compact) {
        this.compactDates = compact;
    }

    /** @return how the last local timestamp was resolved ({@code NONE} when it carried an offset) */
    LocalResolution lastResolution() {
        return lastResolution;
    }

    /** @return whether the last timestamp carried its own offset or was an epoch number */
    boolean lastHadZone() {
        return lastHadZone;
    }

    /** @return for a day/month date read while the order is undecided, the order it implied; null if either fits */
    DateOrder lastImpliedOrder() {
        return lastImplied;
    }

    /** @return whether the last value was a day/month date that fits both orders (both numbers ≤ 12) */
    boolean lastAmbiguous() {
        return lastAmbiguous;
    }

    /** @return whether the last value had a date but no time of day */
    boolean lastDateOnly() {
        return lastDateOnly;
    }

    /**
     * @param s              the text
     * @param previousMillis the previous row's instant, or {@code Long.MIN_VALUE}; settles DST overlaps
     * @return epoch milliseconds
     * @throws IllegalArgumentException with a message saying what was expected
     */
    long parse(CharSequence s, long previousMillis) {
        byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
        long millis = tryParse(b, 0, b.length, previousMillis);
        if (millis == FAIL) {
            throw unreadable(b, 0, b.length);
        }
        return millis;
    }

    /** @return epoch milliseconds, or {@link #FAIL} when {@code b[from, to)} is not a timestamp */
    long tryParse(byte[] b, int from, int to, long previousMillis) {
        if (!parseFields(b, from, to)) {
            return FAIL;
        }
        return resolve(previousMillis);
    }

    /**
     * Reads only the local date-time written in {@code b[from, to)}, for a date column that is
     * joined with a time column; the zone is not applied.
     *
     * @return local millis since 1970-01-01T00:00 (as if UTC), or {@link #FAIL}
     */
    long tryParseLocal(byte[] b, int from, int to) {
        if (!parseFields(b, from, to) || fieldAbsolute || fieldOffset != NO_OFFSET) {
            return FAIL;
        }
        return fieldLocalMillis;
    }

    /**
     * Reads a time of day for a separate time column: {@code H}, {@code HH}, {@code H:mm[:ss[.fff]]},
     * with an optional {@code AM/PM}; an hour alone may be 0–23 (or 1–12 with AM/PM).
     *
     * @return millis since midnight, or -1
     */
    static int tryParseTimeOfDay(byte[] b, int from, int to) {
        from = skipSpaces(b, from, to);
        to = trimEnd(b, from, to);
        int i = from;
        int h = 0;
        int hd = 0;
        while (i < to && isDigit(b[i]) && hd < 2) {
            h = h * 10 + (b[i++] - '0');
            hd++;
        }
        if (hd == 0) {
            return -1;
        }
        int m = 0;
        int sec = 0;
        int millis = 0;
        if (i < to && b[i] == ':') {
            int mm = digits(b, i + 1, 2, to);
            if (mm < 0 || mm > 59) {
                return -1;
            }
            m = mm;
            i += 3;
            if (i < to && b[i] == ':') {
                int ss = digits(b, i + 1, 2, to);
                if (ss < 0 || ss > 59) {
                    return -1;
                }
                sec = ss;
                i += 3;
                if (i < to && (b[i] == '.' || b[i] == ',')) {
                    i++;
                    int scale = 100;
                    int start = i;
                    while (i < to && isDigit(b[i])) {
                        millis += (b[i] - '0') * scale;
                        scale /= 10;
                        i++;
                    }
                    if (i == start) {
                        return -1;
                    }
                }
            }
        }
        int ampm = 0;
        int j = skipSpaces(b, i, to);
        if (j < to) {
            ampm = amPm(b, j, to);
            if (ampm == 0) {
                return -1;
            }
            i = to;
        }
        if (i != to) {
            return -1;
        }
        if (ampm != 0) {
            if (h < 1 || h > 12) {
                return -1;
            }
            h = h % 12 + (ampm == 2 ? 12 : 0);
        }
        if (h > 23) {
            return -1;
        }
        return ((h * 60 + m) * 60 + sec) * 1000 + millis;
    }

    /** Applies the zone to a local date-time read by {@link #tryParseLocal} (plus a time of day). */
    long resolveLocal(long localMillis, long previousMillis) {
        fieldLocalMillis = localMillis;
        fieldOffset = NO_OFFSET;
        fieldAbsolute = false;
        return resolve(previousMillis);
    }

    private long resolve(long previousMillis) {
        if (fieldAbsolute) {
            lastHadZone = true;
            lastResolution = LocalResolution.NONE;
            return fieldLocalMillis;
        }
        if (fieldOffset != NO_OFFSET) {
            lastHadZone = true;
            lastResolution = LocalResolution.NONE;
            return fieldLocalMillis - fieldOffset * 1000L;
        }
        lastHadZone = false;
        long localSeconds = Math.floorDiv(fieldLocalMillis, 1000L);
        long millisOfSecond = Math.floorMod(fieldLocalMillis, 1000L);
        return toUtcSeconds(localSeconds, previousMillis) * 1000L + millisOfSecond;
    }

    /**
     * @return a description of the shape of {@code sample}, e.g. {@code "dd.MM.yyyy HH:mm (local time)"},
     *         or null when it is not a timestamp
     */
    String describe(String sample) {
        byte[] b = sample.getBytes(StandardCharsets.UTF_8);
        pattern = new StringBuilder();
        try {
            if (!parseFields(b, 0, b.length)) {
                return null;
            }
            String p = pattern.toString();
            if (fieldAbsolute) {
                return p;
            }
            return p + (fieldOffset == NO_OFFSET ? " (local time in " + zone.getId() + ")" : "");
        } finally {
            pattern = null;
        }
    }

    // ------------------------------------------------------------------ the shapes

    private boolean parseFields(byte[] b, int from, int to) {
        from = skipSpaces(b, from, to);
        to = trimEnd(b, from, to);
        lastImplied = null;
        lastAmbiguous = false;
        lastDateOnly = false;
        fieldAbsolute = false;
        fieldOffset = NO_OFFSET;
        if (from == to) {
            return false;
        }
        if (to - from >= 10 && b[from + 4] == '-' && b[from + 7] == '-' && isDigit(b[from])) {
            return parseIso(b, from, to);
        }
        if (isDigit(b[from]) && allDigitsOrFraction(b, from, to)) {
            if (excelSystem != 0) {
                return parseExcelSerial(b, from, to);
            }
            return compactDates ? parseCompact(b, from, to) : parseEpoch(b, from, to);
        }
        return parseText(b, from, to);
    }

    private static boolean allDigitsOrFraction(byte[] b, int from, int to) {
        boolean dot = false;
        for (int i = from; i < to; i++) {
            if (b[i] == '.' && !dot) {
                dot = true;
            } else if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean parseEpoch(byte[] b, int from, int to) {
        int i = from;
        long whole = 0;
        int digits = 0;
        while (i < to && isDigit(b[i])) {
            whole = whole * 10 + (b[i] - '0');
            digits++;
            i++;
            if (digits > 19) {
                return false;
            }
        }
        double fraction = 0;
        if (i < to && b[i] == '.') {
            i++;
            double scale = 0.1;
            int start = i;
            while (i < to && isDigit(b[i])) {
                fraction += (b[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i != to || digits == 0 || (digits == 19 && whole < 0)) {
            return false;
        }
        fieldAbsolute = true;
        if (digits >= 18) {
            fieldLocalMillis = whole / 1_000_000L;
            note("epoch nanoseconds");
        } else if (digits >= 15) {
            fieldLocalMillis = whole / 1000L;
            note("epoch microseconds");
        } else if (digits >= 12) { // seconds would be after the year 5138
            fieldLocalMillis = whole + Math.round(fraction);
            note("epoch milliseconds");
        } else {
            fieldLocalMillis = whole * 1000 + Math.round(fraction * 1000);
            note(fraction != 0 || i > from + digits ? "epoch seconds with fraction" : "epoch seconds");
        }
        return true;
    }

    /**
     * An Excel serial date: whole days since the system's day 0, the fraction the time of day (local).
     * In the 1900 system Excel counts a 29 February 1900 that never was (kept from Lotus 1-2-3), so
     * from serial 61 (1900-03-01) on, day 0 is 1899-12-30; the 1904 system counts from 1904-01-01.
     * See Microsoft's "Differences between the 1900 and the 1904 date system in Excel".
     */
    private boolean parseExcelSerial(byte[] b, int from, int to) {
        long whole = 0;
        int i = from;
        while (i < to && isDigit(b[i])) {
            whole = whole * 10 + (b[i] - '0');
            i++;
            if (i - from > 7) {
                return false;
            }
        }
        long fractionDigits = 0;
        long scale = 1;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                if (scale < 1_000_000_000_000L) {
                    fractionDigits = fractionDigits * 10 + (b[i] - '0');
                    scale *= 10;
                }
                i++;
            }
        }
        if (i != to || whole < 61) {
            return false;
        }
        long day = excelSystem == 1904 ? epochDay(1904, 1, 1) + whole : epochDay(1899, 12, 30) + whole;
        long millis = Math.round(fractionDigits * 86_400_000.0 / scale);
        fieldLocalMillis = day * 86_400_000L + millis;
        note("Excel serial dates (" + excelSystem + " system)");
        return true;
    }

    private boolean parseCompact(byte[] b, int from, int to) {
        int n = to - from;
        if (n != 8 && n != 10 && n != 12 && n != 14) {
            return false;
        }
        int year = digits(b, from, 4, to);
        int month = digits(b, from + 4, 2, to);
        int day = digits(b, from + 6, 2, to);
        int hour = n >= 10 ? digits(b, from + 8, 2, to) : 0;
        int minute = n >= 12 ? digits(b, from + 10, 2, to) : 0;
        int second = n >= 14 ? digits(b, from + 12, 2, to) : 0;
        if (!validDate(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return false;
        }
        lastDateOnly = n == 8;
        fieldLocalMillis = (epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second) * 1000L;
        note(n == 8 ? "yyyyMMdd" : n == 10 ? "yyyyMMddHH" : n == 12 ? "yyyyMMddHHmm" : "yyyyMMddHHmmss");
        return true;
    }

    private boolean parseIso(byte[] b, int from, int to) {
        int year = digits(b, from, 4, to);
        int month = digits(b, from + 5, 2, to);
        int day = digits(b, from + 8, 2, to);
        if (!validDate(year, month, day)) {
            return false;
        }
        int i = from + 10;
        long timeMillis = 0;
        note("yyyy-MM-dd");
        if (i < to && (b[i] == 'T' || b[i] == ' ' || b[i] == 't')) {
            int afterDate = i;
            i++;
            if (i + 5 > to || b[i + 2] != ':') {
                // "2025-01-01 UTC" and the like: a date followed by a zone only
                i = afterDate;
                lastDateOnly = true;
            } else {
                int hour = digits(b, i, 2, to);
                int minute = digits(b, i + 3, 2, to);
                int second = 0;
                long nanos = 0;
                i += 5;
                note(b[afterDate] == ' ' ? " HH:mm" : "'T'HH:mm");
                if (i < to && b[i] == ':') {
                    second = digits(b, i + 1, 2, to);
                    i += 3;
                    note(":ss");
                    if (i < to && (b[i] == '.' || b[i] == ',')) {
                        i++;
                        int start = i;
                        long scale = 100_000_000L;
                        while (i < to && isDigit(b[i])) {
                            nanos += (b[i] - '0') * scale;
                            scale /= 10;
                            i++;
                        }
                        if (i == start) {
                            return false;
                        }
                        note(".SSS");
                    }
                }
                if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                    return false;
                }
                timeMillis = hour * 3_600_000L + minute * 60_000L + second * 1000L + nanos / 1_000_000L;
            }
        } else {
            lastDateOnly = true;
        }
        fieldLocalMillis = epochDay(year, month, day) * 86_400_000L + timeMillis;
        if (i == to) {
            return true;
        }
        return parseZone(b, i, to);
    }

    /** The date read by one of the date shapes below (scratch, to keep them allocation-free). */
    private int textYear;
    private int textMonth;
    private int textDay;

    /**
     * Dates with separators or month names, then an optional time, AM/PM and zone: an optional
     * weekday, then one of three date shapes, then the time of day.
     */
    private boolean parseText(byte[] b, int from, int to) {
        int i = skipWeekday(b, from, to);
        if (i < 0) {
            return false;
        }
        int end;
        if (isLetter(b[i])) {
            end = parseMonthNameFirst(b, i, to);
        } else if (isDigit(b[i])) {
            end = parseNumberFirst(b, i, to);
        } else {
            return false;
        }
        if (end < 0 || !validDate(textYear, textMonth, textDay)) {
            return false;
        }
        return parseTimeOfDayAndZone(b, end, to, epochDay(textYear, textMonth, textDay) * 86_400_000L);
    }

    /** @return where the date starts after an optional weekday ("Wed, 01 Jan 2025"), or -1 */
    private static int skipWeekday(byte[] b, int from, int to) {
        int i = from;
        if (isLetter(b[i])) {
            int wordEnd = wordEnd(b, i, to);
            if (lookup(WEEKDAYS, b, i, wordEnd) >= 0) {
                i = wordEnd;
                if (i < to && b[i] == ',') {
                    i++;
                }
                i = skipSpaces(b, i, to);
                if (i >= to) {
                    return -1;
                }
            }
        }
        return i;
    }

    /** "Jan 1, 2025", "January 01 2025": @return the end of the date, or -1 */
    private int parseMonthNameFirst(byte[] b, int i, int to) {
        int wordEnd = wordEnd(b, i, to);
        int month = lookup(MONTHS, b, i, wordEnd) + 1;
        if (month == 0) {
            return -1;
        }
        i = skipSpaces(b, wordEnd, to);
        if (i < to && (b[i] == '-' || b[i] == '/' || b[i] == '.')) {
            i++;
        }
        int d0 = i;
        int day = 0;
        while (i < to && isDigit(b[i]) && i - d0 < 2) {
            day = day * 10 + (b[i++] - '0');
        }
        if (i == d0) {
            return -1;
        }
        if (i < to && b[i] == ',') {
            i++;
        }
        if (i < to && (b[i] == ' ' || b[i] == '-' || b[i] == '/' || b[i] == '.')) {
            i++;
        }
        i = skipSpaces(b, i, to);
        int end = parseYear(b, i, to);
        if (end < 0) {
            return -1;
        }
        textMonth = month;
        textDay = day;
        note("MMM d yyyy");
        return end;
    }

    /** A year of four digits, or two (pivoted), into {@link #textYear}: @return its end, or -1 */
    private int parseYear(byte[] b, int i, int to) {
        int y0 = i;
        int year = 0;
        while (i < to && isDigit(b[i]) && i - y0 < 4) {
            year = year * 10 + (b[i++] - '0');
        }
        if (i - y0 != 4 && i - y0 != 2) {
            return -1;
        }
        textYear = i - y0 == 2 ? pivot(year) : year;
        return i;
    }

    /** "1 Jan 2025", "01-Jan-2025", "31.12.2025", "12/31/25", "2025/12/31": @return the end of the date, or -1 */
    private int parseNumberFirst(byte[] b, int i, int to) {
        int n1Start = i;
        int n1 = 0;
        while (i < to && isDigit(b[i]) && i - n1Start < 4) {
            n1 = n1 * 10 + (b[i++] - '0');
        }
        int n1Len = i - n1Start;
        if (i >= to) {
            return -1;
        }
        byte sep = b[i];
        if (sep != '-' && sep != '/' && sep != '.' && sep != ' ') {
            return -1;
        }
        i++;
        if (sep == ' ' || isLetter(b[i < to ? i : to - 1])) {
            return parseDayMonthName(b, i, to, n1, n1Len, sep);
        }
        return parseNumericDate(b, i, to, n1, n1Len, sep);
    }

    /** "1 Jan 2025", "01-Jan-2025" after the day {@code n1}: @return the end of the date, or -1 */
    private int parseDayMonthName(byte[] b, int i, int to, int n1, int n1Len, byte sep) {
        i = skipSpaces(b, i, to);
        if (i >= to || !isLetter(b[i]) || n1Len > 2) {
            return -1;
        }
        int wordEnd = wordEnd(b, i, to);
        int month = lookup(MONTHS, b, i, wordEnd) + 1;
        if (month == 0) {
            return -1;
        }
        i = wordEnd;
        if (i < to && (b[i] == sep || b[i] == ' ' || b[i] == ',')) {
            i++;
        }
        i = skipSpaces(b, i, to);
        int end = parseYear(b, i, to);
        if (end < 0) {
            return -1;
        }
        textMonth = month;
        textDay = n1;
        note(sep == ' ' ? "d MMM yyyy" : "dd" + (char) sep + "MMM" + (char) sep + "yyyy");
        return end;
    }

    /**
     * Three numbers after the first ({@code n1}): year first by its four digits, else by the date
     * order; while the order is open, a number above 12 implies it (see {@link #lastImpliedOrder()}).
     *
     * @return the end of the date, or -1
     */
    private int parseNumericDate(byte[] b, int i, int to, int n1, int n1Len, byte sep) {
        int n2Start = i;
        int n2 = 0;
        while (i < to && isDigit(b[i]) && i - n2Start < 2) {
            n2 = n2 * 10 + (b[i++] - '0');
        }
        if (i == n2Start || i >= to || b[i] != sep) {
            return -1;
        }
        i++;
        int n3Start = i;
        int n3 = 0;
        while (i < to && isDigit(b[i]) && i - n3Start < 4) {
            n3 = n3 * 10 + (b[i++] - '0');
        }
        int n3Len = i - n3Start;
        if (n3Len == 0) {
            return -1;
        }
        String s = String.valueOf((char) sep);
        if (n1Len == 4) {
            textYear = n1;
            textMonth = n2;
            textDay = n3;
            note("yyyy" + s + "MM" + s + "dd");
            return i;
        }
        if (n1Len > 2 || (n3Len != 4 && n3Len != 2)) {
            return -1;
        }
        if (order == DateOrder.YMD) {
            textYear = pivot(n1);
            textMonth = n2;
            textDay = n3;
            note("yy" + s + "MM" + s + "dd");
            return i;
        }
        textYear = n3Len == 2 ? pivot(n3) : n3;
        String y = n3Len == 2 ? "yy" : "yyyy";
        DateOrder use = order;
        if (use == null && sep == '.') {
            use = DateOrder.DMY; // dates written with dots are day first wherever they are written
        }
        if (use == null) {
            if (n1 > 12 && n2 <= 12) {
                use = DateOrder.DMY;
                lastImplied = use;
            } else if (n2 > 12 && n1 <= 12) {
                use = DateOrder.MDY;
                lastImplied = use;
            } else {
                use = DateOrder.DMY;
                lastAmbiguous = n1 <= 12 && n2 <= 12;
            }
        }
        if (use == DateOrder.MDY) {
            textMonth = n1;
            textDay = n2;
            note("MM" + s + "dd" + s + y);
        } else {
            textDay = n1;
            textMonth = n2;
            note("dd" + s + "MM" + s + y);
        }
        return i;
    }

    /** The time of day after a date, if any: "[T| |, |-]H:mm[:ss[.fff]][ ][AM|PM]", then a zone. */
    private boolean parseTimeOfDayAndZone(byte[] b, int i, int to, long dayMillis) {
        int j = i;
        if (j < to && (b[j] == 'T' || b[j] == ',' || b[j] == ' ' || b[j] == '-')) {
            j++;
        }
        j = skipSpaces(b, j, to);
        long timeMillis = 0;
        int t0 = j;
        int hour = 0;
        while (j < to && isDigit(b[j]) && j - t0 < 2) {
            hour = hour * 10 + (b[j++] - '0');
        }
        if (j > t0 && j < to && b[j] == ':') {
            int minute = digits(b, j + 1, 2, to);
            if (minute < 0 || minute > 59) {
                return false;
            }
            j += 3;
            int second = 0;
            int millis = 0;
            boolean seconds = false;
            if (j < to && b[j] == ':') {
                second = digits(b, j + 1, 2, to);
                if (second < 0 || second > 59) {
                    return false;
                }
                j += 3;
                seconds = true;
                if (j < to && (b[j] == '.' || b[j] == ',')) {
                    j++;
                    int start = j;
                    int scale = 100;
                    while (j < to && isDigit(b[j])) {
                        millis += (b[j] - '0') * scale;
                        scale /= 10;
                        j++;
                    }
                    if (j == start) {
                        return false;
                    }
                }
            }
            int k = skipSpaces(b, j, to);
            int ampm = k < to ? amPm(b, k, to) : 0;
            if (ampm != 0) {
                if (hour < 1 || hour > 12) {
                    return false;
                }
                hour = hour % 12 + (ampm == 2 ? 12 : 0);
                j = amPmEnd(b, k, to);
            }
            if (hour > 23) {
                return false;
            }
            note((ampm != 0 ? " h:mm" : " HH:mm") + (seconds ? ":ss" : "") + (millis > 0 ? ".SSS" : "")
                    + (ampm != 0 ? " a" : ""));
            timeMillis = ((hour * 60L + minute) * 60L + second) * 1000L + millis;
            i = j;
        } else {
            lastDateOnly = true;
        }
        fieldLocalMillis = dayMillis + timeMillis;
        i = skipSpaces(b, i, to);
        if (i == to) {
            return true;
        }
        return parseZone(b, i, to);
    }

    /** A zone after the time: {@code Z}, {@code UTC}, {@code GMT}, either followed by an offset, or an offset alone. */
    private boolean parseZone(byte[] b, int i, int to) {
        i = skipSpaces(b, i, to);
        if (i == to) {
            return true;
        }
        int offset = 0;
        if ((b[i] == 'Z' || b[i] == 'z') && i + 1 == to) {
            fieldOffset = 0;
            note("Z");
            return true;
        }
        if (i + 3 <= to && (matches(b, i, "UTC") || matches(b, i, "GMT"))) {
            i += 3;
            note(" UTC");
            if (i == to) {
                fieldOffset = 0;
                return true;
            }
        }
        // trailing "(Central European Standard Time)" as JavaScript writes it
        int close = to;
        if (b[to - 1] == ')') {
            int open = i;
            while (open < to && b[open] != '(') {
                open++;
            }
            if (open < to) {
                close = trimEnd(b, i, open);
                if (close == i) {
                    return false;
                }
            }
        }
        int off = parseOffset(b, i, close);
        if (off == NO_OFFSET) {
            return false;
        }
        fieldOffset = offset + off;
        note("XXX");
        return true;
    }

    /** @return the offset in seconds, or {@link #NO_OFFSET} */
    private static int parseOffset(byte[] b, int i, int to) {
        if (i >= to) {
            return NO_OFFSET;
        }
        byte c = b[i];
        if (c != '+' && c != '-') {
            return NO_OFFSET;
        }
        int sign = c == '-' ? -1 : 1;
        int rest = to - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(b, i + 1, 2, to);
        } else if (rest == 4) {
            hours = digits(b, i + 1, 2, to);
            minutes = digits(b, i + 3, 2, to);
        } else if (rest == 5 && b[i + 3] == ':') {
            hours = digits(b, i + 1, 2, to);
            minutes = digits(b, i + 4, 2, to);
        } else {
            return NO_OFFSET;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return NO_OFFSET;
        }
        return sign * (hours * 3600 + minutes * 60);
    }

    /** @return 1 for AM, 2 for PM ("am", "a.m.", "PM", …), 0 otherwise; must end the text */
    private static int amPm(byte[] b, int i, int to) {
        int end = amPmEnd(b, i, to);
        if (end != to && !(end < to && (b[end] == ' ' || b[end] == '+' || b[end] == '-' || b[end] == 'Z'
                || b[end] == 'U' || b[end] == 'G'))) {
            return 0;
        }
        if (end == i) {
            return 0;
        }
        byte c = (byte) (b[i] | 0x20);
        return c == 'a' ? 1 : 2;
    }

    private static int amPmEnd(byte[] b, int i, int to) {
        if (i >= to) {
            return i;
        }
        byte c = (byte) (b[i] | 0x20);
        if (c != 'a' && c != 'p') {
            return i;
        }
        int j = i + 1;
        if (j < to && b[j] == '.') {
            j++;
        }
        if (j < to && (b[j] | 0x20) == 'm') {
            j++;
            if (j < to && b[j] == '.') {
                j++;
            }
            return j;
        }
        return i;
    }

    private static int lookup(String[] names, byte[] b, int from, int to) {
        int n = to - from;
        if (n < 3) {
            return -1;
        }
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            if (n > name.length()) {
                continue;
            }
            boolean match = true;
            for (int c = 0; c < n; c++) {
                if ((b[from + c] | 0x20) != name.charAt(c)) {
                    match = false;
                    break;
                }
            }
            if (match && (n == 3 || n == name.length() || (n == 4 && name.startsWith("sept")))) {
                return k;
            }
        }
        return -1;
    }

    private static int wordEnd(byte[] b, int i, int to) {
        while (i < to && isLetter(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean matches(byte[] b, int i, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int pivot(int twoDigitYear) {
        return twoDigitYear < 70 ? 2000 + twoDigitYear : 1900 + twoDigitYear;
    }

    private void note(String piece) {
        if (pattern != null) {
            pattern.append(piece);
        }
    }

    /** Local seconds → UTC seconds in the zone, with DST gaps and overlaps settled (see class doc). */
    private long toUtcSeconds(long localSeconds, long previousMillis) {
        if (fixedOffset) {
            lastResolution = LocalResolution.UNIQUE;
            return localSeconds - fixedOffsetSeconds;
        }
        if (localSeconds >= cacheFrom && localSeconds < cacheTo) {
            lastResolution = LocalResolution.UNIQUE;
            return localSeconds - cacheOffset;
        }
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
        ZoneOffsetTransition transition = rules.getTransition(ldt);
        if (transition != null) {
            int before = transition.getOffsetBefore().getTotalSeconds();
            if (transition.isGap()) {
                lastResolution = LocalResolution.GAP;
                return localSeconds - before;
            }
            lastResolution = LocalResolution.OVERLAP;
            long earlier = localSeconds - before;
            long later = localSeconds - transition.getOffsetAfter().getTotalSeconds();
            boolean earlierGoesBack = previousMillis != Long.MIN_VALUE && earlier * 1000L <= previousMillis;
            return earlierGoesBack ? later : earlier;
        }
        int offset = rules.getOffset(ldt).getTotalSeconds();
        long utc = localSeconds - offset;
        Instant instant = Instant.ofEpochSecond(utc);
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        cacheFrom = previous == null ? Long.MIN_VALUE : Math.max(localEpochSecond(previous.getDateTimeBefore()),
                localEpochSecond(previous.getDateTimeAfter()));
        cacheTo = next == null ? Long.MAX_VALUE : Math.min(localEpochSecond(next.getDateTimeBefore()),
                localEpochSecond(next.getDateTimeAfter()));
        cacheOffset = offset;
        lastResolution = LocalResolution.UNIQUE;
        return utc;
    }

    private static long localEpochSecond(LocalDateTime ldt) {
        return ldt.toEpochSecond(ZoneOffset.UTC);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (civil calendar arithmetic). */
    static long epochDay(int year, int month, int day) {
        // Count years from March so that the leap day falls at the end of a counted year.
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int shiftedMonth = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static boolean validDate(int year, int month, int day) {
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** @return the number in {@code count} digits at {@code at}, or -1 if they are not all digits */
    private static int digits(byte[] b, int at, int count, int to) {
        if (at + count > to) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < count; k++) {
            byte c = b[at + k];
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int skipSpaces(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    /** @return the message for text that is not a timestamp */
    static IllegalArgumentException unreadable(byte[] b, int from, int to) {
        return new IllegalArgumentException(unreadableMessage(new String(b, from, to - from, StandardCharsets.UTF_8)));
    }

    static String unreadableMessage(String text) {
        return "cannot read '" + text + "' as a timestamp;"
                + " expected ISO-8601 (2024-03-01T12:00:00Z, 2024-03-01T12:00:00+01:00),"
                + " a local time (2024-03-01 12:00[:ss], 01.03.2024 12:00, 3/1/2024 12:00 PM)"
                + " or epoch seconds/milliseconds";
    }
}
