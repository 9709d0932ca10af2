package org.lowtide.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.risk.ChangeHistory;
import org.lowtide.risk.IncidentHistory;
import org.lowtide.risk.RiskEstimate;
import org.lowtide.traffic.Interval;

/**
 * What was read and what was learned.
 *
 * @param request     the request
 * @param incidents   the incidents read
 * @param changes     the changes read
 * @param outages     the outages found in the traffic (empty when not asked)
 * @param estimate    the fit
 * @param assumptions the prior assumptions with the learned values in place
 */
public record RiskResult(RiskRequest request, Optional<IncidentHistory> incidents, Optional<ChangeHistory> changes,
                         List<Interval> outages, RiskEstimate estimate, CostAssumptions assumptions) {

    public RiskResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(assumptions, "assumptions");
        outages = List.copyOf(outages);
    }

    /** @return every line worth showing: what was read, the rule, warnings */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        incidents.ifPresent(h -> out.add(h.summary()));
        changes.ifPresent(c -> out.add(c.summary()));
        if (request.outagesFrom().isPresent()) {
            out.add("outages in " + request.outagesFrom().get().displayName() + ": " + outages.size());
        }
        estimate.failureRate().ifPresent(f -> out.add(f.rule()));
        out.addAll(estimate.notes());
        incidents.ifPresent(h -> h.warnings().forEach(w -> out.add(h.source() + ": " + w)));
        changes.ifPresent(c -> c.warnings().forEach(w -> out.add(c.source() + ": " + w)));
        return out;
    }
}
