package org.lowtide.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.lowtide.traffic.Interval;

/**
 * A period in which no change may happen (a freeze), with the reason shown to the user.
 *
 * @param interval when
 * @param reason   why, e.g. "Black Friday freeze"
 */
public record Blackout(Interval interval, String reason) {

    public Blackout {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Parses {@code START/END[=REASON]}: ISO dates ({@code 2025-11-24/2025-11-30}, both days
     * included) or local date-times ({@code 2025-11-24T18:00/2025-11-25T06:00}, end excluded),
     * read in {@code zone}.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Blackout parse(String text, ZoneId zone) {
        String spec = text.trim();
        String reason = null;
        int eq = spec.indexOf('=');
        if (eq >= 0) {
            reason = spec.substring(eq + 1).trim();
            spec = spec.substring(0, eq).trim();
        }
        String[] parts = spec.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("cannot read blackout '" + text
                    + "'; expected START/END such as 2025-11-24/2025-11-30 or 2025-11-24T18:00/2025-11-25T06:00");
        }
        try {
            java.time.Instant start = startOf(parts[0].trim(), zone);
            java.time.Instant end = endOf(parts[1].trim(), zone);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("blackout '" + text + "' ends before it starts");
            }
            return new Blackout(new Interval(start, end), reason == null || reason.isEmpty() ? "blackout " + spec : reason);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read blackout '" + text + "': '" + e.getParsedString()
                    + "' is not an ISO date (2025-11-24) or date-time (2025-11-24T18:00)");
        }
    }

    private static java.time.Instant startOf(String s, ZoneId zone) {
        return s.contains("T") ? LocalDateTime.parse(s).atZone(zone).toInstant()
                : LocalDate.parse(s).atStartOfDay(zone).toInstant();
    }

    private static java.time.Instant endOf(String s, ZoneId zone) {
        return s.contains("T") ? LocalDateTime.parse(s).atZone(zone).toInstant()
                : LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant();
    }
}
