package org.lowtide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lowtide.cost.Assumption;
import org.lowtide.cost.BrownOut;
import org.lowtide.cost.ChangeCost;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.ErrorBudget;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.RevenueCurve;
import org.lowtide.cost.ScenarioResult;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.service.Cancellation;
import org.lowtide.service.CostRequest;
import org.lowtide.service.CostResult;
import org.lowtide.service.CostService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportWarning;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowtide cost FILE}: what a minute of downtime costs at every hour, and what a change risks. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Revenue per minute over the week, the cost of a change at its best, median and worst start, "
                + "k/h scenarios and the error budget.")
final class CostCommand implements Callable<Integer> {

    private final CostService costs;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Traffic CSV: a timestamp column and a value column.")
    private Path file;

    @Mixin
    private ImportOptionsMixin importOptions;

    @Mixin
    private CostOptionsMixin costOptions;

    @Option(names = "--scenario", paramLabel = "FILE.json", description = "k/h scenarios and lever effects (README).")
    private Path scenarioFile;

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "" + CostAnalysis.DEFAULT_SIMULATIONS,
            description = "Changes simulated per start time. Default: ${DEFAULT-VALUE}.")
    private int simulations;

    @Option(names = "--seed", paramLabel = "N", description = "Monte Carlo seed. Default: a fixed seed.")
    private Long seed;

    @Option(names = "--json", description = "Print one JSON object (schema in the README) instead of a summary.")
    private boolean json;

    CostCommand(CostService costs) {
        this.costs = costs;
    }

    @Override
    public Integer call() throws Exception {
        java.util.Optional<String> badSimulations = org.lowtide.cost.CostLimits.simulations("--simulations", simulations);
        if (badSimulations.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), badSimulations.get());
        }
        TrafficSource source = importOptions.source(file, spec);
        CostAssumptions assumptions = costOptions.toAssumptions(spec, java.util.Optional.of(source),
                importOptions.toOptions(file));
        ScenarioSet scenarios = scenarioFile == null ? ScenarioSet.defaults() : CostService.readScenarios(scenarioFile);
        CostRequest request = new CostRequest(source, importOptions.toOptions(file), assumptions,
                scenarios, simulations, seed == null ? CostAnalysis.DEFAULT_SEED : seed);
        // One analysis serves the recommendation and the costs (the traffic is read once), as for analyze.
        org.lowtide.service.AnalysisService analysis = new org.lowtide.service.AnalysisService();
        java.util.Optional<org.lowtide.service.RecommendationService.Recommended> both = recommend(analysis, request,
                assumptions);
        java.util.Optional<org.lowtide.planning.Recommendation> recommendation = both.flatMap(
                org.lowtide.service.RecommendationService.Recommended::recommendation);
        // The analysis's own traffic unless it had to make it coarser (costs keep the file's resolution).
        java.util.Optional<org.lowtide.traffic.imports.ImportResult> imported = both
                .map(org.lowtide.service.RecommendationService.Recommended::analysis)
                .filter(a -> a.coarserNote().isEmpty()).map(org.lowtide.service.AnalysisResult::imported);
        CostResult result = LowtideCli.dataStep(source.displayName(), () -> imported.isPresent()
                ? costs.cost(request, imported.get(), ProgressListener.NONE, Cancellation.NEVER)
                : costs.cost(request, ProgressListener.NONE, Cancellation.NEVER));
        List<String> extra = new java.util.ArrayList<>();
        importOptions.zoneWarning(file).ifPresent(extra::add);
        // The recommendation's own warnings (it rests on coarser totals, ...), each said once.
        recommendation.ifPresent(r -> r.warnings().stream()
                .filter(w -> !extra.contains(w) && !result.report().notes().contains(w)).forEach(extra::add));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = (ObjectNode) new ObjectMapper().readTree(RiskJson.withRisk(toJson(result), costOptions.learned));
            recommendation.ifPresent(r -> RecommendationOutput.addJson(root, r));
            RecommendationOutput.addWarnings(root, extra);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(CliJson.finite(root)));
        } else {
            RiskJson.print(costOptions.learned, out);
            printSummary(result, recommendation, extra, out);
        }
        return LowtideCli.EXIT_OK;
    }

    /**
     * The analysis of this file and the recommended window planned on it with this cost model, as
     * {@code plan} makes it with the defaults; empty when the data cannot be analysed (the cost
     * step then reads the file and says why).
     */
    private static java.util.Optional<org.lowtide.service.RecommendationService.Recommended> recommend(
            org.lowtide.service.AnalysisService analysis, CostRequest request, CostAssumptions assumptions)
            throws Exception {
        org.lowtide.service.AnalysisRequest asked = new org.lowtide.service.AnalysisRequest(request.source(),
                request.options(), org.lowtide.service.AnalysisRequest.DEFAULT_WINDOW,
                org.lowtide.service.AnalysisRequest.DEFAULT_TROUGHS).withForecastWeeks(0);
        try {
            return java.util.Optional.of(new org.lowtide.service.RecommendationService(
                    new org.lowtide.service.PlanService(analysis), java.time.Clock.systemUTC()).analyzeAndRecommend(
                    analysis, asked, java.util.Optional.of(assumptions), ProgressListener.NONE, Cancellation.NEVER));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // not analysable: the cost step reads the file and says why
        }
    }

    static String toJson(CostResult result) throws Exception {
        CostReport report = result.report();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("currency", report.currency().getCurrencyCode());
        root.put("zone", report.curve().slots().zone().getId());
        RevenueCurve curve = report.curve();
        double[] mmm = curve.minMedianMax();
        ObjectNode perMinute = root.putObject("perMinute");
        perMinute.put("min", mmm[0]);
        perMinute.put("median", mmm[1]);
        perMinute.put("max", mmm[2]);
        perMinute.put("average", curve.averagePerMinute());
        perMinute.put("slot", curve.slots().slot().toString());
        ArrayNode week = perMinute.putArray("week");
        for (double v : curve.perMinute()) {
            week.add(v);
        }
        ObjectNode change = root.putObject("change");
        change.put("simulations", report.best().estimate().simulations());
        change.put("seed", report.seed());
        change.set("best", changeJson(mapper, report.best()));
        change.set("median", changeJson(mapper, report.median()));
        change.set("worst", changeJson(mapper, report.worst()));
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult s : report.scenarios()) {
            ObjectNode n = scenarios.addObject();
            n.put("name", s.name());
            ArrayNode levers = n.putArray("levers");
            s.levers().forEach(levers::add);
            n.put("changesPerYear", s.changesPerYear());
            n.put("innovationPerChange", s.innovationPerChange());
            n.put("innovationPerYear", s.innovationPerYear());
            n.put("changeFailureRate", s.changeFailureRate());
            n.put("detectMinutes", s.detectMinutes());
            n.put("restoreMeanMinutes", s.restoreMeanMinutes());
            n.put("impact", s.impact());
            n.put("downtimePerChangeMinutes", s.downtimePerChangeMinutes());
            n.put("downtimeMinutesPerYear", s.downtimeMinutesPerYear());
            n.put("costPerChange", s.costPerChange());
            n.put("downtimeCostPerYear", s.downtimeCostPerYear());
            n.put("costPerChangeInTrough", s.costPerChangeInTrough());
            n.put("troughSavingsPerYear", s.troughSavingsPerYear());
        }
        ErrorBudget b = report.errorBudget();
        ObjectNode budget = root.putObject("errorBudget");
        budget.put("slo", b.sloPercent());
        budget.put("allowedMinutesPer30Days", b.allowedMinutesPer30Days());
        budget.put("allowedMinutesPerQuarter", b.allowedMinutesPerQuarter());
        budget.put("changesPer30Days", b.changesPer30Days());
        budget.put("incidentMinutesPer30Days", b.incidentMinutesPer30Days());
        budget.put("plannedMinutesPer30Days", b.plannedMinutesPer30Days());
        budget.put("plannedCounts", b.plannedCounts());
        budget.put("consumedShare", b.consumedShare());
        if (b.changesPer30DaysThatFit().isPresent()) {
            budget.put("changesPer30DaysThatFit", b.changesPer30DaysThatFit().getAsDouble());
        } else {
            budget.putNull("changesPer30DaysThatFit");
        }
        BrownOut brown = report.brownOut();
        ObjectNode brownOut = root.putObject("brownOut");
        brownOut.put("extraLatencyMs", brown.extraLatencyMs());
        brownOut.put("lossFraction", brown.lossFraction());
        brownOut.put("hourDownAtMedian", brown.hourDownAtMedian());
        brownOut.put("hourSlowAtMedian", brown.hourSlowAtMedian());
        brownOut.put("hourDownAtPeak", brown.hourDownAtPeak());
        brownOut.put("hourSlowAtPeak", brown.hourSlowAtPeak());
        ArrayNode assumptions = root.putArray("assumptions");
        for (Assumption<?> a : report.assumptions().all()) {
            ObjectNode n = assumptions.addObject();
            n.put("name", a.key());
            n.put("label", a.label());
            Object value = a.value();
            if (value instanceof Double) {
                n.put("value", (Double) value);
            } else if (value instanceof Boolean) {
                n.put("value", (Boolean) value);
            } else if (value instanceof Currency) {
                n.put("value", ((Currency) value).getCurrencyCode());
            } else {
                n.put("value", String.valueOf(value));
            }
            n.put("unit", a.unit());
            n.put("source", a.source().describe());
            n.put("sourceKind", a.source().kind().name());
        }
        CliJson.addWarnings(root, result.imported().warnings(), report.notes());
        return mapper.writeValueAsString(CliJson.finite(root));
    }

    private static ObjectNode changeJson(ObjectMapper mapper, ChangeCost c) {
        ObjectNode n = mapper.createObjectNode();
        CostEstimate e = c.estimate();
        n.put("start", c.start());
        n.put("dayOfWeek", c.day().name());
        n.put("time", c.start().substring(c.start().indexOf(' ') + 1));
        n.put("mean", e.mean());
        n.put("p50", e.p50());
        n.put("p90", e.p90());
        n.put("p99", e.p99());
        n.put("standardError", e.standardError());
        n.put("exactMean", e.exactMean());
        n.put("failureProbability", e.failureProbability());
        return n;
    }

    private static void printSummary(CostResult result,
                                     java.util.Optional<org.lowtide.planning.Recommendation> recommendation,
                                     List<String> extraWarnings, PrintWriter out) {
        CostReport r = result.report();
        CostAssumptions a = r.assumptions();
        Currency currency = r.currency();
        RevenueCurve curve = r.curve();
        double[] perMinute = curve.perMinute();
        int low = 0;
        int high = 0;
        for (int s = 0; s < perMinute.length; s++) {
            low = perMinute[s] < perMinute[low] ? s : low;
            high = perMinute[s] > perMinute[high] ? s : high;
        }
        double[] mmm = curve.minMedianMax();
        out.printf(Locale.ROOT, "%s in %s: revenue %s (%s)%n", result.imported().source().name(),
                curve.slots().zone().getId(), shown(a.revenue().value(), currency), a.revenue().source().describe());
        out.printf(Locale.ROOT, "Revenue per minute: lowest %s (%s), median %s, highest %s (%s)%n",
                money(mmm[0], currency), at(curve, low), money(mmm[1], currency), money(mmm[2], currency),
                at(curve, high));
        recommendation.ifPresent(rec -> RecommendationOutput.print(rec, out));
        out.printf(Locale.ROOT, "A change (fails %.1f %% of the time; detect %s, restore median %s, p90 %s; %.0f %% of "
                        + "users affected) going live at one minute costs on average (the cheapest, median and "
                        + "dearest start minute of the week, money alone, not a window):%n", a.changeFailureRate().value() * 100,
                words(a.detect().value()), words(a.restoreMedian().value()), words(a.restoreP90().value()),
                a.impact().value() * 100);
        row(out, "best start", r.best(), currency);
        row(out, "median start", r.median(), currency);
        row(out, "worst start", r.worst(), currency);
        out.printf(Locale.ROOT, "  (%,d simulated changes per start; p50/p90/p99 include the changes that do not fail: "
                + "p90 is the cost 9 in 10 changes stay under, p99 99 in 100)%n",
                r.best().estimate().simulations());
        out.println("k/h scenarios, per year (cost per change at a random business-hours start):");
        out.printf(Locale.ROOT, "  %-22s %9s %11s %9s %13s %14s %16s %18s%n", "scenario", "changes", "innovation",
                "h (min)", "downtime min", "cost/change", "downtime cost", "saved by troughs");
        for (ScenarioResult s : r.scenarios()) {
            out.printf(Locale.ROOT, "  %-22s %,9.0f %,11.1f %9.2f %,13.0f %14s %16s %18s%n", s.name(), s.changesPerYear(),
                    s.innovationPerYear(), s.downtimePerChangeMinutes(), s.downtimeMinutesPerYear(),
                    money(s.costPerChange(), currency), money(s.downtimeCostPerYear(), currency),
                    money(s.troughSavingsPerYear(), currency));
        }
        ErrorBudget b = r.errorBudget();
        out.printf(Locale.ROOT, "Error budget (SLO %s %%): %.1f minutes per 30 days, %.1f per quarter; %,.1f changes per "
                        + "30 days use %.0f %% of it (%.1f incident minutes%s)%s%n", stripZeros(b.sloPercent()),
                b.allowedMinutesPer30Days(), b.allowedMinutesPerQuarter(), b.changesPer30Days(), b.consumedShare() * 100,
                b.incidentMinutesPer30Days(), b.plannedCounts() ? String.format(Locale.ROOT, " + %.1f planned",
                        b.plannedMinutesPer30Days()) : "",
                b.changesPer30DaysThatFit().isPresent() ? String.format(Locale.ROOT, "; %,.0f changes per 30 days fit",
                        b.changesPer30DaysThatFit().getAsDouble()) : "");
        if (b.consumedShare() > 1) {
            out.printf(Locale.ROOT, "  Over budget: at %,.0f changes a year, %.0f %% of them failing and %s restores, "
                            + "failed changes alone would use %.1f times what the SLO allows; give your own "
                            + "--changes-per-year, --change-failure-rate and restore times, or lower them.%n",
                    a.changesPerYear().value(), a.changeFailureRate().value() * 100, words(a.restoreMedian().value()),
                    b.consumedShare());
        }
        BrownOut brown = r.brownOut();
        out.printf(Locale.ROOT, "Brown-out: an hour %.0f ms slower loses %.1f %% of revenue: %s at the median hour "
                        + "(an hour down: %s), %s at the peak (down: %s)%n", brown.extraLatencyMs(),
                brown.lossFraction() * 100, money(brown.hourSlowAtMedian(), currency),
                money(brown.hourDownAtMedian(), currency), money(brown.hourSlowAtPeak(), currency),
                money(brown.hourDownAtPeak(), currency));
        out.println("Assumptions:");
        for (Assumption<?> as : a.all()) {
            out.printf(Locale.ROOT, "  %-49s %-32s %s%n", as.label(), shown(as.value(), currency),
                    as.source().describe());
        }
        List<ImportWarning> warnings = result.imported().warnings();
        if (!warnings.isEmpty() || !r.notes().isEmpty()) {
            out.println("Warnings:");
            warnings.forEach(w -> out.println("  " + w));
            r.notes().forEach(n -> out.println("  " + n));
            extraWarnings.forEach(n -> out.println("  " + n));
        } else if (!extraWarnings.isEmpty()) {
            out.println("Warnings:");
            extraWarnings.forEach(n -> out.println("  " + n));
        }
    }

    private static void row(PrintWriter out, String label, ChangeCost c, Currency currency) {
        CostEstimate e = c.estimate();
        String day = c.day().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        out.printf(Locale.ROOT, "  %-13s %-16s mean %s  p50 %s  p90 %s  p99 %s  (closed form %s)%n", label,
                day + c.start().substring(c.start().indexOf(' ')),
                money(e.mean(), currency), money(e.p50(), currency), money(e.p90(), currency), money(e.p99(), currency),
                money(e.exactMean(), currency));
    }

    private static String at(RevenueCurve curve, int slot) {
        String time = curve.slots().timeOf(slot).toString();
        String day = curve.slots().dayOf(slot).name();
        return day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT) + " " + time;
    }

    static String money(double amount, Currency currency) {
        // As the GUI and the report write money: cents only where they mean something (under 10).
        return org.lowtide.report.Texts.money(amount, currency.getCurrencyCode());
    }

    private static String shown(Object value, Currency currency) {
        if (value instanceof RevenueBasis.Amount) {
            RevenueBasis.Amount amount = (RevenueBasis.Amount) value;
            return money(amount.amount(), currency) + " per " + amount.period().name().toLowerCase(Locale.ROOT)
                    + (amount.spreadByTraffic() ? ", spread by traffic" : ", flat");
        }
        if (value instanceof Double) {
            return stripZeros((Double) value);
        }
        if (value instanceof Duration) {
            return words((Duration) value);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "yes" : "no";
        }
        return String.valueOf(value);
    }

    private static String stripZeros(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** "45 min", "2 h", "1 h 30 min", "0 min". */
    static String words(Duration d) {
        long minutes = d.toMinutes();
        long seconds = d.toSecondsPart();
        if (minutes == 0 && seconds > 0) {
            return seconds + " s";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
    }
}
