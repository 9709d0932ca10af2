package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12, "money is never headlined on a placeholder": without a revenue, {@code plan} and the
 * report lead with the traffic at stake and mark money as illustrative; with one, they rank and
 * headline the expected cost and say nothing of a placeholder.
 */
class TrafficOnlyWordingTest {

    private static final Path SHOP = Path.of("sample-data/shop-hourly-2025.csv");
    private static final List<String> REVENUE = List.of("--revenue-per-year", "120000000", "--currency", "EUR");
    private static final String TRAFFIC_ONLY = "windows are ranked by traffic only";
    private static final String ILLUSTRATIVE = "money is illustrative";

    @TempDir
    Path dir;

    @Test
    void planWithoutRevenueRanksByTrafficAndCallsMoneyIllustrative() throws Exception {
        CliRun text = run("plan", SHOP.toString(), "--zone", "Europe/Berlin");
        assertThat(text.code()).isZero();
        assertThat(text.out()).containsPattern("expected [0-9,]+ at stake") // each window: the traffic at stake
                .contains("Ranked by the traffic at stake over the 2-hour window")
                .contains(TRAFFIC_ONLY).contains(ILLUSTRATIVE)
                .doesNotContain("Ranked by the expected cost");
        assertThat(text.out().indexOf("at stake")).as("the windows lead with the traffic at stake")
                .isLessThan(text.out().indexOf("Recommended:"));
        assertThat(text.out()).as("no amount in a currency headlines a window").doesNotContainPattern("costs [0-9,]+ USD");

        JsonNode json = new ObjectMapper().readTree(run("plan", SHOP.toString(), "--zone", "Europe/Berlin", "--json").out());
        assertThat(json.path("recommendation").path("basis").asText()).isEqualTo("trafficAtStake");
        assertThat(json.path("recommendation").path("warnings").toString()).contains(TRAFFIC_ONLY, ILLUSTRATIVE);
    }

    @Test
    void planWithRevenueRanksByExpectedCostAndSaysNothingOfAPlaceholder() throws Exception {
        List<String> args = new ArrayList<>(List.of("plan", SHOP.toString(), "--zone", "Europe/Berlin"));
        args.addAll(REVENUE);
        CliRun text = CliRun.of(args);
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Ranked by the expected cost of a change").doesNotContain(ILLUSTRATIVE);
        args.add("--json");
        JsonNode json = new ObjectMapper().readTree(CliRun.of(args).out());
        assertThat(json.path("recommendation").path("basis").asText()).isEqualTo("expectedCost");
        assertThat(json.toString()).doesNotContain(ILLUSTRATIVE);
    }

    @Test
    void reportPageOneWithoutRevenueLeadsWithTrafficAtStakeAndMarksMoneyIllustrative() throws Exception {
        String page1 = pageOne(report(List.of()));
        int traffic = page1.indexOf("Trafficatstakeintherecommendedwindow");
        int money = page1.indexOf("Costofachangeinthewindow(illustrative)");
        assertThat(traffic).as("page 1's first figure is the traffic at stake").isGreaterThan(0);
        assertThat(money).as("the cost of a change is marked illustrative").isGreaterThan(traffic);
        assertThat(page1).contains(squeeze("No revenue was given: the windows are ranked by traffic only"))
                .contains(squeeze("every amount is illustrative"))
                .doesNotContain(squeeze("Expected cost of a change in the window"))
                .doesNotContain(squeeze("Yearly savings"));
    }

    @Test
    void reportPageOneWithRevenueHeadlinesTheExpectedCost() throws Exception {
        String page1 = pageOne(report(REVENUE));
        assertThat(page1).contains(squeeze("Expected cost of a change in the window"))
                .doesNotContain("(illustrative)").doesNotContain(squeeze("No revenue was given"));
    }

    private Path report(List<String> extra) {
        Path pdf = dir.resolve("r" + extra.size() + ".pdf");
        List<String> args = new ArrayList<>(List.of("report", SHOP.toString(), "--zone", "Europe/Berlin",
                "--simulations", "2000", "--pdf", pdf.toString()));
        args.addAll(extra);
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isZero();
        return pdf;
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String pageOne(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            return squeeze(stripper.getText(doc));
        }
    }

    private static String squeeze(String s) {
        return s.replace("\u200B", "").replaceAll("\\s+", "");
    }
}
