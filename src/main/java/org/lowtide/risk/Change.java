package org.lowtide.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * One change that went to production.
 *
 * @param time    when it went live
 * @param name    a tag, commit subject or the deploy log's id; may be empty
 * @param service the service changed; empty when the log does not say
 * @param outcome what the log says became of it
 * @param line    the line of the deploy log (0 for git)
 */
public record Change(Instant time, String name, String service, Outcome outcome, long line) {

    /** What a deploy log says of a change. */
    public enum Outcome {
        /** Nothing said: incidents decide. */
        UNKNOWN,
        /** Went well. */
        SUCCEEDED,
        /** Failed, was rolled back or needed a hotfix: a failed change whatever the incidents say. */
        FAILED
    }

    public Change {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(outcome, "outcome");
    }
}
