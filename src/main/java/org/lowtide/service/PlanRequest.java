package org.lowtide.service;

import java.util.Objects;
import java.util.Optional;
import org.lowtide.planning.WindowRequest;

/**
 * What to plan, and on which traffic.
 *
 * @param analysis what traffic to read and how (its zone must be the plan's zone)
 * @param windows  the window request; its holidays are filled from {@code holidays} when given
 * @param holidays a Jollyday calendar, {@code DE} or {@code US-NY}, when holidays matter
 */
public record PlanRequest(AnalysisRequest analysis, WindowRequest windows, Optional<String> holidays) {

    public PlanRequest {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(holidays, "holidays");
        if (!analysis.options().zone().equals(windows.constraints().zone())) {
            throw new IllegalArgumentException("the traffic is read in " + analysis.options().zone()
                    + " but the plan is in " + windows.constraints().zone() + "; use one zone");
        }
    }
}
