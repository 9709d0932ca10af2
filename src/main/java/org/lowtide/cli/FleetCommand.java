package org.lowtide.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.fleet.Fleet;
import org.lowtide.fleet.FleetFileException;
import org.lowtide.fleet.FleetRules;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.Cancellation;
import org.lowtide.service.Exports;
import org.lowtide.service.FleetOutputs;
import org.lowtide.service.FleetRequest;
import org.lowtide.service.FleetResult;
import org.lowtide.service.FleetService;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lowtide fleet DIR|FILE|FLEET.yaml}: a window for every service of a fleet under the
 * fleet's rules, as a table (text, CSV, JSON), one calendar, enforcement exports per service and a
 * saved fleet plan for {@code gate --service}.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Plan a window for every service of a fleet: a folder of traffic files, a long-format CSV "
                + "(service,timestamp,value), a fleet file (YAML or JSON) with groups and rules, or a Prometheus query "
                + "returning one series per service (--prometheus URL --query PROMQL --service-label LABEL).")
final class FleetCommand implements Callable<Integer> {

    private final FleetService fleets;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FLEET", description = "A folder of traffic files, a long-format CSV or a "
            + "fleet file (.yaml, .yml, .json).")
    private Path input;

    /** The fleet from one Prometheus query, a series per service (instead of FLEET). */
    @Mixin
    private PrometheusOptionsMixin prometheusOptions;

    @Option(names = "--service-label", paramLabel = "LABEL",
            description = "With --prometheus: the label whose value names each service; each series the query returns"
                    + " is one service (e.g. job, service or app).")
    private String serviceLabel;

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Zone of services that name none (and of naive timestamps). Default: the system zone.")
    private ZoneId zone;

    @Option(names = "--step", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Grid step every service is read on, e.g. 5 min or 1h. Default: each file's own.")
    private Duration step;

    @Mixin
    private CostOptionsMixin costOptions;

    @Option(names = "--by-traffic", description = "Rank by the traffic at stake even when a revenue is given.")
    private boolean byTraffic;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "At most N services changing at once (on-call capacity); overrides the fleet file's.")
    private Integer maxConcurrent;

    @Option(names = "--min-gap", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Least time between two changes of one service (services may override). Default: 1 d.")
    private Duration minGap;

    @Option(names = "--blackout", paramLabel = "START/END",
            description = "A freeze for every service (repeatable): ISO dates or date-times, =REASON optional.")
    private List<String> blackouts = new ArrayList<>();

    @Option(names = "--holidays", paramLabel = "CC[-REGION]",
            description = "Holiday calendar (blackouts) for services without their own, e.g. DE or US-NY.")
    private String holidays;

    @Option(names = "--habit", paramLabel = "\"DAY HH:MM\"",
            description = "When the teams change today (e.g. \"Tue 14:00\"), for the savings column.")
    private String habit;

    @Option(names = "--candidates", paramLabel = "K", description = "Best windows kept per service for the fleet "
            + "optimiser (default " + FleetRequest.DEFAULT_CANDIDATES + ").")
    private int candidates = FleetRequest.DEFAULT_CANDIDATES;

    @Option(names = "--threads", paramLabel = "N", description = "Services analysed at once. Default: the cores.")
    private Integer threads;

    @Option(names = "--traffic-outlook", paramLabel = "auto|forecast|profile", defaultValue = "auto",
            description = "What every service is ranked on, as for plan: auto (the default, as `plan`), forecast, or "
                    + "profile (the weekly profile alone: no forecast, several times faster for large fleets).")
    private String trafficOutlook;

    @Option(names = "--json", description = "Print one JSON object (schema in the README).")
    private boolean json;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write the fleet table as CSV.")
    private Path csv;

    @Option(names = "--ics", paramLabel = "OUT", description = "Write one calendar with one event per service change.")
    private Path ics;

    @Option(names = "--save", paramLabel = "PLAN", description = "Save the fleet plan (JSON) for `gate --service`.")
    private Path save;

    @Option(names = "--export", paramLabel = "TOOL",
            description = "Write each service's weekly window for a tool (aws, rrule, argocd, gitlab, kured) into --export-dir.")
    private String export;

    @Option(names = "--export-dir", paramLabel = "DIR", description = "Folder of the per-service exports (default: .).")
    private Path exportDir;

    @Option(names = "--pdf", paramLabel = "OUT", description = "Write the fleet report: a summary page ranking services "
            + "by what is at stake, then one page per service.")
    private Path pdf;

    @Mixin
    private OutputOptionsMixin output;

    FleetCommand(FleetService fleets) {
        this.fleets = fleets;
    }

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } finally {
            // What a fleet kept on disk (a split CSV, fetched points) lives for this run only.
            if (read != null) {
                fleets.discard(read);
            }
        }
    }

    /** The fleet read, once read. */
    private Fleet read;

    private Integer run() throws Exception {
        OutputOptionsMixin.check(ics, output.ics());
        OutputOptionsMixin.check(csv, output.chartOrTable());
        OutputOptionsMixin.check(pdf, output.pdf());
        if (save != null) {
            FleetOutputs.checkSaveTarget(save, output.force);
        }
        if (maxConcurrent != null && maxConcurrent < 1) {
            throw new ParameterException(spec.commandLine(), "--max-concurrent takes a whole number ≥ 1, not "
                    + maxConcurrent);
        }
        Optional<ScheduleExports.Target> target = Optional.ofNullable(export)
                .map(name -> PlanOptionsMixin.exportTarget(name, spec));
        Optional<WindowRequest.Habit> habitSlot;
        try {
            habitSlot = Optional.ofNullable(habit).map(WindowRequest.Habit::parse);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--habit: " + e.getMessage());
        }
        PlanOptionsMixin.checkHolidays(Optional.ofNullable(holidays), spec, "--holidays: ");
        ZoneId z = zone == null ? ZoneId.systemDefault() : zone;
        List<Blackout> all;
        try {
            all = PlanOptionsMixin.blackouts(blackouts, z);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--blackout: " + e.getMessage());
        }
        CostAssumptions assumptions = costOptions.toAssumptions(spec);
        PrintWriter err = spec.commandLine().getErr();
        Optional<TrafficSource.Prometheus> prometheus = prometheusSource(z);
        Fleet fleet;
        try {
            if (prometheus.isPresent()) {
                fleet = fleets.readPrometheus(prometheus.get(), serviceLabel, ProgressListener.NONE,
                        Cancellation.NEVER);
            } else {
                fleet = fleets.read(input, z);
            }
            read = fleet;
            fleet = withOptions(fleet, all);
            for (var m : fleet.members()) {
                m.holidays().ifPresent(h -> PlanService.checkHolidayCalendar(Optional.of(h)));
            }
        } catch (FleetFileException e) {
            err.println("lowtide: " + e.getMessage());
            return LowtideCli.EXIT_BAD_INPUT;
        } catch (org.lowtide.traffic.imports.ImportException e) {
            err.println("lowtide: " + e.getMessage());
            return LowtideCli.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("lowtide: " + (input == null ? prometheus.get().displayName() : input.getFileName()) + ": "
                    + e.getMessage());
            return LowtideCli.EXIT_BAD_INPUT;
        }
        ImportOptions options = ImportOptions.inZone(z);
        if (step != null) {
            options = options.withStep(step);
        }
        if (prometheus.isPresent()) {
            options = FleetService.prometheusOptions(prometheus.get(), options);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        FleetRequest request;
        try {
            request = new FleetRequest(fleet, options, byTraffic ? Optional.empty() : Optional.of(assumptions), habitSlot,
                    candidates, n, org.lowtide.planning.OutlookChoice.parse(trafficOutlook));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ProgressListener progress = json ? ProgressListener.NONE : new ProgressListener() {
            private int lastTenth = -1;

            @Override
            public synchronized void progress(double fraction, String message) {
                int tenth = (int) (fraction * 10);
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    err.println(String.format(Locale.ROOT, "[%3.0f %%] %s", 100 * fraction, message));
                    err.flush();
                }
            }
        };
        FleetResult result = fleets.plan(request, progress, Cancellation.NEVER);
        if (csv != null) {
            Exports.writeString(csv, FleetOutputs.csv(result), output.chartOrTable());
        }
        if (ics != null) {
            Exports.writeString(ics, FleetOutputs.ics(result), output.ics());
        }
        if (save != null) {
            FleetOutputs.save(result, save, output.force);
        }
        if (target.isPresent()) {
            FleetOutputs.exports(result, target.get(), exportDir == null ? Path.of(".") : exportDir, output.force);
        }
        if (pdf != null) {
            fleets.report(result, pdf, output.force);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(FleetOutputs.jsonText(result));
        } else {
            printTable(result, out);
        }
        return result.failed() == result.outcomes().size() ? LowtideCli.EXIT_BAD_INPUT : LowtideCli.EXIT_OK;
    }

    /**
     * The Prometheus query the fleet is read from, or empty for a FLEET file or folder.
     *
     * @throws ParameterException when neither or both are given, or an option does not fit
     */
    private Optional<TrafficSource.Prometheus> prometheusSource(ZoneId z) throws java.io.IOException {
        picocli.CommandLine cli = spec.commandLine();
        if (!prometheusOptions.given()) {
            prometheusOptions.checkNoStray(cli);
            if (serviceLabel != null) {
                throw new ParameterException(cli, "--service-label only goes with --prometheus URL");
            }
            if (input == null) {
                throw new ParameterException(cli, "give a FLEET (a folder, a long-format CSV or a fleet file), or"
                        + " --prometheus URL --query PROMQL --service-label LABEL");
            }
            return Optional.empty();
        }
        if (input != null) {
            throw new ParameterException(cli, "give a FLEET or --prometheus URL, not both");
        }
        if (serviceLabel == null || serviceLabel.isBlank()) {
            throw new ParameterException(cli, "--prometheus needs --service-label LABEL: the label whose value names"
                    + " each service, e.g. --service-label job");
        }
        return Optional.of(prometheusOptions.source(spec, z, step));
    }

    private Fleet withOptions(Fleet fleet, List<Blackout> extra) {
        FleetRules r = fleet.rules();
        List<Blackout> bs = new ArrayList<>(r.blackouts());
        bs.addAll(extra);
        FleetRules rules = new FleetRules(maxConcurrent == null ? r.maxConcurrent() : OptionalInt.of(maxConcurrent),
                minGap == null ? r.minGap() : minGap, r.groups(), bs, r.holidays().or(() -> Optional.ofNullable(holidays)));
        return new Fleet(fleet.members(), rules, fleet.origin(), fleet.notes());
    }

    private static void printTable(FleetResult result, PrintWriter out) {
        List<FleetOutputs.Row> rows = FleetOutputs.rows(result);
        int w = Math.max(7, rows.stream().mapToInt(r -> r.service().length()).max().orElse(7));
        out.printf(Locale.ROOT, "%-" + w + "s  %-8s  %-40s  %-25s  %12s  %10s%n", "service", "status", "weekly window",
                "next window", "at stake", "vs own best");
        for (FleetOutputs.Row r : rows) {
            String next = r.next().map(i -> i.start().atZone(ZoneId.of(r.zone())).toLocalDateTime().toString()
                    .replace('T', ' ')).orElse("");
            String stake = r.atStake().isPresent() ? String.format(Locale.ROOT, "%.4g", r.atStake().getAsDouble()) : "";
            String gap = Double.isFinite(r.gap()) ? (Math.abs(r.gap()) < 1e-12 ? "own best"
                    : String.format(Locale.ROOT, "+%.3g", r.gap())) : "";
            out.printf(Locale.ROOT, "%-" + w + "s  %-8s  %-40s  %-25s  %12s  %10s%n", r.service(), r.status(),
                    abbreviate(r.weekly(), 40), next, stake, gap);
        }
        out.println();
        out.printf(Locale.ROOT, "Fleet: %d services, %d planned, %d failed, %d changes unplaced; total %.6g %s%n",
                rows.size(), rows.stream().filter(r -> r.status().equals("planned")).count(), result.failed(),
                result.solution().unplaced(), result.solution().totalCost(), result.costUnit());
        double own = result.problem().services().stream()
                .mapToDouble(org.lowtide.fleet.ServiceOptions::unconstrainedCost).sum();
        double gapTotal = result.solution().totalCost() - own;
        out.printf(Locale.ROOT, "Optimiser: %s; the services' own optima sum to %.6g (gap %.3g)%n",
                result.solution().method(), own, Math.abs(gapTotal) <= 1e-9 * Math.max(1, Math.abs(own)) ? 0 : gapTotal);
        List<String> moved = new ArrayList<>();
        for (FleetOutputs.Row r : rows) {
            if (!r.status().equals("planned") || Math.abs(r.gap()) > 1e-12) {
                moved.add("  " + r.service() + ": " + String.join("; ", r.reasons()));
            }
        }
        if (!moved.isEmpty()) {
            out.println("Moved by fleet rules, unplaced or failed:");
            moved.forEach(out::println);
        }
        if (!result.warnings().isEmpty()) {
            out.println("Warnings:");
            result.warnings().forEach(x -> out.println("  " + x));
        }
        out.printf(Locale.ROOT, "Took %.1f s on %d threads.%n", result.seconds(), result.threads());
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
