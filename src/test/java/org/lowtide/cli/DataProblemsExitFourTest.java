package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: a problem of the data found after the options were checked exits 4 with one line
 * naming the file, never 2 with "see --help" (the services refuse both with the same exception;
 * the commands run their data steps through {@link LowtideCli#dataStep}). Option problems stay 2.
 */
class DataProblemsExitFourTest {

    @TempDir
    Path dir;
    private Path daily;
    private Path hourly;

    @BeforeEach
    void write() throws Exception {
        StringBuilder csv = new StringBuilder("date,requests\n");
        for (int i = 0; i < 120; i++) {
            csv.append(LocalDate.of(2025, 1, 1).plusDays(i)).append(',').append(1000 + i % 7 * 10).append('\n');
        }
        daily = Files.writeString(dir.resolve("daily.csv"), csv, StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("timestamp,requests\n");
        for (int i = 0; i < 2; i++) {
            h.append(java.time.Instant.parse("2025-01-06T00:00:00Z").plusSeconds(3600L * i)).append(',').append(100 + i)
                    .append('\n');
        }
        hourly = Files.writeString(dir.resolve("short.csv"), h, StandardCharsets.UTF_8);
    }

    @Test
    void costOnDailyDataIsADataProblemNamingTheFile() {
        CliRun r = CliRun.of("cost", daily.toString(), "--zone", "UTC");
        assertThat(r.code()).as(r.err()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).isEqualTo("lowtide: daily.csv: a weekly profile needs steps of at most one hour that "
                + "divide a day; this series has steps of 1 day\n");
    }

    @Test
    void aForecastTheDataCannotGiveIsADataProblemButForecastWeeksZeroIsUsage() {
        Path out = dir.resolve("f.csv");
        CliRun data = CliRun.of("analyze", hourly.toString(), "--zone", "UTC", "--forecast-csv", out.toString());
        assertThat(data.code()).as(data.err()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(data.err()).startsWith("lowtide: short.csv: no forecast to write to ").doesNotContain("--help");
        CliRun usage = CliRun.of("analyze", hourly.toString(), "--zone", "UTC", "--forecast-csv", out.toString(),
                "--forecast-weeks", "0");
        assertThat(usage.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(usage.err()).contains("--forecast-weeks is 0", "see `lowtide analyze --help`");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDataStepTurnsTheServicesRefusalIntoExitFourWithTheSourceNamedOnce() {
        java.io.StringWriter err = new java.io.StringWriter();
        Exception thrown = null;
        try {
            LowtideCli.dataStep("x.csv", () -> {
                throw new IllegalArgumentException("x.csv: too few values");
            });
        } catch (Exception e) {
            thrown = e;
        }
        assertThat(thrown).isInstanceOf(LowtideCli.DataProblem.class).hasMessage("x.csv: too few values");
        assertThat(LowtideCli.dataOrFileProblem(thrown, new java.io.PrintWriter(err, true)))
                .isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("lowtide: x.csv: too few values" + System.lineSeparator());
    }
}
