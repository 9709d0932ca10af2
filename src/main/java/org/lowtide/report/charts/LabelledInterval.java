package org.lowtide.report.charts;

import java.util.Objects;
import org.lowtide.traffic.Interval;

/**
 * A span of dated time with a label, to shade on a time chart (an outage, a blackout, a holiday).
 *
 * @param interval when
 * @param label    what, e.g. "outage" or "Black Friday freeze"; may be empty
 */
public record LabelledInterval(Interval interval, String label) {

    public LabelledInterval {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(label, "label");
    }
}
