package org.lowtide.cost;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a scenario file says: baseline changes and k, the levers (built-in ones with the file's
 * effects, plus the file's own) and the scenarios to compare.
 *
 * @param changesPerYear      the baseline's changes per year, when the file sets it
 * @param innovationPerChange the baseline's k, when the file sets it
 * @param levers              every lever known, built-in first
 * @param scenarios           the scenarios, in the file's order
 */
public record ScenarioSet(OptionalDouble changesPerYear, OptionalDouble innovationPerChange, List<Lever> levers,
                          List<Scenario> scenarios) {

    public ScenarioSet {
        Objects.requireNonNull(changesPerYear, "changesPerYear");
        Objects.requireNonNull(innovationPerChange, "innovationPerChange");
        levers = List.copyOf(levers);
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("a scenario set needs at least one scenario");
        }
    }

    /** @return the built-in levers and the default scenarios */
    public static ScenarioSet defaults() {
        return new ScenarioSet(OptionalDouble.empty(), OptionalDouble.empty(), Lever.builtIn(), Scenario.defaults());
    }

    /** @return the assumptions with this set's baseline changes per year and k applied */
    public CostAssumptions applyBaseline(CostAssumptions assumptions) {
        CostAssumptions.Builder b = assumptions.toBuilder();
        changesPerYear.ifPresent(b::changesPerYear);
        innovationPerChange.ifPresent(b::innovationPerChange);
        return b.build();
    }
}
