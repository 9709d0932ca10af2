package org.lowtide.cost;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Everything the cost model says about one traffic history and one set of assumptions, for the
 * GUI, the CLI and the report to show.
 *
 * @param assumptions    every input with its source
 * @param curve          expected revenue per minute over the week
 * @param expectedBySlot closed-form expected cost of a change started at each slot, Monday 00:00 first
 * @param best           the cheapest start slot, simulated
 * @param median         the start slot of median expected cost, simulated
 * @param worst          the dearest start slot, simulated
 * @param scenarios      the k/h comparison
 * @param errorBudget    the error budget
 * @param brownOut       degraded versus down
 * @param seed           the Monte Carlo seed
 * @param notes          things the user should know (thin data, defaults still in use)
 */
public record CostReport(CostAssumptions assumptions, RevenueCurve curve, double[] expectedBySlot, ChangeCost best,
                         ChangeCost median, ChangeCost worst, List<ScenarioResult> scenarios, ErrorBudget errorBudget,
                         BrownOut brownOut, long seed, List<String> notes) {

    public CostReport {
        Objects.requireNonNull(assumptions, "assumptions");
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(expectedBySlot, "expectedBySlot");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(worst, "worst");
        Objects.requireNonNull(errorBudget, "errorBudget");
        Objects.requireNonNull(brownOut, "brownOut");
        expectedBySlot = expectedBySlot.clone();
        scenarios = List.copyOf(scenarios);
        notes = List.copyOf(notes);
    }

    @Override
    public double[] expectedBySlot() {
        return expectedBySlot.clone();
    }

    /** @return the currency of every amount */
    public Currency currency() {
        return assumptions.currency().value();
    }

    /** @return the model behind the report, e.g. to simulate another start time */
    public ChangeCostModel model() {
        return new ChangeCostModel(curve, assumptions);
    }
}
