package org.lowtide.service;

import java.util.Objects;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * What to cost and how.
 *
 * @param source      where the traffic comes from (and the revenue column, when one is named)
 * @param options     how to read it; its zone is the zone of the local week
 * @param assumptions the cost inputs
 * @param scenarios   the k/h scenarios to compare
 * @param simulations changes simulated per start slot (at least 2)
 * @param seed        the Monte Carlo seed
 */
public record CostRequest(TrafficSource source, ImportOptions options, CostAssumptions assumptions,
                          ScenarioSet scenarios, int simulations, long seed) {

    public CostRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(assumptions, "assumptions");
        Objects.requireNonNull(scenarios, "scenarios");
        if (simulations < 2) {
            throw new IllegalArgumentException("simulate at least 2 changes per start, not " + simulations);
        }
    }

    /** @return a request with the default scenarios, simulation count and seed */
    public static CostRequest of(TrafficSource source, ImportOptions options, CostAssumptions assumptions) {
        return new CostRequest(source, options, assumptions, ScenarioSet.defaults(), CostAnalysis.DEFAULT_SIMULATIONS,
                CostAnalysis.DEFAULT_SEED);
    }
}
