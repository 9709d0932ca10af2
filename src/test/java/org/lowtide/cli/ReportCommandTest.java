package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.report.ChartExport;
import org.lowtide.report.Texts;

class ReportCommandTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Path SHOP = Path.of("sample-data/shop-hourly-2025.csv");

    /** The options both `plan`/`cost` and `report` get, as the README's example. */
    private static final List<String> PLAN = List.of("--zone", "Europe/Berlin", "--from", "2025-11-17", "--to",
            "2025-12-28", "--allowed", "Mon-Fri 01:00-06:00", "--allowed", "Sat 02:00-08:00", "--blackout",
            "2025-11-24/2025-11-30=Black Friday freeze", "--holidays", "DE", "--habit", "Tue 14:00");
    private static final List<String> COST = List.of("--revenue-per-year", "120000000", "--currency", "EUR");
    private static final List<String> SIMULATIONS = List.of("--simulations", "20000");

    @TempDir
    Path dir;


    @BeforeEach
    void fixTheDate() {
        System.setProperty("lowtide.sourceDateEpoch", "1764115200");
    }

    @AfterEach
    void clearTheDate() {
        System.clearProperty("lowtide.sourceDateEpoch");
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args);
    }

    private static List<String> args(String command, Object... parts) {
        List<String> all = new ArrayList<>(List.of(command));
        for (Object p : parts) {
            if (p instanceof List) {
                for (Object o : (List<?>) p) {
                    all.add(o.toString());
                }
            } else {
                all.add(p.toString());
            }
        }
        return all;
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return squeeze(new PDFTextStripper().getText(doc));
        }
    }

    private static String squeeze(String s) {
        return s.replace("\u200B", "").replaceAll("\\s+", "");
    }

    @Test
    void theNumbersInThePdfAreThoseOfPlanJsonAndCostJson() throws Exception {
        Path pdf = dir.resolve("shop.pdf");
        CliRun report = run(args("report", SHOP, PLAN, COST, SIMULATIONS, "--pdf", pdf, "--title", "Checkout"));
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("shop.pdf").contains("pages, A4");
        String text = text(pdf);

        CliRun plan = run(args("plan", SHOP, PLAN, COST, "--json"));
        assertThat(plan.code()).as(plan.err()).isZero();
        JsonNode planJson = new ObjectMapper().readTree(plan.out());
        assertThat(planJson.path("currency").asText()).isEqualTo("EUR");
        assertThat(planJson.path("windows").size()).isEqualTo(4);
        for (JsonNode w : planJson.path("windows")) {
            String start = Texts.dayTime(OffsetDateTime.parse(w.path("start").asText()).atZoneSameInstant(BERLIN));
            assertThat(text.contains(squeeze(start))).as("window %s", start).isTrue();
            for (String amount : List.of(Texts.money(w.path("expectedCost").asDouble(), "EUR"),
                    Texts.money(w.path("cost").path("p90").asDouble(), "EUR"),
                    Texts.money(w.path("savingsVsMedianSlot").asDouble(), "EUR"),
                    Texts.count(w.path("expectedTraffic").asDouble()))) {
                assertThat(text.contains(squeeze(amount))).as("%s of %s", amount, start).isTrue();
            }
            assertThat(text.contains(squeeze(w.path("reasons").get(0).asText()))).as("reason of %s", start).isTrue();
        }
        JsonNode first = planJson.path("windows").get(0);
        assertThat(text.contains(squeeze(Texts.money(first.path("cost").path("mean").asDouble(), "EUR")))).isTrue();
        assertThat(text.contains(squeeze(planJson.path("recurring").path("rule").asText()))).isTrue();
        String savings = squeeze(Texts.money(planJson.path("habit").path("savingsPerYear").asDouble(), "EUR"));
        assertThat(text.contains("Yearlysavings" + savings)).as("yearly savings %s", savings).isTrue();
        assertThat(text.contains(squeeze(Texts.money(planJson.path("habit").path("expectedCost").asDouble(), "EUR"))))
                .isTrue();
        assertThat(text.contains(squeeze(Texts.money(planJson.path("medianSlot").asDouble(), "EUR")))).isTrue();

        CliRun cost = run(args("cost", SHOP, "--zone", "Europe/Berlin", COST, SIMULATIONS, "--json"));
        assertThat(cost.code()).as(cost.err()).isZero();
        JsonNode costJson = new ObjectMapper().readTree(cost.out());
        for (String which : List.of("best", "median", "worst")) {
            JsonNode c = costJson.path("change").path(which);
            for (String field : List.of("mean", "p90", "p99")) {
                String amount = squeeze(Texts.money(c.path(field).asDouble(), "EUR"));
                assertThat(text.contains(amount)).as("%s %s = %s", which, field, amount).isTrue();
            }
        }
        for (JsonNode s : costJson.path("scenarios")) {
            String amount = squeeze(Texts.money(s.path("downtimeCostPerYear").asDouble(), "EUR"));
            assertThat(text.contains(amount)).as("scenario %s: %s", s.path("name").asText(), amount).isTrue();
        }
        String budget = squeeze(Texts.percent(costJson.path("errorBudget").path("consumedShare").asDouble()));
        assertThat(text.contains(budget)).as("error budget %s", budget).isTrue();
        for (JsonNode a : costJson.path("assumptions")) {
            assertThat(text.contains(squeeze(a.path("source").asText()))).as("source of %s", a.path("name").asText())
                    .isTrue();
        }
    }

    @Test
    void aSavedPlanIsPlannedAgainFromItsSourceWithTheSameWindows() throws Exception {
        Path saved = dir.resolve("shop.lowtide");
        Path traffic = dir.resolve("shop.csv");
        Files.copy(SHOP, traffic);
        CliRun plan = run(args("plan", traffic, PLAN, COST, "--save", saved, "--json"));
        assertThat(plan.code()).as(plan.err()).isZero();
        Path fromPlan = dir.resolve("from-plan.pdf");
        Path fromCsv = dir.resolve("from-csv.pdf");
        CliRun a = run(args("report", saved, "--pdf", fromPlan));
        assertThat(a.code()).as(a.err()).isZero();
        CliRun b = run(args("report", traffic, PLAN, COST, "--pdf", fromCsv));
        assertThat(b.code()).as(b.err()).isZero();
        JsonNode windows = new ObjectMapper().readTree(plan.out()).path("windows");
        String text = text(fromPlan);
        for (JsonNode w : windows) {
            String start = Texts.dayTime(OffsetDateTime.parse(w.path("start").asText()).atZoneSameInstant(BERLIN));
            assertThat(text.contains(squeeze(start))).as(start).isTrue();
        }
        // Same windows, numbers and money; only the inputs' sources differ (a saved plan's are all "your input").
        String csvText = text(fromCsv);
        String planned = csvText.substring(csvText.indexOf("4.Theplan"), csvText.indexOf("5.Assumptions"));
        assertThat(text).contains(planned.substring(0, Math.min(planned.length(), 900)));
    }

    @Test
    void aSavedPlanWhoseTrafficChangedSaysSoAsTheGuiDoes() throws Exception {
        Path saved = dir.resolve("shop.lowtide");
        Path traffic = dir.resolve("shop.csv");
        Files.copy(SHOP, traffic);
        assertThat(run(args("plan", traffic, PLAN, COST, "--save", saved)).code()).isZero();
        CliRun same = run(args("report", saved, SIMULATIONS, "--pdf", dir.resolve("same.pdf")));
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.err()).doesNotContain("note:");

        String csv = Files.readString(traffic);
        Files.writeString(traffic, csv.replace("2025-12-31T23:00:00+01:00,10294", "2025-12-31T23:00:00+01:00,10295"));
        CliRun changed = run(args("report", saved, SIMULATIONS, "--pdf", dir.resolve("changed.pdf")));
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.err()).contains("lowtide: note: The traffic file shop.csv changed since the plan was saved");

        Files.delete(traffic);
        CliRun gone = run(args("report", saved, SIMULATIONS, "--pdf", dir.resolve("gone.pdf")));
        assertThat(gone.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(gone.err()).contains("shop.lowtide").contains("is not found");
        assertThat(dir.resolve("gone.pdf")).doesNotExist();
    }

    @Test
    void planOptionsWithASavedPlanAreAUsageError() throws Exception {
        Path saved = dir.resolve("shop.lowtide");
        Path traffic = dir.resolve("shop.csv");
        Files.copy(SHOP, traffic);
        assertThat(run(args("plan", traffic, PLAN, "--save", saved)).code()).isZero();
        CliRun r = run(args("report", saved, "--duration", "PT3H", "--pdf", dir.resolve("x.pdf")));
        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(r.err()).contains("--duration");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void exitCodesFollowTheContract() throws Exception {
        CliRun noPdf = run(args("report", SHOP, "--zone", "Europe/Berlin"));
        assertThat(noPdf.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(noPdf.err()).contains("--pdf");

        CliRun paper = run(args("report", SHOP, "--pdf", dir.resolve("a.pdf"), "--paper", "a5"));
        assertThat(paper.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(paper.err()).contains("a4 or letter");

        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "timestamp,requests\n2025-01-01T00:00:00Z,5\nnot-a-time,7\n", StandardCharsets.UTF_8);
        CliRun bad = run(args("report", broken, "--zone", "UTC", "--pdf", dir.resolve("b.pdf")));
        assertThat(bad.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("broken.csv").contains("line 3");
        assertThat(dir.resolve("b.pdf")).doesNotExist();

        Path damaged = dir.resolve("damaged.lowtide");
        Files.writeString(damaged, "{\"schemaVersion\": 1, \"source\": ", StandardCharsets.UTF_8);
        CliRun plan = run(args("report", damaged, "--pdf", dir.resolve("c.pdf")));
        assertThat(plan.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(plan.err()).contains("damaged.lowtide");
        assertThat(Files.readString(damaged)).isEqualTo("{\"schemaVersion\": 1, \"source\": ");
    }

    @Test
    void pngDirHoldsEveryChartAtTwiceItsSizeAsPngAndSvgAndTheTablesAsCsv() throws Exception {
        Path charts = dir.resolve("charts");
        CliRun r = run(args("report", SHOP, PLAN, COST, "--pdf", dir.resolve("r.pdf"), "--png-dir", charts,
                "--paper", "letter"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("LETTER");
        List<String> names = List.of("01-week", "02-traffic", "03-heatmap", "04-forecast", "05-money-week",
                "06-cost-window", "07-cost-peak", "08-scenarios");
        for (String name : names) {
            BufferedImage png = ImageIO.read(charts.resolve(name + ".png").toFile());
            assertThat(png.getWidth()).as(name).isEqualTo(2 * ChartExport.DEFAULT_WIDTH);
            assertThat(png.getHeight()).as(name).isEqualTo(2 * ChartExport.DEFAULT_HEIGHT);
            String svg = Files.readString(charts.resolve(name + ".svg"));
            assertThat(svg).as(name).contains("<svg").contains("</svg>");
        }
        assertThat(Files.readString(charts.resolve("windows.csv"))).startsWith("rank,start,end,");
        assertThat(Files.readString(charts.resolve("assumptions.csv"))).contains("Change failure rate");
        assertThat(Files.readString(charts.resolve("scenarios.csv"))).contains("All levers");
        try (var files = Files.list(charts)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count()).isZero();
        }
    }

    @Test
    void theDateComesFromSourceDateEpoch() throws Exception {
        Path pdf = dir.resolve("dated.pdf");
        CliRun r = run(args("report", SHOP, PLAN, COST, "--pdf", pdf, "--sections", "summary,assumptions"));
        assertThat(r.code()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant().getEpochSecond())
                    .isEqualTo(1764115200L);
            assertThat(doc.getNumberOfPages()).isBetween(2, 4);
        }
        assertThat(text(pdf)).contains("made26Nov2025").doesNotContain("4.Theplan");
    }
}
