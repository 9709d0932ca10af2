package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate FROM = LocalDate.of(2025, 6, 2); // a Monday
    private static final PlanRules.StaffCost STAFF = new PlanRules.StaffCost(10, 3, LocalTime.of(22, 0),
            LocalTime.of(7, 0));

    /** Money per change by local hour: nights are cheaper for the users, days cost a little more. */
    private static Outlook costOfChange(LocalDate to) {
        Outlook values = PlanningFixtures.outlook(BERLIN, FROM, to, Duration.ofHours(1),
                t -> t.getHour() < 6 ? 10 : t.getHour() >= 10 && t.getHour() < 16 ? 12 : 100);
        return new Outlook(values.start(), values.step(), values.expected(), values.upper(), "EUR",
                Outlook.Kind.COST_OF_CHANGE);
    }

    private static WindowRequest request(LocalDate to, int count) {
        return new WindowRequest(Duration.ofHours(2), Duration.ofHours(1), count, FROM, to, Duration.ofDays(1),
                Constraints.none(BERLIN), Optional.empty());
    }

    @Test
    void aNightPremiumOnStaffCanMakeTheDayCheaper() {
        LocalDate to = FROM.plusDays(1);
        Plan without = WindowPlanner.plan(request(to, 1), costOfChange(to), Optional.empty(), Optional.empty());
        Plan with = WindowPlanner.plan(request(to, 1), costOfChange(to), Optional.empty(), Optional.empty(),
                new PlanRules(Optional.of(STAFF), OptionalDouble.empty(), Optional.empty()), null);

        assertThat(without.windows().get(0).window().start().atZone(BERLIN).getHour()).isLessThan(6);
        // Night: 10 per change + 2 h × 10 × 3 = 70; day: 12 + 2 h × 10 = 32.
        ChangeWindow best = with.windows().get(0);
        assertThat(best.window().start().atZone(BERLIN).getHour()).isBetween(10, 14);
        assertThat(best.expected()).isEqualTo(32.0);
    }

    @Test
    void windowsTooBusyAtTheirP90AreRuledOutWithTheReason() {
        LocalDate to = FROM.plusDays(2);
        Outlook traffic = PlanningFixtures.outlook(BERLIN, FROM, to, Duration.ofHours(1),
                t -> t.getHour() < 4 ? 1 : t.getHour() < 8 ? 2 : 50);
        // At their p90 the 00:00-04:00 hours reach 60 % of the peak (bursty nights), 04:00-08:00 only 10 %.
        double[] share = new double[traffic.size()];
        for (int i = 0; i < share.length; i++) {
            int hour = traffic.timeAt(i).atZone(BERLIN).getHour();
            share[i] = hour < 4 ? 0.6 : hour < 8 ? 0.1 : 0.9;
        }

        Plan plan = WindowPlanner.plan(request(to, 1), traffic, Optional.empty(), Optional.empty(),
                new PlanRules(Optional.empty(), OptionalDouble.of(0.5), Optional.empty()), share);

        assertThat(plan.windows().get(0).window().start().atZone(BERLIN).getHour()).isBetween(4, 5);
        assertThat(plan.rejections()).extracting(Rejection::reason)
                .contains("p90 traffic too high (60 % of the weekly peak; limit 50 %)");
    }

    @Test
    void theCountCanBePerCalendarWeek() {
        LocalDate to = FROM.plusWeeks(3).minusDays(1);
        Outlook traffic = PlanningFixtures.outlook(BERLIN, FROM, to, Duration.ofHours(1),
                t -> t.getHour() == 3 ? 1 + t.getDayOfMonth() : 50);

        Plan plan = WindowPlanner.plan(request(to, 1), traffic, Optional.empty(), Optional.empty(),
                new PlanRules(Optional.empty(), OptionalDouble.empty(), Optional.of(PlanRules.CountPeriod.WEEK)), null);

        assertThat(plan.windows()).hasSize(3);
        assertThat(plan.windows()).extracting(w -> w.window().start().atZone(BERLIN).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                .doesNotHaveDuplicates();
        assertThat(plan.windows()).extracting(ChangeWindow::rank).containsExactly(1, 2, 3);
    }

    @Test
    void aListOfChangesGetsOneWindowEachOfItsOwnLengthInPriorityOrder() {
        LocalDate to = FROM.plusDays(6);
        Outlook traffic = PlanningFixtures.outlook(BERLIN, FROM, to, Duration.ofHours(1),
                t -> t.getHour() < 6 ? 1 + t.getDayOfWeek().getValue() : 50);
        PlanRules rules = PlanRules.NONE.withChanges(List.of(PlanRules.Change.parse("Migration=PT4H"),
                PlanRules.Change.parse("Kernel patch = pt1h")));

        Plan plan = WindowPlanner.plan(request(to, 9), traffic, Optional.empty(), Optional.empty(), rules, null);

        assertThat(plan.windows()).extracting(w -> w.change().orElseThrow()).containsExactly("Migration", "Kernel patch");
        assertThat(plan.windows()).extracting(w -> w.window().duration())
                .containsExactly(Duration.ofHours(4), Duration.ofHours(1));
        ChangeWindow first = plan.windows().get(0);
        ChangeWindow second = plan.windows().get(1);
        // Monday's night is the quietest: the migration takes it; the patch keeps a day's gap after its tail.
        assertThat(first.window().start().atZone(BERLIN).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(Duration.between(first.tailEnd(), second.window().start())).isGreaterThanOrEqualTo(Duration.ofDays(1));
        assertThat(second.reasons().get(0)).isEqualTo("for Kernel patch (60 min)");
    }

    @Test
    void changesReadLikePeopleWriteThem() {
        assertThat(PlanRules.Change.parse("DB migration = PT90M").duration()).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> PlanRules.Change.parse("patch")).hasMessageContaining("expected NAME=DURATION");
        assertThat(PlanRules.Change.parse("DB migration=1h30m").duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(PlanRules.Change.parse("Kernel=4 h").duration()).isEqualTo(Duration.ofHours(4));
        assertThatThrownBy(() -> PlanRules.Change.parse("patch=soon")).hasMessageContaining("2h, 90 min, 1h30m")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> PlanRules.Change.parse("=PT1H")).hasMessageContaining("expected NAME=DURATION");
    }

    @Test
    void rulesRejectNonsense() {
        assertThatThrownBy(() -> new PlanRules.StaffCost(-1, 1, LocalTime.MIDNIGHT, LocalTime.NOON))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new PlanRules.StaffCost(10, 0.5, LocalTime.MIDNIGHT, LocalTime.NOON))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new PlanRules(Optional.empty(), OptionalDouble.of(1.5), Optional.empty()))
                .hasMessageContaining("(0, 1]");
        assertThat(STAFF.perHourAt(LocalTime.of(23, 0))).isEqualTo(30);
        assertThat(STAFF.perHourAt(LocalTime.of(12, 0))).isEqualTo(10);
    }
}
