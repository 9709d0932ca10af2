package org.lowtide.traffic.sources;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server for tests: Debian's {@code prometheus} (2.42) on a free loopback port,
 * its TSDB backfilled from OpenMetrics text with {@code promtool tsdb create-blocks-from
 * openmetrics}. Tests are skipped, saying why, where the binaries are absent. Stopped by
 * {@link #close()} (only the process it started).
 */
public final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @return the binary on the PATH, or empty */
    public static Optional<Path> binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test when Prometheus is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(binary("prometheus").isPresent() && binary("promtool").isPresent(),
                "prometheus or promtool not on the PATH (install Debian's package: apt-get install prometheus):"
                        + " skipped");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Backfills {@code openMetrics} into a TSDB under {@code dir} and starts Prometheus on it.
     *
     * @param webConfig the content of a {@code --web.config.file} (e.g. basic-auth users), or null
     */
    public static PrometheusServer start(Path dir, String openMetrics, String webConfig) throws Exception {
        assumeInstalled();
        Path data = dir.resolve("tsdb");
        Files.createDirectories(data);
        Path input = dir.resolve("input.om");
        Files.writeString(input, openMetrics, StandardCharsets.UTF_8);
        Path backfillLog = dir.resolve("promtool.log");
        Process promtool = new ProcessBuilder(binary("promtool").get().toString(), "tsdb", "create-blocks-from",
                "openmetrics", "--max-block-duration=2400h", input.toString(), data.toString())
                .redirectErrorStream(true).redirectOutput(backfillLog.toFile()).start();
        if (!promtool.waitFor(120, TimeUnit.SECONDS) || promtool.exitValue() != 0) {
            promtool.destroyForcibly();
            throw new IllegalStateException("promtool backfill failed: " + Files.readString(backfillLog));
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1h\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(binary("prometheus").get().toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=100y", "--log.level=warn"));
        if (webConfig != null) {
            Path web = dir.resolve("web.yml");
            Files.writeString(web, webConfig, StandardCharsets.UTF_8);
            command.add("--web.config.file=" + web);
        }
        int port = freePort();
        command.add("--web.listen-address=127.0.0.1:" + port);
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws Exception {
        awaitReady(process, url(), log, "prometheus");
    }

    /**
     * Waits until a server started by a test answers {@code /-/ready} (200, or 401 behind basic
     * auth); stops it and fails with its log when it exits or takes over 60 s.
     */
    public static void awaitReady(Process process, String url, Path log, String name) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        stop(process);
        throw new IllegalStateException(name + " did not become ready in 60 s: " + Files.readString(log));
    }

    /** Stops a process a test started (only that one): politely, then forcibly after 10 s. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public URI uri() {
        return URI.create(url());
    }

    @Override
    public void close() {
        stop(process);
    }

    /**
     * A loopback reverse proxy in front of this server that wants {@code Authorization: Bearer
     * secret} (Prometheus itself checks only basic auth) and answers 401 otherwise; stop it after use.
     *
     * @return the started proxy; its URL is {@code http://127.0.0.1:} plus its port
     */
    public com.sun.net.httpserver.HttpServer bearerProxy(String secret) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        com.sun.net.httpserver.HttpServer proxy = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            try (exchange) {
                if (!("Bearer " + secret).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(
                        URI.create(url() + exchange.getRequestURI())).build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(r.statusCode(), r.body().length);
                exchange.getResponseBody().write(r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
        return proxy;
    }
}
