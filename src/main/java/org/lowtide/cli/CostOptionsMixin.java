package org.lowtide.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostLimits;
import org.lowtide.cost.HoursOfDay;
import org.lowtide.cost.IncidentMode;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.WeeklyHours;
import org.lowtide.risk.RiskEvidence;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RiskRequest;
import org.lowtide.service.RiskResult;
import org.lowtide.service.RiskService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The cost options of DESIGN §6 plus Lowtide's additions, shared by {@code cost} and (later)
 * {@code plan}. Every option left out keeps Lowtide's cited default.
 */
final class CostOptionsMixin {

    /** One way to give revenue. */
    static final class Revenue {
        @Option(names = "--revenue-per-year", paramLabel = "X", description = "Revenue per year.")
        Double perYear;

        @Option(names = "--revenue-per-month", paramLabel = "X", description = "Revenue per month.")
        Double perMonth;

        @Option(names = "--revenue-per-minute", paramLabel = "X", description = "Average revenue per minute.")
        Double perMinute;

        @Option(names = "--revenue-column", paramLabel = "NAME",
                description = "A column of the traffic file holding revenue per step (currency per row).")
        String column;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Revenue revenue;

    @Option(names = "--flat", description = "Every minute earns the same (do not spread revenue by traffic share).")
    boolean flat;

    @Option(names = "--currency", paramLabel = "CODE", converter = Converters.CurrencyCode.class,
            description = "ISO 4217 currency of every amount. Default: USD.")
    Currency currency;

    @Option(names = "--change-failure-rate", paramLabel = "F", description = "Share of changes that fail, 0..1. "
            + "Default 0.15 (DORA 2023, medium cluster).")
    Double changeFailureRate;

    @Option(names = "--detect", paramLabel = "DURATION", converter = Converters.NonNegativeDuration.class,
            description = "Time to detect a failure. Default PT5M.")
    Duration detect;

