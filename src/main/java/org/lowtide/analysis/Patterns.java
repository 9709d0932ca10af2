package org.lowtide.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the patterns analysis found in one series.
 *
 * @param periods       seasonal periods with their strengths, shortest first
 * @param anomalies     the anomaly scan (anomalies and the steps they mask)
 * @param decomposition the final decomposition (anomalies masked and filled), when the series was
 *                      long enough
 * @param forecast      the forecast, when asked for and possible
 * @param trendStrength strength of the trend {@code max(0, 1 − Var(R)/Var(T + R))}
 * @param notes         what the user should know (periods skipped, fallbacks)
 */
public record Patterns(List<SeasonalPeriod> periods, AnomalyScan anomalies, Optional<Decomposition> decomposition,
                       Optional<Forecast> forecast, double trendStrength, List<String> notes) {

    public Patterns {
        periods = List.copyOf(periods);
        Objects.requireNonNull(anomalies, "anomalies");
        Objects.requireNonNull(decomposition, "decomposition");
        Objects.requireNonNull(forecast, "forecast");
        notes = List.copyOf(notes);
    }

    /** @return the anomalies found */
    public List<Anomaly> anomalyList() {
        return anomalies.anomalies();
    }
}
