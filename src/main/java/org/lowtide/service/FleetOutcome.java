package org.lowtide.service;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowtide.fleet.ServiceOptions;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Recommendation;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.WindowRequest;

/**
 * One service's part of a fleet plan before the fleet rules: its own analysis and plan, kept small
 * (the candidates and a few numbers, never the series).
 *
 * @param service     the service's name
 * @param status      planned or failed
 * @param problem     why it failed (file, line where known)
 * @param zone        the plan's zone
 * @param window      its window length
 * @param request     the window request it was planned with (resolved), for exports; empty when failed
 * @param basis       what its windows are ranked by
 * @param unit        the unit of its own scores (its traffic unit, or the currency)
 * @param weekly      its best weekly window (the single-service recommendation)
 * @param own         the single-service plan's dated windows, best first
 * @param options     its candidates for the fleet optimiser, in the fleet's common unit
 * @param toNative    multiply a candidate's cost by this to get its own score back (traffic or money)
 * @param median      the score of its median candidate window, in its own unit
 * @param habit       the score of the team's habitual slot, in its own unit, when a habit was given
 * @param share       its share of the fleet's revenue
 * @param seconds     wall-clock seconds its analysis and plan took
 */
public record FleetOutcome(String service, Status status, Optional<String> problem, ZoneId zone, Duration window,
                           Optional<WindowRequest> request, Recommendation.Basis basis, String unit,
                           Optional<RecurringWindow> weekly, List<ChangeWindow> own, Optional<ServiceOptions> options,
                           double toNative, double median, OptionalDouble habit, double share, double seconds) {

    /** Where a service stands. */
    public enum Status {
        /** Analysed and planned. */
        PLANNED,
        /** Its file or data could not be planned; the rest of the fleet was. */
        FAILED
    }

    public FleetOutcome {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(weekly, "weekly");
        own = List.copyOf(own);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(habit, "habit");
        if (status == Status.FAILED && problem.isEmpty()) {
            throw new IllegalArgumentException(service + ": a failed service says why");
        }
    }

    /** A service that failed, and why. */
    static FleetOutcome failed(String service, ZoneId zone, Duration window, String problem, double seconds) {
        return new FleetOutcome(service, Status.FAILED, Optional.of(problem), zone, window, Optional.empty(),
                Recommendation.Basis.TRAFFIC_AT_STAKE, "", Optional.empty(), List.of(), Optional.empty(), 1, Double.NaN,
                OptionalDouble.empty(), 0, seconds);
    }
}
