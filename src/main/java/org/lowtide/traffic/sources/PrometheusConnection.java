package org.lowtide.traffic.sources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to talk to a Prometheus server: credentials, TLS trust, timeouts, how many chunks to fetch
 * at once and how to retry. Never saved (it holds the credentials).
 *
 * @param auth        credentials
 * @param caFile      a PEM file of CA certificates to trust instead of the system's, for https
 * @param insecure    whether to skip certificate and host-name checks (dangerous; warned about loudly)
 * @param timeout     per request
 * @param concurrency chunks fetched at the same time (at least 1)
 * @param retries     retries of a request that failed with 5xx, 429 or a timeout
 * @param backoff     the wait before the first retry; doubled for each next one
 */
public record PrometheusConnection(PrometheusAuth auth, Optional<Path> caFile, boolean insecure, Duration timeout,
                                   int concurrency, int retries, Duration backoff) {

    public PrometheusConnection {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        if (concurrency < 1 || concurrency > 32) {
            throw new IllegalArgumentException("concurrency must be 1 to 32, was " + concurrency);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0 to 10, was " + retries);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("the backoff must not be negative");
        }
    }

    /** Defaults: 60 s per request, 4 chunks at once, 3 retries from 250 ms. */
    public static PrometheusConnection of(PrometheusAuth auth) {
        return new PrometheusConnection(auth, Optional.empty(), false, Duration.ofSeconds(60), 4, 3,
                Duration.ofMillis(250));
    }

    public PrometheusConnection withCaFile(Path file) {
        return new PrometheusConnection(auth, Optional.ofNullable(file), insecure, timeout, concurrency, retries,
                backoff);
    }

    public PrometheusConnection withInsecure(boolean newInsecure) {
        return new PrometheusConnection(auth, caFile, newInsecure, timeout, concurrency, retries, backoff);
    }

    public PrometheusConnection withRetries(int newRetries, Duration newBackoff) {
        return new PrometheusConnection(auth, caFile, insecure, timeout, concurrency, newRetries, newBackoff);
    }

    public PrometheusConnection withTimeout(Duration newTimeout) {
        return new PrometheusConnection(auth, caFile, insecure, newTimeout, concurrency, retries, backoff);
    }
}
