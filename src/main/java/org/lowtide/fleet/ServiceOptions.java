package org.lowtide.fleet;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A service's place in the fleet problem: how many changes it needs and where they may go.
 *
 * @param service    the service's name
 * @param changes    changes to place in the horizon (≥ 1)
 * @param minGap     least time between the starts of two of its changes
 * @param candidates allowed windows, cheapest first (the first is the service's own best window)
 */
public record ServiceOptions(String service, int changes, Duration minGap, List<Candidate> candidates) {

    public ServiceOptions {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(minGap, "minGap");
        candidates = List.copyOf(candidates);
        if (changes < 1) {
            throw new IllegalArgumentException(service + ": at least one change, not " + changes);
        }
        if (minGap.isNegative()) {
            throw new IllegalArgumentException(service + ": the minimum gap must not be negative");
        }
        for (int i = 1; i < candidates.size(); i++) {
            if (candidates.get(i).cost() < candidates.get(i - 1).cost()) {
                throw new IllegalArgumentException(service + ": candidates must be cheapest first");
            }
        }
    }

    /** Sorts candidates cheapest first (then earliest), as the record wants them. */
    public static List<Candidate> ranked(List<Candidate> candidates) {
        return candidates.stream().sorted(Comparator.comparingDouble(Candidate::cost)
                .thenComparing(Candidate::start)).toList();
    }

    /** @return the cost of the service's own best changes with nothing else in the way (a lower bound) */
    public double unconstrainedCost() {
        // The cheapest set of `changes` candidates that keep the gap: greedy from the top, as the window planner.
        double sum = 0;
        java.util.List<Candidate> taken = new java.util.ArrayList<>();
        for (Candidate c : candidates) {
            if (taken.size() == changes) {
                break;
            }
            boolean close = false;
            for (Candidate t : taken) {
                if (c.overlaps(t) || Math.abs(Duration.between(c.start(), t.start()).getSeconds()) < minGap.getSeconds()) {
                    close = true;
                    break;
                }
            }
            if (!close) {
                taken.add(c);
                sum += c.cost();
            }
        }
        return sum;
    }
}
