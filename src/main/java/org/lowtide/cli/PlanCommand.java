package org.lowtide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostEstimate;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Plan;
import org.lowtide.planning.TrafficOutlook;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.Rejection;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanFileService;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TimeFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lowtide plan FILE}: dated, ranked change windows under constraints, and their exports. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan dated change windows over a horizon under staff hours, blackouts and holidays.")
final class PlanCommand implements Callable<Integer> {

    private static final DateTimeFormatter DAY_TIME = TimeFormats.DAY_TIME;
    private static final DateTimeFormatter HM = TimeFormats.HM;

    private final PlanService plans;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Traffic CSV: a timestamp column and a value column.")
    private Path file;

    @Mixin
    private ImportOptionsMixin importOptions;

    @Mixin
    private CostOptionsMixin costOptions;

    @Option(names = "--by-traffic",
            description = "Rank windows by the traffic at stake instead of the expected cost of a change in money.")
    private boolean byTraffic;

    @Mixin
    private PlanOptionsMixin planOptions;

    @Option(names = "--json", description = "Print one JSON object (schema in the README).")
    private boolean json;

    @Option(names = "--ics", paramLabel = "OUT", description = "Write the windows and the weekly rule as an iCalendar file.")
    private Path ics;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the dated windows as CSV.")
    private Path csv;

    @Option(names = "--export", paramLabel = "TOOL",
            description = "Print the weekly rule for a tool: aws, rrule, argocd, gitlab, kured.")
    private String export;

    @Option(names = "--save", paramLabel = "PLAN", description = "Save the plan as a project file (.lowtide).")
    private Path save;

    @Mixin
    private OutputOptionsMixin output;

