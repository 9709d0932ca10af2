package org.lowtide.risk;

/** The incident exports Lowtide reads. */
public enum IncidentFormat {
    /**
     * PagerDuty's incident CSV (Analytics / Incidents report download): {@code id},
     * {@code incident_number}, {@code description}, {@code service_id}, {@code service_name},
     * {@code urgency}, {@code priority}, {@code created_on}, {@code resolved_on},
     * {@code seconds_to_first_ack}, {@code seconds_to_resolve}, …; the REST API's names
     * ({@code created_at}, {@code resolved_at}, {@code status}, {@code service}) are read too.
     * An incident merged into another is resolved with a merge reason.
     */
    PAGERDUTY("PagerDuty incident export"),
    /**
     * Opsgenie's incident export: {@code tinyId}, {@code message}, {@code status}, {@code priority},
     * {@code createdAt}, {@code updatedAt}, {@code impactStartDate}, {@code impactDetectDate},
     * {@code impactEndDate}, {@code impactedServices}, {@code tags}; the impact dates are preferred
     * to the record's own.
     */
    OPSGENIE("Opsgenie incident export"),
    /** Lowtide's own table: {@code start,end[,service][,cause][,detected][,id][,status]}. */
    GENERIC("incident table (start, end)");

    private final String label;

    IncidentFormat(String label) {
        this.label = label;
    }

    /** @return the format in words */
    public String label() {
        return label;
    }
}
