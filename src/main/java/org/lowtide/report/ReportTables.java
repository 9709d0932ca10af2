package org.lowtide.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowtide.cost.ScenarioResult;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Csv;

/**
 * The report's tables as CSV for spreadsheets (RFC 4180, CRLF line ends, numbers in plain decimal
 * notation): every text cell goes through {@link Csv#cell}, so a reason or a scenario name that
 * starts with {@code = + - @} can never run as a formula.
 */
public final class ReportTables {

    private ReportTables() {
    }

    /** @return every table of the report by file-friendly name, in report order */
    public static Map<String, String> all(ReportModel model) {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("windows", windows(model));
        model.money().ifPresent(m -> {
            tables.put("cost-by-start", costByStart(m));
            tables.put("scenarios", scenarios(m));
        });
        tables.put("assumptions", assumptions(model));
        return tables;
    }

    /** The dated windows, with money when the report has it. */
    public static String windows(ReportModel model) {
        ZoneId zone = model.zone();
        List<ChangeWindow> windows = model.input().plan().windows();
        boolean money = model.money().isPresent();
        StringBuilder sb = new StringBuilder();
        row(sb, money ? List.of("rank", "start", "end", "latest_safe_start", "traffic_at_stake", "traffic_at_stake_p90",
                "less_than_median", "cost_mean", "cost_p90", "currency", "reasons")
                : List.of("rank", "start", "end", "latest_safe_start", "traffic_at_stake", "traffic_at_stake_p90",
                "less_than_median", "reasons"));
        for (int i = 0; i < windows.size(); i++) {
            ChangeWindow w = windows.get(i);
            List<String> cells = new ArrayList<>(List.of(Integer.toString(w.rank()),
                    Csv.cell(w.window().start().atZone(zone).toOffsetDateTime().toString()),
                    Csv.cell(w.window().end().atZone(zone).toOffsetDateTime().toString()),
                    Csv.cell(w.latestSafeStart().atZone(zone).toOffsetDateTime().toString()),
                    Csv.number(w.expected()), Csv.number(w.upper()), Csv.number(w.savingsVsMedian())));
            if (money) {
                Money m = model.money().get();
                cells.add(Csv.number(m.windows().get(i).estimate().mean()));
                cells.add(Csv.number(m.windows().get(i).estimate().p90()));
                cells.add(Csv.cell(m.currency()));
            }
            cells.add(Csv.cell(String.join("; ", w.reasons())));
            sb.append(String.join(",", cells)).append("\r\n");
        }
        return sb.toString();
    }

    /** What one change costs by when it starts. */
    public static String costByStart(Money m) {
        StringBuilder sb = new StringBuilder();
        row(sb, List.of("start", "mean", "p50", "p90", "p99", "failure_probability", "currency"));
        m.recommended().ifPresent(r -> costRow(sb, "recommended window " + r.label(), r.estimate(), m.currency()));
        costRow(sb, "cheapest start " + m.cost().best().start(), m.cost().best().estimate(), m.currency());
        costRow(sb, "median start " + m.median().start(), m.median().estimate(), m.currency());
        m.habit().estimate().ifPresent(e -> costRow(sb, m.habit().description(), e, m.currency()));
        costRow(sb, "peak " + m.cost().worst().start(), m.cost().worst().estimate(), m.currency());
        return sb.toString();
    }

    /** The k/h scenarios. */
    public static String scenarios(Money m) {
        StringBuilder sb = new StringBuilder();
        row(sb, List.of("scenario", "levers", "changes_per_year", "innovation_per_year", "downtime_per_change_minutes",
                "incident_minutes_per_year", "downtime_cost_per_year", "trough_savings_per_year", "currency"));
        for (ScenarioResult r : m.scenarios()) {
            sb.append(String.join(",", Csv.cell(r.name()), Csv.cell(String.join(" ", r.levers())),
                    Csv.number(r.changesPerYear()), Csv.number(r.innovationPerYear()),
                    Csv.number(r.downtimePerChangeMinutes()), Csv.number(r.downtimeMinutesPerYear()),
                    Csv.number(r.downtimeCostPerYear()), Csv.number(r.troughSavingsPerYear()),
                    Csv.cell(m.currency()))).append("\r\n");
        }
        return sb.toString();
    }

    /** Every assumption with its value and source. */
    public static String assumptions(ReportModel model) {
        StringBuilder sb = new StringBuilder();
        row(sb, List.of("part", "input", "value", "source"));
        for (AssumptionRow a : model.assumptions()) {
            row(sb, List.of(a.group(), a.name(), a.value(), a.source()));
        }
        return sb.toString();
    }

    private static void costRow(StringBuilder sb, String start, org.lowtide.cost.CostEstimate e, String currency) {
        sb.append(String.join(",", Csv.cell(start), Csv.number(e.mean()), Csv.number(e.p50()), Csv.number(e.p90()),
                Csv.number(e.p99()), Csv.number(e.failureProbability()), Csv.cell(currency))).append("\r\n");
    }

    private static void row(StringBuilder sb, List<String> texts) {
        List<String> cells = new ArrayList<>();
        for (String t : texts) {
            cells.add(Csv.cell(t));
        }
        sb.append(String.join(",", cells)).append("\r\n");
    }
}
