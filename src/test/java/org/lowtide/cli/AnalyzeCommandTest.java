package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Three weeks of hourly Berlin traffic, lowest on Sundays 03:00–05:00 local, with offsets in the file. */
    private Path berlinFile() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 3, 17, 0, 0, 0, 0, berlin);
        for (int i = 0; i < 3 * 168; i++, t = t.plusHours(1)) {
            boolean trough = t.getDayOfWeek() == java.time.DayOfWeek.SUNDAY && (t.getHour() == 3 || t.getHour() == 4);
            int value = trough ? 20 : 500 + 10 * t.getHour();
            csv.append(t.toOffsetDateTime()).append(',').append(value).append('\n');
        }
        Path file = dir.resolve("berlin.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void jsonHasTheSeriesAndTheLowestWindowFirst() throws Exception {
        CliRun r = run("analyze", berlinFile().toString(), "--zone", "Europe/Berlin", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("series").path("points").asInt()).isEqualTo(3 * 168);
        assertThat(json.path("series").path("step").asText()).isEqualTo("PT1H");
        assertThat(json.path("series").path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(json.path("series").path("start").asText()).isEqualTo("2025-03-16T23:00:00Z");
        assertThat(json.path("periods").isArray()).isTrue();
        assertThat(json.path("anomalies").isArray()).isTrue();
        assertThat(json.path("warnings").isArray()).isTrue();
        JsonNode first = json.path("troughs").get(0);
        assertThat(first.path("dayOfWeek").asText()).isEqualTo("SUNDAY");
        assertThat(first.path("start").asText()).isEqualTo("03:00");
        assertThat(first.path("end").asText()).isEqualTo("05:00");
        assertThat(first.path("expected").asDouble()).isEqualTo(20.0);
        assertThat(first.path("shareOfPeak").asDouble()).isCloseTo(20.0 / 730, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json.path("troughs").size()).isEqualTo(5);
    }

    @Test
    void troughFollowsTheRequestedZone() throws Exception {
        CliRun r = run("analyze", berlinFile().toString(), "--zone", "UTC", "--duration", "PT1H", "--json");

        JsonNode first = new ObjectMapper().readTree(r.out()).path("troughs").get(0);
        // The dip straddles the 30 March change: 02:00–03:00 UTC one Sunday, 01:00–02:00 UTC the others.
        assertThat(first.path("dayOfWeek").asText()).isEqualTo("SUNDAY");
        assertThat(first.path("start").asText()).isIn("01:00", "02:00");
    }

    @Test
    void humanSummaryNamesTheWindowInWords() throws Exception {
        CliRun r = run("analyze", berlinFile().toString(), "--zone", "Europe/Berlin");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Lowest 2-hour windows").contains("1. Sundays 03:00–05:00 Europe/Berlin");
    }

    @Test
    void badInputExitsFourWithFileLineAndColumn() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "timestamp,value\n2025-01-01T00:00Z,1\nnot-a-time,2\n");

        CliRun r = run("analyze", file.toString());

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("broken.csv: line 3, column 1: cannot read 'not-a-time' as a timestamp");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingFileExitsFour() {
        CliRun r = run("analyze", dir.resolve("absent.csv").toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("absent.csv: file not found");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run("analyze").code()).isEqualTo(2);
        assertThat(run("analyze", berlinFile().toString(), "--zone", "Mars/Olympus").err())
                .contains("is not a time zone");
        assertThat(run("analyze", berlinFile().toString(), "--duration", "two hours").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void versionAndHelp() {
        CliRun version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("Lowtide ");

        CliRun help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("analyze");
    }

    @Test
    void durationsReadAsWords() {
        assertThat(AnalyzeCommand.unit(Duration.ofHours(1))).isEqualTo("hour");
        assertThat(AnalyzeCommand.unit(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(AnalyzeCommand.adjective(Duration.ofHours(2))).isEqualTo("2-hour");
        assertThat(AnalyzeCommand.adjective(Duration.ofMinutes(30))).isEqualTo("30-minute");
        assertThat(AnalyzeCommand.unit(Duration.ofDays(1))).isEqualTo("day");
    }

    @Test
    void durationThatIsNotWholeSlotsIsExplained() throws Exception {
        CliRun r = run("analyze", berlinFile().toString(), "--duration", "PT90M", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("multiple of the profile's 1-hour slots; was 90 minutes")
                .doesNotContain("PT90M");
    }
}
