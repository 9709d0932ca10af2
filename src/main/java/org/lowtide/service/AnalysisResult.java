package org.lowtide.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.analysis.HolidayEffect;
import org.lowtide.analysis.Patterns;
import org.lowtide.analysis.Trough;
import org.lowtide.analysis.TroughStats;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportResult;

/**
 * Everything one analysis produced, for both faces to show.
 *
 * @param request  what was asked
 * @param imported the imported series with its source facts and warnings
 * @param profile  the weekly profile in the request's zone
 * @param troughs  the best windows first; empty when the data cannot show a weekly pattern
 * @param notes    things the user should know about the analysis (not the import)
 * @param patterns periods, anomalies, decomposition and forecast, when the analysis could make them
 * @param troughStats week-to-week facts about each trough, in the order of {@code troughs}
 * @param holidays the requested calendar's holidays in the history and the forecast, with effects
 */
public record AnalysisResult(AnalysisRequest request, ImportResult imported, Optional<WeeklyProfile> profile,
                             List<Trough> troughs, List<String> notes, Optional<Patterns> patterns,
                             List<TroughStats> troughStats, List<HolidayEffect> holidays) {

    public AnalysisResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(imported, "imported");
        Objects.requireNonNull(profile, "profile");
        troughs = List.copyOf(troughs);
        notes = List.copyOf(notes);
        Objects.requireNonNull(patterns, "patterns");
        troughStats = List.copyOf(troughStats);
        holidays = List.copyOf(holidays);
    }

    /** A result without patterns (the weekly profile and troughs only). */
    public AnalysisResult(AnalysisRequest request, ImportResult imported, Optional<WeeklyProfile> profile,
                          List<Trough> troughs, List<String> notes) {
        this(request, imported, profile, troughs, notes, Optional.empty(), List.of(), List.of());
    }

    /**
     * This result as an analysis of {@code weeks} of forecast would have made it: the forecast cut
     * to its first {@code weeks} (see {@link org.lowtide.analysis.Forecast#firstSteps}), none for 0.
     *
     * @throws IllegalArgumentException when that cannot be told from this result (it forecasts
     *         less, a horizon under two weeks has a shorter backtest, or holidays were looked up
     *         over the forecast)
     */
    public AnalysisResult withForecastWeeks(int weeks) {
        if (!canCutForecastTo(weeks)) {
            throw new IllegalArgumentException("cannot derive a forecast of " + weeks + " weeks from one of "
                    + request.forecastWeeks());
        }
        if (weeks == request.forecastWeeks()) {
            return this;
        }
        AnalysisRequest r = request.withForecastWeeks(weeks);
        Optional<Patterns> cut = patterns.map(p -> p.withForecast(weeks == 0 ? Optional.empty()
                : p.forecast().map(f -> f.firstSteps((int) Math.min(f.size(),
                java.time.Duration.ofDays(7L * weeks).getSeconds() / Math.max(1, f.step().getSeconds()))))));
        return new AnalysisResult(r, imported, profile, troughs, notes, cut, troughStats, holidays);
    }

    /** @return whether {@link #withForecastWeeks(int)} can answer for {@code weeks} */
    public boolean canCutForecastTo(int weeks) {
        return weeks == request.forecastWeeks() || (request.holidays().isEmpty() && weeks <= request.forecastWeeks()
                && (weeks == 0 || weeks >= 2));
    }

    /** @return the imported series */
    public TrafficSeries series() {
        return imported.series();
    }

    /**
     * @return the note that the series was analysed on a coarser step than the data's (too many
     *         points for the memory), when it was: every face shows it first, as a warning
     */
    public Optional<String> coarserNote() {
        return notes.stream().filter(n -> n.startsWith(org.lowtide.traffic.Resolution.NOTE_START)).findFirst();
    }

    /** @return the best trough, when there is one */
    public Optional<Trough> best() {
        return troughs.isEmpty() ? Optional.empty() : Optional.of(troughs.get(0));
    }
}
