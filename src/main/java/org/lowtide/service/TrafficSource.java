package org.lowtide.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;

/**
 * Where traffic comes from: a file of the user's, one of the samples bundled with Lowtide, a
 * Prometheus server, or series a fleet's Prometheus query fetched already.
 */
public sealed interface TrafficSource {

    /** @return a short name for titles and messages */
    String displayName();

    /** @return the zone the source is best read in, when the source knows it */
    Optional<ZoneId> suggestedZone();

    /**
     * A file on disk.
     *
     * @param path the file
     */
    record FileSource(Path path) implements TrafficSource {
        public FileSource {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String displayName() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }

        /** @return the zone of the bundled sample this file is a copy of; empty for any other file */
        @Override
        public Optional<ZoneId> suggestedZone() {
            return Samples.copyOf(path).map(Sample::zone);
        }
    }

    /**
     * A sample that travels inside the application.
     *
     * @param fileName    the file name under {@code sample-data/}
     * @param zone        the zone the sample was generated in
     * @param description one line on what it is
     */
    record Sample(String fileName, ZoneId zone, String description) implements TrafficSource {
        public Sample {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(description, "description");
        }

        @Override
        public String displayName() {
            return fileName;
        }

        @Override
        public Optional<ZoneId> suggestedZone() {
            return Optional.of(zone);
        }

        /** @return a reader over the bundled file */
        public Reader open() throws IOException {
            InputStream in = TrafficSource.class.getResourceAsStream("/org/lowtide/samples/" + fileName);
            if (in == null) {
                throw new IOException("the bundled sample " + fileName + " is missing from this build");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }

    /**
     * A query on a Prometheus server (or one that answers its API). The query is saved with a plan;
     * the connection (credentials) never is.
     *
     * @param query      server, PromQL, step and range
     * @param connection credentials, TLS and retries
     */
    record Prometheus(PrometheusQuery query, PrometheusConnection connection) implements TrafficSource {
        public Prometheus {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(connection, "connection");
        }

        /** @return server and query, e.g. {@code Prometheus http://prom:9090, query sum(rate(...))} */
        @Override
        public String displayName() {
            return query.describe();
        }

        @Override
        public Optional<ZoneId> suggestedZone() {
            return Optional.empty();
        }
    }

    /**
     * Series a fleet's Prometheus query fetched already (one service's), imported from their points
     * as the query's own import would be ({@link org.lowtide.fleet.FetchedSeries}): nothing is read
     * from the server again, and nothing is written as text or parsed again. Lives only as long as
     * the fleet's run.
     *
     * @param series the fetched series
     */
    record Fetched(org.lowtide.fleet.FetchedSeries series) implements TrafficSource {
        public Fetched {
            Objects.requireNonNull(series, "series");
        }

        @Override
        public String displayName() {
            return series.describe();
        }

        @Override
        public Optional<ZoneId> suggestedZone() {
            return Optional.empty();
        }
    }
}
