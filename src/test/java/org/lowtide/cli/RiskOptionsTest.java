package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.cost.Citations;

/** {@code --incidents}, {@code --deploys}, {@code --risk-from-outages} on cost, plan and report (issue #21). */
class RiskOptionsTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Three weeks of hourly traffic, quiet at night. */
    private Path traffic() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 3 * 168; i++, t = t.plusHours(1)) {
            csv.append(t.toOffsetDateTime()).append(',').append(t.getHour() < 6 ? 20 : 100).append('\n');
        }
        return Files.writeString(dir.resolve("traffic.csv"), csv);
    }

    /** 60 daily changes at 10:00; 12 incidents, every fifth day at 10:20, detected 5 min later. */
    private Path[] history() throws Exception {
        StringBuilder deploys = new StringBuilder("deployed_at,version\n");
        StringBuilder incidents = new StringBuilder("id,start,detected,end,cause\n");
        ZonedDateTime d = ZonedDateTime.of(2025, 1, 6, 10, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 60; i++, d = d.plusDays(1)) {
            deploys.append(d.toOffsetDateTime()).append(",v").append(i).append('\n');
            if (i % 5 == 0) {
                ZonedDateTime s = d.plusMinutes(20);
                incidents.append("INC-").append(i).append(',').append(s.toOffsetDateTime()).append(',')
                        .append(s.plusMinutes(5).toOffsetDateTime()).append(',')
                        .append(s.plusMinutes(5 + 20 + 3L * i).toOffsetDateTime()).append(",\n");
            }
        }
        return new Path[] {Files.writeString(dir.resolve("incidents.csv"), incidents),
            Files.writeString(dir.resolve("deploys.csv"), deploys)};
    }

    private JsonNode costJson(String... extra) throws Exception {
        String[] base = {"cost", traffic().toString(), "--zone", "UTC", "--simulations", "2000", "--json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode today(JsonNode cost) {
        for (JsonNode s : cost.get("scenarios")) {
            if (s.get("levers").isEmpty()) {
                return s;
            }
        }
        throw new AssertionError("no scenario without levers");
    }

    @Test
    void costMoneyMovesAsTheFittedNumbersSay() throws Exception {
        Path[] h = history();
        JsonNode learned = costJson("--incidents", h[0].toString(), "--deploys", h[1].toString());
        JsonNode risk = learned.get("risk");
        assertThat(risk.get("source").asText()).isEqualTo("your incidents: 12 from 2025-01-06 to 2025-03-02 "
                + "(incidents.csv); your changes: 60 from 2025-01-06 to 2025-03-06 (deploys.csv)");
        double cfr = risk.get("changeFailureRate").get("value").asDouble();
        assertThat(cfr).isEqualTo(12 / 60.0);
        assertThat(risk.get("changeFailureRate").get("dataWeight").asDouble()).isEqualTo(1.0);
        assertThat(risk.get("detect").get("median").asText()).isEqualTo("PT5M");
        double median = Duration.parse(risk.get("restore").get("median").asText()).toMillis() / 60_000.0;
        double p90 = Duration.parse(risk.get("restore").get("p90").asText()).toMillis() / 60_000.0;
        // the restore times are 20 + 3i minutes for i = 0, 5, …, 55: the fitted median is their geometric mean
        double logMean = java.util.stream.IntStream.range(0, 12).mapToDouble(k -> Math.log(20 + 15 * k)).average()
                .orElseThrow();
        assertThat(median).isCloseTo(Math.exp(logMean), within(1e-3));
        // closed form: h = CFR · (detect + E[restore]) · impact, E[restore] = median · e^{σ²/2}
        double sigma = Math.log(p90 / median) / Citations.Z_90;
        JsonNode today = today(learned);
        assertThat(today.get("changeFailureRate").asDouble()).isEqualTo(cfr);
        assertThat(today.get("restoreMeanMinutes").asDouble()).isCloseTo(median * Math.exp(sigma * sigma / 2),
                within(1e-6));
        assertThat(today.get("detectMinutes").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(today.get("downtimePerChangeMinutes").asDouble()).isCloseTo(
                cfr * (5.0 + median * Math.exp(sigma * sigma / 2)), within(1e-6));
        assertThat(today.get("changesPerYear").asDouble()).isCloseTo(59 / 59.0 * 365.25, within(1e-9));

        // the same numbers typed in give the same money, to the cent
        JsonNode typed = costJson("--change-failure-rate", Double.toString(cfr), "--detect", "PT5M",
                "--mttr", risk.get("restore").get("median").asText(), "--mttr-p90", risk.get("restore").get("p90").asText(),
                "--changes-per-year", Double.toString(today.get("changesPerYear").asDouble()));
        assertThat(learned.get("change").get("median").get("mean").asDouble())
                .isEqualTo(typed.get("change").get("median").get("mean").asDouble());
        // and the money scales with the failure rate: a rate twice as high doubles the expected cost
        JsonNode doubled = costJson("--change-failure-rate", Double.toString(2 * cfr), "--detect", "PT5M",
                "--mttr", risk.get("restore").get("median").asText(), "--mttr-p90", risk.get("restore").get("p90").asText());
        assertThat(doubled.get("change").get("median").get("exactMean").asDouble()).isCloseTo(
                2 * learned.get("change").get("median").get("exactMean").asDouble(), within(1e-6));
        // the assumptions name the source
        int named = 0;
        for (JsonNode a : learned.get("assumptions")) {
            String key = a.get("name").asText();
            if (key.equals("changeFailureRate") || key.equals("restoreMedian") || key.equals("detect")) {
                assertThat(a.get("source").asText()).startsWith("from your data: your incidents: 12 from 2025-01-06");
                assertThat(a.get("sourceKind").asText()).isEqualTo("DATA");
                named++;
            }
        }
        assertThat(named).isEqualTo(3);
    }

    @Test
    void reportShowsTheFitAgainstTheDataOnTheAssumptionsPage() throws Exception {
        Path[] h = history();
        Path pdf = dir.resolve("risk.pdf");
        CliRun r = run("report", traffic().toString(), "--zone", "UTC", "--from", "2025-01-27", "--to", "2025-02-09",
                "--incidents", h[0].toString(), "--deploys", h[1].toString(), "--simulations", "2000",
                "--pdf", pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Your own risk", "Learned from your incidents: 12 from 2025-01-06 to 2025-03-02",
                "DORA 2023 cluster: medium", "Change failure rate 20.0 %", "Time to restore, minutes (log scale)",
                "Your data (12)", "Time to detect");
        // without history the page has no such section
        CliRun plain = run("report", traffic().toString(), "--zone", "UTC", "--from", "2025-01-27", "--to", "2025-02-09",
                "--simulations", "2000", "--pdf", dir.resolve("plain.pdf").toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(dir.resolve("plain.pdf").toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).doesNotContain("Your own risk");
        }
    }

    @Test
    void anOptionTypedInWinsOverTheHistory() throws Exception {
        Path[] h = history();
        JsonNode j = costJson("--incidents", h[0].toString(), "--deploys", h[1].toString(), "--change-failure-rate",
                "0.05");
        assertThat(today(j).get("changeFailureRate").asDouble()).isEqualTo(0.05);
    }

    @Test
    void summaryNamesTheHistory() throws Exception {
        Path[] h = history();
        CliRun r = run("cost", traffic().toString(), "--zone", "UTC", "--simulations", "2000", "--incidents",
                h[0].toString(), "--deploys", h[1].toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Risk from your history: your incidents: 12 from 2025-01-06 to 2025-03-02",
                "change failure rate 20.0 %", "DORA 2023 cluster: medium",
                "an incident that begins within 1 h after a change");
    }

    @Test
    void aBadIncidentFileIsBadInputNamingLineAndColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "start,end\nlater,never\n");
        CliRun r = run("cost", traffic().toString(), "--zone", "UTC", "--incidents", bad.toString());
        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("bad.csv: line 2, column 1").doesNotContain("Exception");
    }

    @Test
    void deploysTwoWaysIsAUsageError() throws Exception {
        Path[] h = history();
        CliRun r = run("cost", traffic().toString(), "--incidents", h[0].toString(), "--deploys", h[1].toString(),
                "--deploys-from-git", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--deploys and --deploys-from-git");
    }

    @Test
    void aPlanFileRecordsWhatTheRiskWasFittedFrom() throws Exception {
        Path[] h = history();
        Path plan = dir.resolve("shop.lowtide");
        CliRun r = run("plan", traffic().toString(), "--zone", "UTC", "--from", "2025-01-27", "--to", "2025-02-09",
                "--incidents", h[0].toString(), "--deploys", h[1].toString(), "--save", plan.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode saved = new ObjectMapper().readTree(plan.toFile());
        assertThat(saved.get("cost").get("changeFailureRate").asText()).isEqualTo("0.2");
        assertThat(saved.get("cost").get("changeFailureRate.source").asText())
                .startsWith("your incidents: 12 from 2025-01-06 to 2025-03-02");
        // reopened, the report lists the same source
        CliRun report = run("report", plan.toString(), "--pdf", dir.resolve("r.pdf").toString());
        assertThat(report.code()).as(report.err()).isZero();
    }
}
