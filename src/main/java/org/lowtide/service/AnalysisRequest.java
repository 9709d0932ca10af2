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
 * @param components  whether the decomposition (trend, seasonal components, their strengths) is
 *                    fitted; only a request without a forecast may leave it out (a plan ranked on
 *                    the weekly profile never reads it, and it is most of an analysis's time)
 */
public record AnalysisRequest(TrafficSource source, ImportOptions options, Duration window, int troughCount,
                              int forecastWeeks, java.util.Optional<String> holidays, boolean components) {

    /** A request that fits the decomposition. */
    public AnalysisRequest(TrafficSource source, ImportOptions options, Duration window, int troughCount,
                           int forecastWeeks, java.util.Optional<String> holidays) {
        this(source, options, window, troughCount, forecastWeeks, holidays, true);
    }

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
        if (!components && forecastWeeks > 0) {
            throw new IllegalArgumentException("a forecast is made on the decomposition: it cannot be left out");
        }
    }

    /** @return this request with another forecast length */
    public AnalysisRequest withForecastWeeks(int weeks) {
        return new AnalysisRequest(source, options, window, troughCount, weeks, holidays, components || weeks > 0);
    }

    /**
     * @return this request without the decomposition when it asks for no forecast (otherwise
     *         itself: a forecast needs the decomposition)
     */
    public AnalysisRequest withoutComponents() {
        return forecastWeeks > 0 ? this
                : new AnalysisRequest(source, options, window, troughCount, forecastWeeks, holidays, false);
    }

    /** @return this request with the decomposition */
    public AnalysisRequest withComponents() {
        return new AnalysisRequest(source, options, window, troughCount, forecastWeeks, holidays, true);
    }
}
