package org.lowtide.report;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The report's money: the cost model's report, and what a change costs in each planned window,
 * at the median window, at the team's habit and at the peak.
 *
 * <p>When the plan was ranked in money, its numbers are used as they are (the expected cost of a
 * change in each window, the median window, the habit, and each window's simulated cost), so the
 * PDF says what {@code plan --json} says; the best, median and worst start of the week are the
 * cost report's, as {@code cost --json} prints them. A plan ranked by traffic is priced here with
 * the closed form and a seeded simulation at each window's start.
 *
 * @param cost          the cost model's report (curve, best/median/worst start, scenarios, budget)
 * @param windows       the cost of a change in each dated window, in plan order
 * @param recommended   the first dated window, with every simulated failure (for the histogram)
 * @param peak          the dearest start of the week, with every simulated failure
 * @param medianWindow  the expected cost of a change in the horizon's median window (or the week's
 *                      median start when the plan was ranked by traffic)
 * @param habit         the team's habit: the habit slot when given, else a random business-hours start
 * @param yearlySavings changes per year × (habit − recommended window), expected costs
 */
public record Money(CostReport cost, List<Priced> windows, Optional<Priced> recommended, Priced peak,
                    double medianWindow, Habit habit, double yearlySavings) {

    public Money {
        Objects.requireNonNull(cost, "cost");
        windows = List.copyOf(windows);
        Objects.requireNonNull(recommended, "recommended");
        Objects.requireNonNull(peak, "peak");
        Objects.requireNonNull(habit, "habit");
    }

    /**
     * A change started at one time.
     *
     * @param label        e.g. "Sat 22 Nov 2025 03:00 CET" or "Saturdays 03:00"
     * @param day          local day of the start
     * @param time         local start time
     * @param expected     the closed-form expected cost
     * @param estimate     mean, p50, p90, p99 over the simulated changes
     * @param failureCosts the cost of every simulated change that failed (empty when not kept)
     * @param failuresOf   the simulation the failures come from (a change started at the window's
     *                     start; {@code estimate} may pool every start of the window)
     */
    public record Priced(String label, DayOfWeek day, LocalTime time, double expected, CostEstimate estimate,
                         double[] failureCosts, CostEstimate failuresOf) {
        public Priced {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(failuresOf, "failuresOf");
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
     * @param description   "your habit (Tuesdays 14:00)" or "a random business-hours start (Mon-Fri 09:00-17:00)"
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
     * @param cost        the cost model's report on the same traffic and zone as the plan
     * @param plan        the plan
     * @param windowCosts the simulated cost of each window by rank when the plan was ranked in money
     *                    (its {@code expected} values are then costs); empty for a plan ranked by traffic
     */
    public static Money of(CostReport cost, Plan plan, Map<Integer, CostEstimate> windowCosts) {
        return of(cost, plan, windowCosts, Optional.empty());
    }

    /**
     * @param onProfile the revenue week on the ranking's weekly profile: when given, "the peak" is
     *                  its busiest slot rather than the dearest start of the raw curve
     * @see #of(CostReport, Plan, Map)
     */
    public static Money of(CostReport cost, Plan plan, Map<Integer, CostEstimate> windowCosts,
                           Optional<ProfileRevenue> onProfile) {
        ZoneId zone = plan.request().constraints().zone();
        if (!cost.curve().slots().zone().equals(zone)) {
            throw new IllegalArgumentException("the cost model's week is in " + cost.curve().slots().zone()
                    + " but the plan in " + zone);
        }
        boolean inMoney = !windowCosts.isEmpty();
        ChangeCostModel model = cost.model();
        int n = cost.best().estimate().simulations();
        long seed = cost.seed();
        List<Priced> windows = new ArrayList<>();
        Optional<Priced> recommended = Optional.empty();
        for (ChangeWindow w : plan.windows()) {
            ZonedDateTime start = w.window().start().atZone(zone);
            double minute = RevenueCurve.minuteOfWeek(start.getDayOfWeek(), start.toLocalTime());
            boolean first = recommended.isEmpty();
            ChangeSimulator.Run run = inMoney && !first ? null : new ChangeSimulator(model).simulate(minute, n, seed);
            CostEstimate estimate = inMoney ? windowCosts.get(w.rank()) : run.estimate();
            if (estimate == null) {
                throw new IllegalArgumentException("no simulated cost for window " + w.rank());
            }
            double expected = inMoney ? w.expected() : model.expectedCost(minute);
            Priced p = new Priced(Texts.dayTime(start), start.getDayOfWeek(), start.toLocalTime(), expected, estimate,
                    first ? run.failureCosts() : new double[0], first ? run.estimate() : estimate);
            if (first) {
                recommended = Optional.of(p);
            }
            windows.add(p);
        }
        ChangeCost worst = cost.worst();
        java.time.DayOfWeek peakDay = onProfile.map(ProfileRevenue::peakDay).orElse(worst.day());
        java.time.LocalTime peakTime = onProfile.map(ProfileRevenue::peakTime).orElse(worst.time());
        double peakMinute = RevenueCurve.minuteOfWeek(peakDay, peakTime);
        ChangeSimulator.Run peakRun = new ChangeSimulator(model).simulate(peakMinute, n, seed);
        Priced peak = new Priced(Texts.days(peakDay) + " " + Texts.HM.format(peakTime) + " (the peak)",
                peakDay, peakTime, onProfile.isPresent() ? model.expectedCost(peakMinute)
                : worst.estimate().exactMean(), peakRun.estimate(), peakRun.failureCosts(), peakRun.estimate());
        double median = inMoney ? plan.medianCandidate() : cost.median().estimate().exactMean();

        Habit habit;
        Optional<WindowRequest.Habit> given = plan.request().habit();
        if (given.isPresent()) {
            double minute = RevenueCurve.minuteOfWeek(given.get().day(), given.get().start());
            ChangeSimulator.Run run = new ChangeSimulator(model).simulate(minute, n, seed);
            double expected = inMoney && plan.habit().isPresent() ? plan.habit().getAsDouble()
                    : model.expectedCost(minute);
            habit = new Habit("your habit (" + given.get() + ")", expected, Optional.of(run.estimate()));
        } else {
            // The k/h model's "cost per change" of the baseline: the closed-form mean over business-hours starts.
            double perChange = org.lowtide.cost.KhModel.businessHoursMean(cost.curve(),
                    cost.assumptions().businessHours().value(), cost.expectedBySlot());
            habit = new Habit("a random business-hours start (" + cost.assumptions().businessHours().value() + ")",
                    perChange, Optional.empty());
        }
        double savings = recommended.map(r -> cost.assumptions().changesPerYear().value()
                * (habit.costPerChange() - r.expected())).orElse(Double.NaN);
        return new Money(cost, windows, recommended, peak, median, habit, savings);
    }
}
