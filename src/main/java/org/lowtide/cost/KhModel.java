package org.lowtide.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The formula Lowtide is built on: Changes ~ k · Innovation ~ h · Downtime. Each change brings k
 * innovation and h expected downtime, {@code h = CFR · (detect + E[restore]) · impact}; a year of
 * changes brings {@code changes · k} innovation and costs {@code changes · E[cost per change]}.
 * Levers raise k (test environments, A/B tests, CI) or lower h (fast rollback, better alerting,
 * smaller blast radius); scenarios put them side by side.
 *
 * <p>"Cost per change" is the closed-form expected cost at a random start inside business hours
 * (the mean over those start slots), "in trough" at the cheapest start slot of the week; the
 * difference times the changes per year is what scheduling in the trough saves. A week has one
 * cheapest slot: a team making hundreds of changes a year would spread them over the cheapest
 * hours, so read the saving as an upper bound.
 */
public final class KhModel {

    private KhModel() {
    }

    /** @return one result per scenario, in order */
    public static List<ScenarioResult> compare(RevenueCurve curve, CostAssumptions baseline, List<Scenario> scenarios) {
        // Each scenario is its own closed form (issue 20: on a 5-minute week most of a cost run);
        // they are evaluated side by side on the common pool and kept in the scenarios' order, each
        // computing exactly what it computed alone.
        return new ArrayList<>(scenarios.parallelStream()
                .map(scenario -> evaluate(curve, scenario.apply(baseline), scenario)).toList());
    }

    /** @return the k/h numbers of one scenario whose levers are already applied to {@code a} */
    static ScenarioResult evaluate(RevenueCurve curve, CostAssumptions a, Scenario scenario) {
        ChangeCostModel model = new ChangeCostModel(curve, a);
        double[] bySlot = model.expectedCostBySlot();
        double businessMean = businessHoursMean(curve, a.businessHours().value(), bySlot);
        double trough = min(bySlot);
        double changes = a.changesPerYear().value();
        double k = a.innovationPerChange().value();
        RestoreTime restore = a.restoreTime();
        double detect = RestoreTime.minutes(a.detect().value());
        double cfr = a.changeFailureRate().value();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        scenario.levers().forEach(l -> ids.add(l.id()));
        scenario.levers().forEach(l -> names.add(l.name())); // a lever of a scenario file shows by its own name
        return new ScenarioResult(scenario.name(), ids, changes, k, changes * k, cfr, detect, restore.meanMinutes(),
                a.impact().value(), model.expectedDowntimePerChange(), changes * cfr * (detect + restore.meanMinutes()),
                businessMean, changes * businessMean, trough, changes * (businessMean - trough), names);
    }

    /** @return the mean of {@code bySlot} over the start slots inside {@code hours} (all slots if none) */
    public static double businessHoursMean(RevenueCurve curve, WeeklyHours hours, double[] bySlot) {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < bySlot.length; s++) {
            if (hours.contains(curve.slots().dayOf(s), curve.slots().timeOf(s))) {
                sum += bySlot[s];
                n++;
            }
        }
        if (n == 0) {
            for (double v : bySlot) {
                sum += v;
            }
            n = bySlot.length;
        }
        return sum / n;
    }

    static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
