package org.lowtide.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Small outlooks and requests for planner tests. */
final class PlanningFixtures {

    private PlanningFixtures() {
    }

    /** An outlook over [from − 1 day, to + 3 days) whose value is a function of local time. */
    static Outlook outlook(ZoneId zone, LocalDate from, LocalDate to, Duration step,
                           ToDoubleFunction<ZonedDateTime> value) {
        Instant start = from.minusDays(1).atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(3).atStartOfDay(zone).toInstant();
        int n = (int) (Duration.between(start, end).getSeconds() / step.getSeconds());
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = value.applyAsDouble(start.plus(step.multipliedBy(i)).atZone(zone));
        }
        return new Outlook(start, step, v, v, "requests");
    }

    static WindowRequest request(ZoneId zone, LocalDate from, LocalDate to, Duration duration, int count,
                                 List<AllowedHours> allowed, List<Blackout> blackouts, List<Holiday> holidays) {
        return new WindowRequest(duration, Duration.ZERO, count, from, to, Duration.ofDays(1),
                new Constraints(zone, allowed, blackouts, holidays, HolidayPolicy.BLACKOUT), Optional.empty());
    }
}
