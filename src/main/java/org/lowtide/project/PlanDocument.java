package org.lowtide.project;

import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.Plan;
import org.lowtide.planning.PlanRules;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.sources.PrometheusQuery;

/**
 * A saved plan in model terms: where the traffic came from, how it was read, and the plan.
 *
 * @param sourcePath     the traffic file as the user named it
 * @param sourceSha256   the file's checksum when it was planned (hex), to notice a changed file
 * @param importOptions  how it was read
 * @param holidays       the holiday calendar asked for ({@code DE-BY}), when one was
 * @param cost           the cost assumptions the plan was made with, when it was made in money
 * @param rules          staff cost, the p90 limit and the count per week or month
 * @param plan           request and result
 * @param prometheus     the Prometheus query the traffic was read with, when it came from a server (then
 *                       {@code sourcePath} is the server's URL and {@code sourceSha256} is empty); never credentials
 */
public record PlanDocument(String sourcePath, String sourceSha256, ImportOptions importOptions,
                           Optional<String> holidays, Optional<CostAssumptions> cost, PlanRules rules, Plan plan,
                           Optional<PrometheusQuery> prometheus) {

    /** A plan on a traffic file. */
    public PlanDocument(String sourcePath, String sourceSha256, ImportOptions importOptions,
                        Optional<String> holidays, Optional<CostAssumptions> cost, PlanRules rules, Plan plan) {
        this(sourcePath, sourceSha256, importOptions, holidays, cost, rules, plan, Optional.empty());
    }

    public PlanDocument {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        Objects.requireNonNull(importOptions, "importOptions");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(prometheus, "prometheus");
    }
}
