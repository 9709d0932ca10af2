package org.lowtide.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * A seasonal period found in a series.
 *
 * @param period          the period's length
 * @param steps           the period in series steps (at least 2)
 * @param name            {@code "day"}, {@code "week"}, {@code "year"} for calendar periods, else {@code "other"}
 * @param cycles          how many full cycles the series spans
 * @param autocorrelation autocorrelation at the period's lag after removing a centred rolling median
 * @param spectralPeak    periodogram power at the period's frequency over the median power around it
 * @param strength        seasonal strength {@code max(0, 1 − Var(R)/Var(S + R))} (Wang, Smith, Hyndman
 *                        2006) from the decomposition; {@code NaN} until decomposed
 */
public record SeasonalPeriod(Duration period, int steps, String name, double cycles, double autocorrelation,
                             double spectralPeak, double strength) {

    public SeasonalPeriod {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(name, "name");
        if (steps < 2) {
            throw new IllegalArgumentException("a seasonal period spans at least 2 steps, was " + steps);
        }
    }

    /** @return this period with its strength */
    public SeasonalPeriod withStrength(double newStrength) {
        return new SeasonalPeriod(period, steps, name, cycles, autocorrelation, spectralPeak, newStrength);
    }

    /** @return whether this is the day, the week or the year */
    public boolean calendar() {
        return !"other".equals(name);
    }
}
