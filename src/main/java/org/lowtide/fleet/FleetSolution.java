package org.lowtide.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet optimiser's answer.
 *
 * @param chosen         the windows given to each service, by start (fewer than asked when the rules left no room)
 * @param reasons        per service, why its windows are where they are (in plain words)
 * @param totalCost      the sum of the chosen windows' costs
 * @param unplaced       changes the rules left without a window
 * @param provenOptimal  whether the search proved no plan with fewer unplaced changes, then lower cost, exists
 * @param lowerBound     no plan placing as many changes costs less than this (the services' own optima summed
 *                       when nothing better is proven)
 * @param method         how the plan was found, for the design note and the output
 */
public record FleetSolution(Map<String, List<Candidate>> chosen, Map<String, List<String>> reasons, double totalCost,
                            int unplaced, boolean provenOptimal, double lowerBound, String method) {

    public FleetSolution {
        Map<String, List<Candidate>> copy = new LinkedHashMap<>();
        chosen.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        chosen = java.util.Collections.unmodifiableMap(copy);
        Map<String, List<String>> r = new LinkedHashMap<>();
        reasons.forEach((k, v) -> r.put(k, List.copyOf(v)));
        reasons = java.util.Collections.unmodifiableMap(r);
        Objects.requireNonNull(method, "method");
        if (unplaced < 0) {
            throw new IllegalArgumentException("unplaced changes cannot be negative");
        }
    }
}
