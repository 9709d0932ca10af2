package org.lowtide.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lowtide.traffic.imports.ImportWarning;

/**
 * The changes read from a deploy log or a git repository.
 *
 * @param source       what they were read from, in words ("deploys.csv", "git tags of ~/src/shop")
 * @param changes      the changes used, oldest first
 * @param rows         rows (or refs) read
 * @param duplicates   repeated changes left out
 * @param otherService changes of other services left out
 * @param skipped      unreadable rows (each with a warning)
 * @param warnings     problems by line and column
 */
public record ChangeHistory(String source, List<Change> changes, int rows, int duplicates, int otherService,
                            int skipped, List<ImportWarning> warnings) {

    public ChangeHistory {
        Objects.requireNonNull(source, "source");
        changes = changes.stream().sorted(java.util.Comparator.comparing(Change::time)).toList();
        warnings = List.copyOf(warnings);
    }

    /** @return the first change, or null when there is none */
    public Instant first() {
        return changes.isEmpty() ? null : changes.get(0).time();
    }

    /** @return the last change, or null when there is none */
    public Instant last() {
        return changes.isEmpty() ? null : changes.get(changes.size() - 1).time();
    }

    /** @return changes per year over the span from the first to the last change; 0 with fewer than two */
    public double perYear() {
        if (changes.size() < 2) {
            return 0;
        }
        double days = Duration.between(first(), last()).toSeconds() / 86400.0;
        return days <= 0 ? 0 : (changes.size() - 1) / days * 365.25;
    }

    /** @return one line: what was read and what was left out */
    public String summary() {
        return source + ": " + rows + " read, " + changes.size() + " changes used"
                + IncidentHistory.counted(duplicates, "duplicates") + IncidentHistory.counted(otherService,
                "of other services") + IncidentHistory.counted(skipped, "unreadable");
    }
}
