package org.lowtide.risk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.traffic.Interval;

/**
 * What the risk is learned from.
 *
 * @param incidents         an incident export, if given
 * @param changes           a deploy log or git history, if given
 * @param outages           outages Lowtide found in the traffic (empty when not asked for)
 * @param outageSource      the traffic they were found in, in words (empty when none)
 * @param attributionWindow an incident that begins this long after a change (or sooner) is that change's failure
 */
public record RiskEvidence(Optional<IncidentHistory> incidents, Optional<ChangeHistory> changes,
                           List<Interval> outages, String outageSource, Duration attributionWindow) {

    /** The default attribution window: an hour. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    public RiskEvidence {
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(changes, "changes");
        outages = List.copyOf(outages);
        Objects.requireNonNull(outageSource, "outageSource");
        Objects.requireNonNull(attributionWindow, "attributionWindow");
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new IllegalArgumentException("the attribution window must be positive, was " + attributionWindow);
        }
    }

    /** @return whether there is anything to learn from */
    public boolean isEmpty() {
        return incidents.isEmpty() && changes.isEmpty() && outages.isEmpty();
    }
}