    PlanCommand(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public Integer call() throws Exception {
        OutputOptionsMixin.check(ics, output.ics());
        OutputOptionsMixin.check(csv, output.scheduleCsv());
        if (save != null) {
            plans.checkSaveTarget(save, output.force);
        }
        ZoneId zone = planOptions.planZone(importOptions.toOptions(file).zone());
        TrafficSource source = importOptions.source(file, spec);
        CostAssumptions assumptions = costOptions.toAssumptions(spec, Optional.of(source),
                importOptions.toOptions(file));
        WindowRequest request;
        PlanRules rules;
        try {
            request = planOptions.request(zone, assumptions.detect().value().plus(assumptions.restoreP90().value()));
            rules = planOptions.rules(assumptions.nightHours().value());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Optional<ScheduleExports.Target> target = Optional.ofNullable(export)
                .map(name -> PlanOptionsMixin.exportTarget(name, spec));
        PlanOptionsMixin.checkHolidays(planOptions.holidayCalendar(), spec, "");
        AnalysisRequest analysis = new AnalysisRequest(source, importOptions.toOptions(file),
                request.duration(), AnalysisRequest.DEFAULT_TROUGHS);
        PlanResult result;
        try {
            result = plans.plan(new PlanRequest(analysis, request, planOptions.holidayCalendar(),
                    byTraffic ? Optional.empty() : Optional.of(assumptions), rules), ProgressListener.NONE,
                    Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            // the options were checked above: what fails now is the data (DESIGN §6: exit 4, no usage text)
            spec.commandLine().getErr().println("lowtide: " + source.displayName() + ": " + e.getMessage());
            return LowtideCli.EXIT_BAD_INPUT;
        }
        Plan plan = result.plan();
        try (var t = org.lowtide.service.Timings.phase("output")) {
            return write(result, plan, target);
        }
    }

    private Integer write(PlanResult result, Plan plan, Optional<ScheduleExports.Target> target) throws Exception {
        if (ics != null) {
            PlanFileService.export(plan, PlanFileService.Export.ICS, ics, output.ics());
        }
        if (csv != null) {
            PlanFileService.export(plan, PlanFileService.Export.CSV, csv, output.scheduleCsv());
        }
        if (save != null) {
            plans.save(result, save, output.force);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (target.isPresent()) {
            RecurringWindow rule = plan.recurring().orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no weekly window fits the constraints; nothing to export"));
            out.print(PlanFileService.snippet(target.get(), rule));
        } else {
            org.lowtide.planning.Recommendation recommendation =
                    org.lowtide.service.RecommendationService.of(result);
            java.util.List<String> warnings = new java.util.ArrayList<>(recommendation.warnings());
            importOptions.zoneWarning(file).ifPresent(warnings::add);
            if (json) {
                ObjectNode root = (ObjectNode) new ObjectMapper().readTree(toJson(result));
                RecommendationOutput.addJson(root, recommendation);
                RecommendationOutput.addWarnings(root, warnings);
                ObjectNode withRisk = (ObjectNode) new ObjectMapper().readTree(RiskJson.withRisk(
                        new ObjectMapper().writeValueAsString(root), costOptions.learned));
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(CliJson.finite(withRisk)));
            } else {
                RiskJson.print(costOptions.learned, out);
                printSummary(result, out);
                RecommendationOutput.print(recommendation, out);
                warnings.removeAll(result.analysis().notes()); // printed above as "Warning: …"
                if (!warnings.isEmpty()) {
                    out.println("Warnings:");
                    warnings.forEach(w -> out.println("  " + w));
                }
            }
        }
        return LowtideCli.EXIT_OK;
    }

    static String toJson(PlanResult result) throws IOException {
        Plan plan = result.plan();
        ZoneId zone = plan.request().constraints().zone();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("zone", zone.getId());
        root.put("trafficZone", result.request().analysis().options().zone().getId());
        root.put("unit", plan.unit());
        ObjectNode horizon = root.putObject("horizon");
        horizon.put("from", plan.request().from().toString());
        horizon.put("to", plan.request().to().toString());
        horizon.put("candidates", plan.candidates());
        horizon.put("allowed", plan.allowed());
        boolean money = result.cost().isPresent();
        double changesPerYear = result.cost().map(c -> c.assumptions().changesPerYear().value()).orElse(Double.NaN);
        if (money) {
            root.put("currency", plan.unit());
        }
        ArrayNode windows = root.putArray("windows");
        for (ChangeWindow w : plan.windows()) {
            ObjectNode n = windows.addObject();
            n.put("rank", w.rank());
            w.change().ifPresent(name -> n.put("change", name));
            n.put("start", w.window().start().atZone(zone).toOffsetDateTime().toString());
            n.put("end", w.window().end().atZone(zone).toOffsetDateTime().toString());
            n.put("startUtc", w.window().start().toString());
            n.put("endUtc", w.window().end().toString());
            n.put("rollbackUntil", w.tailEnd().atZone(zone).toOffsetDateTime().toString());
            n.put("latestSafeStart", w.latestSafeStart().atZone(zone).toOffsetDateTime().toString());
            if (money) {
                n.put("expectedTraffic", result.traffic().trafficOver(w.window()));
                CostEstimate c = result.windowCosts().get(w.rank());
                ObjectNode cost = n.putObject("cost");
                cost.put("mean", c.mean());
                cost.put("p50", c.p50());
                cost.put("p90", c.p90());
                cost.put("p99", c.p99());
                cost.put("exactMean", c.exactMean());
                cost.put("standardError", c.standardError());
                cost.put("failureProbability", c.failureProbability());
                cost.put("simulations", c.simulations());
                n.put("expectedCost", w.expected());
                n.put("costIfTrafficAtP90", w.upper());
                n.put("savingsVsMedianSlot", w.savingsVsMedian());
                n.put("savingsPerYearVsMedianSlot", w.savingsVsMedian() * changesPerYear);
            } else {
                n.put("expectedTraffic", w.expected());
                n.put("p90Traffic", w.upper());
                n.put("savingsVsMedianSlot", w.savingsVsMedian());
            }
            n.put("trafficFrom", result.traffic().forecastAt(w.window().start()) ? "forecast" : "profile");
            ArrayNode reasons = n.putArray("reasons");
            w.reasons().forEach(reasons::add);
        }
        root.set("trafficOutlook", outlookJson(root, result));
        root.put("medianSlot", plan.medianCandidate());
        if (plan.habit().isPresent()) {
            ObjectNode h = root.putObject("habit");
            h.put("slot", plan.request().habit().map(Object::toString).orElse(""));
            h.put(money ? "expectedCost" : "expectedTraffic", plan.habit().getAsDouble());
            if (money && !plan.windows().isEmpty()) {
                double saving = plan.habit().getAsDouble() - plan.windows().get(0).expected();
                h.put("savingsPerChange", saving);
                h.put("savingsPerYear", saving * changesPerYear);
            }
        }
        plan.recurring().ifPresent(rule -> {
            ObjectNode r = root.putObject("recurring");
            r.put("rule", PlanFileService.describe(rule));
            r.put("dayOfWeek", rule.day().name());
            r.put("start", HM.format(rule.start()));
            r.put("end", HM.format(rule.start().plus(rule.duration())));
            r.put(money ? "expectedCost" : "expectedTraffic", rule.expected());
            ArrayNode occ = r.putArray("occurrences");
            for (RecurringWindow.Occurrence o : rule.occurrences()) {
                ObjectNode n = occ.addObject();
                n.put("start", o.start().toOffsetDateTime().toString());
                n.put("end", o.end().toOffsetDateTime().toString());
                n.put("startUtc", o.start().toInstant().toString());
                ArrayNode flags = n.putArray("flags");
                o.flags().forEach(flags::add);
            }
        });
        ArrayNode rejected = root.putArray("rejected");
        for (Rejection x : plan.rejections()) {
            ObjectNode n = rejected.addObject();
            n.put("start", x.window().start().atZone(zone).toOffsetDateTime().toString());
            n.put("end", x.window().end().atZone(zone).toOffsetDateTime().toString());
            n.put(money ? "expectedCost" : "expectedTraffic", x.expected());
            n.put("reason", x.reason());
        }
        ObjectNode assumptions = root.putObject("assumptions");
        assumptions.put("duration", plan.request().duration().toString());
        assumptions.put("rollbackTail", plan.request().rollbackTail().toString());
        assumptions.put("minGap", plan.request().minGap().toString());
        ArrayNode allowedHours = assumptions.putArray("allowed");
        plan.request().constraints().allowed().forEach(a -> allowedHours.add(a.toString()));
        ArrayNode freezes = assumptions.putArray("blackouts");
        plan.request().constraints().blackouts().forEach(b -> freezes.addObject()
                .put("start", b.interval().start().toString()).put("end", b.interval().end().toString())
                .put("reason", b.reason()));
        ArrayNode holidays = assumptions.putArray("holidays");
        plan.request().constraints().holidays().forEach(h -> holidays.addObject()
                .put("date", h.date().toString()).put("name", h.name()));
        assumptions.put("holidaysAs", plan.request().constraints().holidayPolicy().name().toLowerCase(Locale.ROOT));
        PlanRules rules = result.request().rules();
        rules.staffCost().ifPresent(staff -> assumptions.putObject("staffCost").put("perHour", staff.perHour())
                .put("nightPremium", staff.nightPremium())
                .put("nightHours", staff.nightFrom() + "-" + staff.nightTo()));
        rules.maxP90Share().ifPresent(share -> assumptions.put("maxP90Share", share));
        rules.per().ifPresent(per -> assumptions.put("countPer", per.name().toLowerCase(Locale.ROOT)));
        if (!rules.changes().isEmpty()) {
            ArrayNode changes = assumptions.putArray("changes");
            rules.changes().forEach(ch -> changes.addObject().put("name", ch.name())
                    .put("duration", ch.duration().toString())
                    .put("placed", plan.windows().stream().anyMatch(w -> w.change().equals(Optional.of(ch.name())))));
        }
        result.cost().ifPresent(c -> {
            ArrayNode costs = assumptions.putArray("cost");
            for (org.lowtide.cost.Assumption<?> a : c.assumptions().all()) {
                costs.addObject().put("name", a.key()).put("label", a.label()).put("value", String.valueOf(a.value()))
                        .put("unit", a.unit()).put("source", a.source().describe())
                        .put("sourceKind", a.source().kind().name());
            }
        });
        // What the analysis behind the plan warns of (thin evidence, short history), as analyze does.
        CliJson.addWarnings(root, java.util.List.of(), result.analysis().notes());
        return mapper.writeValueAsString(CliJson.finite(root));
    }

    /** What the ranking's traffic stands on: the forecast, the weekly profile or both, and why. */
    private static ObjectNode outlookJson(ObjectNode root, PlanResult result) {
        TrafficOutlook t = result.traffic();
        ObjectNode node = root.objectNode();
        node.put("asked", t.choice().id());
        Plan plan = result.plan();
        ZoneId zone = plan.request().constraints().zone();
        Instant horizonEnd = plan.request().to().plusDays(1).atStartOfDay(zone).toInstant();
        boolean all = t.forecastFrom() == 0 && !t.traffic().timeAt(t.forecastTo()).isBefore(horizonEnd);
        node.put("used", !t.usesForecast() ? "profile" : all ? "forecast" : "forecast and profile");
        t.forecastSpan().ifPresent(span -> {
            node.put("forecastFrom", span.start().atZone(zone).toOffsetDateTime().toString());
            node.put("forecastTo", span.end().atZone(zone).toOffsetDateTime().toString());
        });
        result.analysis().patterns().flatMap(org.lowtide.analysis.Patterns::forecast)
                .flatMap(org.lowtide.analysis.Forecast::backtest).ifPresent(b -> {
                    ObjectNode bt = node.putObject("backtest");
                    bt.put("mase", b.mase());
                    if (!Double.isNaN(b.profileMase())) {
                        bt.put("weeklyProfileMase", b.profileMase());
                    }
                    bt.put("seasonalNaiveMase", b.naiveMase());
                });
        node.put("note", t.note());
        return node;
    }

    private static void printSummary(PlanResult result, PrintWriter out) {
        Plan plan = result.plan();
        ZoneId zone = plan.request().constraints().zone();
        out.printf(Locale.ROOT, "%s change windows (with a %s rollback tail) from %s to %s, %s:%n",
                AnalyzeCommand.adjective(plan.request().duration()),
                AnalyzeCommand.adjective(plan.request().rollbackTail()), plan.request().from(), plan.request().to(),
                zone.getId());
        out.println("Traffic: " + result.traffic().note() + ".");
        result.analysis().notes().forEach(n -> out.println("Warning: " + n));
        if (plan.windows().isEmpty()) {
            out.println("  none: no candidate window meets every constraint.");
        }
        String unit = plan.unit().isEmpty() ? "" : " " + plan.unit();
        for (ChangeWindow w : plan.windows()) {
            w.change().ifPresent(name -> out.printf(Locale.ROOT, "  %s:%n", name));
            CostEstimate c = result.windowCosts().get(w.rank());
            if (c != null) {
                out.printf(Locale.ROOT, "  %d. %s–%s  a change costs %,.0f%s on average (p90 %,.0f, p99 %,.0f), "
                        + "%,.0f less than in the median slot%n", w.rank(), DAY_TIME.format(w.window().start().atZone(zone)),
                        HM.format(w.window().end().atZone(zone)), c.mean(), unit, c.p90(), c.p99(), w.savingsVsMedian());
            } else {
                out.printf(Locale.ROOT, "  %d. %s–%s  expected %,.0f%s at stake (p90 %,.0f), %,.0f less than the median slot%n",
                        w.rank(), DAY_TIME.format(w.window().start().atZone(zone)), HM.format(w.window().end().atZone(zone)),
                        w.expected(), unit, w.upper(), w.savingsVsMedian());
            }
            out.printf(Locale.ROOT, "     latest safe start %s; %s%n", HM.format(w.latestSafeStart().atZone(zone)),
                    String.join("; ", w.reasons().subList(1, w.reasons().size())));
        }
        plan.recurring().ifPresent(r -> {
            out.println("Weekly rule: " + PlanFileService.describe(r));
            r.occurrences().stream().filter(o -> !o.flags().isEmpty()).forEach(o -> out.printf(Locale.ROOT,
                    "  %s: %s%n", DAY_TIME.format(o.start()), String.join("; ", o.flags())));
        });
        if (plan.habit().isPresent()) {
            out.printf(Locale.ROOT, "Your habit (%s) puts %,.0f%s at stake per change; the best window %,.0f%s.%n",
                    plan.request().habit().get(), plan.habit().getAsDouble(), unit,
                    plan.windows().isEmpty() ? Double.NaN : plan.windows().get(0).expected(), unit);
        }
        if (!plan.rejections().isEmpty()) {
            out.println("Ruled out although as quiet or quieter:");
            for (Rejection x : plan.rejections()) {
                out.printf(Locale.ROOT, "  %s–%s: %s%n", DAY_TIME.format(x.window().start().atZone(zone)),
                        HM.format(x.window().end().atZone(zone)), x.reason());
            }
        }
    }
}
