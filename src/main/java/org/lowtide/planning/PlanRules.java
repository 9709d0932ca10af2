package org.lowtide.planning;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Rules beyond the window request: what staff cost while a window is open, how busy a window may
 * be at worst, and whether the count of windows is per week or per month.
 *
 * @param staffCost      staff cost of keeping a window open, added to its score (money plans only)
 * @param maxP90Share    the highest p90 traffic a window may reach, as a share of the weekly peak
 * @param per            when present, the request's count is per calendar week or month of the plan's zone
 */
public record PlanRules(Optional<StaffCost> staffCost, OptionalDouble maxP90Share, Optional<CountPeriod> per) {

    /** No extra rules. */
    public static final PlanRules NONE = new PlanRules(Optional.empty(), OptionalDouble.empty(), Optional.empty());

    public PlanRules {
        Objects.requireNonNull(staffCost, "staffCost");
        Objects.requireNonNull(maxP90Share, "maxP90Share");
        Objects.requireNonNull(per, "per");
        maxP90Share.ifPresent(s -> {
            if (!(s > 0 && s <= 1)) {
                throw new IllegalArgumentException("the highest p90 share of the peak must be in (0, 1], not " + s);
            }
        });
    }

    /** What the count of windows counts per. */
    public enum CountPeriod { WEEK, MONTH }

    /**
     * Staff cost per hour a window is open, with a premium for night hours.
     *
     * @param perHour      cost per hour (the plan's currency); not negative
     * @param nightPremium factor on night hours, at least 1 (1.5 = 50 % more)
     * @param nightFrom    local start of the night
     * @param nightTo      local end of the night (before {@code nightFrom}: over midnight)
     */
    public record StaffCost(double perHour, double nightPremium, LocalTime nightFrom, LocalTime nightTo) {
        public StaffCost {
            Objects.requireNonNull(nightFrom, "nightFrom");
            Objects.requireNonNull(nightTo, "nightTo");
            if (!(perHour >= 0) || Double.isInfinite(perHour)) {
                throw new IllegalArgumentException("the staff cost per hour must not be negative, was " + perHour);
            }
            if (!(nightPremium >= 1) || Double.isInfinite(nightPremium)) {
                throw new IllegalArgumentException("the night premium is a factor of at least 1, was " + nightPremium);
            }
        }

        /** @return the cost per hour at a local time */
        public double perHourAt(LocalTime t) {
            boolean night = nightFrom.isBefore(nightTo)
                    ? !t.isBefore(nightFrom) && t.isBefore(nightTo)
                    : !t.isBefore(nightFrom) || t.isBefore(nightTo);
            return night ? perHour * nightPremium : perHour;
        }
    }
}
