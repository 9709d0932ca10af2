package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.Interval;

class ScheduleExportsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Saturdays 04:00–06:00 Berlin, over March 2025 (DST on 30 March). */
    private static Plan plan() {
        return plan(BERLIN);
    }

    /** Saturdays 04:00–06:00 in {@code zone}, over March 2025. */
    private static Plan plan(ZoneId zone) {
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2025, 3, 31);
        WindowRequest request = new WindowRequest(Duration.ofHours(2), Duration.ofHours(1), 2, from, to,
                Duration.ofDays(1), Constraints.none(zone), Optional.empty());
        ZonedDateTime first = ZonedDateTime.of(2025, 3, 8, 4, 0, 0, 0, zone);
        ZonedDateTime second = ZonedDateTime.of(2025, 3, 15, 4, 0, 0, 0, zone);
        List<ChangeWindow> windows = List.of(
                new ChangeWindow(1, new Interval(first.toInstant(), first.plusHours(2).toInstant()),
                        first.plusHours(3).toInstant(), first.plusHours(1).toInstant(), 10, 12, 90,
                        List.of("=cmd|' /C calc'!A0", "lowest")),
                new ChangeWindow(2, new Interval(second.toInstant(), second.plusHours(2).toInstant()),
                        second.plusHours(3).toInstant(), second.toInstant(), 11, 13, 89, List.of("second, best")));
        List<RecurringWindow.Occurrence> occurrences = List.of(
                new RecurringWindow.Occurrence(first, first.plusHours(2), List.of()),
                new RecurringWindow.Occurrence(second, second.plusHours(2), List.of()));
        RecurringWindow rule = new RecurringWindow(DayOfWeek.SATURDAY, LocalTime.of(4, 0), Duration.ofHours(2), zone,
                30, occurrences);
        return new Plan(request, "requests", windows, Optional.of(rule), List.of(), 100, OptionalDouble.empty(), 10, 10);
    }

    /**
     * A plan in a fixed offset ("Z", "+05:30") has no VTIMEZONE in iCalendar (ical4j's registry fails
     * on such ids): its events are written at the same instants in UTC, and the weekly rule on the UTC
     * weekday (a fixed offset has no daylight saving time, so the rule is exact).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Z", "+05:30", "-09:30"})
    void icsOfAPlanInAFixedOffsetWritesTheSameInstantsInUtc(String offset) throws Exception {
        ZoneId zone = ZoneId.of(offset);
        String ics = ScheduleExports.ics(plan(zone));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).isEmpty();
        ZonedDateTime first = ZonedDateTime.of(2025, 3, 8, 4, 0, 0, 0, zone);
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(first.withZoneSameInstant(java.time.ZoneOffset.UTC));
        assertThat(ics).contains("DTSTART:" + utc).doesNotContain("TZID=");
        java.time.temporal.Temporal parsed = events.get(0).getDateTimeStart().get().getDate();
        assertThat(java.time.Instant.from(parsed)).isEqualTo(first.toInstant());

        // the weekly rule still lands on Saturdays 04:00 at the offset, week after week
        VEvent weekly = events.get(2);
        java.util.Set<Period<ZonedDateTime>> periods = weekly.calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC),
                ZonedDateTime.of(2025, 4, 10, 0, 0, 0, 0, java.time.ZoneOffset.UTC)));
        assertThat(periods).hasSizeGreaterThanOrEqualTo(4);
        assertThat(periods).extracting(p -> java.time.Instant.from(p.getStart()).atZone(zone).toLocalTime())
                .containsOnly(LocalTime.of(4, 0));
        assertThat(periods).extracting(p -> java.time.Instant.from(p.getStart()).atZone(zone).getDayOfWeek())
                .containsOnly(DayOfWeek.SATURDAY);
    }

    @Test
    void icsParsesBackWithItsTimeZoneAndEveryWindow() throws Exception {
        String ics = ScheduleExports.ics(plan());

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).hasSize(1);
        VEvent first = events.get(0);
        ZonedDateTime start = (ZonedDateTime) first.getDateTimeStart().get().getDate();
        assertThat(start.toInstant()).isEqualTo(ZonedDateTime.of(2025, 3, 8, 4, 0, 0, 0, BERLIN).toInstant());
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20250308T040000");

        // The weekly rule expands to Saturdays 04:00 Berlin wall clock, also after the DST change.
        VEvent weekly = events.get(2);
        assertThat(ics).contains("RRULE:FREQ=WEEKLY;BYDAY=SA");
        java.util.Set<Period<ZonedDateTime>> periods = weekly.calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, BERLIN), ZonedDateTime.of(2025, 4, 10, 0, 0, 0, 0, BERLIN)));
        assertThat(periods).extracting(p -> p.getStart().withZoneSameInstant(BERLIN).toLocalTime())
                .containsOnly(LocalTime.of(4, 0));
        assertThat(periods).extracting(p -> p.getStart().withZoneSameInstant(BERLIN).toLocalDate())
                .contains(LocalDate.of(2025, 4, 5));
    }

    @Test
    void awsCronFiresAtTheWindowInItsZone() {
        RecurringWindow rule = plan().recurring().orElseThrow();
        String snippet = ScheduleExports.snippet(ScheduleExports.Target.AWS, rule);

        Matcher m = Pattern.compile("cron\\((.*)\\)").matcher(snippet);
        assertThat(m.find()).isTrue();
        assertThat(snippet).contains("\"ScheduleTimezone\": \"Europe/Berlin\"").contains("\"Duration\": 2")
                .contains("\"Cutoff\": 1");
        // AWS cron: minutes hours day-of-month month day-of-week year, '?' in one of the day fields.
        CronDefinition aws = CronDefinitionBuilder.defineCron()
                .withMinutes().and().withHours().and().withDayOfMonth().supportsQuestionMark().and()
                .withMonth().and().withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsQuestionMark().and()
                .withYear().and().instance();
        Cron cron = new CronParser(aws).parse(m.group(1));
        ZonedDateTime next = ExecutionTime.forCron(cron)
                .nextExecution(ZonedDateTime.of(2025, 3, 26, 0, 0, 0, 0, BERLIN)).orElseThrow();
        assertThat(next).isEqualTo(ZonedDateTime.of(2025, 3, 29, 4, 0, 0, 0, BERLIN));
    }

    @Test
    void argoAndGitlabCronsParseAsUnixCron() {
        RecurringWindow rule = plan().recurring().orElseThrow();
        CronParser unix = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

        String argo = ScheduleExports.snippet(ScheduleExports.Target.ARGOCD, rule);
        Matcher schedule = Pattern.compile("schedule: \"([^\"]+)\"").matcher(argo);
        assertThat(schedule.find()).isTrue();
        assertThat(argo).contains("duration: 2h").contains("timeZone: \"Europe/Berlin\"").contains("kind: allow");
        ZonedDateTime next = ExecutionTime.forCron(unix.parse(schedule.group(1)))
                .nextExecution(ZonedDateTime.of(2025, 3, 10, 0, 0, 0, 0, BERLIN)).orElseThrow();
        assertThat(next).isEqualTo(ZonedDateTime.of(2025, 3, 15, 4, 0, 0, 0, BERLIN));

        String gitlab = ScheduleExports.snippet(ScheduleExports.Target.GITLAB, rule);
        Matcher start = Pattern.compile("\"freeze_start\": \"([^\"]+)\"").matcher(gitlab);
        Matcher end = Pattern.compile("\"freeze_end\": \"([^\"]+)\"").matcher(gitlab);
        assertThat(start.find() && end.find()).isTrue();
        // The freeze starts when the window ends (Sat 06:00) and ends when the next window starts (Sat 04:00).
        ZonedDateTime monday = ZonedDateTime.of(2025, 3, 10, 0, 0, 0, 0, BERLIN);
        assertThat(ExecutionTime.forCron(unix.parse(start.group(1))).nextExecution(monday).orElseThrow())
                .isEqualTo(ZonedDateTime.of(2025, 3, 15, 6, 0, 0, 0, BERLIN));
        assertThat(ExecutionTime.forCron(unix.parse(end.group(1))).nextExecution(monday).orElseThrow())
                .isEqualTo(ZonedDateTime.of(2025, 3, 15, 4, 0, 0, 0, BERLIN));
        assertThat(gitlab).contains("\"cron_timezone\": \"Europe/Berlin\"");
    }

    @Test
    void rruleIsInUtcAndSaysSo() {
        String rrule = ScheduleExports.snippet(ScheduleExports.Target.RRULE, plan().recurring().orElseThrow());
        assertThat(rrule).contains("startTime: \"2025-03-08T03:00:00Z\"").contains("endTime: \"2025-03-08T05:00:00Z\"")
                .contains("recurrence: \"FREQ=WEEKLY;BYDAY=SA\"").contains("does not follow daylight saving time");
        net.fortuna.ical4j.model.Recur<ZonedDateTime> recur = new net.fortuna.ical4j.model.Recur<>("FREQ=WEEKLY;BYDAY=SA");
        assertThat(recur.getDayList()).hasSize(1);
    }

    @Test
    void kuredFlags() {
        assertThat(ScheduleExports.snippet(ScheduleExports.Target.KURED, plan().recurring().orElseThrow()))
                .isEqualTo("--reboot-days=sat --start-time=04:00 --end-time=06:00 --time-zone=Europe/Berlin"
                        + System.lineSeparator());
    }

    @Test
    void csvHasOneRowPerWindowAndNeutralisesFormulas() {
        String csv = ScheduleExports.csv(plan());
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("1,2025-03-08T04:00+01:00,2025-03-08T06:00+01:00,2025-03-08T03:00:00Z");
        assertThat(lines[1]).endsWith(",\"'=cmd|' /C calc'!A0; lowest\"");
        assertThat(lines[2]).endsWith(",\"second, best\"");
    }

    @Test
    void csvCellsEscapeEverySpreadsheetFormulaLead() {
        assertThat(Csv.cell("=SUM(A1:A2)")).isEqualTo("\"'=SUM(A1:A2)\"");
        assertThat(Csv.cell("+1+2")).isEqualTo("\"'+1+2\"");
        assertThat(Csv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Csv.cell("@import")).isEqualTo("\"'@import\"");
        assertThat(Csv.cell("-42.5")).isEqualTo("-42.5");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.number(1234.5)).isEqualTo("1234.5");
    }
}
