package org.lowtide.traffic.imports;

import java.util.Locale;

/** The formats Lowtide reads; {@link #AUTO} detects one from the content. */
public enum ImportFormat {
    /** Detect the format from the content. */
    AUTO,
    /** Delimited text: {@code , ; tab |}, header optional, one or more value columns. */
    CSV,
    /** Graphite render API: {@code format=csv}, {@code json} or {@code raw}. */
    GRAPHITE,
    /** Prometheus {@code /api/v1/query_range} JSON (matrix). */
    PROMETHEUS,
    /** {@code aws cloudwatch get-metric-statistics} or {@code get-metric-data} JSON. */
    CLOUDWATCH,
    /** Datadog {@code /api/v1/query} JSON. */
    DATADOG,
    /** InfluxDB 2 / Flux annotated CSV. */
    INFLUX,
    /** Grafana panel CSV export (series as columns or as rows). */
    GRAFANA;

    /** @return the option value, e.g. {@code "prometheus"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the format named by an option value, case-insensitive */
    public static ImportFormat fromId(String id) {
        for (ImportFormat f : values()) {
            if (f.id().equalsIgnoreCase(id.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "'; expected one of "
                + "auto, csv, graphite, prometheus, cloudwatch, datadog, influx, grafana");
    }
}
