package org.lowtide.cost;

import java.util.List;
import java.util.Objects;

/**
 * One scenario of the k/h comparison, per year.
 *
 * @param name                       the scenario's name
 * @param levers                     the ids of the levers pulled
 * @param changesPerYear             changes per year
 * @param innovationPerChange        k
 * @param innovationPerYear          changes × k
 * @param changeFailureRate          after levers
 * @param detectMinutes              time to detect after levers
 * @param restoreMeanMinutes         mean restore time after levers
 * @param impact                     share of users affected after levers
 * @param downtimePerChangeMinutes   h = CFR · (detect + E[restore]) · impact
 * @param downtimeMinutesPerYear     changes × CFR × (detect + E[restore]): incident minutes, any size
 * @param costPerChange              expected cost of a change at a random business-hours start
 * @param downtimeCostPerYear        changes × costPerChange
 * @param costPerChangeInTrough      expected cost of a change at the cheapest start of the week
 * @param troughSavingsPerYear       what scheduling every change in the trough instead saves a year
 */
public record ScenarioResult(String name, List<String> levers, double changesPerYear, double innovationPerChange,
                             double innovationPerYear, double changeFailureRate, double detectMinutes,
                             double restoreMeanMinutes, double impact, double downtimePerChangeMinutes,
                             double downtimeMinutesPerYear, double costPerChange, double downtimeCostPerYear,
                             double costPerChangeInTrough, double troughSavingsPerYear, List<String> leverNames) {

    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        levers = List.copyOf(levers);
        leverNames = List.copyOf(leverNames);
        if (leverNames.size() != levers.size()) {
            throw new IllegalArgumentException("one name per lever: " + levers + " vs " + leverNames);
        }
    }

    /** A result whose levers are named by their ids. */
    public ScenarioResult(String name, List<String> levers, double changesPerYear, double innovationPerChange,
                          double innovationPerYear, double changeFailureRate, double detectMinutes,
                          double restoreMeanMinutes, double impact, double downtimePerChangeMinutes,
                          double downtimeMinutesPerYear, double costPerChange, double downtimeCostPerYear,
                          double costPerChangeInTrough, double troughSavingsPerYear) {
        this(name, levers, changesPerYear, innovationPerChange, innovationPerYear, changeFailureRate, detectMinutes,
                restoreMeanMinutes, impact, downtimePerChangeMinutes, downtimeMinutesPerYear, costPerChange,
                downtimeCostPerYear, costPerChangeInTrough, troughSavingsPerYear, levers);
    }
}
