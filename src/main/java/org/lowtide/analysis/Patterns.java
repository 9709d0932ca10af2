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

    /**
     * The same patterns with the outages and dips that start on one of {@code dates} (local days
     * of {@code zone}) called {@link Anomaly.Kind#HOLIDAY}: a holiday is quiet because people are
     * away, not because the service failed. They stay masked (a holiday is no usual week).
     */
    /** @return these patterns with another forecast (or none) */
    public Patterns withForecast(Optional<Forecast> other) {
        return new Patterns(periods, anomalies, decomposition, other, trendStrength, notes);
    }

    public Patterns withHolidays(java.util.Set<java.time.LocalDate> dates, java.time.ZoneId zone) {
        if (dates.isEmpty()) {
            return this;
        }
        List<Anomaly> relabelled = new java.util.ArrayList<>();
        for (Anomaly a : anomalies.anomalies()) {
            boolean low = a.kind() == Anomaly.Kind.OUTAGE || a.kind() == Anomaly.Kind.DIP;
            relabelled.add(low && dates.contains(a.interval().start().atZone(zone).toLocalDate())
                    ? new Anomaly(a.interval(), Anomaly.Kind.HOLIDAY, a.score()) : a);
        }
        AnomalyScan scan = new AnomalyScan(relabelled, anomalies.masked(), anomalies.expected(), anomalies.scale());
        return new Patterns(periods, scan, decomposition, forecast, trendStrength, notes);
    }

    /** @return the anomalies found */
    public List<Anomaly> anomalyList() {
        return anomalies.anomalies();
    }
}
