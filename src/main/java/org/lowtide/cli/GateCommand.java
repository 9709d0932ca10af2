package org.lowtide.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileException;
import org.lowtide.service.PlanService;
import org.lowtide.traffic.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lowtide gate PLAN [--at INSTANT]}: may we change now? Exit 0 inside a planned window
 * (a dated window or an occurrence of the weekly rule), 3 outside; prints the window or the next one.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Exit 0 inside a planned change window, 3 outside (for deploy pipelines).")
final class GateCommand implements Callable<Integer> {

    private final PlanService plans;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "A plan saved with `lowtide plan ... --save PLAN` "
            + "(or a fleet plan saved with `lowtide fleet ... --save PLAN`, with --service).")
    private Path planFile;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "The moment to ask about, ISO-8601 with offset or Z (2025-03-08T04:30:00+01:00). Default: now.")
    private String at;

    @Option(names = "--service", paramLabel = "NAME",
            description = "In a fleet plan: the service to ask about (its windows under the fleet's rules).")
    private String service;

    GateCommand(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public Integer call() throws Exception {
        Instant when = at == null ? Instant.now() : parse(at);
        if (service != null) {
            return fleetGate(when);
        }
        PlanDocument doc;
        try {
            doc = plans.open(planFile);
        } catch (PlanFileException e) {
            spec.commandLine().getErr().println("lowtide: " + e.getMessage());
            return LowtideCli.EXIT_BAD_INPUT;
        }
        ZoneId zone = doc.plan().request().constraints().zone();
        PlanDocument opened = doc;
        org.lowtide.service.PlanFileService.GateAnswer gate = LowtideCli.dataStep(planFile.getFileName().toString(),
                () -> org.lowtide.service.PlanFileService.gate(opened.plan(), when));
        PrintWriter out = spec.commandLine().getOut();
        Optional<Interval> inside = gate.inside();
        if (inside.isPresent()) {
            Interval w = inside.get();
            Duration left = Duration.between(when, w.end());
            out.printf("inside a planned window: %s – %s (%d min left)%n", w.start().atZone(zone).toOffsetDateTime(),
                    w.end().atZone(zone).toOffsetDateTime(), left.toMinutes());
            return LowtideCli.EXIT_OK;
        }
        Optional<Interval> next = gate.next();
        if (next.isPresent()) {
            out.printf("outside every planned window; next: %s – %s (in %s)%n",
                    next.get().start().atZone(zone).toOffsetDateTime(), next.get().end().atZone(zone).toOffsetDateTime(),
                    humanWait(Duration.between(when, next.get().start())));
        } else {
            out.println("outside every planned window; the plan has no later window (plan again)");
        }
        return LowtideCli.EXIT_OUTSIDE_WINDOW;
    }

    /** The gate of one service of a saved fleet plan: its windows under the fleet rules only. */
    private int fleetGate(Instant when) throws java.io.IOException {
        org.lowtide.service.PlanFileService.GateAnswer gate;
        ZoneId zone;
        try {
            gate = org.lowtide.service.FleetOutputs.gate(planFile, service, when);
            zone = org.lowtide.service.FleetOutputs.zoneOf(planFile, service);
        } catch (org.lowtide.fleet.FleetFileException e) {
            spec.commandLine().getErr().println("lowtide: " + e.getMessage());
            return LowtideCli.EXIT_BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (gate.inside().isPresent()) {
            Interval w = gate.inside().get();
            out.printf("%s: inside its fleet window: %s – %s (%d min left)%n", service,
                    w.start().atZone(zone).toOffsetDateTime(), w.end().atZone(zone).toOffsetDateTime(),
                    Duration.between(when, w.end()).toMinutes());
            return LowtideCli.EXIT_OK;
        }
        if (gate.next().isPresent()) {
            out.printf("%s: outside its fleet windows; next: %s – %s (in %s)%n", service,
                    gate.next().get().start().atZone(zone).toOffsetDateTime(),
                    gate.next().get().end().atZone(zone).toOffsetDateTime(),
                    humanWait(Duration.between(when, gate.next().get().start())));
        } else {
            out.println(service + ": outside its fleet windows; the fleet plan has no later window for it (plan again)");
        }
        return LowtideCli.EXIT_OUTSIDE_WINDOW;
    }

    private Instant parse(String text) {
        try {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--at takes an ISO-8601 instant with offset or Z, such as "
                    + "2025-03-08T04:30:00+01:00; not '" + text + "'");
        }
    }

    private static String humanWait(Duration d) {
        long hours = d.toHours();
        return hours >= 48 ? (hours / 24) + " days" : hours >= 1 ? hours + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() + " min";
    }
}
