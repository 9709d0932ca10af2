package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze}'s patterns output: periods, anomalies, forecast, holidays, --components. */
class AnalyzePatternsCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Five weeks of hourly Berlin traffic with a two-hour outage on a busy Wednesday afternoon. */
    private Path traffic() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 12, 1, 0, 0, 0, 0, berlin);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 5 * 168; i++, t = t.plusHours(1)) {
            int h = t.getHour();
            double v = 100 + 900 * Math.exp(-Math.pow(h - 14, 2) / 20.0);
            if (t.getDayOfWeek() == DayOfWeek.SUNDAY) {
                v *= 0.6;
            }
            v *= 1 + 0.04 * (random.nextDouble() - 0.5);
            boolean outage = t.getDayOfMonth() == 10 && (h == 14 || h == 15);
            csv.append(t.toOffsetDateTime()).append(',').append(outage ? 0 : Math.round(v)).append('\n');
        }
        Path file = dir.resolve("traffic.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void jsonHasPeriodsAnomaliesForecastAndHolidays() throws Exception {
        CliRun r = run("analyze", traffic().toString(), "--zone", "Europe/Berlin", "--json", "--holidays", "DE-BY",
                "--forecast-weeks", "2");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode periods = json.path("periods");
        assertThat(periods.findValuesAsText("period")).contains("PT24H", "PT168H");
        assertThat(periods.get(0).path("strength").asDouble()).isBetween(0.5, 1.0);
        JsonNode outage = null;
        for (JsonNode a : json.path("anomalies")) {
            if (a.path("kind").asText().equals("OUTAGE")) {
                outage = a;
            }
        }
        assertThat(outage).as(json.path("anomalies").toString()).isNotNull();
        assertThat(outage.path("start").asText()).isEqualTo("2025-12-10T13:00:00Z");
        assertThat(outage.path("end").asText()).isEqualTo("2025-12-10T15:00:00Z");
        assertThat(outage.path("score").asDouble()).isPositive();
        JsonNode best = json.path("troughs").get(0);
        assertThat(best.has("upper")).isTrue();
        assertThat(best.path("stability").asDouble()).isBetween(0.0, 1.0);
        JsonNode forecast = json.path("forecast");
        assertThat(forecast.path("points").asInt()).isEqualTo(2 * 168);
        assertThat(forecast.path("start").asText()).isEqualTo(json.path("series").path("end").asText());
        assertThat(forecast.path("daily").size()).isBetween(14, 15);
        assertThat(forecast.path("backtest").path("mase").isNumber()).isTrue();
        JsonNode day = forecast.path("daily").get(0);
        assertThat(day.path("lower95").asDouble()).isLessThanOrEqualTo(day.path("mean").asDouble());
        // Christmas falls in the history (ratio measured), Epiphany (Bavaria) in the forecast.
        JsonNode holidays = json.path("holidays");
        assertThat(holidays.path("calendar").asText()).isEqualTo("DE-BY");
        boolean christmas = false;
        boolean newYear = false;
        for (JsonNode h : holidays.path("days")) {
            if (h.path("date").asText().equals("2025-12-25")) {
                christmas = h.path("inHistory").asBoolean() && h.path("ratio").isNumber();
            }
            if (h.path("date").asText().equals("2026-01-06")) {
                newYear = h.path("inForecast").asBoolean();
            }
        }
        assertThat(christmas).isTrue();
        assertThat(newYear).isTrue();
    }

    @Test
    void componentsCsvAddsUpToTheFilledSeries() throws Exception {
        Path out = dir.resolve("components.csv");
        CliRun r = run("analyze", traffic().toString(), "--zone", "Europe/Berlin", "--components", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo(
                "time,observed,filled,imputed,trend,seasonal_PT24H,seasonal_PT168H,remainder,weight");
        assertThat(lines).hasSize(5 * 168 + 1);
        int imputed = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double filled = Double.parseDouble(f[2]);
            double sum = Double.parseDouble(f[4]) + Double.parseDouble(f[5]) + Double.parseDouble(f[6])
                    + Double.parseDouble(f[7]);
            assertThat(sum).isCloseTo(filled, org.assertj.core.data.Offset.offset(1e-6));
            imputed += Integer.parseInt(f[3]);
        }
        assertThat(imputed).as("the outage is imputed").isGreaterThanOrEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(r.out()).contains("Seasonal periods:").contains("outage");
    }

    @Test
    void unknownHolidayCalendarIsAUsageError() throws Exception {
        CliRun r = run("analyze", traffic().toString(), "--zone", "Europe/Berlin", "--holidays", "XX");
        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(r.err()).contains("no holiday calendar for 'XX'");
    }
}
