package org.lowtide.cost;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * What a change started at a given minute of the local week costs: the closed-form expectation,
 * and the cost of one simulated outcome for the Monte Carlo ({@link ChangeSimulator}).
 *
 * <h2>The model</h2>
 * A change starts at {@code t₀}. Its planned downtime {@code P} (often zero) costs exactly
 * {@code (1 − recovered) · R(t₀, P)}, where {@code R(t, x)} is the expected revenue in
 * {@code [t, t + x)} from the {@link RevenueCurve}. With probability CFR the change fails when it
 * goes live at {@code t = t₀ + P}; the incident lasts {@code D = m(t) · (detect + X)}, {@code X}
 * the lognormal {@link RestoreTime} and {@code m(t)} the night multiplier when {@code t} falls in
 * the night hours (else 1). A failure costs
 * <pre>
 *   C = M · κ · R(t, D) + credit₀ + credit₁ · D / 60
 *   κ = impact · loss · ((1 − recovered) + churnPerHour · CLV / (60 · r̄))
 * </pre>
 * where {@code loss} is 1 when down and the latency elasticity times the extra latency when
 * degraded, {@code r̄} the average revenue per minute (customers cancel in proportion to the
 * revenue, i.e. the users, at stake), and {@code M} the traffic factor of the week (mean 1; see
 * {@link RevenueCurve#factor}).
 *
 * <h2>Closed form</h2>
 * {@code M} is independent of {@code D} with mean 1, so
 * {@code E[C] = κ · E[R(t, D)] + credit₀ + credit₁ · E[D] / 60}. With the revenue piecewise
 * constant on slots with boundaries {@code b₀ = 0 < b₁ < …} after {@code t},
 * {@code E[R(t, D)] = Σₖ r_k · (E[min(D, b_{k+1})] − E[min(D, b_k)])}, each term from the
 * lognormal's limited expectation ({@link RestoreTime#limitedMean}). The sum runs until the
 * remaining expected duration is below 1e-13 of the mean (the rest, at most a year of slots
 * later, is charged at the week's average rate). Start slots share the same boundaries, so the
 * expected cost of every start slot of the week costs one table per multiplier plus a
 * slots × segments sum.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChangeCostModel {

    private static final double TAIL = 1e-13;

    private final RevenueCurve curve;
    /** The curve's week of revenue per minute, copied once (the curve hands out a copy each time). */
    private final double[] weekPerMinute;
    private final CostAssumptions assumptions;
    private final RestoreTime restore;
    private final double cfr;
    private final double detectMinutes;
    private final double plannedMinutes;
    private final double kappa;
    private final double plannedKappa;
    private final double creditPerIncident;
    private final double creditPerMinute;
    private final double nightMultiplier;
    private final HoursOfDay nightHours;
    /** Increment tables kept per model (starts off the slot grid each add one; a few are usual). */
    private static final int MAX_INCREMENT_TABLES = 64;
    private final java.util.concurrent.ConcurrentHashMap<List<Double>, double[]> incrementTables =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The per-slot table of the closed form, built on first use (a plan asks for it twice). */
    private volatile SlotParts slotParts;

    /**
     * @param curve       expected revenue per minute over the week (and its spread)
     * @param assumptions every other input
     */
    public ChangeCostModel(RevenueCurve curve, CostAssumptions assumptions) {
        this.curve = Objects.requireNonNull(curve, "curve");
        this.weekPerMinute = curve.perMinute();
        this.assumptions = Objects.requireNonNull(assumptions, "assumptions");
        this.restore = assumptions.restoreTime();
        this.cfr = assumptions.changeFailureRate().value();
        this.detectMinutes = RestoreTime.minutes(assumptions.detect().value());
        this.plannedMinutes = RestoreTime.minutes(assumptions.plannedDowntime().value());
        double recovered = assumptions.recovered().value();
        double average = curve.averagePerMinute();
        double churnRelative = average > 0
                ? assumptions.churnPerOutageHour().value() * assumptions.customerLifetimeValue().value() / (60 * average)
                : 0;
        this.kappa = assumptions.impact().value() * assumptions.lossWhileAffected() * ((1 - recovered) + churnRelative);
        this.plannedKappa = 1 - recovered;
        this.creditPerIncident = assumptions.slaCreditPerIncident().value();
        this.creditPerMinute = assumptions.slaCreditPerHour().value() / 60;
        this.nightMultiplier = assumptions.nightMultiplier().value();
        this.nightHours = assumptions.nightHours().value();
    }

    /** @return the revenue curve */
    public RevenueCurve curve() {
        return curve;
    }

    /** @return the assumptions */
    public CostAssumptions assumptions() {
        return assumptions;
    }

    /** @return κ, the share of the expected revenue in an incident that it costs (incl. churn) */
    public double revenueCoefficient() {
        return kappa;
    }

    /** @return the change failure rate */
    public double changeFailureRate() {
        return cfr;
    }

    /** @return the restore time distribution */
    public RestoreTime restoreTime() {
        return restore;
    }

    /** @return the time to detect in minutes (before the night multiplier) */
    public double detectMinutes() {
        return detectMinutes;
    }

    /** @return the planned downtime per change in minutes */
    public double plannedMinutes() {
        return plannedMinutes;
    }

    /** @return the minute of the week at which a change started at {@code startMinute} goes live */
    public double incidentStart(double startMinute) {
        return startMinute + plannedMinutes;
    }

    /** @return the response-time multiplier for an incident starting at {@code minuteOfWeek} */
    public double multiplierAt(double minuteOfWeek) {
        double m = minuteOfWeek - Math.floor(minuteOfWeek / RevenueCurve.MINUTES_PER_WEEK) * RevenueCurve.MINUTES_PER_WEEK;
        double ofDay = m - Math.floor(m / 1440) * 1440;
        LocalTime time = LocalTime.ofSecondOfDay(Math.min(86_399, (long) Math.floor(ofDay * 60)));
        return nightHours.contains(time) ? nightMultiplier : 1;
    }

    /** @return the exact cost of the planned downtime of a change started at {@code startMinute} */
    public double plannedCost(double startMinute) {
        return plannedMinutes == 0 ? 0 : plannedKappa * curve.revenueBetween(startMinute, plannedMinutes);
    }

    /**
     * The cost of one failure outcome.
     *
     * @param incidentStart   minute of the week the incident starts
     * @param durationMinutes how long it lasts, detection included
     * @param trafficFactor   the week's traffic relative to the expected (1 = as expected)
     */
    public double failureCost(double incidentStart, double durationMinutes, double trafficFactor) {
        return trafficFactor * kappa * curve.revenueBetween(incidentStart, durationMinutes) + creditPerIncident
                + creditPerMinute * durationMinutes;
    }

    /** @return the mean incident duration in minutes for a failure at {@code incidentStart} */
    public double meanIncidentMinutes(double incidentStart) {
        return multiplierAt(incidentStart) * (detectMinutes + restore.meanMinutes());
    }

    /** @return {@code E[min(D, c)]} for an incident with multiplier {@code m} */
    double limitedDuration(double m, double c) {
        double fixedPart = m * detectMinutes;
        if (c <= fixedPart) {
            return c;
        }
        return fixedPart + m * restore.limitedMean(c / m - detectMinutes);
    }

    /** @return the closed-form expected cost of a failure at {@code incidentStart} */
    public double expectedFailureCost(double incidentStart) {
        return expectedFailureCost(incidentStart, 1);
    }

    /**
     * @param incidentScale factor on the revenue the incident meets (1: the curve as it is)
     * @return the closed-form expected cost of a failure at {@code incidentStart}
     */
    double expectedFailureCost(double incidentStart, double incidentScale) {
        double m = multiplierAt(incidentStart);
        double offset = incidentStart - Math.floor(incidentStart / curve.slotMinutes()) * curve.slotMinutes();
        double[] increments = incrementTable(m, offset);
        double revenue = revenueMet(curve.slotAt(incidentStart), increments);
        double meanD = m * (detectMinutes + restore.meanMinutes());
        return kappa * revenue * incidentScale + creditPerIncident + creditPerMinute * meanD;
    }

    /** @return the closed-form expected cost of a change started at {@code startMinute} */
    public double expectedCost(double startMinute) {
        return expectedCost(startMinute, 1, 1);
    }

    /**
     * The closed-form expected cost of a change started at {@code startMinute} when the revenue its
     * planned downtime meets is the curve's times {@code plannedScale} and the revenue its incident
     * meets the curve's times {@code incidentScale} (see {@link #expectedCostAlong}).
     */
    public double expectedCost(double startMinute, double plannedScale, double incidentScale) {
        double failure = cfr == 0 ? 0 : expectedFailureCost(incidentStart(startMinute), incidentScale);
        return plannedCost(startMinute) * plannedScale + cfr * failure;
    }

    /**
     * The closed-form expected cost of a change started at the beginning of every slot of the
     * week, Monday 00:00 first.
     */
    public double[] expectedCostBySlot() {
        SlotParts parts = slotParts();
        double[] result = new double[parts.revenue.length];
        for (int s = 0; s < result.length; s++) {
            double failure = kappa * parts.revenue[s] + creditPerIncident + creditPerMinute * parts.meanD[s];
            result[s] = parts.planned[s] + cfr * failure;
        }
        return result;
    }

    /**
     * The expected cost of a change started at each step of a dated horizon when the revenue of each
     * step is its week slot's times a factor. Lowtide passes the traffic forecast over the weekly
     * profile, so a growing or shrinking service, or a recent week shaped unlike the median one,
     * moves the cost. The model is linear in the revenue, so the closed form keeps its terms: the
     * planned downtime meets the factor of its start step, and the incident the mean factor of the
     * steps it is expected to spend time in, weighted by its expected minutes
     * ({@code E[min(D, b_{k+1})] − E[min(D, b_k)]}) times the revenue of each:
     * <pre>
     *   σ_i = Σ_k r_k · Δ_k · f_{i+p+k} / Σ_k r_k · Δ_k,   p = whole slots of planned downtime
     * </pre>
     * The sum in the numerator stops where less than 1e-9 of the expected duration is left; the
     * rest, days after the start, counts a factor of 1 (as do steps past the end of {@code factor}).
     * With every factor 1 the result equals {@link #expectedCostBySlot} slot by slot, to the bit.
     *
     * @param slotOfStep the week slot each step starts in (steps are one slot long and consecutive)
     * @param factor     the revenue factor of each step (same length; 1 where nothing is known)
     */
    public ScaledCosts expectedCostAlong(int[] slotOfStep, double[] factor) {
        if (slotOfStep.length != factor.length) {
            throw new IllegalArgumentException("need one factor per step");
        }
        SlotParts parts = slotParts();
        int n = slotOfStep.length;
        int lead = (int) Math.floor(plannedMinutes / curve.slotMinutes());
        double[] expected = new double[n];
        double[] plannedScale = new double[n];
        double[] incidentScale = new double[n];
        // Per start slot, the revenue each following slot's expected minutes meet: r_k · Δ_k.
        double[][] weights = new double[parts.revenue.length][];
        for (int i = 0; i < n; i++) {
            int s = slotOfStep[i];
            double[] w = weights[s];
            if (w == null) {
                double[] inc = parts.increments[s];
                w = new double[parts.used[s]];
                for (int k = 0; k < w.length; k++) {
                    w[k] = curve.perMinute(parts.first[s] + k) * inc[k];
                }
                weights[s] = w;
            }
            double delta = 0;
            int reach = Math.min(w.length, n - i - lead);
            for (int k = 0; k < reach; k++) {
                delta += w[k] * (factor[i + lead + k] - 1);
            }
            double sigma = parts.revenue[s] > 0 ? 1 + delta / parts.revenue[s] : 1;
            plannedScale[i] = factor[i];
            incidentScale[i] = sigma;
            double failure = kappa * parts.revenue[s] * sigma + creditPerIncident + creditPerMinute * parts.meanD[s];
            expected[i] = parts.planned[s] * factor[i] + cfr * failure;
        }
        return new ScaledCosts(expected, plannedScale, incidentScale);
    }

    /**
     * The expected cost of a change at each dated step, with the factors that made it (for the
     * simulator, {@link ChangeSimulator#simulateAcross(double[], double[], double[], int, long)}).
     *
     * @param expected      expected cost of a change started at each step
     * @param plannedScale  revenue factor the planned downtime met
     * @param incidentScale revenue factor an incident met, on average over its expected course
     */
    public record ScaledCosts(double[] expected, double[] plannedScale, double[] incidentScale) {
        public ScaledCosts {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(plannedScale, "plannedScale");
            Objects.requireNonNull(incidentScale, "incidentScale");
        }
    }

    /**
     * What the closed form needs per start slot of the week: the planned downtime's cost, the
     * incident's expected revenue met ({@code Σ r_k Δ_k}), its mean duration, and its table of
     * expected minutes per slot from the first.
     */
    private static final class SlotParts {
        final double[] planned;
        final double[] revenue;
        final double[] meanD;
        final int[] first;
        final double[][] increments;
        final int[] used;

        SlotParts(int count) {
            planned = new double[count];
            revenue = new double[count];
            meanD = new double[count];
            first = new int[count];
            increments = new double[count][];
            used = new int[count];
        }
    }

    private SlotParts slotParts() {
        SlotParts parts = slotParts;
        if (parts == null) {
            // Racing threads may both build it; the tables are equal and never changed after.
            parts = buildSlotParts();
            slotParts = parts;
        }
        return parts;
    }

    private SlotParts buildSlotParts() {
        int count = curve.slots().count();
        double slotMinutes = curve.slotMinutes();
        double offset = plannedMinutes - Math.floor(plannedMinutes / slotMinutes) * slotMinutes;
        double[] dayIncrements = incrementTable(1, offset);
        double[] nightIncrements = nightMultiplier == 1 ? dayIncrements : incrementTable(nightMultiplier, offset);
        int dayUsed = used(dayIncrements);
        int nightUsed = nightMultiplier == 1 ? dayUsed : used(nightIncrements);
        SlotParts parts = new SlotParts(count);
        for (int s = 0; s < count; s++) {
            double start = curve.startOf(s);
            double live = incidentStart(start);
            double m = multiplierAt(live);
            double[] inc = m == 1 ? dayIncrements : nightIncrements;
            int first = curve.slotAt(live);
            double revenue = revenueMet(first, inc);
            parts.planned[s] = plannedCost(start);
            parts.revenue[s] = revenue;
            parts.meanD[s] = m * (detectMinutes + restore.meanMinutes());
            parts.first[s] = first;
            parts.increments[s] = inc;
            parts.used[s] = m == 1 ? dayUsed : nightUsed;
        }
        return parts;
    }

    /**
     * The revenue an incident meets from slot {@code first} on, each slot's rate times the expected
     * minutes spent in it: the week's revenue per minute read directly, wrapping by hand, the same
     * sums in the same order as {@code curve.perMinute(first + k)} without a division per term
     * (issue 20: a 5-minute week has 2,016 slots, each summed over thousands of increments, on every
     * edit); the table's last entry at the average rate.
     */
    private double revenueMet(int first, double[] increments) {
        int week = weekPerMinute.length;
        double revenue = 0;
        int slot = Math.floorMod(first, week);
        for (int k = 0; k < increments.length - 1; k++) {
            revenue += weekPerMinute[slot] * increments[k];
            if (++slot == week) {
                slot = 0;
            }
        }
        return revenue + curve.averagePerMinute() * increments[increments.length - 1];
    }

    /** @return how many leading entries of a table hold all but 1e-9 of its expected minutes */
    private static int used(double[] increments) {
        double total = 0;
        for (double d : increments) {
            total += d;
        }
        double left = total;
        int k = 0;
        while (k < increments.length - 1 && left > 1e-9 * total) {
            left -= increments[k++];
        }
        return Math.max(1, k);
    }

    /**
     * {@link #increments} made once per model for each multiplier and offset (issue 20: every
     * start of every window a plan simulates asks for the same two or three tables, each thousands of
     * segments long on 5-minute slots). The tables are never changed after they are made.
     */
    private double[] incrementTable(double m, double offsetInSlot) {
        List<Double> key = List.of(m, offsetInSlot);
        double[] made = incrementTables.get(key);
        if (made == null) {
            made = increments(m, offsetInSlot);
            if (incrementTables.size() < MAX_INCREMENT_TABLES) {
                incrementTables.putIfAbsent(key, made);
            }
        }
        return made;
    }

    /**
     * The expected minutes the incident spends in each slot from the one it starts in: entry k is
     * {@code E[min(D, b_{k+1})] − E[min(D, b_k)]}; the last entry is the expected time left after
     * the table (charged at the average rate).
     */
    private double[] increments(double m, double offsetInSlot) {
        double slotMinutes = curve.slotMinutes();
        double meanD = m * (detectMinutes + restore.meanMinutes());
        int maxSegments = (int) Math.min(Integer.MAX_VALUE - 8L, 53L * curve.slots().count());
        double[] inc = new double[64];
        int k = 0;
        double previousBoundary = 0;
        double previousG = 0;
        double boundary = slotMinutes - offsetInSlot;
        while (true) {
            double g = limitedDuration(m, boundary);
            if (k == inc.length - 1) {
                inc = java.util.Arrays.copyOf(inc, inc.length * 2);
            }
            inc[k++] = g - previousG;
            previousG = g;
            previousBoundary = boundary;
            boolean done = meanD - g <= TAIL * meanD || (restore.isFixed() && boundary >= m * (detectMinutes
                    + restore.medianMinutes()));
            if (done || k >= maxSegments) {
                break;
            }
            boundary = previousBoundary + slotMinutes;
        }
        double[] result = java.util.Arrays.copyOf(inc, k + 1);
        result[k] = Math.max(0, meanD - previousG);
        return result;
    }

    /**
     * h of the k/h model: the expected downtime a change brings, in minutes of full outage,
     * {@code CFR · (detect + E[restore]) · impact} (before any night multiplier).
     */
    public double expectedDowntimePerChange() {
        return cfr * (detectMinutes + restore.meanMinutes()) * assumptions.impact().value();
    }
}
