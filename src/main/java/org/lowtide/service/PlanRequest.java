package org.lowtide.service;

import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
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
 */
public record PlanRequest(AnalysisRequest analysis, WindowRequest windows, Optional<String> holidays,
                          Optional<CostAssumptions> cost) {

    /** A plan ranked by traffic at stake, without a cost model. */
    public PlanRequest(AnalysisRequest analysis, WindowRequest windows, Optional<String> holidays) {
        this(analysis, windows, holidays, Optional.empty());
    }

    public PlanRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(cost, "cost");
    }
}
