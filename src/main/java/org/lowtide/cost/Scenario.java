package org.lowtide.cost;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One column of the k/h comparison: the baseline assumptions with some levers pulled, and
 * optionally its own number of changes and innovation per change.
 *
 * @param name                a human name, e.g. "Today" or "Better alerting"
 * @param levers              the levers pulled, their effects multiplied together
 * @param changesPerYear      this scenario's changes per year before levers; empty for the baseline's
 * @param innovationPerChange this scenario's k before levers; empty for the baseline's
 */
public record Scenario(String name, List<Lever> levers, OptionalDouble changesPerYear,
                       OptionalDouble innovationPerChange) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        levers = List.copyOf(levers);
        Objects.requireNonNull(changesPerYear, "changesPerYear");
        Objects.requireNonNull(innovationPerChange, "innovationPerChange");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        changesPerYear.ifPresent(v -> CostLimits.require(CostLimits.nonNegative("scenario '" + name
                + "': changes per year", v)));
        innovationPerChange.ifPresent(v -> CostLimits.require(CostLimits.nonNegative("scenario '" + name
                + "': innovation per change", v)));
    }

    /** @return a scenario with the given levers and the baseline's numbers */
    public static Scenario of(String name, Lever... levers) {
        return new Scenario(name, List.of(levers), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** @return the scenarios shown when no scenario file is given: today, lower h, raise k, all */
    public static List<Scenario> defaults() {
        return List.of(
                of("Today"),
                of("Lower h", Lever.FAST_ROLLBACK, Lever.BETTER_ALERTING, Lever.SPLIT_CODEBASE),
                of("Raise k", Lever.TEST_ENVIRONMENTS, Lever.AB_TESTING, Lever.CONTINUOUS_INTEGRATION),
                of("All levers", Lever.TEST_ENVIRONMENTS, Lever.AB_TESTING, Lever.CONTINUOUS_INTEGRATION,
                        Lever.FAST_ROLLBACK, Lever.BETTER_ALERTING, Lever.SPLIT_CODEBASE));
    }

    /**
     * The baseline assumptions with this scenario's numbers and levers applied. Levers multiply;
     * the failure rate and the impact are capped at 1.
     */
    public CostAssumptions apply(CostAssumptions baseline) {
        double innovation = innovationPerChange.orElse(baseline.innovationPerChange().value());
        double changes = changesPerYear.orElse(baseline.changesPerYear().value());
        double cfr = baseline.changeFailureRate().value();
        double detect = 1;
        double restore = 1;
        double impact = baseline.impact().value();
        for (Lever lever : levers) {
            innovation *= lever.innovation();
            changes *= lever.changes();
            cfr *= lever.failureRate();
            detect *= lever.detect();
            restore *= lever.restore();
            impact *= lever.impact();
        }
        CostAssumptions.Builder b = baseline.toBuilder();
        if (levers.isEmpty() && changesPerYear.isEmpty() && innovationPerChange.isEmpty()) {
            return baseline;
        }
        try {
            RestoreTime scaled = baseline.restoreTime().scaled(restore);
            return b.innovationPerChange(innovation).changesPerYear(changes).changeFailureRate(Math.min(1, cfr))
                    .detect(RestoreTime.scale(baseline.detect().value(), detect)).restoreMedian(scaled.median())
                    .restoreP90(scaled.p90()).impact(Math.min(1, impact)).build();
        } catch (IllegalArgumentException e) {
            // Levers that stretch a time beyond what a cost model takes: name the scenario.
            throw new IllegalArgumentException("scenario '" + name + "': " + e.getMessage(), e);
        }
    }
}
