package org.lowtide.risk;

import java.time.Duration;

/** Durations in the words Lowtide's texts use ({@code 45 min}, {@code 2 h 10 min}, {@code 3.5 days}). */
public final class Durations {

    private Durations() {
    }

    /** @return the duration in words, rounded to the minute (seconds below two minutes) */
    public static String words(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 120) {
            return s + " s";
        }
        long m = Math.round(s / 60.0);
        if (m < 60) {
            return m + " min";
        }
        if (m < 48 * 60) {
            return m % 60 == 0 ? m / 60 + " h" : m / 60 + " h " + m % 60 + " min";
        }
        return String.format(java.util.Locale.ROOT, "%.1f days", m / 1440.0);
    }

    /** @return a duration of {@code minutes}, to the millisecond */
    public static Duration ofMinutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
