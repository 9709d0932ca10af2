package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.fleet.FleetData;

class FleetCommandTest {

    @TempDir
    Path dir;

    private Path fleetFile() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String s : new String[] {"orders", "orders-db", "search", "eu", "us"}) {
            FleetData.write(data.resolve(s + ".csv"), s.hashCode(), Duration.ofHours(1), 5);
        }
        Path yaml = dir.resolve("fleet.yaml");
        Files.writeString(yaml, """
                defaults:
                  zone: Europe/Berlin
                  window: 2h
                rules:
                  maxConcurrent: 2
                  minGap: 1d
                groups:
                  - name: orders-stack
                    kind: never-together
                  - name: regions
                    kind: always-together
                    members: [eu, us]
                services:
                  - name: orders
                    source: data/orders.csv
                    revenueShare: 0.4
                    groups: [orders-stack]
                  - name: orders-db
                    source: data/orders-db.csv
                    groups: [orders-stack]
                    staffHours: ["Mon-Fri 00:00-23:59"]
                  - name: search
                    source: data/search.csv
                    zone: America/New_York
                    window: 1h
                  - name: eu
                    source: data/eu.csv
                  - name: us
                    source: data/us.csv
                """);
        return yaml;
    }

    @Test
    void aFleetFileIsPlannedIntoATableACalendarASavedPlanAndExports() throws Exception {
        Path yaml = fleetFile();
        Path ics = dir.resolve("fleet.ics");
        Path csv = dir.resolve("fleet.csv");
        Path plan = dir.resolve("fleet-plan.json");
        CliRun run = CliRun.of(prepend("fleet", yaml.toString(), "--zone", "UTC", "--ics", ics.toString(), "--csv", csv.toString(),
                "--save", plan.toString(), "--export", "kured", "--export-dir", dir.resolve("exports").toString()));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("orders-db").contains("search").contains("Fleet: 5 services, 5 planned");
        String calendar = Files.readString(ics);
        assertThat(calendar.split("BEGIN:VEVENT", -1)).hasSize(6);
        assertThat(Files.readAllLines(csv)).hasSize(6).first().asString().startsWith("service,status");
        assertThat(Files.list(dir.resolve("exports"))).hasSize(5);
        JsonNode saved = new ObjectMapper().readTree(plan.toFile());
        JsonNode eu = null;
        JsonNode us = null;
        for (JsonNode s : saved.path("services")) {
            if (s.path("service").asText().equals("eu")) {
                eu = s;
            }
            if (s.path("service").asText().equals("us")) {
                us = s;
            }
        }
        assertThat(eu.path("windows").get(0).path("start").asText())
                .isEqualTo(us.path("windows").get(0).path("start").asText());
        // The gate answers for one service of the fleet plan.
        String start = eu.path("windows").get(0).path("start").asText();
        String inside = java.time.OffsetDateTime.parse(start).plusMinutes(10).toString();
        CliRun gate = CliRun.of("gate", plan.toString(), "--service", "eu", "--at", inside);
        assertThat(gate.code()).as(gate.err()).isZero();
        assertThat(gate.out()).contains("eu: inside its fleet window");
        CliRun before = CliRun.of("gate", plan.toString(), "--service", "us", "--at",
                java.time.OffsetDateTime.parse(start).minusHours(30).toString());
        assertThat(before.code()).isEqualTo(LowtideCli.EXIT_OUTSIDE_WINDOW);
        CliRun unknown = CliRun.of("gate", plan.toString(), "--service", "nope");
        assertThat(unknown.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("no service 'nope'").contains("orders");
    }

    @Test
    void jsonHasOneObjectWithEveryService() throws Exception {
        Path yaml = fleetFile();
        Path pdf = dir.resolve("fleet.pdf");
        CliRun run = CliRun.of("fleet", yaml.toString(), "--json", "--max-concurrent", "1", "--pdf", pdf.toString());
        assertThat(run.code()).as(run.err()).isZero();
        // A summary page, then one page per service.
        assertThat(new com.lowagie.text.pdf.PdfReader(pdf.toString()).getNumberOfPages()).isEqualTo(6);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.path("services")).hasSize(5);
        assertThat(root.path("rules").path("maxConcurrent").asInt()).isEqualTo(1);
        assertThat(root.path("optimiser").path("provenOptimal").asBoolean()).isTrue();
    }

    @Test
    void aBadFleetFileNamesFileAndLineWithExitFour() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, """
                services:
                  - name: a
                    source: a.csv
                  - name: b
                    source: b.csv
                    revenueShare: 2
                """);
        CliRun run = CliRun.of("fleet", yaml.toString());
        assertThat(run.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("bad.yaml line 4").contains("revenue share").doesNotContain("Exception");
    }

    /** A fleet-wide blackout (the file's rules) moves every service's window out of it. */
    @Test
    void aFleetBlackoutMovesTheWindowsOutOfIt() throws Exception {
        Path data = Files.createDirectories(dir.resolve("blackout-data"));
        for (String s : new String[] {"alpha", "beta"}) {
            FleetData.write(data.resolve(s + ".csv"), s.hashCode(), Duration.ofHours(1), 5);
        }
        String services = """
                services:
                  - name: alpha
                    source: blackout-data/alpha.csv
                  - name: beta
                    source: blackout-data/beta.csv
                """;
        Path free = dir.resolve("free.yaml");
        Files.writeString(free, "defaults:\n  zone: UTC\n" + services);
        Path freePlan = dir.resolve("free-plan.json");
        CliRun first = CliRun.of("fleet", free.toString(), "--zone", "UTC", "--save", freePlan.toString());
        assertThat(first.code()).as(first.err()).isZero();
        java.util.Map<String, java.util.List<String>> before = windows(freePlan);
        String alphaFirst = before.get("alpha").get(0);
        java.time.LocalDate day = java.time.OffsetDateTime.parse(alphaFirst.split("/")[0])
                .atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();

        Path frozen = dir.resolve("frozen.yaml");
        Files.writeString(frozen, "defaults:\n  zone: UTC\nrules:\n  blackouts: [\"" + day + "/" + day
                + "=release freeze\"]\n" + services);
        Path frozenPlan = dir.resolve("frozen-plan.json");
        CliRun second = CliRun.of("fleet", frozen.toString(), "--zone", "UTC", "--save", frozenPlan.toString());
        assertThat(second.code()).as(second.err()).isZero();
        java.util.Map<String, java.util.List<String>> after = windows(frozenPlan);
        java.time.Instant freezeFrom = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.Instant freezeTo = day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(after.keySet()).containsExactlyInAnyOrder("alpha", "beta");
        after.forEach((service, list) -> {
            assertThat(list).as(service).isNotEmpty();
            for (String w : list) {
                java.time.Instant start = java.time.OffsetDateTime.parse(w.split("/")[0]).toInstant();
                java.time.Instant end = java.time.OffsetDateTime.parse(w.split("/")[1]).toInstant();
                assertThat(end.isAfter(freezeFrom) && start.isBefore(freezeTo)).as(service + " " + w + " in the freeze on " + day)
                        .isFalse();
            }
        });
        assertThat(after.get("alpha")).as("alpha's window was on the frozen day").doesNotContain(alphaFirst);
    }

    /** Each service's windows in a saved fleet plan, as START/END. */
    private static java.util.Map<String, java.util.List<String>> windows(Path plan) throws java.io.IOException {
        java.util.Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
        for (JsonNode s : new ObjectMapper().readTree(plan.toFile()).path("services")) {
            java.util.List<String> list = new java.util.ArrayList<>();
            for (JsonNode w : s.path("windows")) {
                list.add(w.path("start").asText() + "/" + w.path("end").asText());
            }
            out.put(s.path("service").asText(), list);
        }
        return out;
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
