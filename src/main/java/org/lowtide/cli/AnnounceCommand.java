package org.lowtide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lowtide.announce.AnnounceException;
import org.lowtide.announce.AnnounceSettings;
import org.lowtide.announce.AnnouncedWindow;
import org.lowtide.announce.Matcher;
import org.lowtide.announce.SyncAction;
import org.lowtide.project.PlanDocument;
import org.lowtide.service.AnnounceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lowtide announce PLAN}: silences in Alertmanager, maintenance windows in PagerDuty, a
 * scheduled incident on Statuspage and a readers' announcement, for a saved plan's windows. Files
 * need no network; sending keeps the ids in the plan file, so announcing again updates, not repeats.
 */
@Command(name = "announce", mixinStandardHelpOptions = true,
        description = {"Quiet the alerts and tell the customers of a saved plan's windows: Alertmanager silences,"
                + " PagerDuty maintenance windows, a Statuspage scheduled incident, a Markdown/HTML announcement.",
            "Announcing again updates what was announced (ids kept in the plan file) and expires what the plan"
                + " no longer holds.",
            "Credentials only from the environment (LOWTIDE_ALERTMANAGER_TOKEN or _USER/_PASSWORD,"
                + " LOWTIDE_PAGERDUTY_TOKEN, LOWTIDE_STATUSPAGE_TOKEN) or a token file; never saved."})
final class AnnounceCommand implements Callable<Integer> {

