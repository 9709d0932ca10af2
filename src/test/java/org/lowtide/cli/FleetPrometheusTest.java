package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.fleet.Candidate;
import org.lowtide.fleet.FetchedSeries;
import org.lowtide.fleet.Fleet;
import org.lowtide.fleet.SeriesSpill;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.CancelledException;
import org.lowtide.service.ImportService;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.fleet.TweetsFleet;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.FleetOutcome;
import org.lowtide.service.FleetRequest;
import org.lowtide.service.FleetResult;
import org.lowtide.service.FleetService;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RecommendationService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;
import org.lowtide.traffic.sources.PrometheusServer;

/**
 * A fleet read from one Prometheus query (issue 17): the three NAB Twitter-volume series of
 * {@code ../shared/data}, backfilled into a real Prometheus (Debian's, on loopback) as
 * {@code tweets{symbol="…"}}, and the same three series as files. The query gives three services
 * with exactly the windows the files give. Skipped, saying why, without Prometheus or the data.
 */
class FleetPrometheusTest {

    private static final String[] SYMBOLS = TweetsFleet.SYMBOLS;
    private static final String FIRST = TweetsFleet.FIRST;
    private static final String LAST = TweetsFleet.LAST;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "tok-fleet-77c1-never-saved";

    @TempDir
    static Path dir;
    private static TweetsFleet fleet;
    private static PrometheusServer server;
    private static Path files;

    @BeforeAll
    static void startServer() throws Exception {
        fleet = TweetsFleet.start(dir);
        server = fleet.server();
        files = fleet.files();
    }

    @AfterAll
    static void stopServer() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static Instant utc(String naive) {
        return TweetsFleet.utc(naive);
    }

    @Test
    void aQueryOfThreeSeriesGivesThreeServicesWithTheWindowsOfTheirFiles() throws Exception {
        PlanService plans = new PlanService(new AnalysisService());
        FleetService fleets = new FleetService(plans, new RecommendationService(plans, CLOCK));
        TrafficSource.Prometheus source = new TrafficSource.Prometheus(PrometheusQuery.between(server.uri(), "tweets",
                Duration.ofMinutes(5), utc(FIRST), utc(LAST)), PrometheusConnection.of(PrometheusAuth.NONE));
        ImportOptions utc = ImportOptions.inZone(ZoneOffset.UTC);

        Fleet fromQuery = fleets.readPrometheus(source, "symbol", ProgressListener.NONE, Cancellation.NEVER);
        assertThat(fromQuery.members()).extracting(m -> m.name()).containsExactlyInAnyOrder(SYMBOLS);
        assertThat(fromQuery.origin()).contains(server.url()).contains("query tweets").contains("label 'symbol'");
        FleetResult byQuery = fleets.plan(new FleetRequest(fromQuery, FleetService.prometheusOptions(source, utc),
                Optional.empty(), Optional.empty(), FleetRequest.DEFAULT_CANDIDATES, 2), ProgressListener.NONE,
                Cancellation.NEVER);

        Fleet fromFiles = fleets.read(files, ZoneOffset.UTC);
        FleetResult byFiles = fleets.plan(new FleetRequest(fromFiles, utc, Optional.empty(), Optional.empty(),
                FleetRequest.DEFAULT_CANDIDATES, 2), ProgressListener.NONE, Cancellation.NEVER);

        for (String symbol : SYMBOLS) {
            FleetOutcome q = byQuery.outcome(symbol).orElseThrow();
            FleetOutcome f = byFiles.outcome(symbol).orElseThrow();
            assertThat(q.status()).as(symbol + ": " + q.problem()).isEqualTo(FleetOutcome.Status.PLANNED);
            assertThat(f.status()).as(symbol).isEqualTo(FleetOutcome.Status.PLANNED);
            List<Candidate> chosen = byQuery.chosen(symbol);
            assertThat(chosen).as(symbol).isNotEmpty();
            assertThat(starts(chosen)).as(symbol).isEqualTo(starts(byFiles.chosen(symbol)));
            assertThat(q.weekly()).as(symbol).isEqualTo(f.weekly());
            assertThat(FleetService.ownBest(q).map(w -> w.window()))
                    .as(symbol).isEqualTo(FleetService.ownBest(f).map(w -> w.window()));
            assertThat(q.options().orElseThrow().candidates()).as(symbol)
                    .isEqualTo(f.options().orElseThrow().candidates());
        }
    }

