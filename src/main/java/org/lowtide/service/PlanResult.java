package org.lowtide.service;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.planning.Plan;
import org.lowtide.planning.TrafficOutlook;

/**
 * A plan with the analysis it stands on.
 *
 * @param request     what was asked (holidays resolved)
 * @param analysis    the traffic analysis
 * @param plan        the dated windows, recurring rule and rejections
 * @param cost        the cost model's report, when the plan was made in money
 * @param windowCosts the simulated cost of a change in each chosen window, by rank
 * @param traffic     the traffic expected over the horizon (forecast or weekly profile) and why
 */
public record PlanResult(PlanRequest request, AnalysisResult analysis, Plan plan, Optional<CostReport> cost,
                         Map<Integer, CostEstimate> windowCosts, TrafficOutlook traffic) {

    public PlanResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(cost, "cost");
        windowCosts = Map.copyOf(windowCosts);
        Objects.requireNonNull(traffic, "traffic");
    }

    /** @return the same results under another request (e.g. the source moved, the calendar's name kept) */
    public PlanResult withRequest(PlanRequest newRequest) {
        return new PlanResult(newRequest, analysis, plan, cost, windowCosts, traffic);
    }
}
