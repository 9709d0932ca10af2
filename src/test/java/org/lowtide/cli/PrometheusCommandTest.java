package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.sources.PrometheusServer;

/**
 * {@code --prometheus URL --query PROMQL} on the commands that read traffic, against a real
 * Prometheus (skipped, saying why, where it is not installed): three weeks of five-minute traffic
 * of two shops, quietest on Sundays 03:00–05:00 UTC.
 */
class PrometheusCommandTest {

    private static final Instant START = Instant.parse("2025-03-03T00:00:00Z"); // a Monday
    private static final String SECRET = "tok-3d1f-never-saved";

    @TempDir
    static Path dir;
    private static PrometheusServer server;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void startServer() throws Exception {
        PrometheusServer.assumeInstalled();
        StringBuilder om = new StringBuilder("# TYPE shop_requests gauge\n");
        for (String shop : new String[] {"eu", "us"}) {
            ZonedDateTime t = START.atZone(ZoneOffset.UTC);
            for (int i = 0; i < 21 * 288; i++, t = t.plusMinutes(5)) {
                boolean trough = t.getDayOfWeek() == DayOfWeek.SUNDAY && (t.getHour() == 3 || t.getHour() == 4);
                int value = trough ? 20 : 500 + 10 * t.getHour() + (shop.equals("us") ? 100 : 0);
                om.append("shop_requests{shop=\"").append(shop).append("\"} ").append(value).append(' ')
                        .append(t.toEpochSecond()).append('\n');
            }
        }
        server = PrometheusServer.start(dir.resolve("prom"), om.append("# EOF\n").toString(), null);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String[] withServer(String command, String... more) {
        String[] head = {command, "--prometheus", server.url(), "--query", "shop_requests", "--start",
                "2025-03-03T00:00:00Z", "--end", "2025-03-23T23:55:00Z", "--step", "5m", "--zone", "UTC"};
        String[] all = new String[head.length + more.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(more, 0, all, head.length, more.length);
        return all;
    }

    @Test
    void importDescribesTheQueryAndAddsUpTheSeriesWithSum() throws Exception {
        CliRun r = run(withServer("import", "--describe", "--json", "--sum"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("format").asText()).isEqualTo("prometheus");
        assertThat(r.out()).contains("shop_requests{shop=\\\"eu\\\"} + shop_requests{shop=\\\"us\\\"}");
        assertThat(json.path("rows").path("read").asLong()).isEqualTo(2 * 21 * 288);
    }

    @Test
    void analyzeFindsTheTroughOfTheSeriesItWasToldToPick() throws Exception {
        CliRun r = run(withServer("analyze", "--series", "us", "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("series").path("points").asInt()).isEqualTo(21 * 288);
        assertThat(json.path("series").path("name").asText()).isEqualTo("shop_requests{shop=\"us\"}");
        assertThat(json.path("troughs").get(0).path("dayOfWeek").asText()).isEqualTo("SUNDAY");
        assertThat(json.path("troughs").get(0).path("start").asText()).isEqualTo("03:00");
    }

    @Test
    void aSavedPlanRemembersServerAndQueryButNotTheTokenAndTheReportNamesThem() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, SECRET + "\n");
        Path plan = dir.resolve("shop.lowtide");
        CliRun r = run(withServer("plan", "--sum", "--prometheus-token-file", token.toString(), "--from",
                "2025-03-24", "--to", "2025-04-20", "--save", plan.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        String saved = Files.readString(plan);
        assertThat(saved).contains("\"url\" : \"" + server.url() + "\"").contains("\"query\" : \"shop_requests\"")
                .contains("\"start\" : \"2025-03-03T00:00:00Z\"").doesNotContain(SECRET).doesNotContain("token");
        assertThat(r.out() + r.err()).doesNotContain(SECRET);

        // The report on the plan plans again, reading the server again.
        Path pdf = dir.resolve("shop.pdf");
        CliRun report = run("report", plan.toString(), "--pdf", pdf.toString());
        assertThat(report.code()).as(report.err()).isZero();
        String text;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Prometheus " + server.url()).contains("query shop_requests")
                .doesNotContain(SECRET);
    }

    /**
     * A plan made through a loopback proxy that wants the bearer token: the report on it reads the
     * server again with {@code --prometheus-token-file}, and is refused without it.
     */
    @Test
    void theReportOnASavedPlanTakesTheTokenFile() throws Exception {
        HttpServer proxy = server.bearerProxy(SECRET);
        try {
            String url = "http://127.0.0.1:" + proxy.getAddress().getPort();
            Path token = dir.resolve("proxy-token");
            Files.writeString(token, SECRET + "\n");
            Path plan = dir.resolve("proxied.lowtide");
            CliRun r = run("plan", "--prometheus", url, "--query", "shop_requests", "--start", "2025-03-03T00:00:00Z",
                    "--end", "2025-03-23T23:55:00Z", "--step", "5m", "--zone", "UTC", "--sum",
                    "--prometheus-token-file", token.toString(), "--from", "2025-03-24", "--to", "2025-04-20",
                    "--save", plan.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.readString(plan)).doesNotContain(SECRET);

            Path pdf = dir.resolve("proxied.pdf");
            CliRun refused = run("report", plan.toString(), "--pdf", pdf.toString());
            assertThat(refused.code()).as(refused.err()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
            assertThat(refused.err()).contains("401");
            CliRun report = run("report", plan.toString(), "--prometheus-token-file", token.toString(), "--pdf",
                    pdf.toString());
            assertThat(report.code()).as(report.err()).isZero();
            assertThat(Files.isRegularFile(pdf)).isTrue();
            assertThat(report.out() + report.err()).doesNotContain(SECRET);
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void reportAndCostReadFromPrometheusToo() throws Exception {
        Path pdf = dir.resolve("direct.pdf");
        CliRun report = run(withServer("report", "--sum", "--from", "2025-03-24", "--to", "2025-04-20", "--pdf",
                pdf.toString()));
        assertThat(report.code()).as(report.err()).isZero();
        CliRun cost = run(withServer("cost", "--sum", "--revenue-per-year", "1000000", "--json"));
        assertThat(cost.code()).as(cost.err()).isZero();
        assertThat(new ObjectMapper().readTree(cost.out()).path("currency").asText()).isNotEmpty();
    }

    @Test
    void usageErrorsSayWhatToGive() {
        CliRun neither = run("analyze");
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("give a traffic FILE, or --prometheus URL --query PROMQL");
        CliRun both = run("analyze", "traffic.csv", "--prometheus", "http://localhost:9090", "--query", "up");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        CliRun noQuery = run("analyze", "--prometheus", "http://localhost:9090");
        assertThat(noQuery.code()).isEqualTo(2);
        assertThat(noQuery.err()).contains("--prometheus needs --query PROMQL");
        CliRun stray = run("analyze", "traffic.csv", "--range", "30d");
        assertThat(stray.code()).isEqualTo(2);
        assertThat(stray.err()).contains("--range only go with --prometheus URL");
        CliRun badRange = run("analyze", "--prometheus", "http://localhost:9090", "--query", "up", "--range", "ninety");
        assertThat(badRange.code()).isEqualTo(2);
        assertThat(badRange.err()).contains("'ninety' is not a positive duration");
    }

    @Test
    void aBadQueryAndAnUnreachableServerAreBadInputWithTheReason() throws Exception {
        CliRun bad = run("analyze", "--prometheus", server.url(), "--query", "sum(shop_requests", "--range", "7d");
        assertThat(bad.code()).isEqualTo(4);
        assertThat(bad.err()).contains("Prometheus refused the query: \"").contains("parse error");
        int port = PrometheusServer.freePort();
        CliRun down = run("analyze", "--prometheus", "http://127.0.0.1:" + port, "--query", "up", "--range", "7d");
        assertThat(down.code()).isEqualTo(4);
        assertThat(down.err()).contains("connection refused");
    }

    @Test
    void insecureIsWarnedAboutLoudly() {
        CliRun r = run(withServer("import", "--describe", "--sum", "--insecure"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("WARNING: --insecure");
        assertThat(r.out()).contains("INSECURE");
    }
}
