package org.lowtide.announce;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.lowtide.traffic.sources.PrometheusServer;

/**
 * A real Alertmanager for tests: Debian's {@code prometheus-alertmanager} (0.25) on a free loopback
 * port, with a temporary storage folder, a configuration that routes everything nowhere, and
 * clustering off. Tests are skipped, saying why, where the binary is absent. {@link #close()} stops
 * only the process it started.
 */
public final class AlertmanagerServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AlertmanagerServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @return the binary: Debian names it prometheus-alertmanager, upstream alertmanager */
    public static Optional<Path> binary() {
        return PrometheusServer.binary("prometheus-alertmanager").or(() -> PrometheusServer.binary("alertmanager"));
    }

    /** Skips the calling test when Alertmanager is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(binary().isPresent(), "prometheus-alertmanager not on the PATH (install Debian's"
                + " package: apt-get install prometheus-alertmanager): skipped");
    }

    /** Starts an Alertmanager with its storage under {@code dir}. */
    public static AlertmanagerServer start(Path dir) throws Exception {
        assumeInstalled();
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, "route:\n  receiver: nowhere\nreceivers:\n  - name: nowhere\n", StandardCharsets.UTF_8);
        Path data = Files.createDirectories(dir.resolve("data"));
        int port = PrometheusServer.freePort();
        Path log = dir.resolve("alertmanager.log");
        Process p = new ProcessBuilder(List.of(binary().get().toString(), "--config.file=" + config,
                "--storage.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=",
                "--log.level=warn")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerServer server = new AlertmanagerServer(p, port, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws Exception {
        PrometheusServer.awaitReady(process, url(), log, "alertmanager");
    }

    /** @return the version line of the binary, e.g. "alertmanager, version 0.25.0 (…)" */
    public static String version() throws Exception {
        Process p = new ProcessBuilder(binary().get().toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.lines().findFirst().orElse("");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        PrometheusServer.stop(process);
    }
}