    /**
     * Streamed in small requests (500 steps each, so about 32 chunks), each service's points are
     * spilled to a binary file of its own and planned from it, never from text: the same windows
     * as the files; while the fleet waits the spill holds exactly 12 bytes a point, and when the run
     * ends (planned or cancelled) nothing is left in the temporary root. A service opened on its own
     * reads its series alone from the server, with the values of its file.
     */
    @Test
    void aFleetStreamedInSmallRequestsKeepsNothingOnDiskAfterItsRunAndPlansAsItsFiles() throws Exception {
        Path root = Files.createDirectories(dir.resolve("spill-root"));
        PlanService plans = new PlanService(new AnalysisService());
        FleetService fleets = new FleetService(plans, new RecommendationService(plans, CLOCK), root, 3 * 500);
        TrafficSource.Prometheus source = new TrafficSource.Prometheus(PrometheusQuery.between(server.uri(), "tweets",
                Duration.ofMinutes(5), utc(FIRST), utc(LAST)), PrometheusConnection.of(PrometheusAuth.NONE));
        ImportOptions utc = FleetService.prometheusOptions(source, ImportOptions.inZone(ZoneOffset.UTC));

        Fleet fromQuery = fleets.readPrometheus(source, "symbol", ProgressListener.NONE, Cancellation.NEVER);
        assertThat(fromQuery.members()).allMatch(m -> m.traffic() instanceof FetchedSeries && m.file().isEmpty());
        SeriesSpill spill = ((FetchedSeries) fromQuery.members().get(0).traffic()).spill();
        long steps = Duration.between(utc(FIRST), utc(LAST)).toMinutes() / 5 + 1;
        try (var folders = Files.list(root)) {
            assertThat(folders).containsExactly(spill.folder());
        }
        try (var files = Files.list(spill.folder())) {
            assertThat(files).hasSize(3);
        }
        assertThat(spill.bytes()).isEqualTo(3 * steps * SeriesSpill.POINT_BYTES);
        assertThat(fromQuery.notes()).isEmpty();
        // a probe of 60 steps, then 500 steps a request: 1 + ceil((15,833 - 60) / 500)
        assertThat(((FetchedSeries) fromQuery.members().get(0).traffic()).origin().description())
                .contains(", 33 requests");

        FleetRequest asked = new FleetRequest(fromQuery, utc, Optional.empty(), Optional.empty(),
                FleetRequest.DEFAULT_CANDIDATES, 2, org.lowtide.planning.OutlookChoice.PROFILE);
        FleetResult byQuery = fleets.plan(asked, ProgressListener.NONE, Cancellation.NEVER);
        try (var left = Files.list(root)) {
            assertThat(left).as("the spill is deleted when the run ends").isEmpty();
        }
        Fleet fromFiles = fleets.read(files, ZoneOffset.UTC);
        FleetResult byFiles = fleets.plan(new FleetRequest(fromFiles, ImportOptions.inZone(ZoneOffset.UTC),
                Optional.empty(), Optional.empty(), FleetRequest.DEFAULT_CANDIDATES, 2,
                org.lowtide.planning.OutlookChoice.PROFILE), ProgressListener.NONE, Cancellation.NEVER);
        for (String symbol : SYMBOLS) {
            FleetOutcome q = byQuery.outcome(symbol).orElseThrow();
            assertThat(q.status()).as(symbol + ": " + q.problem()).isEqualTo(FleetOutcome.Status.PLANNED);
            assertThat(q.options().orElseThrow().candidates()).as(symbol)
                    .isEqualTo(byFiles.outcome(symbol).orElseThrow().options().orElseThrow().candidates());
        }

        // Open in Tabs: the service's series alone, read again from the server.
        AnalysisRequest alone = fleets.analysisFor(asked, "FB", PrometheusConnection.of(PrometheusAuth.NONE));
        assertThat(alone.source()).isInstanceOf(TrafficSource.Prometheus.class);
        ImportService imports = new ImportService();
        ImportResult one = imports.importTraffic(alone.source(), alone.options(), ProgressListener.NONE,
                Cancellation.NEVER);
        ImportResult file = imports.importTraffic(new TrafficSource.FileSource(files.resolve("FB.csv")),
                ImportOptions.inZone(ZoneOffset.UTC), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(one.series().start()).isEqualTo(file.series().start());
        assertThat(one.series().values()).containsExactly(file.series().values());
        assertThat(one.details().available()).hasSize(1);

        // A run cancelled before its first service leaves nothing behind either.
        Fleet again = fleets.readPrometheus(source, "symbol", ProgressListener.NONE, Cancellation.NEVER);
        FleetRequest cancelled = new FleetRequest(again, utc, Optional.empty(), Optional.empty(),
                FleetRequest.DEFAULT_CANDIDATES, 2);
        assertThatThrownBy(() -> fleets.plan(cancelled, ProgressListener.NONE, () -> true))
                .isInstanceOf(CancelledException.class);
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    /** @return the spill folders in the temporary directory (the command makes its own there) */
    private static List<String> spills() throws java.io.IOException {
        try (var all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("lowtide-spill-")).sorted()
                    .toList();
        }
    }

    private static List<Instant> starts(List<Candidate> chosen) {
        return chosen.stream().map(Candidate::start).toList();
    }

    private static String[] fleetArgs(String... more) {
        return fleetArgsBy("symbol", more);
    }

    private static String[] fleetArgsBy(String label, String... more) {
        List<String> args = new ArrayList<>(List.of("fleet", "--prometheus", server.url(), "--query", "tweets",
                "--service-label", label, "--start", FIRST.replace(' ', 'T') + "Z", "--end",
                LAST.replace(' ', 'T') + "Z", "--step", "5m", "--zone", "UTC", "--traffic-outlook", "profile"));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    void theCommandPlansTheQuerysServicesAsItPlansTheirFilesAndSavesNoCredential() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, SECRET + "\n");
        Path saved = dir.resolve("fleet-plan.json");
        List<String> spillsBefore = spills();
        CliRun byQuery = CliRun.of(fleetArgs("--json", "--prometheus-token-file", token.toString(), "--save",
                saved.toString()));
        assertThat(byQuery.code()).as(byQuery.err()).isZero();
        CliRun byFiles = CliRun.of("fleet", files.toString(), "--zone", "UTC", "--traffic-outlook", "profile",
                "--json");
        assertThat(byFiles.code()).as(byFiles.err()).isZero();

        ObjectMapper mapper = new ObjectMapper();
        JsonNode q = mapper.readTree(byQuery.out());
        JsonNode f = mapper.readTree(byFiles.out());
        assertThat(q.path("fleet").asText()).contains(server.url()).contains("tweets").contains("symbol");
        Map<String, JsonNode> fileServices = new HashMap<>();
        f.path("services").forEach(s -> fileServices.put(s.path("service").asText(), s));
        assertThat(q.path("services")).hasSize(3);
        for (JsonNode s : q.path("services")) {
            String name = s.path("service").asText();
            assertThat(name).isIn((Object[]) SYMBOLS);
            assertThat(s.path("status").asText()).as(name).isEqualTo("planned");
            assertThat(s.path("windows")).as(name).isEqualTo(fileServices.get(name).path("windows"));
            assertThat(s.path("weekly")).as(name).isEqualTo(fileServices.get(name).path("weekly"));
        }
        String plan = Files.readString(saved);
        assertThat(plan).contains(server.url()).contains("tweets");
        assertThat(spills()).as("the command's spill is deleted when it ends").isEqualTo(spillsBefore);
        // A run that stops after reading (an option the request refuses) leaves nothing either.
        CliRun refused = CliRun.of(fleetArgs("--candidates", "0"));
        assertThat(refused.code()).as(refused.err()).isEqualTo(2);
        assertThat(spills()).isEqualTo(spillsBefore);
        for (String text : List.of(byQuery.out(), byQuery.err(), plan)) {
            assertThat(text).doesNotContain(SECRET);
        }
    }

    @Test
    void aLabelNoSeriesHasIsBadInputAndOptionsThatDoNotFitAreUsageErrors() {
        CliRun noLabel = CliRun.of(fleetArgsBy("tenant"));
        assertThat(noLabel.code()).as(noLabel.err()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(noLabel.err()).contains("label 'tenant'").contains("symbol").doesNotContain("Exception");

        CliRun missing = CliRun.of("fleet", "--prometheus", server.url(), "--query", "tweets");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--service-label");

        CliRun stray = CliRun.of("fleet", files.toString(), "--service-label", "symbol");
        assertThat(stray.code()).isEqualTo(2);
        assertThat(stray.err()).contains("--service-label only goes with --prometheus");

        CliRun both = CliRun.of(fleetArgs(files.toString()));
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }
}
