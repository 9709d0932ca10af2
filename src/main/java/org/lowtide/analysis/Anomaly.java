package org.lowtide.analysis;

import java.util.Objects;
import org.lowtide.traffic.Interval;

/**
 * Something in the history that is not the usual rhythm, and must not be learned from.
 *
 * @param interval when, as half-open instants over whole grid steps
 * @param kind     what it looks like
 * @param score    severity: for {@link Kind#OUTAGE}, {@link Kind#DIP} and {@link Kind#SPIKE} the
 *                 largest robust z-score of the residual (over the square root of the expected
 *                 level for non-negative traffic) over 1.4826·MAD of all residuals, in the interval; for
 *                 {@link Kind#COLLECTION_GAP} the number of steps it spans
 */
public record Anomaly(Interval interval, Kind kind, double score) {

    /** The kinds of anomaly. */
    public enum Kind {
        /** Traffic far below the expectation: at most half of it, for a while. */
        OUTAGE,
        /** The collector, not the users: a run of zeros or one repeated value, or a long missing run. */
        COLLECTION_GAP,
        /** Traffic clearly below the expectation, but not an outage. */
        DIP,
        /** Traffic clearly above the expectation. */
        SPIKE,
        /** Low traffic on a public holiday of the calendar asked for: people, not an outage. */
        HOLIDAY
    }

    public Anomaly {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(kind, "kind");
        if (Double.isNaN(score) || score < 0) {
            throw new IllegalArgumentException("an anomaly score is a non-negative number, was " + score);
        }
    }
}
