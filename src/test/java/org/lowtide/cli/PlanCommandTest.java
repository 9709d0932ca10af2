package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    private Path traffic;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Four weeks of hourly traffic, quietest Saturdays 03:00–06:00 and weeknights 02:00–04:00 Berlin time. */
    @BeforeEach
    void writeTraffic() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 10, 6, 0, 0, 0, 0, BERLIN);
        for (int i = 0; i < 4 * 168; i++, t = t.plusHours(1)) {
            int h = t.getHour();
            int v = t.getDayOfWeek() == DayOfWeek.SATURDAY && h >= 3 && h < 6 ? 10
                    : (h >= 2 && h < 4 ? 40 : 500 + 10 * h);
            csv.append(t.toOffsetDateTime()).append(',').append(v).append('\n');
        }
        traffic = dir.resolve("traffic.csv");
        Files.writeString(traffic, csv, StandardCharsets.UTF_8);
    }

    /** A plan ranked by traffic at stake with a 1-hour tail: the scores are easy to check by hand. */
    private String[] plan(String... extra) {
        String[] base = {"plan", traffic.toString(), "--zone", "Europe/Berlin", "--from", "2025-11-17", "--to",
            "2025-12-14", "--rollback", "PT1H", "--count", "3", "--by-traffic"};
        return concat(base, extra);
    }

    /** A plan ranked by the expected cost of a change, in money (the default). */
    private String[] moneyPlan(String... extra) {
        String[] base = {"plan", traffic.toString(), "--zone", "Europe/Berlin", "--from", "2025-11-17", "--to",
            "2025-12-14", "--count", "3", "--revenue-per-year", "10000000", "--currency", "EUR"};
        return concat(base, extra);
    }

    private static String[] concat(String[] base, String[] extra) {
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void jsonListsDatedWindowsBestFirstWithOffsets() throws Exception {
        CliRun r = run(plan("--json", "--blackout", "2025-11-22/2025-11-23=Black Friday freeze", "--habit", "Tue 14:00"));

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode windows = json.path("windows");
        assertThat(windows.size()).isEqualTo(3);
        OffsetDateTime first = OffsetDateTime.parse(windows.get(0).path("start").asText());
        assertThat(first.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(first.getHour()).isEqualTo(3);
        assertThat(first.toLocalDate()).isNotEqualTo(java.time.LocalDate.of(2025, 11, 22)); // the freeze
        assertThat(windows.get(0).path("reasons").size()).isGreaterThan(1);
        assertThat(windows.get(0).path("savingsVsMedianSlot").asDouble()).isPositive();
        assertThat(json.path("rejected").toString()).contains("blackout: Black Friday freeze");
        assertThat(json.path("recurring").path("rule").asText()).isEqualTo("Saturdays 03:00–05:00 Europe/Berlin");
        assertThat(json.path("habit").path("expectedTraffic").asDouble())
                .isGreaterThan(windows.get(0).path("expectedTraffic").asDouble());
    }

    @Test
    void moneyPlanCostsEachWindowAndAgreesWithTheClosedForm() throws Exception {
        CliRun r = run(moneyPlan("--json", "--habit", "Tue 14:00", "--change-failure-rate", "0.2"));

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("currency").asText()).isEqualTo("EUR");
        JsonNode first = json.path("windows").get(0);
        OffsetDateTime start = OffsetDateTime.parse(first.path("start").asText());
        assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        JsonNode cost = first.path("cost");
        // The simulation agrees with the closed form within four standard errors.
        assertThat(Math.abs(cost.path("mean").asDouble() - cost.path("exactMean").asDouble()))
                .isLessThan(4 * cost.path("standardError").asDouble());
        assertThat(cost.path("failureProbability").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(cost.path("p99").asDouble()).isGreaterThan(cost.path("p90").asDouble());
        assertThat(first.path("expectedCost").asDouble()).isCloseTo(cost.path("exactMean").asDouble(),
                org.assertj.core.data.Offset.offset(1e-6));
        // The traffic over the chosen window, hour by hour from the generator's formula.
        double traffic = 0;
        for (int h = start.getHour(); h < start.getHour() + 2; h++) {
            traffic += h >= 3 && h < 6 ? 10 : (h >= 2 && h < 4 ? 40 : 500 + 10 * h);
        }
        assertThat(first.path("expectedTraffic").asDouble()).isEqualTo(traffic);
        assertThat(start.getHour()).isBetween(1, 4);
        // Savings per year are the savings per change times the changes per year (default 250).
        assertThat(first.path("savingsPerYearVsMedianSlot").asDouble())
                .isCloseTo(250 * first.path("savingsVsMedianSlot").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        JsonNode habit = json.path("habit");
        assertThat(habit.path("expectedCost").asDouble()).isGreaterThan(first.path("expectedCost").asDouble());
        assertThat(habit.path("savingsPerYear").asDouble()).isPositive();
        // The rollback tail defaults to detect + restore p90: 5 min + 2 h.
        assertThat(json.path("assumptions").path("rollbackTail").asText()).isEqualTo("PT2H5M");
        assertThat(json.path("assumptions").path("cost").toString()).contains("changeFailureRate")
                .contains("your input");
    }

    @Test
    void moneyPlanIsDeterministic() {
        assertThat(run(moneyPlan("--json")).out()).isEqualTo(run(moneyPlan("--json")).out());
    }

    @Test
    void badCostInputsAreUsageErrors() {
        CliRun r = run(moneyPlan("--change-failure-rate", "1.5"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--change-failure-rate");
    }

    @Test
    void theTeamsZoneCanDifferFromTheZoneTheTrafficFollows() throws Exception {
        // Users in New York, quiet 03:00-06:00 their time; the team in Berlin works 08:00-13:00 its time.
        ZoneId newYork = ZoneId.of("America/New_York");
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 5, 5, 0, 0, 0, 0, newYork);
        for (int i = 0; i < 4 * 168; i++, t = t.plusHours(1)) {
            csv.append(t.toInstant()).append(',').append(t.getHour() >= 3 && t.getHour() < 6 ? 10 : 500).append('\n');
        }
        Path file = dir.resolve("us-users.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        CliRun r = run("plan", file.toString(), "--zone", "America/New_York", "--plan-zone", "Europe/Berlin",
                "--from", "2025-06-02", "--to", "2025-06-08", "--allowed", "daily 08:00-13:00", "--by-traffic",
                "--rollback", "PT1H", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(json.path("trafficZone").asText()).isEqualTo("America/New_York");
        OffsetDateTime first = OffsetDateTime.parse(json.path("windows").get(0).path("start").asText());
        // 03:00 in New York (EDT) is 09:00 in Berlin (CEST): the quiet hours, inside the team's day.
        assertThat(first.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        assertThat(first.getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
        assertThat(json.path("recurring").path("rule").asText()).endsWith("09:00–11:00 Europe/Berlin");
    }

    @Test
    void countPerWeekStaffCostAndP90LimitFromTheCommandLine() throws Exception {
        CliRun r = run("plan", traffic.toString(), "--zone", "Europe/Berlin", "--from", "2025-11-17", "--to",
                "2025-12-14", "--revenue-per-year", "10000000", "--currency", "EUR", "--json", "--count", "1",
                "--per", "week", "--staff-cost-per-hour", "80", "--night-premium", "1.5", "--max-p90-share", "0.9");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        // 2025-11-17 to 2025-12-14: four calendar weeks, one window in each.
        assertThat(json.path("windows").size()).isEqualTo(4);
        java.util.Set<Integer> weeks = new java.util.HashSet<>();
        json.path("windows").forEach(w -> weeks.add(OffsetDateTime.parse(w.path("start").asText())
                .get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        assertThat(weeks).hasSize(4);
        JsonNode a = json.path("assumptions");
        assertThat(a.path("countPer").asText()).isEqualTo("week");
        assertThat(a.path("staffCost").path("perHour").asDouble()).isEqualTo(80.0);
        assertThat(a.path("staffCost").path("nightHours").asText()).isEqualTo("22:00-07:00");
        assertThat(a.path("maxP90Share").asDouble()).isEqualTo(0.9);
        // A night window of 2 hours pays 2 × 80 × 1.5 = 240 EUR of staff on top of the change's cost.
        JsonNode first = json.path("windows").get(0);
        assertThat(first.path("expectedCost").asDouble() - first.path("cost").path("exactMean").asDouble())
                .isCloseTo(240.0, org.assertj.core.data.Offset.offset(1e-6));

        assertThat(run(moneyPlan("--per", "fortnight")).err()).contains("--per takes week or month");
        assertThat(run(moneyPlan("--night-premium", "2")).code()).isEqualTo(2);
    }

    @Test
    void aListOfChangesFromTheCommandLineRoundTripsThroughAPlanFile() throws Exception {
        Path planFile = dir.resolve("changes.lowtide");
        CliRun r = run(moneyPlan("--json", "--change", "Database migration=PT3H", "--change", "Kernel patch=PT1H",
                "--save", planFile.toString(), "--ics", dir.resolve("changes.ics").toString()));

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("windows").size()).isEqualTo(2);
        assertThat(json.path("windows").get(0).path("change").asText()).isEqualTo("Database migration");
        assertThat(json.path("windows").get(1).path("change").asText()).isEqualTo("Kernel patch");
        OffsetDateTime start = OffsetDateTime.parse(json.path("windows").get(0).path("start").asText());
        OffsetDateTime end = OffsetDateTime.parse(json.path("windows").get(0).path("end").asText());
        assertThat(java.time.Duration.between(start, end)).isEqualTo(java.time.Duration.ofHours(3));
        assertThat(json.path("assumptions").path("changes").get(1).path("placed").asBoolean()).isTrue();
        assertThat(Files.readString(dir.resolve("changes.ics"))).contains("SUMMARY:Database migration (Lowtide change window)");

        org.lowtide.project.PlanDocument doc = new org.lowtide.service.PlanService(
                new org.lowtide.service.AnalysisService()).open(planFile);
        assertThat(doc.rules().changes()).extracting(org.lowtide.planning.PlanRules.Change::name)
                .containsExactly("Database migration", "Kernel patch");
        assertThat(doc.plan().windows().get(1).change()).contains("Kernel patch");
        assertThat(run(moneyPlan("--change", "patch")).err()).contains("expected NAME=DURATION");
    }

    @Test
    void staffHoursMoveTheWindowToWeeknights() throws Exception {
        CliRun r = run(plan("--json", "--allowed", "Mon-Fri 01:00-05:00"));

        JsonNode first = new ObjectMapper().readTree(r.out()).path("windows").get(0);
        OffsetDateTime start = OffsetDateTime.parse(first.path("start").asText());
        assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        // Scored with its 1-hour rollback tail: 01:00–04:00 holds 510 + 40 + 40, 02:00–05:00 holds 40 + 40 + 540.
        assertThat(start.getHour()).isEqualTo(1);
    }

    @Test
    void writesIcsCsvAndPrintsExports() throws Exception {
        Path ics = dir.resolve("windows.ics");
        Path csv = dir.resolve("windows.csv");
        CliRun r = run(plan("--ics", ics.toString(), "--csv", csv.toString(), "--export", "kured"));

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("--reboot-days=sat --start-time=03:00 --end-time=05:00 --time-zone=Europe/Berlin");
        assertThat(Files.readString(ics)).contains("BEGIN:VCALENDAR").contains("TZID=Europe/Berlin");
        assertThat(Files.readAllLines(csv)).hasSize(4);
        assertThat(run(plan("--export", "terraform")).err()).contains("--export takes aws, rrule, argocd, gitlab or kured");
    }

    /** A plan whose zone is a fixed offset writes its calendar in UTC (there is no VTIMEZONE for "Z"). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Z", "+05:30"})
    void aPlanInAFixedOffsetWritesItsCalendar(String zone) throws Exception {
        Path ics = dir.resolve("windows.ics");
        CliRun r = run("plan", traffic.toString(), "--zone", zone, "--from", "2025-11-17", "--to", "2025-12-14",
                "--count", "2", "--by-traffic", "--ics", ics.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(ics);
        assertThat(text).contains("BEGIN:VCALENDAR").doesNotContain("TZID=").doesNotContain("VTIMEZONE");
        assertThat(text.split("BEGIN:VEVENT", -1)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(text).containsPattern("DTSTART:2025\\d{4}T\\d{6}Z");
    }

    @Test
    void badConstraintsAreUsageErrors() {
        assertThat(run(plan("--allowed", "weekdays early")).code()).isEqualTo(2);
        assertThat(run(plan("--blackout", "2025-12-01")).err()).contains("expected START/END");
        assertThat(run(plan("--holidays", "XX")).err()).contains("no holiday calendar for 'XX'");
    }

    @Test
    void savedPlanGatesAtTheWindowsFirstAndLastMinuteAndNotOutside() throws Exception {
        Path planFile = dir.resolve("change.lowtide");
        CliRun r = run(plan("--save", planFile.toString(), "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(r.out()).path("windows").get(0);
        OffsetDateTime start = OffsetDateTime.parse(first.path("start").asText());
        OffsetDateTime end = OffsetDateTime.parse(first.path("end").asText());

        CliRun atStart = run("gate", planFile.toString(), "--at", start.toString());
        assertThat(atStart.code()).as(atStart.out() + atStart.err()).isZero();
        assertThat(atStart.out()).startsWith("inside a planned window");
        assertThat(run("gate", planFile.toString(), "--at", end.minusMinutes(1).toString()).code()).isZero();
        CliRun justAfter = run("gate", planFile.toString(), "--at", end.plusMinutes(1).toString());
        assertThat(justAfter.code()).isEqualTo(LowtideCli.EXIT_OUTSIDE_WINDOW);
        assertThat(justAfter.out()).contains("next:");
        assertThat(run("gate", planFile.toString(), "--at", start.minusMinutes(1).toString()).code()).isEqualTo(3);
    }

    @Test
    void gateOnADamagedPlanIsBadInput() throws Exception {
        Path broken = dir.resolve("broken.lowtide");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"source\": ");
        CliRun r = run("gate", broken.toString());
        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("broken.lowtide: line 1").contains("not a Lowtide plan file");
        assertThat(Files.readString(broken)).isEqualTo("{\"schemaVersion\": 1, \"source\": ");
        assertThat(run("gate", broken.toString(), "--at", "tomorrow").code()).isEqualTo(2);
    }
}
