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

/**
 * Where traffic comes from: a file of the user's, or one of the samples bundled with Lowtide.
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
}
