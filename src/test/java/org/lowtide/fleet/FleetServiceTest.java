package org.lowtide.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.planning.Recommendation;
import org.lowtide.service.AnalysisRequest;
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

class FleetServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private final PlanService plans = new PlanService(new AnalysisService());
    private final RecommendationService recommendations = new RecommendationService(plans, CLOCK);
    private final FleetService fleets = new FleetService(plans, recommendations);

    @TempDir
    Path dir;

    private FleetRequest request(Fleet fleet) {
        return new FleetRequest(fleet, new ImportOptions(ZoneOffset.UTC, Optional.empty(), Optional.empty()),
                Optional.empty(), Optional.empty(), FleetRequest.DEFAULT_CANDIDATES, 2);
    }

    /** What the single-service recommendation gives a member (the same file, zone and window). */
    private Recommendation single(FleetMember m) throws Exception {
        ZoneId zone = m.zone().orElse(ZoneOffset.UTC);
        AnalysisRequest a = new AnalysisRequest(new TrafficSource.FileSource(m.file().orElseThrow()),
                new ImportOptions(zone, Optional.empty(), Optional.empty()), m.window().orElse(AnalysisRequest.DEFAULT_WINDOW),
                AnalysisRequest.DEFAULT_TROUGHS);
        return recommendations.recommend(a, Optional.empty(), ProgressListener.NONE, Cancellation.NEVER);
    }

    @Test
    void theRealSeriesAsAFleetWithoutRulesGetTheirSingleServicePlans() throws Exception {
        Path data = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic");
        Assumptions.assumeTrue(Files.isDirectory(data), "../shared/data absent: the real-series fleet test is skipped");
        String[][] services = {{"nab_twitter_volume_AAPL.csv", "America/New_York"},
            {"nab_twitter_volume_FB.csv", "Europe/London"}, {"nab_twitter_volume_GOOG.csv", "Asia/Tokyo"},
            {"nab_elb_request_count_8c0756.csv", "UTC"}, {"isp_transatlantic_internet_traffic_5min.csv", "Europe/Lisbon"}};
        List<FleetMember> members = new ArrayList<>();
        for (String[] s : services) {
            members.add(new FleetMember(s[0].replace(".csv", ""), data.resolve(s[0]), Optional.empty(),
                    Optional.of(ZoneId.of(s[1])), java.util.OptionalDouble.empty(), Optional.empty(), List.of(), List.of(),
                    Optional.empty(), 1, Optional.empty(), "test"));
        }
        FleetResult result = fleets.plan(request(new Fleet(members, FleetRules.NONE, "real")), ProgressListener.NONE,
                Cancellation.NEVER);
        for (FleetMember m : members) {
            FleetOutcome o = result.outcome(m.name()).orElseThrow();
            Recommendation own = single(m);
            if (own.first().isEmpty()) {
                assertThat(result.chosen(m.name())).isEmpty();
                continue;
            }
            assertThat(o.status()).as(m.name()).isEqualTo(FleetOutcome.Status.PLANNED);
            assertThat(result.chosen(m.name())).as(m.name()).hasSize(1);
            assertThat(result.chosen(m.name()).get(0).start()).as(m.name()).isEqualTo(own.first().get().window().start());
            assertThat(o.weekly()).as(m.name()).isEqualTo(own.weekly());
        }
        assertThat(FleetChecker.violations(result.problem(), result.solution())).isEmpty();
    }

    @Test
    void rulesOnTheRealSeriesHoldAndNameTheirReasons() throws Exception {
        Path data = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic");
        Assumptions.assumeTrue(Files.isDirectory(data), "../shared/data absent: the real-series fleet test is skipped");
        List<FleetMember> members = new ArrayList<>();
        for (String s : List.of("AAPL", "FB", "GOOG")) {
            members.add(new FleetMember(s, data.resolve("nab_twitter_volume_" + s + ".csv"), Optional.empty(),
                    Optional.of(ZoneId.of("America/New_York")), java.util.OptionalDouble.empty(), Optional.empty(),
                    List.of(), List.of(), Optional.empty(), 1, Optional.empty(), "test"));
        }
        FleetRules rules = new FleetRules(OptionalInt.of(1), Duration.ofDays(1),
                List.of(new DependencyGroup("tickers", GroupKind.NEVER_TOGETHER, List.of("AAPL", "FB", "GOOG"))),
                List.of(), Optional.empty());
        FleetResult result = fleets.plan(request(new Fleet(members, rules, "real")), ProgressListener.NONE,
                Cancellation.NEVER);
        assertThat(FleetChecker.violations(result.problem(), result.solution())).isEmpty();
        List<Candidate> all = new ArrayList<>();
        members.forEach(m -> all.addAll(result.chosen(m.name())));
        assertThat(all).hasSize(3);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).overlaps(all.get(j))).isFalse();
            }
        }
    }

    @Test
    void oneBrokenFileFailsOneServiceAndTheRestArePlanned() throws IOException {
        for (int i = 0; i < 3; i++) {
            FleetData.write(dir.resolve("svc" + i + ".csv"), i, Duration.ofHours(1), 5);
        }
        Files.writeString(dir.resolve("broken.csv"), "timestamp,requests\n2026-01-01T00:00:00Z,12\nnot a time,x\n");
        Fleet fleet = fleets.read(dir, ZoneOffset.UTC);
        List<String> progress = new ArrayList<>();
        FleetResult result = fleets.plan(request(fleet), (f, m) -> progress.add(m), Cancellation.NEVER);
        assertThat(result.failed()).isEqualTo(1);
        FleetOutcome broken = result.outcome("broken").orElseThrow();
        assertThat(broken.status()).isEqualTo(FleetOutcome.Status.FAILED);
        assertThat(broken.problem().orElseThrow()).startsWith("broken.csv").doesNotContain("Exception");
        for (int i = 0; i < 3; i++) {
            assertThat(result.outcome("svc" + i).orElseThrow().status()).isEqualTo(FleetOutcome.Status.PLANNED);
            assertThat(result.chosen("svc" + i)).hasSize(1);
        }
        assertThat(progress).anyMatch(m -> m.contains("4 of 4"));
    }

    @Test
    void aLongFormatFleetKeepsItsSplitFilesUntilDiscardedAndAFolderWritesNone() throws IOException {
        Path csv = dir.resolve("long.csv");
        FleetData.writeLongFormat(csv, List.of("web", "db"), 48);
        Fleet fleet = fleets.read(csv, ZoneOffset.UTC);
        List<Path> split = fleet.members().stream().map(m -> ((MemberTraffic.File) m.traffic()).path()).toList();
        assertThat(split).hasSize(2).allMatch(Files::isRegularFile);
        Path work = split.get(0).getParent();
        assertThat(work).isNotEqualTo(dir);
        fleets.discard(fleet);
        assertThat(split).noneMatch(Files::exists);
        assertThat(work).doesNotExist();
        fleets.discard(fleet); // twice is harmless

        // A folder of files is read in place: no temporary folder is left behind by the read.
        Path folder = Files.createDirectories(dir.resolve("folder"));
        FleetData.write(folder.resolve("svc.csv"), 1, Duration.ofHours(1), 5);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = lowtideFleetDirs(tmp);
        fleets.read(folder, ZoneOffset.UTC);
        assertThat(lowtideFleetDirs(tmp)).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> lowtideFleetDirs(Path tmp) throws IOException {
        try (var files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("lowtide-fleet-")).toList();
        }
    }

    @Test
    void aGeneratedFleetOf200ServicesKeepsEveryRule() throws IOException {
        List<FleetMember> members = new ArrayList<>();
        String[] zones = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"};
        for (int i = 0; i < 200; i++) {
            Path f = dir.resolve("s" + i + ".csv");
            FleetData.write(f, 1000 + i, Duration.ofHours(1), 4);
            members.add(new FleetMember("s" + i, f, Optional.empty(), Optional.of(ZoneId.of(zones[i % zones.length])),
                    java.util.OptionalDouble.empty(), Optional.of(Duration.ofHours(1 + i % 2)), List.of(), List.of(),
                    Optional.empty(), 1, Optional.empty(), "generated"));
        }
        List<DependencyGroup> groups = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            groups.add(new DependencyGroup("db" + g, GroupKind.NEVER_TOGETHER,
                    List.of("s" + (g * 10), "s" + (g * 10 + 1), "s" + (g * 10 + 2))));
        }
        groups.add(new DependencyGroup("pair", GroupKind.ALWAYS_TOGETHER, List.of("s5", "s10")));
        FleetRules rules = new FleetRules(OptionalInt.of(8), Duration.ofDays(1), groups, List.of(), Optional.empty());
        Fleet fleet = new Fleet(members, rules, "generated");
        FleetResult result = fleets.plan(request(fleet), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(result.failed()).isZero();
        assertThat(FleetChecker.violations(result.problem(), result.solution())).isEmpty();
        assertThat(result.solution().unplaced()).isZero();
        // Services no rule moved keep their own best window.
        long own = members.stream().filter(m -> result.chosen(m.name()).get(0).start()
                .equals(result.outcome(m.name()).orElseThrow().own().get(0).window().start())).count();
        assertThat(own).isGreaterThan(0);
        assertThat(result.solution().totalCost()).isGreaterThanOrEqualTo(result.solution().lowerBound() - 1e-9);
    }

    @Test
    void cancellingStopsTheFleetWithoutAPlan() throws IOException {
        for (int i = 0; i < 6; i++) {
            FleetData.write(dir.resolve("c" + i + ".csv"), i, Duration.ofHours(1), 5);
        }
        Fleet fleet = fleets.read(dir, ZoneOffset.UTC);
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fleets.plan(
                new FleetRequest(fleet, new ImportOptions(ZoneOffset.UTC, Optional.empty(), Optional.empty()),
                        Optional.empty(), Optional.empty(), FleetRequest.DEFAULT_CANDIDATES, 1),
                (f, m) -> cancel.set(true), cancel::get))
                .isInstanceOf(org.lowtide.service.CancelledException.class);
    }
}
