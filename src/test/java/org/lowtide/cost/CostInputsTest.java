package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CostInputsTest {

    @Test
    void badInputsAreRejectedWithMessagesThatNameThem() {
        CostAssumptions.Builder b = CostAssumptions.defaults().toBuilder();
        assertThatThrownBy(() -> b.changeFailureRate(1.2).build())
                .hasMessage("the change failure rate must be between 0 and 1, was 1.2");
        assertThatThrownBy(() -> CostAssumptions.defaults().toBuilder().sloPercent(100).build())
                .hasMessage("the SLO must be a percentage above 0 and below 100 (e.g. 99.95), was 100");
        assertThatThrownBy(() -> CostAssumptions.defaults().toBuilder().restoreMedian(Duration.ofHours(3)).build())
                .hasMessageContaining("must not be shorter than the median");
        assertThatThrownBy(() -> new RevenueBasis.Amount(RevenueBasis.Period.YEAR, -5, true))
                .hasMessage("revenue must be zero or more, was -5");
        assertThatThrownBy(() -> CostAssumptions.defaults().toBuilder().nightMultiplier(0.5).build())
                .hasMessage("the night multiplier must be 1 or more, was 0.5");
    }

    @Test
    void everyDefaultSaysWhereItComesFrom() {
        for (Assumption<?> a : CostAssumptions.defaults().all()) {
            assertThat(a.source().kind()).as(a.key()).isNotEqualTo(Source.Kind.USER);
            assertThat(a.source().citation()).as(a.key()).isNotBlank();
        }
        assertThat(CostAssumptions.defaults().changeFailureRate().source().citation()).contains("DORA");
        assertThat(CostAssumptions.defaults().latencyElasticity().source().citation()).contains("Linden");
        assertThat(CostAssumptions.defaults().revenue().source().citation()).contains("2014");
        assertThat(CostAssumptions.defaults().toBuilder().changeFailureRate(0.2).build().changeFailureRate().source())
                .isEqualTo(Source.user());
    }

    @Test
    void errorBudgetOfThreeNines() {
        // 99.9 %: 43.2 minutes per 30 days. 365.2425 changes a year = 30 in 30 days; h = 0.1 × (5 + 45) × 1 = 5 min.
        CostAssumptions a = TestCurves.plain().sloPercent(99.9).changeFailureRate(0.1).changesPerYear(365.2425).build();
        ErrorBudget budget = ErrorBudget.of(a);
        assertThat(budget.allowedMinutesPer30Days()).isCloseTo(43.2, within(1e-9));
        assertThat(budget.allowedMinutesPerQuarter()).isCloseTo(0.001 * 365.2425 * 1440 / 4, within(1e-9));
        assertThat(budget.changesPer30Days()).isCloseTo(30, within(1e-9));
        assertThat(budget.incidentMinutesPer30Days()).isCloseTo(150, within(1e-9));
        assertThat(budget.consumedShare()).isCloseTo(150 / 43.2, within(1e-9));
        assertThat(budget.changesPer30DaysThatFit().getAsDouble()).isEqualTo(8);
    }

    @Test
    void plannedDowntimeCountsOnlyWhenAsked() {
        CostAssumptions a = TestCurves.plain().sloPercent(99.9).changeFailureRate(0).changesPerYear(365.2425)
                .plannedDowntime(Duration.ofMinutes(10)).build();
        assertThat(ErrorBudget.of(a).consumedShare()).isZero();
        assertThat(ErrorBudget.of(a).changesPer30DaysThatFit()).isEmpty();
        ErrorBudget counted = ErrorBudget.of(a.toBuilder().plannedCountsAgainstBudget(true).build());
        assertThat(counted.consumedShare()).isCloseTo(300 / 43.2, within(1e-9));
        assertThat(counted.changesPer30DaysThatFit().getAsDouble()).isEqualTo(4);
    }

    @Test
    void leversMultiplyAndCapAtOne() {
        CostAssumptions base = TestCurves.plain().changeFailureRate(0.9).impact(0.8).build();
        Lever worse = new Lever("worse", "Worse", 1, 1, 2, 1, 1, 2, Source.user());
        CostAssumptions applied = Scenario.of("x", worse, Lever.BETTER_ALERTING, Lever.FAST_ROLLBACK).apply(base);
        assertThat(applied.changeFailureRate().value()).isEqualTo(1);
        assertThat(applied.impact().value()).isEqualTo(1);
        assertThat(applied.detect().value()).isEqualTo(Duration.ofSeconds(150));
        assertThat(applied.restoreMedian().value()).isEqualTo(Duration.ofMinutes(18));
        assertThatThrownBy(() -> new Lever("bad", "Bad", -1, 1, 1, 1, 1, 1, Source.user()))
                .hasMessage("lever bad: the innovation multiplier must be zero or more, was -1");
    }

    @Test
    void khScenariosByHand() {
        // Flat 10/min; 100 changes a year, k = 2, CFR 0.1, detect 5, fixed restore 45, impact 1:
        // h = 5 minutes, cost per change 0.1 × 500 = 50, downtime cost 5,000 a year, no trough saving (flat).
        CostAssumptions a = TestCurves.plain().changeFailureRate(0.1).changesPerYear(100).innovationPerChange(2).build();
        ScenarioResult today = KhModel.compare(TestCurves.flat(10), a, java.util.List.of(Scenario.of("Today"))).get(0);
        assertThat(today.innovationPerYear()).isEqualTo(200);
        assertThat(today.downtimePerChangeMinutes()).isCloseTo(5, within(1e-12));
        assertThat(today.downtimeMinutesPerYear()).isCloseTo(500, within(1e-9));
        assertThat(today.costPerChange()).isCloseTo(50, within(1e-9));
        assertThat(today.downtimeCostPerYear()).isCloseTo(5000, within(1e-6));
        assertThat(today.troughSavingsPerYear()).isCloseTo(0, within(1e-6));
        ScenarioResult alerting = KhModel.compare(TestCurves.flat(10), a,
                java.util.List.of(Scenario.of("Alerting", Lever.BETTER_ALERTING))).get(0);
        assertThat(alerting.costPerChange()).isCloseTo(0.1 * 10 * 47.5, within(1e-9));
    }

    @Test
    void troughSavingIsBusinessHoursMinusCheapestSlot() {
        // Revenue 10/min in business hours (Mon-Fri 09-17), 1/min otherwise; fixed 60-minute incidents from :00.
        double[] perMinute = new double[168];
        for (int h = 0; h < 168; h++) {
            perMinute[h] = h / 24 < 5 && h % 24 >= 9 && h % 24 < 17 ? 10 : 1;
        }
        CostAssumptions a = TestCurves.plain().detect(Duration.ZERO).restoreFixed(Duration.ofMinutes(60))
                .changesPerYear(10).build();
        ScenarioResult r = KhModel.compare(TestCurves.exact(perMinute), a, java.util.List.of(Scenario.of("x"))).get(0);
        assertThat(r.costPerChange()).isCloseTo(600, within(1e-9));
        assertThat(r.costPerChangeInTrough()).isCloseTo(60, within(1e-9));
        assertThat(r.troughSavingsPerYear()).isCloseTo(5400, within(1e-6));
    }

    @Test
    void weeklyHoursParseAndCrossMidnight() {
        WeeklyHours h = WeeklyHours.parse("Fri-Sat 22:00-02:00");
        assertThat(h.contains(DayOfWeek.FRIDAY, LocalTime.of(23, 0))).isTrue();
        assertThat(h.contains(DayOfWeek.SATURDAY, LocalTime.of(1, 0))).isTrue();
        assertThat(h.contains(DayOfWeek.SUNDAY, LocalTime.of(1, 0))).isTrue();
        assertThat(h.contains(DayOfWeek.FRIDAY, LocalTime.of(1, 0))).isFalse();
        assertThat(WeeklyHours.parse("Mon-Fri 09:00-17:00").contains(DayOfWeek.WEDNESDAY, LocalTime.NOON)).isTrue();
        assertThat(WeeklyHours.parse("Mon-Wed,Fri,Sat 09:00-17:00")).hasToString("Mon-Wed,Fri-Sat 09:00-17:00");
        assertThatThrownBy(() -> WeeklyHours.parse("weekdays 9-5")).hasMessageContaining("e.g. Mon-Fri 09:00-17:00");
    }
}
