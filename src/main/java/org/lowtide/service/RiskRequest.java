package org.lowtide.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.risk.RiskEvidence;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * What to learn the team's risk from (issue #21).
 *
 * @param incidents         an incident export (PagerDuty, Opsgenie or {@code start,end[,service][,cause]})
 * @param deploys           a deploy log
 * @param gitDir            a git working copy whose tags (or merge commits) are the changes
 * @param outagesFrom       the traffic whose outages are restore evidence, when asked for
 * @param importOptions     how history and traffic are read (the zone of naive times)
 * @param service           the service to keep, or empty for all
 * @param attributionWindow an incident within this time after a change is that change's failure
 * @param seed              bootstrap seed
 */
public record RiskRequest(Optional<Path> incidents, Optional<Path> deploys, Optional<Path> gitDir,
                          Optional<TrafficSource> outagesFrom, ImportOptions importOptions, Optional<String> service,
                          Duration attributionWindow, long seed) {

    /** The bootstrap seed unless one is given. */
    public static final long DEFAULT_SEED = 21L;

    public RiskRequest {
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(deploys, "deploys");
        Objects.requireNonNull(gitDir, "gitDir");
        Objects.requireNonNull(outagesFrom, "outagesFrom");
        Objects.requireNonNull(importOptions, "importOptions");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(attributionWindow, "attributionWindow");
        if (deploys.isPresent() && gitDir.isPresent()) {
            throw new IllegalArgumentException("give the changes once: a deploy log or a git repository, not both");
        }
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new IllegalArgumentException("the attribution window must be positive, was " + attributionWindow);
        }
    }

    /** @return a request with the default window and seed */
    public static RiskRequest of(Optional<Path> incidents, Optional<Path> deploys, Optional<Path> gitDir,
                                 Optional<TrafficSource> outagesFrom, ImportOptions options) {
        return new RiskRequest(incidents, deploys, gitDir, outagesFrom, options, Optional.empty(),
                RiskEvidence.DEFAULT_WINDOW, DEFAULT_SEED);
    }

    /** @return whether anything is asked */
    public boolean isEmpty() {
        return incidents.isEmpty() && deploys.isEmpty() && gitDir.isEmpty() && outagesFrom.isEmpty();
    }
}
