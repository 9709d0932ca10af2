package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.traffic.Interval;

/**
 * The gate and the planner are one truth (issue #14): for every minute of a year, with staff hours,
 * blackouts and holidays, {@link PlanGate} says inside exactly when a dated window of the plan, or
 * an occurrence of its weekly rule that the constraints allow, covers that minute. The allowed
 * occurrences are decided here independently of the planner's code, from the constraints' meaning
 * (local wall-clock staff spans; blackouts over window and tail; holiday days kept as blackouts).
 * The rule falls on Sunday 02:00, the hour the clocks change in New York, Berlin and Lord Howe.
 */
class PlanGatePropertyTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @ParameterizedTest(name = "{0}, holidays as {2}")
    @CsvSource({
        "America/New_York, 11, BLACKOUT",
        "Europe/Berlin, 12, BLACKOUT",
        "Australia/Lord_Howe, 13, BLACKOUT",
        "Asia/Kolkata, 14, BLACKOUT",
        "America/New_York, 15, ALLOWED",
        "Australia/Lord_Howe, 16, ALLOWED",
    })
    void gateIsInsideExactlyWhenAnAllowedWindowCoversTheMinute(String zoneId, long seed, HolidayPolicy policy) {
        ZoneId zone = ZoneId.of(zoneId);
        Random random = new Random(seed);
        List<AllowedHours> staff = List.of(AllowedHours.parse("Sun 01:30-03:30"), AllowedHours.parse("Sat 22:00-02:00"),
                AllowedHours.parse("Tue-Thu 01:00-05:00"));
        List<Blackout> blackouts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant start = FROM.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(random.nextInt(365 * 1440)));
            blackouts.add(new Blackout(new Interval(start, start.plus(Duration.ofMinutes(60 + random.nextInt(5 * 1440)))),
                    "freeze " + i));
        }
        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // Sundays, where the rule falls, and random days
            LocalDate d = i < 4 ? FROM.plusWeeks(random.nextInt(52)).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                    DayOfWeek.SUNDAY)) : FROM.plusDays(random.nextInt(365));
            holidays.add(new Holiday(d, "holiday " + i));
        }
        Constraints constraints = new Constraints(zone, staff, blackouts, holidays, policy);
        WindowRequest request = new WindowRequest(Duration.ofHours(1), Duration.ofMinutes(30), 6, FROM, TO,
                Duration.ofDays(1), constraints, Optional.empty());
        WeekSlots slots = new WeekSlots(zone, Duration.ofMinutes(30));
        double[] perSlot = new double[slots.count()];
        for (int s = 0; s < perSlot.length; s++) {
            perSlot[s] = value(slots.dayOf(s), slots.timeOf(s).toSecondOfDay() / 60);
        }
        Outlook outlook = PlanningFixtures.outlook(zone, FROM, TO, Duration.ofMinutes(30),
                t -> value(t.getDayOfWeek(), t.getHour() * 60 + t.getMinute()) + (t.getDayOfYear() % 7) * 0.01);

        Plan plan = WindowPlanner.plan(request, outlook, Optional.of(slots), Optional.of(perSlot));

        assertThat(plan.recurring()).as("the weekly rule").isPresent();
        RecurringWindow rule = plan.recurring().get();
        List<Interval> expected = new ArrayList<>();
        plan.windows().forEach(w -> expected.add(w.window()));
        int allowed = 0;
        int ruledOut = 0;
        for (RecurringWindow.Occurrence o : rule.occurrences()) {
            if (allowedByMeaning(o, request)) {
                expected.add(new Interval(o.start().toInstant(), o.end().toInstant()));
                allowed++;
            } else {
                ruledOut++;
            }
        }
        assertThat(allowed).as("occurrences allowed").isGreaterThan(30);
        assertThat(ruledOut).as("occurrences ruled out").isPositive();
        expected.sort(Comparator.comparing(Interval::start));

        PlanGate gate = PlanGate.of(plan);
        Instant end = TO.plusDays(2).atStartOfDay(zone).toInstant();
        int insideMinutes = 0;
        for (Instant t = FROM.minusDays(1).atStartOfDay(zone).toInstant(); t.isBefore(end); t = t.plusSeconds(60)) {
            boolean truth = false;
            for (Interval w : expected) {
                if (w.start().isAfter(t)) {
                    break;
                }
                if (w.contains(t)) {
                    truth = true;
                    break;
                }
            }
            if (gate.windowAt(t).isPresent() != truth) {
                throw new AssertionError("at " + t.atZone(zone) + ": gate says " + (truth ? "outside" : "inside")
                        + " but the plan's windows say " + (truth ? "inside" : "outside"));
            }
            insideMinutes += truth ? 1 : 0;
        }
        assertThat(insideMinutes).isGreaterThan(30 * 60);
    }

    /** Cheapest Sunday 02:00–03:00 local, then weeknights, then the rest. */
    private static double value(DayOfWeek day, int minuteOfDay) {
        if (day == DayOfWeek.SUNDAY && minuteOfDay >= 120 && minuteOfDay < 180) {
            return 1;
        }
        return minuteOfDay < 300 ? 20 + minuteOfDay / 60.0 : 100 + minuteOfDay / 60.0;
    }

    /** Whether the constraints allow an occurrence, decided from their meaning, not the planner's code. */
    private static boolean allowedByMeaning(RecurringWindow.Occurrence o, WindowRequest request) {
        Constraints c = request.constraints();
        Instant start = o.start().toInstant();
        Instant end = o.end().toInstant();
        Instant tailEnd = end.plus(request.rollbackTail());
        for (Blackout b : c.blackouts()) {
            if (b.interval().start().isBefore(tailEnd) && start.isBefore(b.interval().end())) {
                return false;
            }
        }
        LocalDateTime localStart = LocalDateTime.ofInstant(start, c.zone());
        LocalDateTime localEnd = LocalDateTime.ofInstant(end, c.zone());
        if (c.holidayPolicy() == HolidayPolicy.BLACKOUT) {
            LocalDate first = localStart.toLocalDate();
            LocalDate last = LocalDateTime.ofInstant(tailEnd.minusSeconds(1), c.zone()).toLocalDate();
            if (c.holidays().stream().anyMatch(h -> !h.date().isBefore(first) && !h.date().isAfter(last))) {
                return false;
            }
        }
        for (AllowedHours a : c.allowed()) {
            for (LocalDate day = localStart.toLocalDate().minusDays(1); !day.isAfter(localStart.toLocalDate());
                 day = day.plusDays(1)) {
                if (!a.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                LocalDateTime spanStart = day.atTime(a.from());
                LocalDateTime spanEnd = spanStart.plus(a.length());
                if (!localStart.isBefore(spanStart) && !localEnd.isAfter(spanEnd)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The case: spring forward in New York, staff Sun 01:30–03:30; 04:15 EDT is outside. */
    @org.junit.jupiter.api.Test
    void springForwardOccurrenceOutsideStaffHoursIsNotAWindow() {
        ZoneId ny = ZoneId.of("America/New_York");
        LocalDate day = LocalDate.of(2025, 3, 9);
        Constraints c = new Constraints(ny, List.of(AllowedHours.parse("Sun 01:30-03:30")), List.of(), List.of(),
                HolidayPolicy.BLACKOUT);
        WindowRequest request = new WindowRequest(Duration.ofMinutes(90), Duration.ZERO, 1, day.minusWeeks(1), day,
                Duration.ofDays(1), c, Optional.empty());
        ZonedDateTime start = ZonedDateTime.of(day.atTime(2, 0), ny); // 02:00 does not exist: 03:00 EDT
        RecurringWindow.Occurrence o = new RecurringWindow.Occurrence(start, start.plusMinutes(90), List.of());
        Plan plan = new Plan(request, "requests", List.of(), Optional.of(new RecurringWindow(DayOfWeek.SUNDAY,
                java.time.LocalTime.of(2, 0), Duration.ofMinutes(90), ny, 1, List.of(o))), List.of(), 1,
                java.util.OptionalDouble.empty(), 0, 0);

        assertThat(PlanGate.of(plan).windowAt(ZonedDateTime.of(day.atTime(4, 15), ny).toInstant())).isEmpty();
    }
}
