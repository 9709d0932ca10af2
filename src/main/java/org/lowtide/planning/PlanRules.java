package org.lowtide.planning;

import java.time.LocalTime;
import java.util.List;
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
 * @param changes        named changes, each to get a window of its own length (in this order of
 *                       priority); when given, they replace the request's count and duration
 * @param outlook        which traffic expectation ranks the windows: the patterns forecast where it
 *                       reaches (and, by default, where it beat seasonal naive), or the weekly profile
 */
public record PlanRules(Optional<StaffCost> staffCost, OptionalDouble maxP90Share, Optional<CountPeriod> per,
                        List<Change> changes, OutlookChoice outlook) {

    /** No extra rules. */
    public static final PlanRules NONE = new PlanRules(Optional.empty(), OptionalDouble.empty(), Optional.empty());

    /** Rules without a list of changes. */
    public PlanRules(Optional<StaffCost> staffCost, OptionalDouble maxP90Share, Optional<CountPeriod> per) {
        this(staffCost, maxP90Share, per, List.of());
    }

    /** Rules ranked on the automatic traffic outlook. */
    public PlanRules(Optional<StaffCost> staffCost, OptionalDouble maxP90Share, Optional<CountPeriod> per,
                     List<Change> changes) {
        this(staffCost, maxP90Share, per, changes, OutlookChoice.AUTO);
    }

    /** @return the same rules for another list of changes */
    public PlanRules withChanges(List<Change> newChanges) {
        return new PlanRules(staffCost, maxP90Share, per, newChanges, outlook);
    }

    /** @return the same rules ranked on another traffic outlook */
    public PlanRules withOutlook(OutlookChoice choice) {
        return new PlanRules(staffCost, maxP90Share, per, changes, choice);
    }

    /**
     * A change that needs a window of its own.
     *
     * @param name     what it is, e.g. "Database migration"
     * @param duration how long its window must be
     */
    public record Change(String name, java.time.Duration duration) {
        public Change {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(duration, "duration");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a change needs a name");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("the window of change '" + name + "' must last longer than 0");
            }
        }

        /** Parses {@code NAME=DURATION}, e.g. {@code "Database migration=PT4H"}. */
        public static Change parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("cannot read change '" + text
                        + "'; expected NAME=DURATION such as \"Database migration=PT4H\"");
            }
            java.time.Duration length;
            try {
                length = org.lowtide.traffic.Durations.parse(text.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read the duration of change '" + text
                        + "'; expected " + org.lowtide.traffic.Durations.ACCEPTED);
            }
            return new Change(text.substring(0, eq).trim(), length);
        }

        @Override
        public String toString() {
            return name + "=" + duration;
        }
    }

    public PlanRules {
        Objects.requireNonNull(staffCost, "staffCost");
        Objects.requireNonNull(maxP90Share, "maxP90Share");
        Objects.requireNonNull(per, "per");
        changes = List.copyOf(changes);
        Objects.requireNonNull(outlook, "outlook");
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
