package org.lowtide.traffic.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportMonitor;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.traffic.imports.PointSeriesImport;

/**
 * The HTTP side of the Prometheus source against a tiny loopback stub (retries, headers, chunks,
 * server warnings) and against a real Prometheus behind its own basic auth.
 */
class PrometheusHttpTest {

    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    private HttpServer stub;
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    /** A stub answering each query_range request with {@code answer} (status and body) given the call number. */
    private URI stub(BiFunction<Integer, Map<String, String>, Object[]> answer) throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        stub.createContext("/api/v1/", (HttpExchange ex) -> {
            Map<String, String> params = new HashMap<>();
            String raw = ex.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String kv : raw.split("&")) {
                    String[] p = kv.split("=", 2);
                    params.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                            URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
                }
            }
            requests.add(params);
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            Object[] a = answer.apply(calls.incrementAndGet(), params);
            byte[] body = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders((Integer) a[0], body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        stub.setExecutor(Executors.newFixedThreadPool(4)); // one thread would serve parallel chunks a second apart
        stub.start();
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    }

    /** A matrix answer for one request: a value per step, {@code 2 × minutes since START}. */
    private static String matrix(Map<String, String> params, String warning) {
        long start = Long.parseLong(params.get("start"));
        long end = Long.parseLong(params.get("end"));
        long step = Long.parseLong(params.get("step"));
        StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
                + "[{\"metric\":{\"job\":\"api\"},\"values\":[");
        for (long t = start; t <= end; t += step) {
            sb.append(t == start ? "" : ",").append('[').append(t).append(",\"")
                    .append(2 * (t - START.getEpochSecond()) / 60).append("\"]");
        }
        sb.append("]}]}");
        if (warning != null) {
            sb.append(",\"warnings\":[\"").append(warning).append("\"]");
        }
        return sb.append('}').toString();
    }

    private static PrometheusConnection fast(PrometheusAuth auth) {
        return PrometheusConnection.of(auth).withRetries(3, Duration.ofMillis(20));
    }

    @Test
    void aServerAnswering503TwiceThenSucceedingIsRetried() throws Exception {
        URI uri = stub((call, params) -> call <= 2
                ? new Object[] {503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"busy\"}"}
                : new Object[] {200, matrix(params, null)});
        ImportResult r = PrometheusSource.fetch(PrometheusQuery.between(uri, "up", Duration.ofMinutes(5), START,
                START.plus(Duration.ofHours(2))), fast(PrometheusAuth.NONE), ImportOptions.inZone(
                java.time.ZoneOffset.UTC), ImportMonitor.NONE, Instant.now());
        assertThat(requests).hasSize(3);
        assertThat(r.series().size()).isEqualTo(25);
        assertThat(r.series().values()[24]).isEqualTo(240.0);
    }

    @Test
    void aServerThatStaysDownFailsAfterTheRetriesSayingWhatItAnswered() throws Exception {
        URI uri = stub((call, params) -> new Object[] {503, "{\"status\":\"error\",\"error\":\"overloaded\"}"});
        assertThatThrownBy(() -> PrometheusSource.fetch(PrometheusQuery.between(uri, "up", Duration.ofMinutes(5),
                START, START.plus(Duration.ofHours(2))), fast(PrometheusAuth.NONE), ImportOptions.inZone(
                java.time.ZoneOffset.UTC), ImportMonitor.NONE, Instant.now()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the server answered 503 (\"overloaded\") 4 times");
        assertThat(requests).hasSize(4);
    }

    /** An answer of {@code n} series ({@code job="s0"…}), series k worth {@code k + minutes since START}. */
    private static String series(Map<String, String> params, int n) {
        return series(params, n, 0);
    }

    /** As {@link #series(Map, int)}, with no point before {@code fromMinute} minutes after START. */
    private static String series(Map<String, String> params, int n, long fromMinute) {
        long start = Math.max(Long.parseLong(params.get("start")), START.getEpochSecond() + 60 * fromMinute);
        long end = Long.parseLong(params.get("end"));
        long step = Long.parseLong(params.get("step"));
        StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        for (int k = 0; k < n && start <= end; k++) {
            sb.append(k == 0 ? "" : ",").append("{\"metric\":{\"job\":\"s").append(k).append("\"},\"values\":[");
            for (long t = start; t <= end; t += step) {
                sb.append(t == start ? "" : ",").append('[').append(t).append(",\"")
                        .append(k + (t - START.getEpochSecond()) / 60).append("\"]");
            }
            sb.append("]}");
        }
        return sb.append("]}}").toString();
    }

    /**
     * Streamed (a fleet's read), a day at one minute of ten series with a budget of 1,000 points a
     * request: a probe of 60 steps, then requests of 100 steps, handed on in time order, never more
     * than the budget after the probe; collected, the very series {@link PrometheusSource#fetchSeries} gives.
     */
    @Test
    void streamedTheChunksKeepToTheBudgetComeInTimeOrderAndHoldWhatTheWholeFetchHolds() throws Exception {
        URI uri = stub((call, params) -> new Object[] {200, series(params, 10)});
        PrometheusQuery query = PrometheusQuery.between(uri, "up", Duration.ofMinutes(1), START,
                START.plus(Duration.ofMinutes(1439)));
        List<List<PrometheusSource.Labelled>> chunks = new ArrayList<>();
        PrometheusSource.Streamed streamed = PrometheusSource.streamSeries(query, fast(PrometheusAuth.NONE),
                ImportMonitor.NONE, Instant.now(), 1_000, chunks::add);
        assertThat(streamed.requests()).isEqualTo(1 + 14).isEqualTo(requests.size());
        assertThat(streamed.series()).isEqualTo(10);
        assertThat(streamed.firstMillis()).isEqualTo(START.toEpochMilli());
        long last = Long.MIN_VALUE;
        Map<String, List<Double>> collected = new java.util.LinkedHashMap<>();
        for (int c = 0; c < chunks.size(); c++) {
            long points = 0;
            for (PrometheusSource.Labelled s : chunks.get(c)) {
                PointSeriesImport.Points p = s.points();
                points += p.size();
                assertThat(p.epochMillis()[0]).as("chunk " + c).isGreaterThan(last);
                for (int i = 0; i < p.size(); i++) {
                    collected.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p.values()[i]);
                }
            }
            assertThat(points).as("chunk " + c).isLessThanOrEqualTo(c == 0 ? 600 : 1_000);
            last = chunks.get(c).get(0).points().epochMillis()[chunks.get(c).get(0).points().size() - 1];
        }
        requests.clear();
        PrometheusSource.Fetched whole = PrometheusSource.fetchSeries(query, fast(PrometheusAuth.NONE),
                ImportMonitor.NONE, Instant.now());
        assertThat(requests).hasSize(1);
        assertThat(collected.keySet()).containsExactlyElementsOf(whole.series().stream()
                .map(s -> s.points().name()).toList());
        for (PrometheusSource.Labelled s : whole.series()) {
            List<Double> all = new ArrayList<>();
            for (int i = 0; i < s.points().size(); i++) {
                all.add(s.points().values()[i]);
            }
            assertThat(collected.get(s.points().name())).hasSize(1440).isEqualTo(all);
        }
    }

    /** A range starting long before the data: probes twice as long each time until series appear, then the budget. */
    @Test
    void streamedARangeBeforeTheDataIsProbedInGrowingStepsUntilSeriesAppear() throws Exception {
        URI uri = stub((call, params) -> new Object[] {200, series(params, 10, 500)});
        PrometheusQuery query = PrometheusQuery.between(uri, "up", Duration.ofMinutes(1), START,
                START.plus(Duration.ofMinutes(1439)));
        List<Long> spans = new ArrayList<>();
        PrometheusSource.Streamed streamed = PrometheusSource.streamSeries(query, fast(PrometheusAuth.NONE),
                ImportMonitor.NONE, Instant.now(), 1_000, chunk -> { });
        for (Map<String, String> p : requests) {
            if (p.containsKey("start")) { // the retention note asks the server's flags too
                spans.add((Long.parseLong(p.get("end")) - Long.parseLong(p.get("start"))) / 60 + 1);
            }
        }
        java.util.Collections.sort(spans, java.util.Collections.reverseOrder());
        // 60, 120, 240 find nothing, 480 finds the ten series; then (1,440 − 900) / 100 → 6 requests
        assertThat(spans).containsExactly(480L, 240L, 120L, 100L, 100L, 100L, 100L, 100L, 60L, 40L);
        assertThat(streamed.requests()).isEqualTo(10);
        assertThat(streamed.series()).isEqualTo(10);
        assertThat(streamed.origin().notes()).anyMatch(n -> n.startsWith("no data before"));
    }

    @Test
    void ninetyDaysAtOneMinuteAreTwelveRequestsEachUnderTheLimitAndServerWarningsAreShown() throws Exception {
        URI uri = stub((call, params) -> new Object[] {200, matrix(params, "partial answer")});
        Instant end = START.plus(Duration.ofMinutes(129_600 - 1));
        ImportResult r = PrometheusSource.fetch(PrometheusQuery.between(uri, "sum(rate(x[5m]))", Duration.ofMinutes(1),
                START, end), fast(PrometheusAuth.NONE), ImportOptions.inZone(java.time.ZoneOffset.UTC),
                ImportMonitor.NONE, Instant.now());
        assertThat(requests).hasSize(12);
        for (Map<String, String> p : requests) {
            long points = (Long.parseLong(p.get("end")) - Long.parseLong(p.get("start"))) / 60 + 1;
            assertThat(points).isLessThanOrEqualTo(11_000);
            assertThat(p.get("query")).isEqualTo("sum(rate(x[5m]))");
        }
        assertThat(r.series().size()).isEqualTo(129_600);
        double[] values = r.series().values(); // a copy: take it once
        for (int i = 0; i < 129_600; i++) {
            if (values[i] != 2.0 * i) {
                throw new AssertionError("step " + i + ": " + values[i]);
            }
        }
        assertThat(r.warnings()).extracting(ImportWarning::message)
                .containsOnlyOnce("Prometheus warned: partial answer");
    }

    @Test
    void aBearerTokenFromTheEnvironmentIsSentAndNeverShown() throws Exception {
        URI uri = stub((call, params) -> new Object[] {200, matrix(params, null)});
        PrometheusAuth auth = PrometheusAuth.resolve(Optional.empty(), Map.of(PrometheusAuth.TOKEN_ENV, "s3cr3t-t0ken\n"));
        ImportResult r = PrometheusSource.fetch(PrometheusQuery.between(uri, "up", Duration.ofMinutes(5), START,
                START.plus(Duration.ofHours(1))), fast(auth), ImportOptions.inZone(java.time.ZoneOffset.UTC),
                ImportMonitor.NONE, Instant.now());
        assertThat(authorizations).containsOnly("Bearer s3cr3t-t0ken");
        assertThat(auth.toString()).doesNotContain("s3cr3t");
        assertThat(r.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void aTokenFileWinsOverTheEnvironmentAndBasicAuthComesFromUserAndPassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "from-file\n");
        assertThat(PrometheusAuth.resolve(Optional.of(file), Map.of(PrometheusAuth.TOKEN_ENV, "from-env"))
                .header()).contains("Bearer from-file");
        PrometheusAuth basic = PrometheusAuth.resolve(Optional.empty(), Map.of(PrometheusAuth.USER_ENV, "ops",
                PrometheusAuth.PASSWORD_ENV, "pw"));
        assertThat(basic.header()).contains("Basic b3BzOnB3"); // base64("ops:pw")
        assertThat(basic.toString()).isEqualTo("basic auth as ops (password hidden)");
        assertThatThrownBy(() -> PrometheusAuth.resolve(Optional.of(dir.resolve("missing")), Map.of()))
                .hasMessageContaining("--prometheus-token-file: no such file");
    }

    @Test
    void aUrlWithCredentialsInItIsRefusedSoTheyAreNeverSaved() {
        assertThatThrownBy(() -> PrometheusQuery.lastRange(URI.create("http://ops:pw@host:9090"), "up",
                Duration.ofMinutes(5), Duration.ofDays(1)))
                .hasMessageContaining("must not hold a user or password");
    }

    /** bcrypt of a password by Debian's python3-bcrypt, or empty when it is not installed. */
    private static Optional<String> bcrypt(String password) throws Exception {
        Optional<Path> python = Optional.of(Path.of("/usr/bin/python3")).filter(Files::isExecutable)
                .or(() -> PrometheusServer.binary("python3"));
        if (python.isEmpty()) {
            return Optional.empty();
        }
        Process p = new ProcessBuilder(python.get().toString(), "-c",
                "import bcrypt,sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt(4)).decode())", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.startsWith("$2")
                ? Optional.of(out) : Optional.empty();
    }

    @Test
    void basicAuthAgainstARealPrometheusWithItsWebConfig(@TempDir Path dir) throws Exception {
        PrometheusServer.assumeInstalled();
        Optional<String> hash = bcrypt("tide-pw");
        Assumptions.assumeTrue(hash.isPresent(), "python3 with bcrypt absent (apt-get install python3-bcrypt):"
                + " basic auth against a real Prometheus is skipped (headers are checked against the stub)");
        String om = "# TYPE g gauge\n" + "g 1 1709510400\ng 2 1709510700\ng 3 1709511000\n# EOF\n";
        try (PrometheusServer server = PrometheusServer.start(dir, om,
                "basic_auth_users:\n  ops: '" + hash.get() + "'\n")) {
            PrometheusQuery query = PrometheusQuery.between(server.uri(), "g", Duration.ofMinutes(5), START,
                    START.plus(Duration.ofMinutes(10)));
            ImportResult r = PrometheusSource.fetch(query, fast(PrometheusAuth.basic("ops", "tide-pw")),
                    ImportOptions.inZone(java.time.ZoneOffset.UTC), ImportMonitor.NONE, Instant.now());
            assertThat(r.series().values()).containsExactly(1.0, 2.0, 3.0);
            assertThatThrownBy(() -> PrometheusSource.fetch(query, fast(PrometheusAuth.basic("ops", "wrong")),
                    ImportOptions.inZone(java.time.ZoneOffset.UTC), ImportMonitor.NONE, Instant.now()))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("refused the credentials (401)")
                    .hasMessageContaining("LOWTIDE_PROMETHEUS_TOKEN")
                    .hasMessageNotContaining("wrong");
            assertThatThrownBy(() -> PrometheusSource.fetch(query, fast(PrometheusAuth.NONE),
                    ImportOptions.inZone(java.time.ZoneOffset.UTC), ImportMonitor.NONE, Instant.now()))
                    .hasMessageContaining("401");
        }
    }
}
