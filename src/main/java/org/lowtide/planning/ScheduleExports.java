package org.lowtide.planning;

import java.io.IOException;
import java.io.StringWriter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TimeFormats;

/**
 * Writes a plan where teams enforce change windows: calendars (RFC 5545), CSV, and schedule
 * snippets for AWS Systems Manager, GKE-style RRULEs, Argo CD, GitLab and kured.
 *
 * <p>Weekly rules are written in the plan's zone wherever the tool takes a zone, so that they
 * follow daylight saving time as the team does. The RRULE export is in UTC (as GKE wants it) and
 * says so: a UTC rule cannot follow DST, so it is computed for the first occurrence.
 */
public final class ScheduleExports {

    /** The export formats the CLI's {@code --export} takes. */
    public enum Target { AWS, RRULE, ARGOCD, GITLAB, KURED }

    private static final DateTimeFormatter HM = TimeFormats.HM;

    private ScheduleExports() {
    }

    /**
     * An iCalendar file with one event per dated window and, when there is one, the recurring rule
     * as a weekly event, all in the plan's zone with its VTIMEZONE.
     */
    public static String ics(Plan plan) {
        java.time.ZoneId zone = plan.request().constraints().zone();
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Lowtide//Change windows//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        java.util.Optional<net.fortuna.ical4j.model.TimeZone> tz = icalZone(registry, zone);
        tz.ifPresent(z -> calendar.add(z.getVTimeZone()));
        boolean local = tz.isPresent();
        for (ChangeWindow w : plan.windows()) {
            String summary = w.change().map(name -> name + " (Lowtide change window)")
                    .orElse("Change window #" + w.rank() + " (Lowtide)");
            VEvent event = local
                    ? new VEvent(w.window().start().atZone(zone), w.window().end().atZone(zone), summary)
                    : new VEvent(w.window().start(), w.window().end(), summary);
            event.add(new Uid("lowtide-" + w.window().start().getEpochSecond() + "-" + w.rank() + "@lowtide"));
            event.add(new Description(String.join("\n", w.reasons())));
            calendar.add(event);
        }
        plan.recurring().ifPresent(rule -> {
            if (rule.occurrences().isEmpty()) {
                return;
            }
            ZonedDateTime first = rule.occurrences().get(0).start();
            String summary = "Recurring change window (Lowtide)";
            VEvent event;
            if (local) {
                event = new VEvent(first, rule.duration(), summary);
                event.add(new RRule<ZonedDateTime>("FREQ=WEEKLY;BYDAY=" + icalDay(rule.day())));
            } else {
                // a fixed offset has no daylight saving time: the same rule in UTC, on the UTC weekday
                event = new VEvent(first.toInstant(), rule.duration(), summary);
                event.add(new RRule<java.time.Instant>("FREQ=WEEKLY;BYDAY="
                        + icalDay(first.withZoneSameInstant(ZoneOffset.UTC).getDayOfWeek())));
            }
            event.add(new Uid("lowtide-weekly-" + rule.day() + "-" + rule.start() + "@lowtide"));
            event.add(new Description("Best weekly window under the plan's constraints: " + describe(rule)));
            calendar.add(event);
        });
        return text(calendar);
    }

    /**
     * The one guard for zones in iCalendar files (the plan's and the fleet's calendars): the zone with
     * its VTIMEZONE, or empty for a zone iCalendar has none for, such as a fixed offset ("Z",
     * "+05:30"), on which ical4j's registry fails. A calendar writes an event in such a zone as UTC
     * times: the same instants, which every calendar shows in its own zone.
     */
    public static java.util.Optional<net.fortuna.ical4j.model.TimeZone> icalZone(TimeZoneRegistry registry,
                                                                                java.time.ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(registry.getTimeZone(zone.getId()));
    }

    /** @return {@code calendar} as iCalendar text (the plan's and the fleet's calendars) */
    public static String text(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** The rule in words, e.g. "Saturdays 04:00–06:00 Europe/Berlin". */
    public static String describe(RecurringWindow rule) {
        return rule.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s " + HM.format(rule.start()) + "–"
                + HM.format(rule.start().plus(rule.duration())) + " " + rule.zone().getId();
    }

    /** The weekly rule as a snippet for one of the tools that enforce windows. */
    public static String snippet(Target target, RecurringWindow rule) {
        switch (target) {
            case AWS:
                return aws(rule);
            case RRULE:
                return rrule(rule);
            case ARGOCD:
                return argocd(rule);
            case GITLAB:
                return gitlab(rule);
            case KURED:
                return kured(rule);
            default:
                throw new IllegalArgumentException("unknown export target " + target);
        }
    }

    /**
     * AWS Systems Manager maintenance window ({@code aws ssm create-maintenance-window} JSON input):
     * a {@code cron()} in the plan's zone, the duration in whole hours (rounded up; 1–24) and a
     * cutoff of one hour (no new task starts in the last hour) when the window is longer than one.
     */
    static String aws(RecurringWindow rule) {
        long hours = Math.max(1, Math.min(24, (rule.duration().toMinutes() + 59) / 60));
        long cutoff = hours > 1 ? 1 : 0;
        return String.format(Locale.ROOT, "{%n  \"Name\": \"lowtide-change-window\",%n"
                + "  \"Schedule\": \"%s\",%n  \"ScheduleTimezone\": \"%s\",%n  \"Duration\": %d,%n  \"Cutoff\": %d,%n"
                + "  \"AllowUnassociatedTargets\": false%n}%n", awsCron(rule), rule.zone().getId(), hours, cutoff);
    }

    /** {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}, AWS's six fields. */
    static String awsCron(RecurringWindow rule) {
        return String.format(Locale.ROOT, "cron(%d %d ? * %s *)", rule.start().getMinute(), rule.start().getHour(),
                rule.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT));
    }

