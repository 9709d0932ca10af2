package org.lowtide.service;

import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;

/**
 * What to plan, and on which traffic.
 *
 * @param analysis what traffic to read and how; its zone is the users' wall clock the traffic follows
 *                 (the weekly profile), which may differ from the team's zone in {@code windows}
 * @param windows  the window request; its holidays are filled from {@code holidays} when given
 * @param holidays a Jollyday calendar, {@code DE} or {@code US-NY}, when holidays matter
 * @param cost     the cost assumptions: windows are then ranked by the expected cost of a change,
 *                 in money; without them, by the traffic at stake
 * @param rules    staff cost, the p90 limit and whether the count is per week or month
 */
public record PlanRequest(AnalysisRequest analysis, WindowRequest windows, Optional<String> holidays,
                          Optional<CostAssumptions> cost, PlanRules rules) {

    /** A plan ranked by traffic at stake, without a cost model. */
    public PlanRequest(AnalysisRequest analysis, WindowRequest windows, Optional<String> holidays) {
        this(analysis, windows, holidays, Optional.empty());
    }

    /** A plan without extra rules. */
    public PlanRequest(AnalysisRequest analysis, WindowRequest windows, Optional<String> holidays,
                       Optional<CostAssumptions> cost) {
        this(analysis, windows, holidays, cost, PlanRules.NONE);
    }

    public PlanRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(rules, "rules");
    }
}
