package org.lowtide.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.traffic.imports.ImportWarning;

/**
 * The incidents read from an export, and what was left out and why.
 *
 * @param source       the file name
 * @param format       the export format detected
 * @param incidents    the incidents used: one per real incident of the chosen service, open ones included
 * @param rows         data rows read
 * @param open         incidents still open (used for the failure rate, not for restore times)
 * @param merged       incidents merged into another (left out: the other one counts)
 * @param duplicates   rows repeating an incident already read (left out)
 * @param otherService incidents of other services (left out when a service was chosen)
 * @param skipped      rows that could not be read (each has a warning)
 * @param services     the distinct services named in the file
 * @param hasCause     whether the export has a cause column
 * @param warnings     problems by line and column
 */
public record IncidentHistory(String source, IncidentFormat format, List<Incident> incidents, int rows, int open,
                              int merged, int duplicates, int otherService, int skipped, List<String> services,
                              boolean hasCause, List<ImportWarning> warnings) {

    public IncidentHistory {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        incidents = List.copyOf(incidents);
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
    }

    /** @return the first incident's start */
    public Optional<Instant> from() {
        return incidents.stream().map(Incident::start).min(Instant::compareTo);
    }

    /** @return the last incident's start */
    public Optional<Instant> to() {
        return incidents.stream().map(Incident::start).max(Instant::compareTo);
    }

    /** @return the closed incidents, whose restore time is known */
    public List<Incident> closed() {
        return incidents.stream().filter(i -> !i.isOpen()).toList();
    }

    /** @return one line: what was read and what was left out */
    public String summary() {
        return source + " (" + format.label() + "): " + rows + " rows, " + incidents.size() + " incidents used"
                + counted(open, "open (no restore time)") + counted(merged, "merged into others")
                + counted(duplicates, "duplicates") + counted(otherService, "of other services")
                + counted(skipped, "unreadable");
    }

    /** @return {@code ", N what"}, or nothing for none (the summaries' left-out counts) */
    static String counted(int n, String what) {
        return n > 0 ? ", " + n + " " + what : "";
    }
}
