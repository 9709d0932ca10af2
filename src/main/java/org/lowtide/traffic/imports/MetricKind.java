package org.lowtide.traffic.imports;

import java.util.Locale;

/**
 * What a value measures, which decides how values that meet on one grid step are combined.
 */
public enum MetricKind {
    /** An amount per interval (requests, sessions, bytes): values on one step are summed. */
    COUNT("sum"),
    /** A level or rate (CPU %, requests per second, latency): values on one step are averaged. */
    GAUGE("mean");

    private final String aggregation;

    MetricKind(String aggregation) {
        this.aggregation = aggregation;
    }

    /** @return how values on one step are combined: {@code "sum"} or {@code "mean"} */
    public String aggregation() {
        return aggregation;
    }

    /** @return the option value, e.g. {@code "count"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
