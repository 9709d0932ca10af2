package org.lowtide.service;

import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.fleet.Fleet;
import org.lowtide.planning.WindowRequest;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * What to plan for a fleet.
 *
 * @param fleet      the services and rules
 * @param options    how to read every service's file (each service's zone and column override)
 * @param cost       the fleet's cost model; its revenue is the whole fleet's, split by revenue share
 * @param habit      when the teams change today, to state the savings against
 * @param candidates best windows kept per service for the fleet optimiser (always-together members keep all)
 * @param threads    services analysed at once (each holds one series while it is analysed)
 * @param outlook    the traffic every service is ranked on, as {@code plan --traffic-outlook}: {@code AUTO} (the
 *                   single-service default), or {@code PROFILE} (no forecast: several times faster)
 */
public record FleetRequest(Fleet fleet, ImportOptions options, Optional<CostAssumptions> cost,
                           Optional<WindowRequest.Habit> habit, int candidates, int threads,
                           org.lowtide.planning.OutlookChoice outlook) {

    /** A request on the single-service default outlook. */
    public FleetRequest(Fleet fleet, ImportOptions options, Optional<CostAssumptions> cost,
                        Optional<WindowRequest.Habit> habit, int candidates, int threads) {
        this(fleet, options, cost, habit, candidates, threads, org.lowtide.planning.OutlookChoice.AUTO);
    }

    /** Candidates kept per service unless asked otherwise. */
    public static final int DEFAULT_CANDIDATES = 48;

    public FleetRequest {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(habit, "habit");
        Objects.requireNonNull(outlook, "outlook");
        if (candidates < 1 || candidates > 100_000) {
            throw new IllegalArgumentException("keep 1 to 100000 candidate windows per service, not " + candidates);
        }
        if (threads < 1 || threads > 512) {
            throw new IllegalArgumentException("use 1 to 512 threads, not " + threads);
        }
    }
}
