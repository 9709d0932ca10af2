package org.lowtide.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.announce.AlertmanagerClient;
import org.lowtide.announce.AnnounceException;
import org.lowtide.announce.AnnounceSettings;
import org.lowtide.announce.AnnounceState;
import org.lowtide.announce.AnnouncedWindow;
import org.lowtide.announce.Announcements;
import org.lowtide.announce.BodySync;
import org.lowtide.announce.Matcher;
import org.lowtide.announce.RestTarget;
import org.lowtide.announce.Silence;
import org.lowtide.announce.SilenceSync;
import org.lowtide.announce.SyncAction;
import org.lowtide.project.AtomicFiles;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileDto;
import org.lowtide.project.PlanFileException;
import org.lowtide.project.PlanFileMapper;
import org.lowtide.project.PlanFiles;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.traffic.sources.PrometheusConnection;

/**
 * Announcing a saved plan's windows, shared by the GUI and the CLI: a preview of exactly what
 * would be sent, the files (amtool JSON, PagerDuty and Statuspage bodies, Markdown and HTML) written
 * without any network, and sending, which brings each place in line with the plan and keeps the
 * ids in the plan file (announcing twice changes nothing; a changed plan updates; a removed window's
 * silence is expired).
 *
 * <p>Credentials as for the Prometheus source: a token file or the environment
 * ({@code LOWTIDE_ALERTMANAGER_TOKEN} or {@code _USER}/{@code _PASSWORD}, {@code LOWTIDE_PAGERDUTY_TOKEN},
 * {@code LOWTIDE_STATUSPAGE_TOKEN}), never an argument, never saved. Any thread; stateless.
 */
public final class AnnounceService {

    /** Files written into the output folder. */
    public static final String SILENCES_FILE = "alertmanager-silences.json";
    public static final String PAGERDUTY_FILE = "pagerduty-maintenance-windows.json";
    public static final String STATUSPAGE_FILE = "statuspage-incidents.json";
    public static final String MARKDOWN_FILE = "announcement.md";
    public static final String HTML_FILE = "announcement.html";

    /** PagerDuty's REST API. */
    public static final String PAGERDUTY_API = RestTarget.PAGERDUTY_API;
    /** Atlassian Statuspage's API. */
    public static final String STATUSPAGE_API = RestTarget.STATUSPAGE_API;

