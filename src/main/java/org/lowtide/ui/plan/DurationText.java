package org.lowtide.ui.plan;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them in the plan form: {@code 2 h}, {@code 90 min}, {@code 1h30m},
 * {@code 1 d}, {@code 0}, or ISO-8601 as the CLI takes them ({@code PT2H}, {@code P1D}).
 */
final class DurationText {

    private static final Pattern PART = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)(?![a-z])", Pattern.CASE_INSENSITIVE);

    private DurationText() {
    }

    /**
     * @return the duration
     * @throws IllegalArgumentException naming what was expected
     */
    static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("enter a duration such as 2 h, 90 min or 1 d");
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + t + "' is not an ISO-8601 duration (PT2H, P1D)");
            }
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find()) {
            if (!t.substring(at, m.start()).isBlank()) {
                break;
            }
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long seconds = unit.startsWith("d") ? 86_400 : unit.startsWith("h") ? 3600 : 60;
            total = total.plusSeconds(Math.round(amount * seconds));
            at = m.end();
        }
        if (at == 0 || !t.substring(at).isBlank()) {
            throw new IllegalArgumentException("cannot read '" + t + "' as a duration; use e.g. 2 h, 90 min, 1h30m or 1 d");
        }
        return total;
    }

    /** @return e.g. {@code "2 h"}, {@code "1 h 30 min"}, {@code "1 d"}, {@code "0"}; {@link #parse} reads it back */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        long minutes = d.toMinutes();
        if (d.toSecondsPart() != 0 || d.getNano() != 0) {
            return d.toString(); // not whole minutes: ISO-8601, which parse reads too
        }
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long rest = minutes % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append(" d");
        }
        if (hours > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(hours).append(" h");
        }
        if (rest > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(rest).append(" min");
        }
        return sb.toString();
    }
}
