package org.lowtide.fleet;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a fleet member's traffic is: a file of its own (a folder's file, a fleet file's source, a
 * long-format CSV's split), or series a Prometheus query already fetched for it.
 */
public sealed interface MemberTraffic permits MemberTraffic.File, FetchedSeries {

    /** @return the traffic in messages: the file's name, or the Prometheus series */
    String describe();

    /**
     * A traffic file, read by the file importer.
     *
     * @param path the file
     */
    record File(Path path) implements MemberTraffic {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            Path name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }
    }
}
