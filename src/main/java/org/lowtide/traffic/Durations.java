package org.lowtide.traffic;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, read the same way by every face: {@code 2h}, {@code 2 h},
 * {@code 90 min}, {@code 1h30m}, {@code 1 d}, {@code 30s}, {@code 0}, or ISO-8601 ({@code PT2H},
 * {@code P1D}).
 */
public final class Durations {

    /** What the parser takes, for messages. */
    public static final String ACCEPTED = "a duration such as 2h, 90 min, 1h30m, 1 d or ISO-8601 PT2H";

    private static final Pattern PART = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])",
            Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /**
     * @return the duration
     * @throws IllegalArgumentException naming what was expected
     */
    public static Duration parse(String text) {
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
            long seconds = unit.startsWith("d") ? 86_400 : unit.startsWith("h") ? 3600
                    : unit.startsWith("s") ? 1 : 60;
            if (amount * seconds > 1e15) {
                throw new IllegalArgumentException("'" + t + "' is longer than any plan can use");
            }
            total = total.plusSeconds(Math.round(amount * seconds));
            at = m.end();
        }
        if (at == 0 || !t.substring(at).isBlank()) {
            throw new IllegalArgumentException("cannot read '" + t + "' as a duration; use e.g. 2 h, 90 min, 1h30m or 1 d");
        }
        return total;
    }

    /**
     * The one way every face writes a duration in a sentence: {@code 2 hours}, {@code 125 minutes}
     * (under 6 hours, when not whole hours), {@code 1 day 6 hours}, {@code 30 seconds}; never
     * ISO-8601 ({@code PT2H}) or a count of seconds for whole minutes. Spans beyond 1,000 days are
     * written in years ({@code about 114,077 years}); a negative duration is {@code minus …}.
     */
    public static String words(Duration d) {
        if (d.isNegative()) {
            return "minus " + words(d.negated());
        }
        long seconds = d.getSeconds();
        if (seconds >= 1000L * 86_400) {
            return String.format(Locale.ROOT, "about %,.0f years", seconds / (365.2425 * 86_400));
        }
        long minutes = seconds / 60;
        if (minutes == 0) {
            if (seconds == 0 && d.getNano() > 0) {
                return String.format(Locale.ROOT, "%.3g seconds", d.getNano() / 1e9);
            }
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        if (minutes % 60 != 0 && minutes < 360) {
            return minutes + " minutes" + (seconds % 60 == 0 ? "" : " " + (seconds % 60) + " seconds");
        }
        StringBuilder sb = new StringBuilder();
        append(sb, minutes / 1440, "day");
        append(sb, minutes % 1440 / 60, "hour");
        append(sb, minutes % 60, "minute");
        append(sb, seconds % 60, "second");
        return sb.toString();
    }

    /**
     * The start of step {@code i} of a grid: exactly {@code start.plus(step.multipliedBy(i))}, by
     * long arithmetic for whole-second steps (issue 20: Duration multiplies through BigDecimal, and
     * the analysis asks this for every point: a third of a 5-minute year's allocation).
     *
     * @throws ArithmeticException where {@code multipliedBy} would overflow
     * @throws java.time.DateTimeException where the instant leaves Instant's range
     */
    public static java.time.Instant stepStart(java.time.Instant start, Duration step, long i) {
        if (step.getNano() == 0) {
            return start.plusSeconds(Math.multiplyExact(step.getSeconds(), i));
        }
        return start.plus(step.multipliedBy(i));
    }

    /** @return a duration as an adjective: {@code 2-hour}, {@code 125-minute}, {@code 1-day 6-hour} */
    public static String adjective(Duration d) {
        return words(d).replaceAll("(\\d+) (day|hour|minute|second)s?", "$1-$2");
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n > 0) {
            sb.append(sb.length() == 0 ? "" : " ").append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
        }
    }
}
