package org.lowtide.traffic.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Reads the timestamp shapes traffic files use, without a {@code DateTimeFormatter} per row:
 * <ul>
 *   <li>ISO-8601 date-times with {@code T} or a space between date and time, seconds and fraction
 *       optional, with {@code Z} or an offset ({@code +01:00}, {@code +0100}, {@code +01}) or
 *       without (then a local time in the reader's zone);</li>
 *   <li>epoch seconds or milliseconds, with an optional fraction (more than 11 integer digits are
 *       taken as milliseconds).</li>
 * </ul>
 * Local times are resolved in the zone: a time that does not exist (spring-forward gap) moves
 * forward by the gap's length, as {@link java.time.ZonedDateTime#ofLocal} does; a time that occurs
 * twice (fall-back overlap) takes the earlier offset unless that would go back in time from the
 * previous row, so that a sorted file's repeated hour lands on the later offset. Both are counted.
 *
 * <p>Not thread-safe: it caches the zone offset of the last period between transitions.
 */
final class TimestampParser {

    /** What a row's timestamp turned out to be, beyond its value. */
    enum LocalResolution { NONE, UNIQUE, GAP, OVERLAP }

    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int fixedOffsetSeconds;

    // Local-second range [cacheFrom, cacheTo) in which cacheOffset is the one valid offset.
    private long cacheFrom = Long.MAX_VALUE;
    private long cacheTo = Long.MIN_VALUE;
    private int cacheOffset;

    private LocalResolution lastResolution = LocalResolution.NONE;
    private boolean lastHadZone;

    TimestampParser(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** @return how the last local timestamp was resolved ({@code NONE} when it carried an offset) */
    LocalResolution lastResolution() {
        return lastResolution;
    }

    /** @return whether the last timestamp carried its own offset or was an epoch number */
    boolean lastHadZone() {
        return lastHadZone;
    }

    /**
     * @param s               the text
     * @param previousMillis  the previous row's instant, or {@code Long.MIN_VALUE}; settles DST overlaps
     * @return epoch milliseconds
     * @throws IllegalArgumentException with a message saying what was expected
     */
    long parse(CharSequence s, long previousMillis) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to) {
            throw new IllegalArgumentException("empty timestamp");
        }
        lastResolution = LocalResolution.NONE;
        if (to - from >= 10 && s.charAt(from + 4) == '-' && s.charAt(from + 7) == '-') {
            return parseIso(s, from, to, previousMillis);
        }
        return parseEpoch(s, from, to);
    }

    private long parseEpoch(CharSequence s, int from, int to) {
        int i = from;
        long whole = 0;
        int digits = 0;
        while (i < to && isDigit(s.charAt(i))) {
            whole = whole * 10 + (s.charAt(i) - '0');
            digits++;
            i++;
            if (digits > 15) {
                throw unreadable(s, from, to);
            }
        }
        if (digits == 0) {
            throw unreadable(s, from, to);
        }
        double fraction = 0;
        if (i < to && s.charAt(i) == '.') {
            i++;
            double scale = 0.1;
            int start = i;
            while (i < to && isDigit(s.charAt(i))) {
                fraction += (s.charAt(i) - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                throw unreadable(s, from, to);
            }
        }
        if (i != to) {
            throw unreadable(s, from, to);
        }
        lastHadZone = true;
        if (digits >= 12) { // 12+ digits: milliseconds (seconds would be after the year 5138)
            return whole + Math.round(fraction);
        }
        return whole * 1000 + Math.round(fraction * 1000);
    }

    private long parseIso(CharSequence s, int from, int to, long previousMillis) {
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            throw unreadable(s, from, to);
        }
        int i = from + 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nanos = 0;
        if (i < to && (s.charAt(i) == 'T' || s.charAt(i) == ' ' || s.charAt(i) == 't')) {
            i++;
            if (i + 5 > to || s.charAt(i + 2) != ':') {
                throw unreadable(s, from, to);
            }
            hour = digits(s, i, 2);
            minute = digits(s, i + 3, 2);
            i += 5;
            if (i < to && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    i++;
                    int start = i;
                    long scale = 100_000_000L;
                    while (i < to && isDigit(s.charAt(i))) {
                        nanos += (s.charAt(i) - '0') * scale;
                        scale /= 10;
                        i++;
                    }
                    if (i == start) {
                        throw unreadable(s, from, to);
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                throw unreadable(s, from, to);
            }
        }
        long localSeconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        long millisOfSecond = nanos / 1_000_000L;

        if (i == to) {
            lastHadZone = false;
            return (toUtcSeconds(localSeconds, previousMillis) * 1000L) + millisOfSecond;
        }
        int offsetSeconds = parseOffset(s, i, to, from);
        lastHadZone = true;
        return (localSeconds - offsetSeconds) * 1000L + millisOfSecond;
    }

    private int parseOffset(CharSequence s, int i, int to, int from) {
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == to) {
            return 0;
        }
        if (c != '+' && c != '-') {
            throw unreadable(s, from, to);
        }
        int sign = c == '-' ? -1 : 1;
        int rest = to - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(s, i + 1, 2);
        } else if (rest == 4) {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 3, 2);
        } else if (rest == 5 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 4, 2);
        } else {
            throw unreadable(s, from, to);
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            throw unreadable(s, from, to);
        }
        return sign * (hours * 3600 + minutes * 60);
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

    private static int daysInMonth(int year, int month) {
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
    private static int digits(CharSequence s, int at, int count) {
        if (at + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < count; k++) {
            char c = s.charAt(at + k);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException unreadable(CharSequence s, int from, int to) {
        return new IllegalArgumentException("cannot read '" + s.subSequence(from, to) + "' as a timestamp;"
                + " expected ISO-8601 (2024-03-01T12:00:00Z, 2024-03-01T12:00:00+01:00),"
                + " a local time (2024-03-01 12:00[:ss]) or epoch seconds/milliseconds");
    }
}
