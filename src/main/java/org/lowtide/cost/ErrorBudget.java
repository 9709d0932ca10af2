package org.lowtide.cost;

import java.util.OptionalDouble;

/**
 * An availability objective as minutes of allowed downtime, and what changes consume of it.
 *
 * <p>Allowed minutes = {@code (1 − SLO/100) · period}, for 30 days (43,200 minutes) and a quarter
 * (a fourth of a mean Gregorian year, 131,493.6 minutes). Expected incidents consume
 * {@code changes per 30 days · h} (h = CFR · (detect + E[restore]) · impact: a partial outage
 * consumes in proportion to the users it affects); planned downtime consumes
 * {@code changes per 30 days · planned minutes} when it counts against the budget.
 *
 * @param sloPercent               the objective, e.g. 99.9
 * @param allowedMinutesPer30Days  downtime the objective allows in 30 days
 * @param allowedMinutesPerQuarter downtime the objective allows in a quarter
 * @param changesPer30Days         changes made in 30 days
 * @param incidentMinutesPer30Days expected impact-weighted incident minutes in 30 days
 * @param plannedMinutesPer30Days  planned downtime minutes in 30 days (whether they count or not)
 * @param plannedCounts            whether planned downtime counts against the budget
 * @param consumedShare            share of the 30-day budget consumed (may exceed 1)
 * @param changesPer30DaysThatFit  how many changes fit in 30 days; empty when a change consumes nothing
 */
public record ErrorBudget(double sloPercent, double allowedMinutesPer30Days, double allowedMinutesPerQuarter,
                          double changesPer30Days, double incidentMinutesPer30Days, double plannedMinutesPer30Days,
                          boolean plannedCounts, double consumedShare, OptionalDouble changesPer30DaysThatFit) {

    /** Minutes in 30 days. */
    public static final double MINUTES_PER_30_DAYS = 30 * 1440;
    /** Minutes in a quarter of a mean Gregorian year. */
    public static final double MINUTES_PER_QUARTER = RevenueBasis.MINUTES_PER_YEAR / 4;

    /** @return the error budget for these assumptions */
    public static ErrorBudget of(CostAssumptions a) {
        double slo = a.sloPercent().value();
        // In decimal, so that 99.9 % allows exactly 43.2 minutes and not 43.19999999999524.
        double allowedFraction = java.math.BigDecimal.valueOf(100).subtract(java.math.BigDecimal.valueOf(slo))
                .movePointLeft(2).doubleValue();
        double changes = a.changesPerYear().value() * MINUTES_PER_30_DAYS / RevenueBasis.MINUTES_PER_YEAR;
        RestoreTime restore = a.restoreTime();
        double h = a.changeFailureRate().value() * (RestoreTime.minutes(a.detect().value()) + restore.meanMinutes())
                * a.impact().value();
        double planned = RestoreTime.minutes(a.plannedDowntime().value());
        boolean counts = a.plannedCountsAgainstBudget().value();
        double perChange = h + (counts ? planned : 0);
        double allowed30 = allowedFraction * MINUTES_PER_30_DAYS;
        double consumed = changes * perChange;
        return new ErrorBudget(slo, allowed30, allowedFraction * MINUTES_PER_QUARTER, changes, changes * h,
                changes * planned, counts, allowed30 > 0 ? consumed / allowed30 : 0,
                perChange > 0 && Double.isFinite(allowed30 / perChange) ? OptionalDouble.of(Math.floor(allowed30 / perChange))
                        : OptionalDouble.empty());
    }
}
