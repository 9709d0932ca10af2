package org.lowtide.ui.plan;

import java.time.Duration;

/**
 * Durations as people type them in the plan form: {@code 2 h}, {@code 90 min}, {@code 1h30m},
 * {@code 1 d}, {@code 0}, or ISO-8601 as the CLI takes them ({@code PT2H}, {@code P1D}).
 */
final class DurationText {

    private DurationText() {
    }

    /**
     * @return the duration
     * @throws IllegalArgumentException naming what was expected
     */
    static Duration parse(String text) {
        return org.lowtide.traffic.Durations.parse(text); // one reading of durations for GUI and CLI
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
