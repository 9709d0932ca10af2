package org.lowtide.planning;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What limits when a change may happen.
 *
 * @param zone          the plan's zone: allowed hours, dates and holidays are its wall-clock rules
 * @param allowed       spans when staff are on duty; empty means any time
 * @param blackouts     freezes
 * @param holidays      public holidays in the horizon
 * @param holidayPolicy whether holidays block changes
 */
public record Constraints(ZoneId zone, List<AllowedHours> allowed, List<Blackout> blackouts, List<Holiday> holidays,
                          HolidayPolicy holidayPolicy) {

    public Constraints {
        Objects.requireNonNull(zone, "zone");
        allowed = List.copyOf(allowed);
        blackouts = List.copyOf(blackouts);
        holidays = List.copyOf(holidays);
        Objects.requireNonNull(holidayPolicy, "holidayPolicy");
    }

    /** @return no constraint but the zone */
    public static Constraints none(ZoneId zone) {
        return new Constraints(zone, List.of(), List.of(), List.of(), HolidayPolicy.BLACKOUT);
    }
}
