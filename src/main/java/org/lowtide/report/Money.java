package org.lowtide.report;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.ChangeCost;
import org.lowtide.cost.ChangeCostModel;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.RevenueCurve;
import org.lowtide.cost.ScenarioResult;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Plan;
import org.lowtide.planning.WindowRequest;

/**
 * The report's money: the cost model's report, and what a change costs when started in each
 * planned window, at the median start, at the team's habit and at the peak, each simulated with
 * the cost report's seed and number of changes (so the same inputs give the same numbers, and the
 * median and peak equal those of {@code lowtide cost --json}).
 *
 * @param cost          the cost model's report (curve, best/median/worst start, scenarios, budget)
 * @param windows       the cost of a change started at each dated window's start, in plan order
 * @param recommended   the first dated window's cost, with every simulated failure (for the histogram)
 * @param peak          the dearest start of the week, with every simulated failure
 * @param habit         the team's habit: the habit slot when given, else a random business-hours start
 * @param yearlySavings what moving a year of changes from the habit to the recommended window saves
 */
public record Money(CostReport cost, List<Priced> windows, Optional<Priced> recommended, Priced peak, Habit habit,
                    double yearlySavings) {

    public Money {
        Objects.requireNonNull(cost, "cost");
        windows = List.copyOf(windows);
        Objects.requireNonNull(recommended, "recommended");
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(habit, "habit");
    }

    /**
     * A change started at one time, simulated.
     *
     * @param label        e.g. "Sat 22 Nov 2025 03:00 CET" or "Saturdays 03:00"
     * @param day          local day of the start
     * @param time         local start time
     * @param estimate     mean, p50, p90, p99 over every simulated change
     * @param failureCosts the cost of every simulated change that failed (empty when not kept)
     */
    public record Priced(String label, DayOfWeek day, LocalTime time, CostEstimate estimate, double[] failureCosts) {
        public Priced {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(estimate, "estimate");
            failureCosts = failureCosts.clone();
        }

        @Override
        public double[] failureCosts() {
            return failureCosts.clone();
        }
    }

    /**
     * What a change costs the way the team works today.
     *
     * @param description "your habit (Tuesdays 14:00)" or "a random business-hours start (Mon-Fri 09:00-17:00)"
     * @param costPerChange the expected cost of one change there
     * @param estimate      the simulation at the habit slot, when a habit was given
     */
    public record Habit(String description, double costPerChange, Optional<CostEstimate> estimate) {
        public Habit {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(estimate, "estimate");
        }
    }

    /** @return the currency code, e.g. {@code USD} */
    public String currency() {
        return cost.currency().getCurrencyCode();
    }

    /** @return changes per year (the baseline's) */
    public double changesPerYear() {
        return cost.assumptions().changesPerYear().value();
    }

    /** @return the median start of the week (equal to {@code cost --json}'s {@code change.median}) */
    public ChangeCost median() {
        return cost.median();
    }

    /** @return the k/h scenarios, baseline first */
    public List<ScenarioResult> scenarios() {
        return cost.scenarios();
    }

    /**
     * Prices the plan with the cost model.
     *
     * @param cost the cost model's report on the same traffic and zone as the plan
     * @param plan the plan
     */
    public static Money of(CostReport cost, Plan plan) {
        ZoneId zone = plan.request().constraints().zone();
        if (!cost.curve().slots().zone().equals(zone)) {
            throw new IllegalArgumentException("the cost model's week is in " + cost.curve().slots().zone()
                    + " but the plan in " + zone);
        }
        ChangeCostModel model = cost.model();
        int n = cost.best().estimate().simulations();
        long seed = cost.seed();
        List<Priced> windows = new ArrayList<>();
        Optional<Priced> recommended = Optional.empty();
        for (ChangeWindow w : plan.windows()) {
            ZonedDateTime start = w.window().start().atZone(zone);
            ChangeSimulator.Run run = simulate(model, start.getDayOfWeek(), start.toLocalTime(), n, seed);
            Priced p = new Priced(Texts.dayTime(start), start.getDayOfWeek(), start.toLocalTime(), run.estimate(),
                    recommended.isEmpty() ? run.failureCosts() : new double[0]);
            if (recommended.isEmpty()) {
                recommended = Optional.of(p);
            }
            windows.add(p);
        }
        ChangeCost worst = cost.worst();
        ChangeSimulator.Run peakRun = simulate(model, worst.day(), worst.time(), n, seed);
        Priced peak = new Priced(Texts.days(worst.day()) + " " + Texts.HM.format(worst.time()) + " (the peak)",
                worst.day(), worst.time(), peakRun.estimate(), peakRun.failureCosts());

        Habit habit;
        Optional<WindowRequest.Habit> given = plan.request().habit();
        if (given.isPresent()) {
            ChangeSimulator.Run run = simulate(model, given.get().day(), given.get().start(), n, seed);
            habit = new Habit("your habit (" + given.get() + ")", run.estimate().mean(), Optional.of(run.estimate()));
        } else {
            // The k/h model's "cost per change" of the baseline: the closed-form mean over business-hours starts.
            double perChange = org.lowtide.cost.KhModel.businessHoursMean(cost.curve(),
                    cost.assumptions().businessHours().value(), cost.expectedBySlot());
            habit = new Habit("a random business-hours start (" + cost.assumptions().businessHours().value() + ")",
                    perChange, Optional.empty());
        }
        double savings = recommended.map(r -> cost.assumptions().changesPerYear().value()
                * (habit.costPerChange() - r.estimate().mean())).orElse(Double.NaN);
        return new Money(cost, windows, recommended, peak, habit, savings);
    }

    private static ChangeSimulator.Run simulate(ChangeCostModel model, DayOfWeek day, LocalTime time, int n,
                                                long seed) {
        return new ChangeSimulator(model).simulate(RevenueCurve.minuteOfWeek(day, time), n, seed);
    }
}
