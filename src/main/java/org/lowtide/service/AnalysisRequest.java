package org.lowtide.service;

import java.time.Duration;
import java.util.Objects;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * What to analyse and how.
 *
 * @param source      where the traffic comes from
 * @param options     how to read it; its zone is also the zone of the weekly profile and troughs
 * @param window      length of the maintenance window to look for
 * @param troughCount how many non-overlapping troughs to report
 * @param forecastWeeks weeks to forecast (0 for none)
 * @param holidays    a holiday calendar as {@code CC} or {@code CC-REGION} (Jollyday), or empty
 */
public record AnalysisRequest(TrafficSource source, ImportOptions options, Duration window, int troughCount,
                              int forecastWeeks, java.util.Optional<String> holidays) {

    /** Weeks forecast unless asked otherwise. */
    public static final int DEFAULT_FORECAST_WEEKS = 8;

    /** A request with the default forecast (8 weeks) and no holiday calendar. */
    public AnalysisRequest(TrafficSource source, ImportOptions options, Duration window, int troughCount) {
        this(source, options, window, troughCount, DEFAULT_FORECAST_WEEKS, java.util.Optional.empty());
    }

    /** Lowtide's default window length. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(2);

    /** How many troughs are reported unless asked otherwise. */
    public static final int DEFAULT_TROUGHS = 5;

    public AnalysisRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window length must be positive, was " + org.lowtide.traffic.Durations.words(window));
        }
        if (window.compareTo(org.lowtide.planning.WindowRequest.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a window lasts at most "
                    + org.lowtide.planning.WindowRequest.MAX_DURATION.toDays() + " days, was " + org.lowtide.traffic.Durations.words(window));
        }
        if (troughCount < 1) {
            throw new IllegalArgumentException("ask for at least one trough, not " + troughCount);
        }
        if (forecastWeeks < 0 || forecastWeeks > 520) {
            throw new IllegalArgumentException("forecast between 0 and 520 weeks, not " + forecastWeeks);
        }
        Objects.requireNonNull(holidays, "holidays");
    }

    /** @return this request with another forecast length */
    public AnalysisRequest withForecastWeeks(int weeks) {
        return new AnalysisRequest(source, options, window, troughCount, weeks, holidays);
    }
}
