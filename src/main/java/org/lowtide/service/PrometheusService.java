package org.lowtide.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.sources.PrometheusClient;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;

/**
 * What the GUI asks a Prometheus server before reading traffic from it: the metric names for the
 * picker and a metric's labels and their values. Reading the traffic itself is an import
 * ({@link ImportService} with a {@link TrafficSource.Prometheus}). Stateless and thread-safe.
 */
public final class PrometheusService {

    /**
     * @param server the server's base URL as the user typed it, e.g. {@code http://prometheus:9090}
     * @return every metric name the server holds ({@code /api/v1/label/__name__/values})
     * @throws ImportException with a message saying what to change (URL, credentials)
     */
    public List<String> metricNames(String server, PrometheusConnection connection) throws ImportException,
            InterruptedException {
        return client(server, connection).labelValues("__name__", Optional.empty());
    }

    /**
     * @param label  a label name, e.g. {@code job}
     * @param metric only series of this metric, or empty for all
     * @return the values the label takes
     */
    public List<String> labelValues(String server, PrometheusConnection connection, String label,
                                    Optional<String> metric) throws ImportException, InterruptedException {
        Objects.requireNonNull(label, "label");
        return client(server, connection).labelValues(label, metric.filter(m -> !m.isBlank()));
    }

    /** @return the label names of a metric's series (without {@code __name__}) */
    public List<String> labelNames(String server, PrometheusConnection connection, String metric)
            throws ImportException, InterruptedException {
        List<String> names = new java.util.ArrayList<>(client(server, connection).labelNames(
                Optional.of(metric).filter(m -> !m.isBlank())));
        names.remove("__name__");
        return names;
    }

    /**
     * The connection of the environment's credentials ({@code LOWTIDE_PROMETHEUS_TOKEN}, or
     * {@code LOWTIDE_PROMETHEUS_USER} and {@code ..._PASSWORD}), for re-reading a saved plan's query.
     *
     * @throws java.io.IOException when the variables hold an unusable credential
     */
    public PrometheusConnection environmentConnection() throws java.io.IOException {
        return PrometheusConnection.of(org.lowtide.traffic.sources.PrometheusAuth.resolve(Optional.empty(),
                System.getenv()));
    }

    /**
     * The credentials in the environment, or none when they are unusable (a reopened plan then
     * asks the server without them, and the server's refusal says what is wrong).
     */
    public PrometheusConnection environmentConnectionOrNone() {
        try {
            return environmentConnection();
        } catch (java.io.IOException e) {
            return PrometheusConnection.of(org.lowtide.traffic.sources.PrometheusAuth.NONE);
        }
    }

    /**
     * The connection the command line asked for: credentials from {@code tokenFile} or the
     * environment (never from an argument), a private CA, and whether TLS is checked.
     */
    public static PrometheusConnection connection(Optional<java.nio.file.Path> tokenFile,
                                                  java.nio.file.Path caFile, boolean insecure)
            throws java.io.IOException {
        return PrometheusConnection.of(org.lowtide.traffic.sources.PrometheusAuth.resolve(tokenFile, System.getenv()))
                .withCaFile(caFile).withInsecure(insecure);
    }

    /**
     * The connection of credentials typed in the GUI (kept for the session only): a token wins over
     * a user and password; none when both are blank.
     */
    public static PrometheusConnection typed(String token, String user, String password, boolean insecure) {
        org.lowtide.traffic.sources.PrometheusAuth auth = org.lowtide.traffic.sources.PrometheusAuth.NONE;
        if (!token.isBlank()) {
            auth = org.lowtide.traffic.sources.PrometheusAuth.bearer(token);
        } else if (!user.isBlank()) {
            auth = org.lowtide.traffic.sources.PrometheusAuth.basic(user.trim(), password);
        }
        return PrometheusConnection.of(auth).withInsecure(insecure);
    }

    private static PrometheusClient client(String server, PrometheusConnection connection) throws ImportException {
        PrometheusQuery probe;
        try {
            probe = PrometheusQuery.lastRange(java.net.URI.create(server.trim()), "up", PrometheusQuery.DEFAULT_STEP,
                    PrometheusQuery.DEFAULT_RANGE);
        } catch (IllegalArgumentException e) {
            throw new ImportException(server, 0, 0, e.getMessage());
        }
        return new PrometheusClient(probe.base(), "Prometheus " + probe.base(), connection);
    }
}
