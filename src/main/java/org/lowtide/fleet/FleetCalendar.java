package org.lowtide.fleet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The fleet's calendar: one event per service change, each in its service's zone. */
public final class FleetCalendar {

    private FleetCalendar() {
    }

    /**
     * One change of one service.
     *
     * @param service     the service
     * @param zone        its zone (the event's time zone)
     * @param start       start of the window
     * @param end         end of the window
     * @param description why this window, in plain words
     */
    public record Event(String service, ZoneId zone, Instant start, Instant end, String description) {
        public Event {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(description, "description");
        }
    }

    /** @return an iCalendar file (PRODID {@code -//Lowtide//Fleet change windows//EN}) */
    public static String ics(List<Event> events) {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Lowtide//Fleet change windows//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Set<ZoneId> zones = new LinkedHashSet<>();
        events.forEach(e -> zones.add(e.zone()));
        Set<ZoneId> known = new java.util.HashSet<>();
        for (ZoneId z : zones) {
            // the guard the plan's calendar uses too: no VTIMEZONE for a fixed offset such as "Z"
            org.lowtide.planning.ScheduleExports.icalZone(registry, z).ifPresent(tz -> {
                calendar.add(tz.getVTimeZone());
                known.add(z);
            });
        }
        for (Event e : events) {
            // A zone iCalendar has no VTIMEZONE for (a fixed offset such as "Z" or "+05:30") is
            // written as UTC times: the same instants, which every calendar shows in its own zone.
            boolean local = known.contains(e.zone());
            VEvent event = new VEvent(local ? e.start().atZone(e.zone()) : e.start(),
                    local ? e.end().atZone(e.zone()) : e.end(),
                    e.service() + ": change window (Lowtide fleet)");
            event.add(new Uid("lowtide-fleet-" + e.service().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                    + e.start().getEpochSecond() + "@lowtide"));
            event.add(new Description(e.description()));
            calendar.add(event);
        }
        return org.lowtide.planning.ScheduleExports.text(calendar);
    }
}
