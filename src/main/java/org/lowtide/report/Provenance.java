package org.lowtide.report;

import java.util.Objects;

/**
 * Where a report's numbers come from, stated on it so a reader can check them.
 *
 * @param lowtideVersion the version of Lowtide that made the report
 * @param fileName       the traffic file's name
 * @param sha256         the traffic file's SHA-256 (hex), or empty when it was not a file
 */
public record Provenance(String lowtideVersion, String fileName, String sha256) {

    public Provenance {
        Objects.requireNonNull(lowtideVersion, "lowtideVersion");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
    }
}
