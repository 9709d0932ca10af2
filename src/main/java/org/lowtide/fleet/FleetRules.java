package org.lowtide.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.lowtide.planning.Blackout;

/**
 * Rules over the whole fleet.
 *
 * @param maxConcurrent at most this many services changing at once (on-call capacity), empty for no limit
 * @param minGap        least time between two changes of one service (a service may override it)
 * @param groups        dependency groups
 * @param blackouts     freezes for every service
 * @param holidays      a holiday calendar for every service without its own
 */
public record FleetRules(OptionalInt maxConcurrent, Duration minGap, List<DependencyGroup> groups,
                         List<Blackout> blackouts, Optional<String> holidays) {

    /** No fleet rule at all. */
    public static final FleetRules NONE = new FleetRules(OptionalInt.empty(), Duration.ofDays(1), List.of(), List.of(),
            Optional.empty());

    public FleetRules {
        Objects.requireNonNull(maxConcurrent, "maxConcurrent");
        Objects.requireNonNull(minGap, "minGap");
        groups = List.copyOf(groups);
        blackouts = List.copyOf(blackouts);
        Objects.requireNonNull(holidays, "holidays");
        if (maxConcurrent.isPresent() && maxConcurrent.getAsInt() < 1) {
            throw new IllegalArgumentException("at most N changes at once needs N ≥ 1, not " + maxConcurrent.getAsInt());
        }
        if (minGap.isNegative()) {
            throw new IllegalArgumentException("the minimum gap must not be negative");
        }
    }

    /** @return these rules with another on-call capacity */
    public FleetRules withMaxConcurrent(OptionalInt n) {
        return new FleetRules(n, minGap, groups, blackouts, holidays);
    }
}
