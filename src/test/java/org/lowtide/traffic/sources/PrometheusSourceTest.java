package org.lowtide.traffic.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportMonitor;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.imports.TrafficImporter;

/**
 * The Prometheus source against a real Prometheus server (Debian's 2.42), backfilled with a real
 * series from {@code ../shared/data} (the ISP link, 14,772 five-minute points) and two counters
 * with resets and a gap. Skipped, saying why, where Prometheus is not installed; the ISP checks
 * also where the shared data is absent.
 */
class PrometheusSourceTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant COUNTER_START = Instant.parse("2024-03-04T00:00:00Z");
    private static final int COUNTER_MINUTES = 2 * 24 * 60;
    /** Counter increments per minute: 1 request/s and 2 requests/s. */
    private static final int API_PER_MINUTE = 60;
    private static final int WEB_PER_MINUTE = 120;
    private static final int WEB_GAP_FROM = 2000;
    private static final int WEB_GAP_TO = 2060;
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @TempDir
    static Path dir;
    private static PrometheusServer server;
    private static Path isp;

    @BeforeAll
    static void startServer() throws Exception {
        PrometheusServer.assumeInstalled();
        Path shared = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic",
                "isp_transatlantic_internet_traffic_5min.csv");
        isp = Files.isRegularFile(shared) ? shared : null;
        StringBuilder om = new StringBuilder();
        if (isp != null) {
            om.append(ispOpenMetrics(isp));
        }
        om.append(counterOpenMetrics()).append("# EOF\n");
        server = PrometheusServer.start(dir, om.toString(), null);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The ISP series as an OpenMetrics gauge, its naive timestamps read as UTC (as the import below reads them). */
    static String ispOpenMetrics(Path csv) throws IOException {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StringBuilder sb = new StringBuilder("# TYPE isp_bits gauge\n");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            long t = LocalDateTime.parse(cells[0].replace("\"", ""), f).toEpochSecond(ZoneOffset.UTC);
            sb.append("isp_bits ").append(cells[1].replace("\"", "").trim()).append(' ').append(t).append('\n');
        }
        return sb.toString();
    }

    /**
     * Two counters at one-minute samples: {@code job="api"} counts 60 a minute and restarts (reset to
     * its first minute's count) twice, {@code job="web"} 120 a minute, restarts once and misses an hour.
     */
    static String counterOpenMetrics() {
        StringBuilder sb = new StringBuilder("# TYPE http_requests counter\n");
        counter(sb, "api", API_PER_MINUTE, new int[] {700, 1900}, -1, -1);
        counter(sb, "web", WEB_PER_MINUTE, new int[] {1200}, WEB_GAP_FROM, WEB_GAP_TO);
        return sb.toString();
    }

    private static void counter(StringBuilder sb, String job, int perMinute, int[] resets, int gapFrom, int gapTo) {
        long base = COUNTER_START.getEpochSecond();
        long value = 0;
        int r = 0;
        for (int i = 0; i < COUNTER_MINUTES; i++) {
            if (r < resets.length && i == resets[r]) {
                value = 0; // the process restarted: it has counted only this minute's requests
                r++;
            }
            value += perMinute;
            if (i >= gapFrom && i < gapTo) {
                continue;
            }
            sb.append("http_requests_total{job=\"").append(job).append("\"} ").append(value).append(' ')
                    .append(base + 60L * i).append('\n');
        }
    }

    private static PrometheusConnection plain() {
        return PrometheusConnection.of(PrometheusAuth.NONE);
    }

    private static ImportResult fetch(PrometheusQuery query, ImportOptions options) throws ImportException {
        return PrometheusSource.fetch(query, plain(), options, ImportMonitor.NONE, Instant.now());
    }

    private static Path isp() {
        Assumptions.assumeTrue(isp != null, "../shared/data absent: the ISP comparison is skipped");
        return isp;
    }

    @Test
    void aRealSeriesFromPrometheusEqualsTheFileImportOfTheSameData() throws Exception {
        ImportResult file = TrafficImporter.read(isp(), ImportOptions.inZone(UTC));
        TrafficSeries f = file.series();
        Instant last = f.start().plus(f.step().multipliedBy(f.size() - 1));
        ImportResult live = fetch(PrometheusQuery.between(server.uri(), "isp_bits", FIVE_MINUTES, f.start(), last),
                ImportOptions.inZone(UTC));
        TrafficSeries p = live.series();
        double[] fileValues = f.values();
        double[] liveValues = p.values();
        assertThat(f.size()).isEqualTo(14_772); // over 11,000: two chunks
        assertThat(p.start()).isEqualTo(f.start());
        assertThat(p.step()).isEqualTo(f.step());
        assertThat(p.size()).isEqualTo(f.size());
        for (int i = 0; i < f.size(); i++) {
            double expected = fileValues[i];
            if (Double.isNaN(expected)) {
                assertThat(liveValues[i]).as("step %d", i).isNaN();
            } else {
                assertThat(liveValues[i]).as("step %d", i).isEqualTo(expected);
            }
        }
        assertThat(live.details().kind()).isEqualTo(file.details().kind());
        assertThat(live.source().format()).isEqualTo("prometheus");
        assertThat(live.source().rowsRead()).isEqualTo(14_772);
        assertThat(live.source().name()).contains("isp_bits").contains(server.url());
    }

    @Test
    void aRangeWiderThanOneRequestIsFetchedInChunksUnderThePointsLimit() throws Exception {
        isp();
        // One-minute steps over the ISP's 51 days: 73,856 steps, which Prometheus refuses in one request.
        Instant start = Instant.parse("2005-06-07T07:00:00Z");
        Instant end = Instant.parse("2005-07-28T13:55:00Z");
        PrometheusQuery query = PrometheusQuery.between(server.uri(), "isp_bits", Duration.ofMinutes(1), start, end);
        assertThat(PrometheusSource.chunks(start.toEpochMilli(), end.toEpochMilli(), 60_000)).hasSize(7);
        ImportResult r = fetch(query, ImportOptions.inZone(UTC));
        assertThat(r.series().size()).isEqualTo((14_772 - 1) * 5 + 1);
        assertThat(r.details().description()).contains("7 requests");
        // Between two five-minute samples, the one-minute steps repeat the last sample (Prometheus' look-back).
        assertThat(r.series().values()[1]).isEqualTo(r.series().values()[0]);
        assertThat(r.series().values()[5]).isNotEqualTo(r.series().values()[4]);
    }

    @Test
    void chunksCoverTheRangeWithoutOverlapAndStayUnderElevenThousandPoints() {
        long step = 60_000;
        long first = 0;
        long last = (129_600 - 1) * step; // 90 days at one minute
        List<long[]> chunks = PrometheusSource.chunks(first, last, step);
        assertThat(chunks).hasSize(12);
        long expectedStart = first;
        for (long[] c : chunks) {
            assertThat(c[0]).isEqualTo(expectedStart);
            assertThat((c[1] - c[0]) / step + 1).isLessThanOrEqualTo(11_000);
            expectedStart = c[1] + step;
        }
        assertThat(chunks.get(chunks.size() - 1)[1]).isEqualTo(last);
    }

    @Test
    void countersWithResetsGiveSteadyRatesThroughRateAndAreReadAsARate() throws Exception {
        Instant end = COUNTER_START.plus(Duration.ofMinutes(WEB_GAP_FROM - 10));
        ImportResult r = fetch(PrometheusQuery.between(server.uri(), "sum(rate(http_requests_total[5m]))",
                FIVE_MINUTES, COUNTER_START.plus(Duration.ofMinutes(10)), end), ImportOptions.inZone(UTC));
        double expected = (API_PER_MINUTE + WEB_PER_MINUTE) / 60.0;
        for (double v : r.series().values()) {
            assertThat(v).isCloseTo(expected, within(1e-9)); // resets are not dips
        }
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
        assertThat(r.details().kindReason()).contains("rate()");
        assertThat(r.series().name()).isEqualTo("{}");
    }

    @Test
    void aRawCounterIsWarnedAboutAsARunningTotal() throws Exception {
        ImportResult r = fetch(PrometheusQuery.between(server.uri(), "http_requests_total{job=\"api\"}",
                FIVE_MINUTES, COUNTER_START, COUNTER_START.plus(Duration.ofMinutes(COUNTER_MINUTES - 1))),
                ImportOptions.inZone(UTC));
        assertThat(r.warnings()).extracting(ImportWarning::message).anyMatch(m -> m.contains("running total"));
        assertThat(r.series().name()).isEqualTo("http_requests_total{job=\"api\"}");
    }

    @Test
    void severalSeriesArePickedAndSummedAsTheFileImporterDoesWithTheSameAnswer() throws Exception {
        Instant start = COUNTER_START.plus(Duration.ofMinutes(10));
        Instant end = COUNTER_START.plus(Duration.ofMinutes(COUNTER_MINUTES - 1));
        String promql = "rate(http_requests_total[5m])";
        PrometheusQuery query = PrometheusQuery.between(server.uri(), promql, FIVE_MINUTES, start, end);
        // The same range as one JSON answer, saved as a file and read by the file importer.
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()
                + "/api/v1/query_range" + PrometheusClient.query(Map.of("query", promql, "start",
                Long.toString(start.getEpochSecond()), "end", Long.toString(end.getEpochSecond()), "step", "300"))))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Path export = dir.resolve("export.json");
        Files.writeString(export, body);
        for (ImportOptions options : List.of(
                ImportOptions.inZone(UTC).withSum(true),
                ImportOptions.inZone(UTC).withSeries(List.of("web")),
                ImportOptions.inZone(UTC).withSeries(List.of("{job=\"api\"}", "web")).withSum(true),
                ImportOptions.inZone(UTC))) {
            ImportResult live = fetch(query, options);
            ImportResult file = TrafficImporter.read(export, options.withFormat(ImportFormat.PROMETHEUS)
                    .withStep(FIVE_MINUTES));
            assertThat(live.series().name()).isEqualTo(file.series().name());
            assertThat(live.details().selected()).isEqualTo(file.details().selected());
            assertThat(live.details().available()).containsExactly("{job=\"api\"}", "{job=\"web\"}");
            assertThat(live.series().start()).isEqualTo(file.series().start());
            assertThat(live.series().values()).containsExactly(file.series().values());
            assertThat(live.details().gapCount()).isEqualTo(file.details().gapCount());
        }
        ImportResult web = fetch(query, ImportOptions.inZone(UTC).withSeries(List.of("web")));
        assertThat(web.series().name()).isEqualTo("{job=\"web\"}");
        assertThat(web.series().values()[0]).isCloseTo(2.0, within(1e-9));
        // The hour without samples is a gap, not zeros.
        int inGap = (int) ((WEB_GAP_FROM + 30 - 10) / 5);
        assertThat(web.series().values()[inGap]).isNaN();
        assertThat(web.details().gapCount()).isGreaterThanOrEqualTo(1);
        ImportResult first = fetch(query, ImportOptions.inZone(UTC));
        assertThat(first.warnings()).extracting(ImportWarning::message)
                .anyMatch(m -> m.contains("2 series") && m.contains("--sum"));
    }

    @Test
    void aBadQueryQuotesTheServersError() {
        PrometheusQuery query = PrometheusQuery.between(server.uri(), "sum(rate(http_requests_total[5m]", FIVE_MINUTES,
                COUNTER_START, COUNTER_START.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> fetch(query, ImportOptions.inZone(UTC)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Prometheus refused the query: \"")
                .hasMessageContaining("parse error")
                .hasMessageContaining("correct the PromQL");
    }

    @Test
    void aQueryWithoutDataSaysSoAndWhatToChange() {
        PrometheusQuery query = PrometheusQuery.between(server.uri(), "no_such_metric_total", FIVE_MINUTES,
                COUNTER_START, COUNTER_START.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> fetch(query, ImportOptions.inZone(UTC)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("returned no data between 2024-03-04T00:00:00Z and 2024-03-04T01:00:00Z")
                .hasMessageContaining("the server keeps 100y")
                .hasMessageContaining("metric name");
    }

    @Test
    void aRangeReachingBeforeTheServersDataIsWarnedAbout() throws Exception {
        PrometheusQuery query = PrometheusQuery.between(server.uri(), "sum(rate(http_requests_total[5m]))",
                FIVE_MINUTES, COUNTER_START.minus(Duration.ofDays(10)), COUNTER_START.plus(Duration.ofDays(1)));
        ImportResult r = fetch(query, ImportOptions.inZone(UTC));
        assertThat(r.warnings()).extracting(ImportWarning::message)
                .anyMatch(m -> m.startsWith("no data before 2024-03-04T00:") && m.contains("2024-02-23T00:00:00Z")
                        && m.contains("keeps 100y"));
        assertThat(r.series().start()).isAfterOrEqualTo(COUNTER_START);
    }

    @Test
    void anUnreachablePortSaysConnectionRefused() throws Exception {
        int port = PrometheusServer.freePort();
        PrometheusQuery query = PrometheusQuery.between(URI.create("http://127.0.0.1:" + port), "up", FIVE_MINUTES,
                COUNTER_START, COUNTER_START.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> fetch(query, ImportOptions.inZone(UTC)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("cannot reach http://127.0.0.1:" + port + ": connection refused")
                .hasMessageContaining("is Prometheus running there");
    }

    @Test
    void cancellingStopsTheFetch() {
        ImportMonitor cancelled = new ImportMonitor() {
            @Override
            public void progress(double fraction) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        PrometheusQuery query = PrometheusQuery.between(server.uri(), "sum(rate(http_requests_total[5m]))",
                FIVE_MINUTES, COUNTER_START, COUNTER_START.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> PrometheusSource.fetch(query, plain(), ImportOptions.inZone(UTC), cancelled,
                Instant.now())).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