    /**
     * A GKE-style maintenance recurring window: start and end of the first occurrence in UTC and an
     * RFC 5545 RRULE on the UTC weekday. UTC cannot follow DST, which the snippet says.
     */
    static String rrule(RecurringWindow rule) {
        if (rule.occurrences().isEmpty()) {
            throw new IllegalArgumentException("the recurring window has no occurrence in the horizon");
        }
        ZonedDateTime start = rule.occurrences().get(0).start().withZoneSameInstant(ZoneOffset.UTC);
        ZonedDateTime end = start.plus(rule.duration());
        DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
        return String.format(Locale.ROOT, "# %s, as a UTC rule from %s; UTC does not follow daylight saving time%n"
                + "maintenancePolicy:%n  window:%n    recurringWindow:%n      window:%n"
                + "        startTime: \"%s\"%n        endTime: \"%s\"%n      recurrence: \"FREQ=WEEKLY;BYDAY=%s\"%n",
                describe(rule), start.toLocalDate(), iso.format(start.toInstant()), iso.format(end.toInstant()),
                icalDay(start.getDayOfWeek()));
    }

    /** An Argo CD AppProject sync window that allows syncs only in the window. */
    static String argocd(RecurringWindow rule) {
        return String.format(Locale.ROOT, "# %s%nsyncWindows:%n  - kind: allow%n    schedule: \"%s\"%n"
                + "    duration: %s%n    timeZone: \"%s\"%n    applications:%n      - \"*\"%n    manualSync: true%n",
                describe(rule), unixCron(rule.day(), rule.start().getHour(), rule.start().getMinute()),
                goDuration(rule.duration()), rule.zone().getId());
    }

    /**
     * A GitLab deploy freeze ({@code POST /projects/:id/freeze_periods}) covering everything
     * outside the window: it starts when the window ends and ends when the next window starts.
     */
    static String gitlab(RecurringWindow rule) {
        ZonedDateTime end = rule.occurrences().isEmpty()
                ? null : rule.occurrences().get(0).start().plus(rule.duration());
        java.time.LocalDateTime localEnd = end != null ? end.toLocalDateTime()
                : java.time.LocalDate.of(2024, 1, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(rule.day()))
                        .atTime(rule.start()).plus(rule.duration());
        return String.format(Locale.ROOT, "{%n  \"freeze_start\": \"%s\",%n  \"freeze_end\": \"%s\",%n"
                + "  \"cron_timezone\": \"%s\"%n}%n",
                unixCron(localEnd.getDayOfWeek(), localEnd.getHour(), localEnd.getMinute()),
                unixCron(rule.day(), rule.start().getHour(), rule.start().getMinute()), rule.zone().getId());
    }

    /** kured (Kubernetes reboot daemon) flags for its reboot window. */
    static String kured(RecurringWindow rule) {
        return String.format(Locale.ROOT, "--reboot-days=%s --start-time=%s --end-time=%s --time-zone=%s%n",
                rule.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT),
                HM.format(rule.start()), HM.format(rule.start().plus(rule.duration())), rule.zone().getId());
    }

    /** Five-field cron: minute hour day-of-month month day-of-week (0 = Sunday). */
    static String unixCron(DayOfWeek day, int hour, int minute) {
        return String.format(Locale.ROOT, "%d %d * * %d", minute, hour, day.getValue() % 7);
    }

    private static String goDuration(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + "h" : (minutes / 60 > 0 ? (minutes / 60) + "h" : "") + (minutes % 60) + "m";
    }

    private static String icalDay(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2).toUpperCase(Locale.ROOT);
    }

    /** The dated windows as CSV, safe to open in a spreadsheet (see {@link Csv#cell}). */
    public static String csv(Plan plan) {
        java.time.ZoneId zone = plan.request().constraints().zone();
        StringBuilder sb = new StringBuilder("rank,start,end,start_utc,end_utc,latest_safe_start,expected,p90,"
                + "savings_vs_median,reasons\r\n");
        for (ChangeWindow w : plan.windows()) {
            Interval i = w.window();
            sb.append(w.rank()).append(',')
                    .append(Csv.cell(i.start().atZone(zone).toOffsetDateTime().toString())).append(',')
                    .append(Csv.cell(i.end().atZone(zone).toOffsetDateTime().toString())).append(',')
                    .append(i.start()).append(',').append(i.end()).append(',')
                    .append(Csv.cell(w.latestSafeStart().atZone(zone).toOffsetDateTime().toString())).append(',')
                    .append(Csv.number(w.expected())).append(',').append(Csv.number(w.upper())).append(',')
                    .append(Csv.number(w.savingsVsMedian())).append(',')
                    .append(Csv.cell(String.join("; ", w.reasons()))).append("\r\n");
        }
        return sb.toString();
    }
}