    /**
     * Everything that would be sent, as text.
     *
     * @param windows    the windows announced (still to come)
     * @param silences   the silences as amtool imports them (a JSON array), empty without usable matchers
     * @param pagerDuty  the PagerDuty request bodies (a JSON array), empty without service ids
     * @param statuspage the Statuspage request bodies (a JSON array)
     * @param markdown   the announcement for readers
     * @param html       the same as HTML
     * @param notes      why a part is empty, or windows left out
     */
    public record Preview(List<AnnouncedWindow> windows, String silences, String pagerDuty, String statuspage,
                          String markdown, String html, List<String> notes) {
        public Preview {
            windows = List.copyOf(windows);
            Objects.requireNonNull(silences, "silences");
            Objects.requireNonNull(pagerDuty, "pagerDuty");
            Objects.requireNonNull(statuspage, "statuspage");
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(html, "html");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Where to send, and how to read the credentials.
     *
     * @param alertmanager        an Alertmanager's URL
     * @param pagerDutyApi        PagerDuty's API URL ({@link RestTarget#PAGERDUTY_API}) when sending there
     * @param pagerDutyFrom       the email of a PagerDuty user (the {@code From} header)
     * @param statuspageApi       Statuspage's API URL when sending there
     * @param statuspagePage      the Statuspage page id
     * @param alertmanagerTokenFile a bearer token for the Alertmanager, else the environment
     * @param pagerDutyTokenFile  a PagerDuty API token, else {@code LOWTIDE_PAGERDUTY_TOKEN}
     * @param statuspageTokenFile a Statuspage API key, else {@code LOWTIDE_STATUSPAGE_TOKEN}
     * @param caFile              a PEM file of CA certificates to trust (private CAs)
     * @param insecure            skip TLS checks (dangerous)
     */
    public record Destinations(Optional<String> alertmanager, Optional<String> pagerDutyApi, Optional<String> pagerDutyFrom,
                               Optional<String> statuspageApi, Optional<String> statuspagePage,
                               Optional<Path> alertmanagerTokenFile, Optional<Path> pagerDutyTokenFile,
                               Optional<Path> statuspageTokenFile, Optional<Path> caFile, boolean insecure) {
        public Destinations {
            Objects.requireNonNull(alertmanager, "alertmanager");
            Objects.requireNonNull(pagerDutyApi, "pagerDutyApi");
            Objects.requireNonNull(pagerDutyFrom, "pagerDutyFrom");
            Objects.requireNonNull(statuspageApi, "statuspageApi");
            Objects.requireNonNull(statuspagePage, "statuspagePage");
            Objects.requireNonNull(alertmanagerTokenFile, "alertmanagerTokenFile");
            Objects.requireNonNull(pagerDutyTokenFile, "pagerDutyTokenFile");
            Objects.requireNonNull(statuspageTokenFile, "statuspageTokenFile");
            Objects.requireNonNull(caFile, "caFile");
        }

        /** Only an Alertmanager, credentials from the environment. */
        public static Destinations alertmanager(String url) {
            return new Destinations(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
        }

        /** @return whether anything is to be sent */
        public boolean any() {
            return alertmanager.isPresent() || pagerDutyApi.isPresent() || statuspageApi.isPresent();
        }
    }

    /**
     * What sending did.
     *
     * @param actions   per place and window: created, updated, unchanged, expired/removed
     * @param saved     whether the plan file was written (ids changed)
     */
    public record Outcome(List<SyncAction> actions, boolean saved) {
        public Outcome {
            actions = List.copyOf(actions);
        }

        /** @return how many actions of a kind */
        public long count(SyncAction.Kind kind) {
            return actions.stream().filter(a -> a.kind() == kind).count();
        }
    }

    /** Reads a matcher as amtool writes it ({@code service="shop"}, {@code env=~"prod.*"}). */
    public static Matcher matcher(String text) {
        return Matcher.parse(text);
    }

    /** Opens a plan file (its saved windows; nothing is recomputed). */
    public PlanDocument open(Path planFile) throws PlanFileException, IOException {
        return PlanFileMapper.fromDto(PlanFiles.load(planFile), name(planFile));
    }

    /** Everything that would be sent for {@code doc}'s windows still to come at {@code now}. */
    public Preview preview(PlanDocument doc, AnnounceSettings s, Instant now) {
        List<AnnouncedWindow> windows = Announcements.windows(doc.plan(), s.withTail(), now);
        List<String> notes = new ArrayList<>();
        int over = doc.plan().windows().size() - windows.size();
        if (over > 0) {
            notes.add(over + " of the plan's " + doc.plan().windows().size() + " windows are over and are not announced");
        }
        String silences = "";
        try {
            s.requireSilenceable();
            List<Silence> list = new ArrayList<>();
            windows.forEach(w -> list.add(Announcements.silence(w, s)));
            silences = Announcements.silencesFile(list);
        } catch (IllegalArgumentException e) {
            notes.add("No silences: " + e.getMessage());
        }
        String pagerDuty = "";
        if (s.pagerDutyServices().isEmpty()) {
            notes.add("No PagerDuty maintenance windows: no PagerDuty service id given");
        } else {
            List<ObjectNode> bodies = new ArrayList<>();
            windows.forEach(w -> bodies.add(Announcements.pagerDutyBody(w, s)));
            pagerDuty = Announcements.bodiesFile(bodies);
        }
        List<ObjectNode> incidents = new ArrayList<>();
        windows.forEach(w -> incidents.add(Announcements.statuspageBody(w, s)));
        return new Preview(windows, silences, pagerDuty, Announcements.bodiesFile(incidents),
                Announcements.markdown(windows, s), Announcements.html(windows, s), notes);
    }

    /**
     * Writes the preview's files into {@code dir} (created when missing), atomically; a file there
     * that Lowtide did not write is replaced only with {@code force}.
     *
     * @return the files written
     */
    public List<Path> writeFiles(Preview p, Path dir, boolean force) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (!p.silences().isEmpty()) {
            files.put(SILENCES_FILE, p.silences());
        }
        if (!p.pagerDuty().isEmpty()) {
            files.put(PAGERDUTY_FILE, p.pagerDuty());
        }
        files.put(STATUSPAGE_FILE, p.statuspage());
        files.put(MARKDOWN_FILE, p.markdown());
        files.put(HTML_FILE, p.html());
        AtomicFiles.Guard guard = guard(force);
        for (String f : files.keySet()) {
            AtomicFiles.checkWritable(dir.resolve(f), guard);
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            AtomicFiles.writeString(target, e.getValue(), guard);
            written.add(target);
        }
        return written;
    }

    /** Replaces a file Lowtide wrote (it names Lowtide, or is an empty JSON list), or any with {@code force}. */
    private static AtomicFiles.Guard guard(boolean force) {
        AtomicFiles.Guard own = AtomicFiles.ownOutput(force, Announcements.MARK);
        return existing -> {
            String why = own.refusal(existing);
            if (why != null && Files.size(existing) < 64 && Files.readString(existing).replaceAll("\\s", "").equals("[]")) {
                return null;
            }
            return why;
        };
    }

    /**
     * Sends the plan's windows to the destinations and keeps the ids in the plan file. A dry run
     * asks (Alertmanager's silences) but changes nothing anywhere, the plan file included.
     *
     * @throws AnnounceException with what a service said, in words; what was done before is kept in the plan file
     */
    public Outcome send(Path planFile, AnnounceSettings s, Destinations to, boolean dryRun, Instant now)
            throws AnnounceException, PlanFileException, IOException, InterruptedException {
        String name = name(planFile);
        PlanFileDto dto = PlanFiles.load(planFile);
        PlanDocument doc = PlanFileMapper.fromDto(dto, name);
        AnnounceState state = PlanFileMapper.announced(dto, name);
        AnnounceState start = state;
        List<AnnouncedWindow> windows = Announcements.windows(doc.plan(), s.withTail(), now);
        Map<String, Instant> ends = new LinkedHashMap<>();
        windows.forEach(w -> ends.put(w.key(), w.end()));
        List<SyncAction> actions = new ArrayList<>();
        AnnounceState.Target failedAt = null;
        try {
            if (to.alertmanager().isPresent()) {
                s.requireSilenceable();
                PrometheusConnection c = connection(PrometheusAuth.resolve(to.alertmanagerTokenFile(), System.getenv(),
                        "LOWTIDE_ALERTMANAGER", "--alertmanager-token-file"), to);
                AlertmanagerClient am = new AlertmanagerClient(to.alertmanager().get().trim(), c);
                failedAt = new AnnounceState.Target(AnnounceState.Kind.ALERTMANAGER, am.base(), List.of());
                Map<String, Silence> wanted = new LinkedHashMap<>();
                windows.forEach(w -> wanted.put(w.key(), Announcements.silence(w, s)));
                SilenceSync.Result r = SilenceSync.sync(am, wanted, ends,
                        state.entries(AnnounceState.Kind.ALERTMANAGER, am.base()), now, dryRun);
                actions.addAll(r.actions());
                state = state.with(AnnounceState.Kind.ALERTMANAGER, am.base(), r.entries());
            }
            if (to.pagerDutyApi().isPresent()) {
                PrometheusAuth token = PrometheusAuth.resolve(to.pagerDutyTokenFile(), System.getenv(),
                        "LOWTIDE_PAGERDUTY", "--pagerduty-token-file");
                RestTarget pd = RestTarget.pagerDuty(to.pagerDutyApi().get(), token, to.pagerDutyFrom().orElse(null),
                        connection(PrometheusAuth.NONE, to));
                failedAt = new AnnounceState.Target(pd.kind(), pd.endpoint(), List.of());
                Map<String, ObjectNode> wanted = new LinkedHashMap<>();
                windows.forEach(w -> wanted.put(w.key(), Announcements.pagerDutyBody(w, s)));
                SilenceSync.Result r = BodySync.sync(pd, wanted, ends, state.entries(pd.kind(), pd.endpoint()), now,
                        dryRun);
                actions.addAll(r.actions());
                state = state.with(pd.kind(), pd.endpoint(), r.entries());
            }
            if (to.statuspageApi().isPresent()) {
                PrometheusAuth token = PrometheusAuth.resolve(to.statuspageTokenFile(), System.getenv(),
                        "LOWTIDE_STATUSPAGE", "--statuspage-token-file");
                RestTarget sp = RestTarget.statuspage(to.statuspageApi().get(), to.statuspagePage().orElseThrow(
                        () -> new AnnounceException("sending to Statuspage needs the page id (--statuspage PAGE_ID)")),
                        token, connection(PrometheusAuth.NONE, to));
                failedAt = new AnnounceState.Target(sp.kind(), sp.endpoint(), List.of());
                Map<String, ObjectNode> wanted = new LinkedHashMap<>();
                windows.forEach(w -> wanted.put(w.key(), Announcements.statuspageBody(w, s)));
                SilenceSync.Result r = BodySync.sync(sp, wanted, ends, state.entries(sp.kind(), sp.endpoint()), now,
                        dryRun);
                actions.addAll(r.actions());
                state = state.with(sp.kind(), sp.endpoint(), r.entries());
            }
        } catch (AnnounceException e) {
            // keep what was done before the failure, so that the next try updates it instead of adding
            if (e.partial() != null && failedAt != null) {
                state = state.with(failedAt.kind(), failedAt.endpoint(), e.partial());
            }
            if (!dryRun && !state.equals(start)) {
                PlanFiles.save(PlanFileMapper.withAnnounced(dto, state), planFile, false);
            }
            throw e;
        }
        boolean saved = !dryRun && !state.equals(start);
        if (saved) {
            PlanFiles.save(PlanFileMapper.withAnnounced(dto, state), planFile, false);
        }
        return new Outcome(actions, saved);
    }

    private static PrometheusConnection connection(PrometheusAuth auth, Destinations to) {
        return PrometheusConnection.of(auth).withCaFile(to.caFile().orElse(null)).withInsecure(to.insecure())
                .withTimeout(java.time.Duration.ofSeconds(30));
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }
}
