package org.lowtide.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.fleet.Candidate;
import org.lowtide.fleet.Fleet;
import org.lowtide.fleet.FleetProblem;
import org.lowtide.fleet.FleetSolution;
import org.lowtide.planning.Recommendation;

/**
 * A fleet plan: every service's own plan and the windows the fleet rules give it.
 *
 * @param fleet     what was planned
 * @param outcomes  per service, in the fleet's order
 * @param problem   what the optimiser solved (planned services only)
 * @param solution  the optimiser's answer
 * @param basis     what the fleet's cost unit is: money, or the relative traffic at stake
 * @param costUnit  the fleet's common unit in words
 * @param warnings  fleet-wide notes (a group left with one planned member, the placeholder revenue)
 * @param seconds   wall-clock seconds of the whole run
 * @param threads   services analysed at once
 */
public record FleetResult(Fleet fleet, List<FleetOutcome> outcomes, FleetProblem problem, FleetSolution solution,
                          Recommendation.Basis basis, String costUnit, List<String> warnings, double seconds,
                          int threads) {

    public FleetResult {
        Objects.requireNonNull(fleet, "fleet");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(costUnit, "costUnit");
        warnings = List.copyOf(warnings);
    }

    /** @return the outcome of the service of that name */
    public Optional<FleetOutcome> outcome(String service) {
        return outcomes.stream().filter(o -> o.service().equals(service)).findFirst();
    }

    /** @return the windows the fleet plan gives the service (empty when failed or unplaced) */
    public List<Candidate> chosen(String service) {
        return solution.chosen().getOrDefault(service, List.of());
    }

    /** @return how many services failed */
    public long failed() {
        return outcomes.stream().filter(o -> o.status() == FleetOutcome.Status.FAILED).count();
    }
}
