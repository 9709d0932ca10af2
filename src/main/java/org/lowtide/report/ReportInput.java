package org.lowtide.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lowtide.analysis.Trough;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.planning.Plan;
import org.lowtide.planning.TrafficOutlook;
import org.lowtide.report.charts.LabelledInterval;
import org.lowtide.traffic.TrafficSeries;

/**
 * Everything a report is made from, as the core computed it.
 *
 * @param options        title, author, sections, paper, date
 * @param provenance     Lowtide's version and the data file's name and checksum
 * @param series         the traffic as imported, in the plan's zone
 * @param profile        the weekly profile
 * @param troughs        the quietest weekly windows, best first
 * @param plan           the dated plan
 * @param outages        outages the anomaly detector found, to mark on the traffic
 * @param notes          notes on the analysis the reader should see
 * @param importWarnings how many problems were repaired on import
 * @param userPlanInputs the plan inputs the user gave (keys of {@link ReportModel#PLAN_INPUTS}); the
 *                       others are Lowtide's defaults
 * @param cost           the cost model's report on the same traffic, when money is to be shown
 * @param windowCosts    when the plan was ranked in money: the simulated cost of a change in each
 *                       dated window, by rank (as {@code plan --json} prints it); empty otherwise
 * @param traffic        the traffic the plan was ranked on over its horizon (forecast or typical week)
 * @param forecast       the patterns forecast with its chosen method and backtest, when the analysis made
 *                       one: the report names the method and its evidence
 */
public record ReportInput(ReportOptions options, Provenance provenance, TrafficSeries series, WeeklyProfile profile,
                          List<Trough> troughs, Plan plan, List<LabelledInterval> outages, List<String> notes,
                          int importWarnings, Set<String> userPlanInputs,
                          Optional<CostReport> cost, Map<Integer, CostEstimate> windowCosts,
                          TrafficOutlook traffic, Optional<org.lowtide.risk.RiskEstimate> risk,
                          Optional<org.lowtide.analysis.Forecast> forecast) {

    /** An input without the forecast's evidence (issue #18 added {@code forecast}). */
    public ReportInput(ReportOptions options, Provenance provenance, TrafficSeries series, WeeklyProfile profile,
                       List<Trough> troughs, Plan plan, List<LabelledInterval> outages, List<String> notes,
                       int importWarnings, Set<String> userPlanInputs, Optional<CostReport> cost,
                       Map<Integer, CostEstimate> windowCosts, TrafficOutlook traffic,
                       Optional<org.lowtide.risk.RiskEstimate> risk) {
        this(options, provenance, series, profile, troughs, plan, outages, notes, importWarnings, userPlanInputs, cost,
                windowCosts, traffic, risk, Optional.empty());
    }

    /** An input without risk learned from history (issue #21 added {@code risk}). */
    public ReportInput(ReportOptions options, Provenance provenance, TrafficSeries series, WeeklyProfile profile,
                       List<Trough> troughs, Plan plan, List<LabelledInterval> outages, List<String> notes,
                       int importWarnings, Set<String> userPlanInputs, Optional<CostReport> cost,
                       Map<Integer, CostEstimate> windowCosts, TrafficOutlook traffic) {
        this(options, provenance, series, profile, troughs, plan, outages, notes, importWarnings, userPlanInputs, cost,
                windowCosts, traffic, Optional.empty(), Optional.empty());
    }

    public ReportInput {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(profile, "profile");
        troughs = List.copyOf(troughs);
        Objects.requireNonNull(plan, "plan");
        outages = List.copyOf(outages);
        notes = List.copyOf(notes);
        userPlanInputs = Set.copyOf(userPlanInputs);
        Objects.requireNonNull(cost, "cost");
        windowCosts = Map.copyOf(windowCosts);
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(forecast, "forecast");
        if (!windowCosts.isEmpty() && cost.isEmpty()) {
            throw new IllegalArgumentException("a plan ranked in money needs its cost report");
        }
        if (!profile.slots().zone().equals(plan.request().constraints().zone())) {
            throw new IllegalArgumentException("the weekly profile is in " + profile.slots().zone()
                    + " but the plan in " + plan.request().constraints().zone());
        }
    }

    /** @return whether the plan's windows were ranked by the expected cost of a change (in money) */
    public boolean plannedInMoney() {
        return !windowCosts.isEmpty();
    }
}
