package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Options that would allocate beyond the heap or loop forever are refused up front with the limit
 * in the message (issue #14); impossible values get Lowtide's words, never a Java class name.
 */
class LimitsAndMessagesTest {

    @TempDir
    Path dir;
    private Path traffic;

    @BeforeEach
    void writeTraffic() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 10, 6, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 3 * 168; i++, t = t.plusHours(1)) {
            csv.append(t.toOffsetDateTime()).append(',').append(100 + 50 * Math.sin(i / 24.0 * 2 * Math.PI)).append('\n');
        }
        traffic = dir.resolve("traffic.csv");
        Files.writeString(traffic, csv, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "plan {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--duration|PT99999999H|at most 31 days",
        "--duration|PT0.5S|at least one minute",
        "--to|+12014-05-05|year must be from 1 to 9999",
        "--to|2999-05-05|at most 1096 days",
        "--from|2014-02-30|February 2014 has 28 days",
        "--from|2014-13-01|no month 13",
        "--count|2147483647|1 to 10000 windows",
        "--allowed|Sun 00:00-00:00|00:00-24:00 for a whole day",
        "--habit|Tue 24:00|from 00:00 to 23:59",
    })
    void planRefusesWithTheLimitInTheMessage(String option, String value, String expected) {
        CliRun r = WritePolicyTest.run("plan", traffic.toString(), "--by-traffic", "--from", "2025-11-01",
                option, value);

        assertThat(r.code()).as(r.err()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(r.err()).contains(expected).doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void aWholeDayIsWrittenWith24() {
        CliRun r = WritePolicyTest.run("plan", traffic.toString(), "--by-traffic", "--from", "2025-11-01",
                "--allowed", "Sun 00:00-24:00");

        assertThat(r.code()).as(r.err()).isZero();
    }

    @ParameterizedTest(name = "{0} --simulations {1}")
    @CsvSource({"cost, 2147483647", "cost, 1", "report, 10000001"})
    void simulationsBeyondTheLimitAreRefusedUpFront(String command, String n) {
        String[] args = command.equals("report")
                ? new String[] {command, traffic.toString(), "--revenue-per-year", "1000000", "--simulations", n, "--pdf",
                    dir.resolve("r.pdf").toString()}
                : new String[] {command, traffic.toString(), "--revenue-per-year", "1000000", "--simulations", n};
        CliRun r = WritePolicyTest.run(args);

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(r.err()).contains("10,000,000");
    }

    @Test
    void aProblemOfTheDataExits4WithoutTheUsageText() throws Exception {
        StringBuilder csv = new StringBuilder("day,requests\n");
        java.time.LocalDate d = java.time.LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 90; i++) {
            csv.append(d.plusDays(i)).append(',').append(100 + i % 7).append('\n');
        }
        Path daily = dir.resolve("daily.csv");
        Files.writeString(daily, csv);

        CliRun r = WritePolicyTest.run("plan", daily.toString(), "--by-traffic", "--from", "2025-05-01");

        assertThat(r.code()).as(r.err()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("daily.csv").doesNotContain("Usage:");
    }

    @Test
    void anUnknownHolidayCalendarIsStillAnOptionProblem() {
        CliRun r = WritePolicyTest.run("plan", traffic.toString(), "--by-traffic", "--from", "2025-11-01",
                "--holidays", "XX");

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_USAGE);
    }
}
