package org.lowtide.risk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * Timestamps of incident and deploy exports: ISO-8601 with {@code T} or a space, with {@code Z},
 * an offset ({@code +01:00}, {@code +0100}) or a zone name in brackets, or without (then a local
 * time in the given zone, resolved as {@link ZonedDateTime#ofLocal} does: a time in a DST gap moves
 * forward, a repeated hour takes the earlier offset); a date alone (midnight); epoch seconds or
 * milliseconds by their number of digits; and US exports' {@code M/d/yyyy h:mm[:ss] AM}. The
 * traffic importer's byte-level parser is faster but internal to it; history files are small.
 */
final class HistoryTimes {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter OFFSET_COMPACT = new DateTimeFormatterBuilder()
            .append(LOCAL)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter US = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("M/d/yyyy h:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .appendPattern(" a")
            .toFormatter(Locale.US);

    private HistoryTimes() {
    }

    /** @return the instant the text names, or empty when it is not a timestamp Lowtide reads */
    static Optional<Instant> parse(String text, ZoneId zone) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.chars().allMatch(Character::isDigit)) {
            if (t.length() >= 9 && t.length() <= 11) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
            }
            if (t.length() >= 12 && t.length() <= 14) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(t)));
            }
            return Optional.empty();
        }
        try {
            if (t.endsWith("]")) {
                return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant());
            }
            if (t.endsWith(" UTC")) {
                t = t.substring(0, t.length() - 4) + "Z";
            }
            for (DateTimeFormatter f : new DateTimeFormatter[] {OFFSET, OFFSET_COMPACT}) {
                try {
                    return Optional.of(OffsetDateTime.parse(t, f).toInstant());
                } catch (DateTimeParseException e) {
                    // next shape
                }
            }
            try {
                return Optional.of(ZonedDateTime.ofLocal(LocalDateTime.parse(t, LOCAL), zone, null).toInstant());
            } catch (DateTimeParseException e) {
                // next shape
            }
            try {
                return Optional.of(ZonedDateTime.ofLocal(LocalDateTime.parse(t, US), zone, null).toInstant());
            } catch (DateTimeParseException e) {
                // next shape
            }
            return Optional.of(LocalDate.parse(t).atStartOfDay(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return whether the text carries its own offset or is epoch time (so the zone did not matter) */
    static boolean hasOffset(String text) {
        String t = text.trim();
        return t.chars().allMatch(Character::isDigit) || t.endsWith("Z") || t.endsWith("]") || t.endsWith(" UTC")
                || t.matches(".*[T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)? ?[+-]\\d{2}:?\\d{2}$");
    }
}
