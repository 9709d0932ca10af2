package org.lowtide.service;

import java.util.Objects;
import org.lowtide.cost.CostReport;
import org.lowtide.traffic.imports.ImportResult;

/**
 * One cost run: the traffic it read and the report.
 *
 * @param request  what was asked
 * @param imported the traffic as imported, with its warnings
 * @param report   the cost report
 */
public record CostResult(CostRequest request, ImportResult imported, CostReport report) {

    public CostResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(imported, "imported");
        Objects.requireNonNull(report, "report");
    }
}