    private final AnnounceService announce;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "A plan saved with `lowtide plan ... --save PLAN`.")
    private Path planFile;

    @Option(names = "--alertmanager", paramLabel = "URL",
            description = "Create or update the windows' silences in this Alertmanager (v2 API), e.g. http://alertmanager:9093.")
    private String alertmanager;

    @Option(names = "--alertmanager-token-file", paramLabel = "FILE",
            description = "A bearer token for the Alertmanager (else LOWTIDE_ALERTMANAGER_TOKEN, or _USER and _PASSWORD).")
    private Path alertmanagerTokenFile;

    @Option(names = "--matcher", paramLabel = "MATCHER",
            description = "A silence matcher as amtool writes it (repeatable): service=\"shop\", env=~\"prod|staging\","
                    + " team!=\"db\", job!~\"test.*\".")
    private List<String> matchers = new ArrayList<>();

    @Option(names = "--created-by", paramLabel = "NAME", description = "The silences' author. Default: your user name.")
    private String createdBy;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Planned maintenance",
            description = "What the maintenance is called for readers. Default: ${DEFAULT-VALUE}.")
    private String title;

    @Option(names = "--with-tail", description = "Silence and announce each window with its rollback tail.")
    private boolean withTail;

    @Option(names = "--pagerduty", description = "PagerDuty maintenance windows (REST API v2): written with --out, sent with --send.")
    private boolean pagerDuty;

    @Option(names = "--pagerduty-service", paramLabel = "ID", description = "A PagerDuty service id (repeatable), e.g. PIJ90N7.")
    private List<String> pagerDutyServices = new ArrayList<>();

    @Option(names = "--pagerduty-from", paramLabel = "EMAIL", description = "The email of a PagerDuty user (the From header; needed to send).")
    private String pagerDutyFrom;

    @Option(names = "--pagerduty-token-file", paramLabel = "FILE", description = "A PagerDuty API token (else LOWTIDE_PAGERDUTY_TOKEN).")
    private Path pagerDutyTokenFile;

    @Option(names = "--pagerduty-api", paramLabel = "URL", defaultValue = "https://api.pagerduty.com", hidden = true,
            description = "PagerDuty's API (a proxy). Default: ${DEFAULT-VALUE}.")
    private String pagerDutyApi;

    @Option(names = "--statuspage", paramLabel = "PAGE_ID",
            description = "A Statuspage scheduled incident for each window on this page: written with --out, sent with --send.")
    private String statuspage;

    @Option(names = "--statuspage-component", paramLabel = "ID", description = "A Statuspage component id (repeatable).")
    private List<String> statuspageComponents = new ArrayList<>();

    @Option(names = "--statuspage-token-file", paramLabel = "FILE", description = "A Statuspage API key (else LOWTIDE_STATUSPAGE_TOKEN).")
    private Path statuspageTokenFile;

    @Option(names = "--statuspage-api", paramLabel = "URL", defaultValue = "https://api.statuspage.io", hidden = true,
            description = "Statuspage's API (a proxy). Default: ${DEFAULT-VALUE}.")
    private String statuspageApi;

    @Option(names = "--reader-zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "A zone the announcement shows the windows in (repeatable). Default: the plan's zone.")
    private List<ZoneId> readerZones = new ArrayList<>();

    @Option(names = "--send", description = "Send to PagerDuty and Statuspage (Alertmanager is sent to whenever --alertmanager is given).")
    private boolean send;

    @Option(names = "--dry-run", description = "Show what would be sent and done; change nothing anywhere (Alertmanager is only asked).")
    private boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the files here: " + AnnounceService.SILENCES_FILE + " (amtool silence import), "
                    + AnnounceService.PAGERDUTY_FILE + ", " + AnnounceService.STATUSPAGE_FILE + ", "
                    + AnnounceService.MARKDOWN_FILE + ", " + AnnounceService.HTML_FILE + ".")
    private Path out;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM CA certificates to trust (a private CA).")
    private Path caFile;

    @Option(names = "--insecure", description = "Skip TLS certificate checks (dangerous).")
    private boolean insecure;

    @Option(names = "--json", description = "Print one JSON object (schema in the README).")
    private boolean json;

    @Mixin
    private OutputOptionsMixin output;

    AnnounceCommand(AnnounceService announce) {
        this.announce = announce;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (alertmanager == null && !pagerDuty && statuspage == null && out == null && !dryRun) {
            throw new ParameterException(spec.commandLine(), "say where to announce: --alertmanager URL, --pagerduty,"
                    + " --statuspage PAGE_ID, or --out DIR for the files");
        }
        if (pagerDuty && pagerDutyServices.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--pagerduty needs at least one --pagerduty-service ID");
        }
        if (send && !pagerDuty && statuspage == null) {
            throw new ParameterException(spec.commandLine(), "--send sends to PagerDuty or Statuspage: add --pagerduty"
                    + " or --statuspage PAGE_ID (Alertmanager is sent to whenever --alertmanager is given)");
        }
        List<Matcher> parsed = new ArrayList<>();
        for (String m : matchers) {
            try {
                parsed.add(AnnounceService.matcher(m));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--matcher: " + e.getMessage());
            }
        }
        String planName = planFile.getFileName() == null ? planFile.toString() : planFile.getFileName().toString();
        AnnounceSettings settings;
        try {
            settings = new AnnounceSettings(planName, title, createdBy == null ? System.getProperty("user.name", "lowtide")
                    : createdBy, parsed, withTail, readerZones, pagerDuty ? pagerDutyServices : List.of(),
                    statuspageComponents);
            if (alertmanager != null) {
                settings.requireSilenceable();
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out != null) {
            for (String f : List.of(AnnounceService.SILENCES_FILE, AnnounceService.PAGERDUTY_FILE,
                    AnnounceService.STATUSPAGE_FILE, AnnounceService.MARKDOWN_FILE, AnnounceService.HTML_FILE)) {
                OutputOptionsMixin.check(out.resolve(f), output.announcement());
            }
        }
        Instant now = Instant.now();
        PlanDocument doc = announce.open(planFile);
        AnnounceService.Preview preview = announce.preview(doc, settings, now);
        List<Path> written = out == null || dryRun ? List.of() : announce.writeFiles(preview, out, output.force);
        AnnounceService.Destinations to = new AnnounceService.Destinations(Optional.ofNullable(alertmanager),
                send && pagerDuty ? Optional.of(pagerDutyApi) : Optional.empty(), Optional.ofNullable(pagerDutyFrom),
                send && statuspage != null ? Optional.of(statuspageApi) : Optional.empty(), Optional.ofNullable(statuspage),
                Optional.ofNullable(alertmanagerTokenFile), Optional.ofNullable(pagerDutyTokenFile),
                Optional.ofNullable(statuspageTokenFile), Optional.ofNullable(caFile), insecure);
        if (insecure) {
            err.println("lowtide: warning: --insecure: TLS certificates are not checked; anyone on the way can read the"
                    + " credentials");
        }
        AnnounceService.Outcome outcome = new AnnounceService.Outcome(List.of(), false);
        String failure = null;
        if (to.any()) {
            try {
                outcome = announce.send(planFile, settings, to, dryRun, now);
            } catch (AnnounceException e) {
                failure = e.getMessage();
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(json(planName, preview, written, outcome, failure));
        } else {
            text(stdout, preview, written, outcome);
        }
        if (failure != null) {
            err.println("lowtide: " + failure);
            return LowtideCli.EXIT_BAD_INPUT;
        }
        return LowtideCli.EXIT_OK;
    }

    private void text(PrintWriter o, AnnounceService.Preview p, List<Path> written, AnnounceService.Outcome outcome) {
        o.printf("%d window(s) to announce%s%n", p.windows().size(), dryRun ? " (dry run: nothing is changed)" : "");
        for (AnnouncedWindow w : p.windows()) {
            o.printf("  %s: %s – %s%n", w.key(), w.start().atZone(w.zone()).toOffsetDateTime(),
                    w.end().atZone(w.zone()).toOffsetDateTime());
        }
        p.notes().forEach(n -> o.println("note: " + n));
        for (SyncAction a : outcome.actions()) {
            o.printf("%s: %s %s%s%n", a.target(), a.key(), dryRun && a.kind() != SyncAction.Kind.UNCHANGED
                    ? "would be " + a.kind().words() : a.kind().words(), a.id().isEmpty() ? "" : " (" + a.id() + ")");
        }
        if (dryRun) {
            if (!p.silences().isEmpty()) {
                o.println("--- Alertmanager silences (POST /api/v2/silences, each):");
                o.print(p.silences());
            }
            if (pagerDuty) {
                o.println("--- PagerDuty (POST /maintenance_windows, each):");
                o.print(p.pagerDuty());
            }
            if (statuspage != null) {
                o.println("--- Statuspage (POST /v1/pages/" + statuspage + "/incidents, each):");
                o.print(p.statuspage());
            }
        }
        written.forEach(f -> o.println("wrote " + f));
        if (outcome.saved()) {
            o.println("kept the ids in " + planFile);
        }
    }

    private String json(String planName, AnnounceService.Preview p, List<Path> written, AnnounceService.Outcome outcome,
                        String failure) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("plan", planName);
        root.put("dryRun", dryRun);
        ArrayNode windows = root.putArray("windows");
        for (AnnouncedWindow w : p.windows()) {
            ObjectNode n = windows.addObject().put("key", w.key()).put("rank", w.rank())
                    .put("start", w.start().atZone(w.zone()).toOffsetDateTime().toString())
                    .put("end", w.end().atZone(w.zone()).toOffsetDateTime().toString());
            w.change().ifPresent(c -> n.put("change", c));
        }
        ArrayNode actions = root.putArray("actions");
        for (SyncAction a : outcome.actions()) {
            actions.addObject().put("target", a.target()).put("key", a.key())
                    .put("action", a.kind().name().toLowerCase(java.util.Locale.ROOT)).put("id", a.id());
        }
        ArrayNode files = root.putArray("files");
        written.forEach(f -> files.add(f.toString()));
        root.put("saved", outcome.saved());
        ArrayNode notes = root.putArray("notes");
        p.notes().forEach(notes::add);
        if (failure != null) {
            root.put("error", failure);
        }
        return mapper.writeValueAsString(root);
    }
}