    @Option(names = "--mttr", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Median time to restore. Default PT45M.")
    Duration mttr;

    @Option(names = "--mttr-p90", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "90th percentile time to restore; equal to --mttr for a fixed time. Default PT2H "
                    + "(with --mttr alone: the default spread, 2.67 × the median).")
    Duration mttrP90;

    @Option(names = "--impact", paramLabel = "F", description = "Share of users a failure affects, 0..1. Default 1.")
    Double impact;

    @Option(names = "--recovered", paramLabel = "F",
            description = "Share of lost revenue recovered later, 0..1. Default 0.")
    Double recovered;

    @Option(names = "--slo", paramLabel = "PERCENT", description = "Availability objective, e.g. 99.95. Default 99.9.")
    Double slo;

    @Option(names = "--degraded", description = "Failures slow the service (a brown-out) instead of taking it down.")
    boolean degraded;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Extra latency of a brown-out. Default 150.")
    Double latencyMs;

    @Option(names = "--latency-elasticity", paramLabel = "F",
            description = "Share of revenue lost per 100 ms of latency. Default 0.01 (Linden, Amazon, 2006).")
    Double latencyElasticity;

    @Option(names = "--churn-per-hour", paramLabel = "N",
            description = "Customers who cancel per hour of full outage at average traffic. Default 0.")
    Double churnPerHour;

    @Option(names = "--clv", paramLabel = "X", description = "Customer lifetime value. Default 0.")
    Double customerLifetimeValue;

    @Option(names = "--sla-credit-per-incident", paramLabel = "X", description = "SLA credit per failure. Default 0.")
    Double slaCreditPerIncident;

    @Option(names = "--sla-credit-per-hour", paramLabel = "X", description = "SLA credit per incident hour. Default 0.")
    Double slaCreditPerHour;

    @Option(names = "--night-multiplier", paramLabel = "F",
            description = "Detection and restore take this much longer at night (≥ 1; 1 = off). Default 1.5.")
    Double nightMultiplier;

    @Option(names = "--night-hours", paramLabel = "HH:mm-HH:mm", description = "Local night hours. Default 22:00-07:00.")
    String nightHours;

    @Option(names = "--planned-downtime", paramLabel = "DURATION", converter = Converters.NonNegativeDuration.class,
            description = "Planned downtime of every change. Default PT0S.")
    Duration plannedDowntime;

    @Option(names = "--planned-counts", description = "Planned downtime counts against the error budget.")
    boolean plannedCounts;

    @Option(names = "--changes-per-year", paramLabel = "N", description = "Changes per year. Default 250.")
    Double changesPerYear;

    @Option(names = "--innovation-per-change", paramLabel = "K",
            description = "k: innovation value of one change, in your unit. Default 1.")
    Double innovationPerChange;

    @Option(names = "--business-hours", paramLabel = "DAYS HH:mm-HH:mm",
            description = "When changes go out today. Default \"Mon-Fri 09:00-17:00\".")
    String businessHours;

    // ---- Risk learned from the team's own history (issue #21); these options and methods stay together ----

    @Option(names = "--incidents", paramLabel = "FILE",
            description = "Learn the change failure rate, detection and restore times from an incident export "
                    + "(PagerDuty, Opsgenie, or a table start,end[,service][,cause]).")
    Path incidents;

    @Option(names = "--deploys", paramLabel = "FILE",
            description = "The changes behind the failure rate: a CSV of deploy times (optional service, outcome).")
    Path deploys;

    @Option(names = "--deploys-from-git", paramLabel = "DIR",
            description = "The changes from a git working copy: its tags, or else its merge commits (read with git).")
    Path deploysFromGit;

    @Option(names = "--risk-from-outages",
            description = "Take the outages found in the traffic as evidence of restore times.")
    boolean riskFromOutages;

    @Option(names = "--attribution-window", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "An incident that begins this long after a change is that change's failure. Default PT1H.")
    Duration attributionWindow;

    @Option(names = "--incident-service", paramLabel = "NAME",
            description = "Keep only this service's incidents and deploys. Default: all.")
    String incidentService;

    /** What was learned from history, once {@link #toAssumptions} ran with history options; else null. */
    RiskResult learned;

    /** @return whether any history option is given */
    boolean learnsRisk() {
        return incidents != null || deploys != null || deploysFromGit != null || riskFromOutages;
    }

    /**
     * The assumptions these options describe, starting from the risk learned from history when
     * {@code --incidents}, {@code --deploys}, {@code --deploys-from-git} or {@code --risk-from-outages}
     * is given; explicit options such as {@code --change-failure-rate} still win.
     *
     * @param traffic the traffic file, for {@code --risk-from-outages}; empty when there is none (a plan file)
     * @throws ImportException a history file cannot be read (exit 4, naming file, line, column)
     */
    CostAssumptions toAssumptions(CommandSpec spec, Optional<TrafficSource> traffic, ImportOptions importOptions)
            throws ImportException, IOException {
        if (!learnsRisk()) {
            return toAssumptions(spec, CostAssumptions.defaults());
        }
        if (deploys != null && deploysFromGit != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--deploys and --deploys-from-git: give the changes one way");
        }
        if (riskFromOutages && traffic.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--risk-from-outages needs a traffic file (a saved plan brings none here)");
        }
        RiskRequest request = new RiskRequest(Optional.ofNullable(incidents), Optional.ofNullable(deploys),
                Optional.ofNullable(deploysFromGit), riskFromOutages ? traffic : Optional.empty(), importOptions,
                Optional.ofNullable(incidentService),
                attributionWindow == null ? RiskEvidence.DEFAULT_WINDOW : attributionWindow, RiskRequest.DEFAULT_SEED);
        learned = new RiskService().learn(request, CostAssumptions.defaults(), ProgressListener.NONE,
                Cancellation.NEVER);
        return toAssumptions(spec, learned.assumptions());
    }

    // ---- end of issue #21's options ----

    /** The assumptions these options describe, from Lowtide's defaults (no history). */
    CostAssumptions toAssumptions(CommandSpec spec) {
        return toAssumptions(spec, CostAssumptions.defaults());
    }

    /**
     * The assumptions these options describe, on top of {@code defaults}.
     *
     * @throws CommandLine.ParameterException naming the option when a value is out of range (exit 2)
     */
    CostAssumptions toAssumptions(CommandSpec spec, CostAssumptions defaults) {
        CostAssumptions.Builder b = defaults.toBuilder();
        if (revenue != null) {
            if (revenue.column != null) {
                if (flat) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--flat applies to an amount of revenue, not to --revenue-column");
                }
                b.revenue(new RevenueBasis.Column(revenue.column));
            } else {
                RevenueBasis.Period period = revenue.perYear != null ? RevenueBasis.Period.YEAR
                        : revenue.perMonth != null ? RevenueBasis.Period.MONTH : RevenueBasis.Period.MINUTE;
                double amount = revenue.perYear != null ? revenue.perYear
                        : revenue.perMonth != null ? revenue.perMonth : revenue.perMinute;
                String option = "--revenue-per-" + period.name().toLowerCase(Locale.ROOT);
                check(spec, option, CostLimits.nonNegative("revenue", amount));
                b.revenue(new RevenueBasis.Amount(period, amount, !flat));
            }
        } else if (flat) {
            RevenueBasis.Amount d = (RevenueBasis.Amount) defaults.revenue().value();
            b.revenue(new RevenueBasis.Amount(d.period(), d.amount(), false), defaults.revenue().source());
        }
        if (currency != null) {
            b.currency(currency);
        }
        if (changeFailureRate != null) {
            check(spec, "--change-failure-rate", CostLimits.fraction("the change failure rate", changeFailureRate));
            b.changeFailureRate(changeFailureRate);
        }
        if (detect != null) {
            b.detect(detect);
        }
        Duration median = mttr != null ? mttr : defaults.restoreMedian().value();
        Duration p90 = mttrP90;
        if (mttr != null && p90 == null) {
            double ratio = defaults.restoreP90().value().toNanos() / (double) defaults.restoreMedian().value().toNanos();
            p90 = Duration.ofNanos(Math.round(mttr.toNanos() * ratio));
        }
        if (p90 != null) {
            check(spec, "--mttr-p90", CostLimits.p90NotBelowMedian(median, p90));
            b.restoreMedian(median).restoreP90(p90);
        }
        if (impact != null) {
            check(spec, "--impact", CostLimits.fraction("the impact (share of users affected)", impact));
            b.impact(impact);
        }
        if (recovered != null) {
            check(spec, "--recovered", CostLimits.fraction("the share of revenue recovered later", recovered));
            b.recovered(recovered);
        }
        if (slo != null) {
            check(spec, "--slo", CostLimits.slo(slo));
            b.sloPercent(slo);
        }
        if (degraded) {
            b.mode(IncidentMode.DEGRADED);
        }
        if (latencyMs != null) {
            check(spec, "--latency-ms", CostLimits.nonNegative("the extra latency", latencyMs));
            b.extraLatencyMs(latencyMs);
        }
        if (latencyElasticity != null) {
            check(spec, "--latency-elasticity", CostLimits.fraction("the latency elasticity", latencyElasticity));
            b.latencyElasticity(latencyElasticity);
        }
        if (churnPerHour != null) {
            check(spec, "--churn-per-hour", CostLimits.nonNegative("the customers cancelling per hour", churnPerHour));
            b.churnPerOutageHour(churnPerHour);
        }
        if (customerLifetimeValue != null) {
            check(spec, "--clv", CostLimits.nonNegative("the customer lifetime value", customerLifetimeValue));
            b.customerLifetimeValue(customerLifetimeValue);
        }
        if (slaCreditPerIncident != null) {
            check(spec, "--sla-credit-per-incident", CostLimits.nonNegative("the SLA credit", slaCreditPerIncident));
            b.slaCreditPerIncident(slaCreditPerIncident);
        }
        if (slaCreditPerHour != null) {
            check(spec, "--sla-credit-per-hour", CostLimits.nonNegative("the SLA credit", slaCreditPerHour));
            b.slaCreditPerHour(slaCreditPerHour);
        }
        if (nightMultiplier != null) {
            check(spec, "--night-multiplier", CostLimits.atLeastOne("the night multiplier", nightMultiplier));
            b.nightMultiplier(nightMultiplier);
        }
        if (nightHours != null) {
            b.nightHours(parse(spec, "--night-hours", () -> HoursOfDay.parse(nightHours)));
        }
        if (plannedDowntime != null) {
            b.plannedDowntime(plannedDowntime);
        }
        if (plannedCounts) {
            b.plannedCountsAgainstBudget(true);
        }
        if (changesPerYear != null) {
            check(spec, "--changes-per-year", CostLimits.nonNegative("the changes per year", changesPerYear));
            b.changesPerYear(changesPerYear);
        }
        if (innovationPerChange != null) {
            check(spec, "--innovation-per-change", CostLimits.nonNegative("the innovation per change",
                    innovationPerChange));
            b.innovationPerChange(innovationPerChange);
        }
        if (businessHours != null) {
            b.businessHours(parse(spec, "--business-hours", () -> WeeklyHours.parse(businessHours)));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static void check(CommandSpec spec, String option, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + problem.get());
        }
    }

    private static <T> T parse(CommandSpec spec, String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }
}
