package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The closed form on dated steps whose revenue is the curve's times a factor (the forecast over the profile). */
class ExpectedCostAlongTest {

    private static final int SLOTS = 168;

    /** Revenue per minute with a daily shape: quiet nights, busy afternoons, busier weekdays. */
    private static double[] shaped() {
        double[] r = new double[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            int hour = s % 24;
            int day = s / 24;
            r[s] = (day < 5 ? 10 : 6) * (1.2 + Math.sin((hour - 9) * Math.PI / 12)) + 0.3 * (s % 7);
        }
        return r;
    }

    /** Lognormal restores, a night multiplier, planned downtime, churn and credits: every term of the model. */
    private static CostAssumptions everything() {
        return CostAssumptions.defaults().toBuilder().changeFailureRate(0.2).detect(Duration.ofMinutes(7))
                .restoreMedian(Duration.ofMinutes(40)).restoreP90(Duration.ofMinutes(150)).impact(0.7).recovered(0.1)
                .churnPerOutageHour(2).customerLifetimeValue(300).slaCreditPerIncident(25).slaCreditPerHour(30)
                .nightMultiplier(1.5).nightHours(new HoursOfDay(LocalTime.of(0, 0), LocalTime.of(6, 0)))
                .plannedDowntime(Duration.ofMinutes(20)).build();
    }

    private static int[] weeksOfSlots(int weeks) {
        int[] slotOf = new int[weeks * SLOTS];
        for (int i = 0; i < slotOf.length; i++) {
            slotOf[i] = i % SLOTS;
        }
        return slotOf;
    }

    @Test
    void withEveryFactorOneItIsTheWeeklyClosedFormToTheBit() {
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(shaped()), everything());
        double[] weekly = model.expectedCostBySlot();
        int[] slotOf = weeksOfSlots(3);
        double[] ones = new double[slotOf.length];
        Arrays.fill(ones, 1);
        ChangeCostModel.ScaledCosts along = model.expectedCostAlong(slotOf, ones);
        for (int i = 0; i < slotOf.length; i++) {
            assertThat(along.expected()[i]).isEqualTo(weekly[slotOf[i]]);
            assertThat(along.incidentScale()[i]).isEqualTo(1.0);
        }
    }

    @Test
    void aWeeklyFactorGivesWhatTheWeeklyModelGivesOnTheScaledCurve() {
        // Brute force: a factor that repeats every week is the same as a curve whose revenue was
        // multiplied by it. Churn is left out (it is relative to the curve's average, which the
        // scaled curve changes) and so is planned downtime (scaled by its start step's factor only).
        double[] r = shaped();
        double[] g = new double[SLOTS];
        double[] scaled = new double[SLOTS];
        for (int s = 0; s < SLOTS; s++) {
            g[s] = 0.6 + 0.8 * ((s * 37) % 11) / 10.0;
            scaled[s] = r[s] * g[s];
        }
        CostAssumptions a = everything().toBuilder().churnPerOutageHour(0).plannedDowntime(Duration.ZERO).build();
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(r), a);
        double[] reference = new ChangeCostModel(TestCurves.exact(scaled), a).expectedCostBySlot();
        int weeks = 6;
        int[] slotOf = weeksOfSlots(weeks);
        double[] factor = new double[slotOf.length];
        for (int i = 0; i < factor.length; i++) {
            factor[i] = g[slotOf[i]];
        }
        double[] along = model.expectedCostAlong(slotOf, factor).expected();
        // The first week: every incident runs out inside the steps given (its far tail, past
        // 1e-9 of the expected duration, counts a factor of 1).
        for (int i = 0; i < SLOTS; i++) {
            assertThat(along[i]).as("slot %d", i).isCloseTo(reference[i], within(1e-7 * reference[i]));
        }
    }

    @Test
    void aConstantFactorScalesTheRevenueButNotTheCredits() {
        CostAssumptions a = everything();
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(shaped()), a);
        ChangeCostModel noCredits = new ChangeCostModel(TestCurves.exact(shaped()),
                a.toBuilder().slaCreditPerIncident(0).slaCreditPerHour(0).build());
        // Four weeks of steps: the incidents of the first week run out inside them.
        int[] slotOf = weeksOfSlots(4);
        double[] factor = new double[slotOf.length];
        Arrays.fill(factor, 1.25);
        double[] withCredits = model.expectedCostAlong(slotOf, factor).expected();
        double[] without = noCredits.expectedCostAlong(slotOf, factor).expected();
        double[] weekly = noCredits.expectedCostBySlot();
        double[] weeklyWithCredits = model.expectedCostBySlot();
        for (int i = 0; i < SLOTS; i++) {
            assertThat(without[i]).isCloseTo(1.25 * weekly[i], within(1e-7 * weekly[i]));
            // The credits are the same whatever the traffic: the difference is 0.25 × revenue part.
            assertThat(withCredits[i] - without[i]).isCloseTo(weeklyWithCredits[i] - weekly[i],
                    within(1e-7 * weekly[i]));
        }
    }

    @Test
    void aBusierDayAheadRaisesOnlyTheStartsWhoseIncidentsReachIt() {
        // Fixed 50-minute incidents on hourly slots: a change at 22:00 meets only 22:00–22:50.
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(10), TestCurves.plain().build());
        int[] slotOf = weeksOfSlots(1);
        double[] factor = new double[SLOTS];
        Arrays.fill(factor, 1);
        factor[23] = 3;   // Monday 23:00 three times as busy
        double[] cost = model.expectedCostAlong(slotOf, factor).expected();
        assertThat(cost[22]).isCloseTo(500, within(1e-9));          // 22:00–22:50, before the busy hour
        assertThat(cost[23]).isCloseTo(1500, within(1e-9));         // all of it in the busy hour
        assertThat(cost[24]).isCloseTo(500, within(1e-9));
    }

    @Test
    void theSimulatedMeanAgreesWithTheScaledClosedForm() {
        ChangeCostModel model = new ChangeCostModel(TestCurves.exact(shaped()), everything());
        int[] slotOf = weeksOfSlots(2);
        double[] factor = new double[slotOf.length];
        for (int i = 0; i < factor.length; i++) {
            factor[i] = 1 + 0.5 * Math.sin(i / 9.0);
        }
        ChangeCostModel.ScaledCosts along = model.expectedCostAlong(slotOf, factor);
        int[] starts = {3, 4, 5};
        double[] minutes = new double[starts.length];
        double[] planned = new double[starts.length];
        double[] incident = new double[starts.length];
        double exact = 0;
        for (int k = 0; k < starts.length; k++) {
            minutes[k] = starts[k] * 60;
            planned[k] = along.plannedScale()[starts[k]];
            incident[k] = along.incidentScale()[starts[k]];
            exact += along.expected()[starts[k]] / starts.length;
        }
        CostEstimate estimate = new ChangeSimulator(model).simulateAcross(minutes, planned, incident, 300_000, 7);
        assertThat(estimate.exactMean()).isCloseTo(exact, within(1e-9 * exact));
        assertThat(estimate.mean()).isCloseTo(exact, within(4 * estimate.standardError()));
        // Unscaled, the same starts cost measurably less here (the factors are above 1 at 03:00–05:00).
        CostEstimate plain = new ChangeSimulator(model).simulateAcross(minutes, 300_000, 7);
        assertThat(plain.exactMean()).isLessThan(exact);
    }

    @Test
    void oneFactorPerStep() {
        ChangeCostModel model = new ChangeCostModel(TestCurves.flat(1), TestCurves.plain().build());
        assertThatThrownBy(() -> model.expectedCostAlong(new int[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one factor per step");
    }
}
