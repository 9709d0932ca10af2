package org.lowtide.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every zone a service may resolve to writes a calendar, fixed offsets included ("Z", "+05:30"). */
class FleetCalendarZonesTest {

    @Test
    void fixedOffsetsAndRegionZonesAllWriteEventsAtTheSameInstants() {
        Instant start = Instant.parse("2026-03-07T02:00:00Z");
        Instant end = start.plusSeconds(7200);
        List<FleetCalendar.Event> events = List.of(
                new FleetCalendar.Event("utc-offset", ZoneOffset.UTC, start, end, "a"),
                new FleetCalendar.Event("utc-region", ZoneId.of("UTC"), start, end, "b"),
                new FleetCalendar.Event("kolkata-offset", ZoneOffset.ofHoursMinutes(5, 30), start, end, "c"),
                new FleetCalendar.Event("berlin", ZoneId.of("Europe/Berlin"), start, end, "d"));
        String ics = FleetCalendar.ics(events);
        assertThat(ics).contains("utc-offset: change window", "utc-region: change window",
                "kolkata-offset: change window", "berlin: change window");
        // 02:00 UTC is 02:00Z, 07:30 at +05:30 and 03:00 in Berlin (winter)
        assertThat(ics).contains("DTSTART:20260307T020000Z").contains("DTSTART;TZID=Europe/Berlin:20260307T030000");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(5);
    }
}
