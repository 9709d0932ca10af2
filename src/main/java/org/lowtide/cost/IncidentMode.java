package org.lowtide.cost;

/** What a failed change does to the users it affects. */
public enum IncidentMode {
    /** The service is down for them: all their revenue in the incident is at stake. */
    DOWN,
    /**
     * The service is slow for them (a brown-out): the share of revenue at stake is the latency
     * elasticity times the extra latency.
     */
    DEGRADED
}
