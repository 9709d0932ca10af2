package org.lowtide.cost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Runs the whole cost model on a traffic spread: revenue curve, expected cost at every start
 * slot, Monte Carlo at the best, median and worst slot, k/h scenarios, error budget, brown-out.
 * Stateless.
 */
public final class CostAnalysis {

    /**
     * What every money surface says (CLI, GUI, report) while the revenue is the published
     * placeholder: windows are ranked by traffic only, and amounts are illustrative.
     */
    public static final String NO_REVENUE = "no revenue given: windows are ranked by traffic only (the traffic at "
            + "stake over window and rollback), and money is illustrative (the $5,600 per minute of a 2014 Gartner "
            + "blog post); give your revenue to rank windows by the cost of a change";


    /** Simulated changes per start slot unless asked otherwise. */
    public static final int DEFAULT_SIMULATIONS = 100_000;
    /** The Monte Carlo seed unless asked otherwise. */
    public static final long DEFAULT_SEED = 20_250_101L;

    private CostAnalysis() {
    }

    /**
     * @param spread      traffic over the week (or revenue per minute for a revenue column)
     * @param assumptions the inputs
     * @param scenarios   the k/h scenarios to compare
     * @param simulations changes simulated per start slot
     * @param seed        the Monte Carlo seed
     * @param cancelled   asked between steps; when it answers true the run stops with
     *                    {@link java.util.concurrent.CancellationException}
     */
    public static CostReport run(TrafficSpread spread, CostAssumptions assumptions, List<Scenario> scenarios,
                                 int simulations, long seed, BooleanSupplier cancelled) {
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(assumptions, "assumptions");
        RevenueCurve curve = RevenueCurve.of(spread, assumptions.revenue().value(), assumptions.currency().value());
        ChangeCostModel model = new ChangeCostModel(curve, assumptions);
        double[] bySlot = model.expectedCostBySlot();
        check(cancelled);

        Integer[] order = new Integer[bySlot.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(bySlot[a], bySlot[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        ChangeSimulator simulator = new ChangeSimulator(model);
        ChangeCost best = simulate(simulator, curve, order[0], simulations, seed);
        check(cancelled);
        ChangeCost median = simulate(simulator, curve, order[(order.length - 1) / 2], simulations, seed);
        check(cancelled);
        ChangeCost worst = simulate(simulator, curve, order[order.length - 1], simulations, seed);
        check(cancelled);
        List<ScenarioResult> results = KhModel.compare(curve, assumptions, scenarios);
        check(cancelled);

        List<String> notes = new ArrayList<>();
        if (spread instanceof EmpiricalTrafficSpread) {
            notes.addAll(((EmpiricalTrafficSpread) spread).notes());
        }
        if (assumptions.revenue().source().kind() != Source.Kind.USER
                && assumptions.revenue().source().kind() != Source.Kind.DATA) {
            notes.add(NO_REVENUE);
        }
        return new CostReport(assumptions, curve, bySlot, best, median, worst, results, ErrorBudget.of(assumptions),
                BrownOut.of(curve, assumptions), seed, notes);
    }

    /** Simulates a change started at slot {@code slot}. */
    public static ChangeCost simulate(ChangeSimulator simulator, RevenueCurve curve, int slot, int simulations,
                                      long seed) {
        ChangeSimulator.Run run = simulator.simulate(curve.startOf(slot), simulations, seed);
        return new ChangeCost(slot, curve.slots().dayOf(slot), curve.slots().timeOf(slot), run.estimate());
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("cost analysis cancelled");
        }
    }
}
