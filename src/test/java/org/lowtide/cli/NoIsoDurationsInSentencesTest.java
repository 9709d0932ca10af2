package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12: no raw ISO-8601 duration ({@code PT2H}, {@code P7D}) in a sentence of any output:
 * the text of {@code analyze}, {@code cost}, {@code plan} and {@code report} (the PDF's text), the
 * sentences inside their JSON (machine fields such as {@code "duration": "PT2H"} are data and stay
 * ISO), and the messages of refused values. Every duration in words goes through
 * {@code traffic.Durations.words}.
 */
class NoIsoDurationsInSentencesTest {

    /** An ISO duration as Java prints one. */
    private static final Pattern ISO = Pattern.compile("(?<![A-Za-z0-9])P(T\\d|\\d+D)");

    @TempDir
    Path dir;

    private static final String SHOP = "sample-data/shop-hourly-2025.csv";
    private static final String API = "sample-data/api-5min-dst-2026.csv";

    @Test
    void textOutputsAndMessagesSayDurationsInWords() throws Exception {
        List<String[]> runs = new ArrayList<>();
        for (String f : List.of(SHOP, API)) {
            runs.add(new String[] {"analyze", f});
            runs.add(new String[] {"analyze", f, "--duration", "90min", "--forecast-weeks", "2"});
            runs.add(new String[] {"cost", f, "--simulations", "1000"});
            runs.add(new String[] {"plan", f});
            runs.add(new String[] {"plan", f, "--duration", "3h", "--min-gap", "2d", "--allowed", "Sat-Sun 00:00-06:00"});
        }
        // refused or noted values: their messages name durations in words too
        runs.add(new String[] {"analyze", SHOP, "--duration", "7d"});
        runs.add(new String[] {"analyze", SHOP, "--duration", "45d"});
        runs.add(new String[] {"analyze", SHOP, "--step", "7m"});
        runs.add(new String[] {"cost", SHOP, "--mttr", "2h", "--mttr-p90", "1h"});
        runs.add(new String[] {"cost", SHOP, "--detect", "400d"});
        runs.add(new String[] {"plan", SHOP, "--duration", "40d"});
        runs.add(new String[] {"plan", SHOP, "--duration", "30s"});
        for (String[] args : runs) {
            CliRun r = CliRun.of(args);
            assertThat(sentencesWithIso(r.out() + "\n" + r.err())).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void jsonSentencesSayDurationsInWordsWhileDataFieldsStayIso() throws Exception {
        for (String[] args : List.of(new String[] {"analyze", API, "--json"}, new String[] {"cost", API, "--json",
                "--simulations", "1000"}, new String[] {"plan", API, "--json"})) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode root = new ObjectMapper().readTree(r.out());
            List<String> bad = new ArrayList<>();
            sentences(root, bad);
            assertThat(bad).as(String.join(" ", args)).isEmpty();
            assertThat(root.path("recommendation").path("duration").asText()).isEqualTo("PT2H"); // data stays ISO
        }
    }

    @Test
    void theReportsTextSaysDurationsInWords() throws Exception {
        Path pdf = dir.resolve("r.pdf");
        CliRun r = CliRun.of("report", SHOP, "--pdf", pdf.toString(), "--simulations", "1000");
        assertThat(r.code()).as(r.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("rollback");
            assertThat(sentencesWithIso(text)).isEmpty();
        }
    }

    private static List<String> sentencesWithIso(String text) {
        List<String> bad = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (ISO.matcher(line).find()) {
                bad.add(line);
            }
        }
        return bad;
    }

    /** String values with a space are sentences; single tokens ("PT2H") are data. */
    private static void sentences(JsonNode node, List<String> bad) {
        if (node.isTextual()) {
            String t = node.textValue();
            if (t.contains(" ") && ISO.matcher(t).find()) {
                bad.add(t);
            }
            return;
        }
        node.forEach(child -> sentences(child, bad));
    }
}
