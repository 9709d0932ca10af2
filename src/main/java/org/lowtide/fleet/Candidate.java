package org.lowtide.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * One window a service may change in.
 *
 * @param start   when the change starts
 * @param end     when the window ends
 * @param tailEnd when a failed change has been rolled back (p90): the service is busy until then
 * @param cost    what a change there puts at stake, in the fleet's common unit (money, or the
 *                traffic at stake relative to the service's median window times its weight); ≥ 0
 */
public record Candidate(Instant start, Instant end, Instant tailEnd, double cost) {

    public Candidate {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(tailEnd, "tailEnd");
        if (!end.isAfter(start) || tailEnd.isBefore(end)) {
            throw new IllegalArgumentException("a candidate ends after it starts and its tail after its end: "
                    + start + " / " + end + " / " + tailEnd);
        }
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("a candidate's cost must be finite, was " + cost);
        }
    }

    /** @return whether the busy spans (start to tail end) of the two candidates overlap */
    public boolean overlaps(Candidate other) {
        return start.isBefore(other.tailEnd) && other.start.isBefore(tailEnd);
    }
}
