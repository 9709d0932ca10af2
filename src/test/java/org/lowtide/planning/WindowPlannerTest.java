package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.planning.PlanningFixtures.outlook;
import static org.lowtide.planning.PlanningFixtures.request;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lowtide.traffic.Interval;

class WindowPlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    private static final Duration FIFTEEN = Duration.ofMinutes(15);

    /** Quietest at 02:00–03:00 local every night: exactly where DST changes happen. */
    private static double nightAtTwo(ZonedDateTime t) {
        int minute = t.getHour() * 60 + t.getMinute();
        return minute >= 120 && minute < 180 ? 1 : 100 + t.getHour();
    }

    @ParameterizedTest(name = "{0} spring forward on {1}")
    @CsvSource({"America/New_York, 2025-03-09", "Europe/Berlin, 2025-03-30", "Australia/Lord_Howe, 2025-10-05"})
    void springForwardNightNeverGetsAWindowThatDoesNotExist(String zoneId, LocalDate changeDay) {
        ZoneId zone = ZoneId.of(zoneId);
        Outlook o = outlook(zone, changeDay, changeDay, FIFTEEN, WindowPlannerTest::nightAtTwo);

        Plan plan = WindowPlanner.plan(request(zone, changeDay, changeDay, Duration.ofMinutes(30), 1, List.of(),
                List.of(), List.of()), o, Optional.empty());

        ChangeWindow best = plan.windows().get(0);
        LocalDateTime localStart = LocalDateTime.ofInstant(best.window().start(), zone);
        // Every proposed start is a real wall-clock time of that night and the window lasts what was asked.
        assertThat(zone.getRules().getValidOffsets(localStart)).isNotEmpty();
        assertThat(best.window().start().atZone(zone).toLocalDateTime()).isEqualTo(localStart);
        assertThat(best.window().duration()).isEqualTo(Duration.ofMinutes(30));
        for (Rejection r : plan.rejections()) {
            assertThat(zone.getRules().getValidOffsets(LocalDateTime.ofInstant(r.window().start(), zone))).isNotEmpty();
        }
    }

    @Test
    void springForwardInBerlinNeverProposes0230() {
        LocalDate day = LocalDate.of(2025, 3, 30);
        Outlook o = outlook(BERLIN, day, day, FIFTEEN, WindowPlannerTest::nightAtTwo);

        Plan plan = WindowPlanner.plan(request(BERLIN, day, day, Duration.ofMinutes(30), 20, List.of(), List.of(),
                List.of()), o, Optional.empty());

        assertThat(plan.windows()).isNotEmpty();
        for (ChangeWindow w : plan.windows()) {
            LocalTime t = w.window().start().atZone(BERLIN).toLocalTime();
            assertThat(t.isBefore(LocalTime.of(2, 0)) || !t.isBefore(LocalTime.of(3, 0)))
                    .as("window at %s", t).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} fall back on {1}")
    @CsvSource({"America/New_York, 2025-11-02", "Europe/Berlin, 2025-10-26", "Australia/Lord_Howe, 2025-04-06"})
    void fallBackNightDoesNotYieldADoubleLengthWindow(String zoneId, LocalDate changeDay) {
        ZoneId zone = ZoneId.of(zoneId);
        // Quiet at 02:00-03:00 wall clock, the hour that repeats: a wall-clock planner would see two hours there.
        Outlook o = outlook(zone, changeDay, changeDay, FIFTEEN, WindowPlannerTest::nightAtTwo);

        Plan plan = WindowPlanner.plan(request(zone, changeDay, changeDay, Duration.ofHours(1), 3, List.of(),
                List.of(), List.of()), o, Optional.empty());

        for (ChangeWindow w : plan.windows()) {
            assertThat(w.window().duration()).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void lordHoweHalfHourShiftKeepsWindowsOnTheWallClock() {
        LocalDate day = LocalDate.of(2025, 10, 5); // clocks go from 02:00 to 02:30
        Outlook o = outlook(LORD_HOWE, day, day.plusDays(1), FIFTEEN,
                t -> t.getHour() == 4 ? 1 : 100);

        Plan plan = WindowPlanner.plan(request(LORD_HOWE, day, day.plusDays(1), Duration.ofHours(1), 2, List.of(),
                List.of(), List.of()), o, Optional.empty());

        assertThat(plan.windows()).extracting(w -> w.window().start().atZone(LORD_HOWE).toLocalTime())
                .containsOnly(LocalTime.of(4, 0));
    }

    @Test
    void holidayBlackoutIsHonoured() {
        LocalDate from = LocalDate.of(2025, 12, 22);
        LocalDate to = LocalDate.of(2025, 12, 28);
        // Christmas Day would be the quietest day of the week.
        Outlook o = outlook(BERLIN, from, to, Duration.ofHours(1),
                t -> t.toLocalDate().equals(LocalDate.of(2025, 12, 25)) ? 1 : 10 + t.getDayOfWeek().getValue());

        Plan plan = WindowPlanner.plan(request(BERLIN, from, to, Duration.ofHours(2), 1, List.of(), List.of(),
                List.of(new Holiday(LocalDate.of(2025, 12, 25), "Christmas Day"))), o, Optional.empty());

        assertThat(plan.windows().get(0).window().start().atZone(BERLIN).toLocalDate())
                .isNotEqualTo(LocalDate.of(2025, 12, 25));
        assertThat(plan.rejections()).extracting(Rejection::reason).contains("holiday: Christmas Day");
    }

    @Test
    void windowNeverCrossesIntoABlackoutNorItsRollbackTail() {
        LocalDate from = LocalDate.of(2025, 11, 24);
        LocalDate to = LocalDate.of(2025, 11, 30);
        Outlook o = outlook(BERLIN, from, to, Duration.ofHours(1), t -> t.getHour() < 6 ? 1 + t.getHour() : 50);
        Blackout freeze = Blackout.parse("2025-11-26T04:00/2025-11-27T12:00=release freeze", BERLIN);
        WindowRequest r = new WindowRequest(Duration.ofHours(2), Duration.ofHours(1), 7, from, to, Duration.ofHours(20),
                new Constraints(BERLIN, List.of(), List.of(freeze), List.of(), HolidayPolicy.BLACKOUT), Optional.empty());

        Plan plan = WindowPlanner.plan(r, o, Optional.empty());

        assertThat(plan.windows()).isNotEmpty();
        for (ChangeWindow w : plan.windows()) {
            assertThat(new Interval(w.window().start(), w.tailEnd()).overlaps(freeze.interval()))
                    .as("%s", w.window()).isFalse();
        }
        assertThat(plan.rejections()).extracting(Rejection::reason).contains("blackout: release freeze");
    }

    @Test
    void staffHoursAreRespectedAndExplained() {
        LocalDate from = LocalDate.of(2025, 6, 2);
        LocalDate to = LocalDate.of(2025, 6, 8);
        Outlook o = outlook(BERLIN, from, to, Duration.ofMinutes(30), t -> t.getHour() < 5 ? 1 : 100);
        AllowedHours staff = AllowedHours.parse("Mon-Fri 04:00-09:00");

        Plan plan = WindowPlanner.plan(request(BERLIN, from, to, Duration.ofHours(1), 5, List.of(staff), List.of(),
                List.of()), o, Optional.empty());

        assertThat(plan.windows()).hasSize(5).allSatisfy(w -> {
            ZonedDateTime s = w.window().start().atZone(BERLIN);
            assertThat(s.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(s.toLocalTime()).isEqualTo(LocalTime.of(4, 0));
        });
        assertThat(plan.rejections()).first().extracting(Rejection::reason).asString()
                .startsWith("outside staff hours (Mon,Tue,Wed,Thu,Fri 04:00-09:00)");
    }

    @RepeatedTest(40)
    void rankingAgreesWithBruteForce(RepetitionInfo info) {
        SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
        LocalDate from = LocalDate.of(2025, 3, 24);
        LocalDate to = from.plusDays(random.nextInt(1, 9));
        Outlook o = outlook(BERLIN, from, to, Duration.ofHours(1), t -> Math.floor(random.nextDouble(0, 100)));
        int hours = random.nextInt(1, 5);
        List<Blackout> freezes = random.nextBoolean() ? List.of(new Blackout(new Interval(
                from.plusDays(1).atStartOfDay(BERLIN).toInstant(), from.plusDays(2).atStartOfDay(BERLIN).toInstant()),
                "freeze")) : List.of();
        List<AllowedHours> allowed = random.nextBoolean() ? List.of(AllowedHours.parse("Mon-Fri 00:00-08:00")) : List.of();
        WindowRequest r = request(BERLIN, from, to, Duration.ofHours(hours), 1, allowed, freezes, List.of());

        Plan plan = WindowPlanner.plan(r, o, Optional.empty());

        // Brute force: every hourly start in the horizon, window within it, checked one by one.
        double best = Double.POSITIVE_INFINITY;
        Instant bestStart = null;
        Instant horizonEnd = to.plusDays(1).atStartOfDay(BERLIN).toInstant();
        for (int i = 0; i < o.size(); i++) {
            Instant s = o.timeAt(i);
            Instant e = s.plus(Duration.ofHours(hours));
            if (s.isBefore(from.atStartOfDay(BERLIN).toInstant()) || e.isAfter(horizonEnd)
                    || WindowPlanner.ruleOut(r.constraints(), s, e, e) != null) {
                continue;
            }
            double sum = 0;
            for (int j = 0; j < hours; j++) {
                sum += o.expectedAt(i + j);
            }
            if (sum < best) {
                best = sum;
                bestStart = s;
            }
        }
        if (bestStart == null) {
            assertThat(plan.windows()).isEmpty();
        } else {
            assertThat(plan.windows().get(0).window().start()).isEqualTo(bestStart);
            assertThat(plan.windows().get(0).expected()).isEqualTo(best);
        }
    }

    @Test
    void chosenWindowsKeepTheMinimumGap() {
        LocalDate from = LocalDate.of(2025, 6, 2);
        LocalDate to = LocalDate.of(2025, 6, 15);
        Outlook o = outlook(BERLIN, from, to, Duration.ofHours(1), t -> t.getHour() == 3 ? 1 : 50);
        WindowRequest r = new WindowRequest(Duration.ofHours(1), Duration.ZERO, 5, from, to, Duration.ofDays(3),
                Constraints.none(BERLIN), Optional.empty());

        List<ChangeWindow> windows = WindowPlanner.plan(r, o, Optional.empty()).windows();

        List<Instant> starts = new ArrayList<>();
        windows.forEach(w -> starts.add(w.window().start()));
        starts.sort(null);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isGreaterThanOrEqualTo(Duration.ofDays(3));
        }
        assertThat(windows).hasSize(5);
    }

    @Test
    void latestSafeStartLeavesRoomToRollBackBeforeTheRamp() {
        LocalDate day = LocalDate.of(2025, 6, 4);
        // Quiet until 06:00, busy after.
        Outlook o = outlook(BERLIN, day, day, FIFTEEN, t -> t.getHour() < 6 ? 1 : 100);
        WindowRequest r = new WindowRequest(Duration.ofHours(2), Duration.ofMinutes(90), 1, day, day, Duration.ofDays(1),
                new Constraints(BERLIN, List.of(AllowedHours.parse("daily 02:00-04:00")), List.of(), List.of(),
                        HolidayPolicy.BLACKOUT), Optional.empty());

        ChangeWindow w = WindowPlanner.plan(r, o, Optional.empty()).windows().get(0);

        assertThat(w.window().start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 0));
        // Traffic rises at 06:00; a 90-minute rollback must start by 04:30, but the window ends at 04:00.
        assertThat(w.latestSafeStart().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(4, 0));
        assertThat(w.tailEnd()).isEqualTo(w.window().end().plus(Duration.ofMinutes(90)));
    }

    @Test
    void habitAndMedianGiveTheSavings() {
        LocalDate from = LocalDate.of(2025, 6, 2);
        LocalDate to = LocalDate.of(2025, 6, 8);
        Outlook o = outlook(BERLIN, from, to, Duration.ofHours(1), t -> t.getHour() == 3 ? 2 : 10);
        WindowRequest r = new WindowRequest(Duration.ofHours(1), Duration.ZERO, 1, from, to, Duration.ofDays(1),
                Constraints.none(BERLIN), Optional.of(WindowRequest.Habit.parse("Tuesdays 14:00")));

        Plan plan = WindowPlanner.plan(r, o, Optional.empty());

        assertThat(plan.habit()).hasValue(10.0);
        assertThat(plan.medianCandidate()).isEqualTo(10.0);
        assertThat(plan.windows().get(0).savingsVsMedian()).isEqualTo(8.0);
    }
}
