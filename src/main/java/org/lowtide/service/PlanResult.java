package org.lowtide.service;

import java.util.Objects;
import org.lowtide.planning.Plan;

/**
 * A plan with the analysis it stands on.
 *
 * @param request  what was asked (holidays resolved)
 * @param analysis the traffic analysis
 * @param plan     the dated windows, recurring rule and rejections
 */
public record PlanResult(PlanRequest request, AnalysisResult analysis, Plan plan) {

    public PlanResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(plan, "plan");
    }
}
