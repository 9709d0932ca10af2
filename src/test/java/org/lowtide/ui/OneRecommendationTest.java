package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lowtide.cli.LowtideCli;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.planning.Recommendation;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RecommendationService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.main.MainViewModel;
import org.lowtide.ui.plan.PlanViewModel;
import org.testfx.api.FxToolkit;

/**
 * One answer everywhere (issue 12): for the samples and every series of {@code ../shared/data/traffic},
 * with the defaults and a few variants (window length, revenue, zone), {@code analyze}, {@code cost},
 * {@code plan}, {@code report} (its PDF text), the Overview and the Windows tab show one recommended
 * weekly window and one first dated window, the ones {@link RecommendationService} makes.
 */
class OneRecommendationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double REVENUE_PER_YEAR = 20_000_000;

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** What is varied: the window length, a revenue of the user's, the zone given on the command line. */
    record Variant(String name, Duration window, boolean revenue, Optional<ZoneId> zone) {
        List<String> args() {
            List<String> a = new ArrayList<>();
            if (!window.equals(AnalysisRequest.DEFAULT_WINDOW)) {
                a.add("--duration");
                a.add(window.toMinutes() + " min");
            }
            zone.ifPresent(z -> {
                a.add("--zone");
                a.add(z.getId());
            });
            return a;
        }

        List<String> revenueArgs() {
            return revenue ? List.of("--revenue-per-year", String.valueOf((long) REVENUE_PER_YEAR)) : List.of();
        }
    }

    private static final Variant DEFAULTS = new Variant("defaults", AnalysisRequest.DEFAULT_WINDOW, false,
            Optional.empty());

    static Stream<Arguments> sources() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String sample : List.of("shop-hourly-2025.csv", "api-5min-dst-2026.csv")) {
            Path file = Path.of("sample-data", sample);
            cases.add(Arguments.of(file, DEFAULTS, true));
            cases.add(Arguments.of(file, new Variant("1-hour window", Duration.ofHours(1), false, Optional.empty()),
                    false));
            cases.add(Arguments.of(file, new Variant("revenue given", AnalysisRequest.DEFAULT_WINDOW, true,
                    Optional.empty()), true));
            cases.add(Arguments.of(file, new Variant("zone given", AnalysisRequest.DEFAULT_WINDOW, false,
                    Optional.of(ZoneId.of("America/Chicago"))), false));
        }
        Path shared = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> files = Files.list(shared)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    cases.add(Arguments.of(f, DEFAULTS, false));
                    cases.add(Arguments.of(f, new Variant("revenue given", AnalysisRequest.DEFAULT_WINDOW, true,
                            Optional.of(ZoneId.of("UTC"))), false));
                }
            }
        } else {
            cases.add(Arguments.of(shared, DEFAULTS, false)); // skipped with a message below
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("sources")
    void everyFaceShowsTheSameWindow(Path file, Variant variant, boolean withReport) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " absent (../shared/data not here): skipped");
        ZoneId zone = variant.zone().orElse(new TrafficSource.FileSource(file).suggestedZone()
                .orElse(ZoneId.systemDefault()));
        // The user's machine is in the zone the file is read in: "tomorrow" is the same day for every face.
        Clock clock = Clock.system(zone);
        AnalysisService analysis = new AnalysisService();
        ImportOptions options = ImportOptions.inZone(zone);
        AnalysisRequest request = new AnalysisRequest(new TrafficSource.FileSource(file), options, variant.window(),
                AnalysisRequest.DEFAULT_TROUGHS);
        CostAssumptions costs = variant.revenue() ? CostAssumptions.defaults().toBuilder()
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, REVENUE_PER_YEAR, true)).build()
                : CostAssumptions.defaults();
        Recommendation expected;
        try {
            expected = new RecommendationService(new PlanService(analysis), clock).recommend(request,
                    Optional.of(costs), ProgressListener.NONE, Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            JsonNode analyzed = cli("analyze", file, variant, List.of("--json", "--forecast-weeks", "0"));
            if (variant.revenue() && analyzed.has("recommendation")) {
                // The cost model refuses the data (e.g. negative values): plan in money refuses it too.
                assertThat(run("plan", file, variant, concat(variant.revenueArgs(), List.of("--json"))).code())
                        .as("plan in money on data the cost model refuses: " + e.getMessage())
                        .isEqualTo(LowtideCli.EXIT_USAGE);
                return;
            }
            // No weekly profile (e.g. monthly data): no face may recommend a window.
            assertThat(analyzed.has("recommendation")).as("no recommendation without a weekly profile: "
                    + e.getMessage()).isFalse();
            return;
        }
        assertThat(expected.basis()).isEqualTo(variant.revenue() ? Recommendation.Basis.EXPECTED_COST
                : Recommendation.Basis.TRAFFIC_AT_STAKE);
        String weekly = expected.weeklyText().orElseThrow();
        Instant first = expected.first().orElseThrow().window().start();

        // analyze has no cost model: it ranks by traffic, as the plan does without a revenue.
        if (!variant.revenue()) {
            assertRecommends("analyze", cli("analyze", file, variant, List.of("--json")), weekly, first);
        }
        if (variant.window().equals(AnalysisRequest.DEFAULT_WINDOW)) {
            Run cost = run("cost", file, variant, concat(variant.revenueArgs(), List.of("--json", "--simulations", "200")));
            if (cost.code() == 0) {
                assertRecommends("cost", JSON.readTree(cost.out()), weekly, first);
            } else {
                // Money cannot be put on this data (e.g. negative values): cost says so and recommends nothing.
                assertThat(cost.err()).as("cost refuses with a reason").contains("cannot be negative");
            }
        }
        JsonNode plan = cli("plan", file, variant, concat(variant.revenueArgs(), List.of("--json")));
        assertRecommends("plan", plan, weekly, first);
        assertThat(Instant.parse(plan.path("windows").get(0).path("startUtc").asText())).as("plan's first window")
                .isEqualTo(first);
        assertThat(plan.path("recurring").path("rule").asText()).as("plan's weekly rule").startsWith(weekly);

        if (withReport) {
            String text = reportText(file, variant);
            Recommendation.Basis basis = expected.basis();
            org.lowtide.planning.RecurringWindow rule = expected.weekly().orElseThrow();
            assertThat(text).as("report page 1").contains("Make risky changes on "
                    + rule.day().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + "s between "
                    + rule.start() + " and " + rule.start().plus(rule.duration()));
            assertThat(text).as("heat map caption").contains("the recommended window of page 1, " + weekly);
            assertThat(text).as("method").contains(basis == Recommendation.Basis.EXPECTED_COST
                    ? "scored by the expected cost of a change" : "scored by the expected traffic over");
            if (!variant.revenue()) {
                assertThat(text).contains("amount is illustrative");
            }
        }

        // The Overview ranks by traffic (it has no cost model); the Windows tab takes the Costs tab's.
        if (!variant.revenue()) {
            MainViewModel overview = new MainViewModel(analysis, Runnable::run, clock);
            onFx(() -> {
                overview.setWindowLength(variant.window());
                overview.load(new TrafficSource.FileSource(file), options);
            });
            assertThat(overview.getRecommendation()).as("Overview").isEqualTo(weekly);
            assertThat(overview.nextOccurrenceProperty().get()).as("Overview's next window")
                    .isEqualTo("Next: " + expected.firstText().orElseThrow());
        }
        PlanViewModel windows = new PlanViewModel(new PlanService(analysis), Runnable::run, clock, Duration.ZERO);
        onFx(() -> {
            windows.inputs().windowLengthProperty().set(variant.window().toMinutes() + " min");
            windows.costAssumptionsProperty().set(costs);
            windows.setTraffic(new TrafficSource.FileSource(file), options);
        });
        assertThat(windows.getResult()).as("Windows tab planned").isNotNull();
        assertThat(windows.getResult().plan().windows().get(0).window().start()).as("Windows tab's first window")
                .isEqualTo(first);
        assertThat(RecommendationService.of(windows.getResult()).weeklyText()).as("Windows tab's weekly rule")
                .contains(weekly);
    }

    private static void assertRecommends(String face, JsonNode json, String weekly, Instant first) {
        JsonNode r = json.path("recommendation");
        assertThat(r.path("weekly").path("text").asText()).as(face + " weekly window").isEqualTo(weekly);
        assertThat(OffsetDateTime.parse(r.path("first").path("start").asText()).toInstant())
                .as(face + " first dated window").isEqualTo(first);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String command, Path file, Variant variant, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(command, file.toString()));
        args.addAll(variant.args());
        args.addAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LowtideCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(code, out.toString(), command + " " + args + ": " + err);
    }

    private static JsonNode cli(String command, Path file, Variant variant, List<String> extra) throws IOException {
        Run r = run(command, file, variant, extra);
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private String reportText(Path file, Variant variant) throws IOException {
        Path pdf = dir.resolve("report.pdf");
        List<String> args = new ArrayList<>(List.of("report", file.toString(), "--pdf", pdf.toString(),
                "--simulations", "200"));
        args.addAll(variant.args());
        args.addAll(variant.revenueArgs());
        StringWriter err = new StringWriter();
        int code = LowtideCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as("report: " + err).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
