package org.lowtide.report;

import java.util.List;
import java.util.Objects;

/**
 * What the fleet report shows: the services ranked by what is at stake, then one page each.
 *
 * @param title    the report's title
 * @param costUnit the fleet's common unit in words
 * @param summary  lines under the title (totals, optimiser, rules)
 * @param services the services, most at stake first
 * @param warnings fleet-wide notes
 * @param version  the Lowtide version, named as the PDF's creator
 */
public record FleetReport(String title, String costUnit, List<String> summary, List<Service> services,
                          List<String> warnings, String version) {

    public FleetReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(costUnit, "costUnit");
        summary = List.copyOf(summary);
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(version, "version");
    }

    /**
     * One service's page and summary row.
     *
     * @param name      the service
     * @param status    planned, unplaced or failed
     * @param zone      its zone
     * @param weekly    its weekly window in words
     * @param windows   the fleet's windows for it, in words
     * @param ownBest   its own best window, in words (empty when none)
     * @param atStake   what its fleet window puts at stake, in words with its unit
     * @param fleetCost its fleet cost in the common unit (NaN when failed)
     * @param gap       extra over its own best, in words
     * @param reasons   why, or why it failed
     */
    public record Service(String name, String status, String zone, String weekly, List<String> windows, String ownBest,
                          String atStake, double fleetCost, String gap, List<String> reasons) {
        public Service {
            Objects.requireNonNull(name, "name");
            windows = List.copyOf(windows);
            reasons = List.copyOf(reasons);
        }
    }
}
