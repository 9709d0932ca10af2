package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans ranked on the patterns forecast: traffic that falls week after week, so the weekly profile
 * (the median of all past weeks) overstates the weeks ahead, and every Sunday night ahead is quieter
 * than the one before. The profile cannot tell those Sundays apart; the forecast can.
 */
class PlanForecastTest {

    @TempDir
    Path dir;
    private Path traffic;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Twelve weeks of hourly traffic, UTC, 2 % less every week, quietest on Sundays 02:00–06:00. */
    @BeforeEach
    void writeTraffic() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 9, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Random noise = new Random(11);
        for (int i = 0; i < 12 * 168; i++, t = t.plusHours(1)) {
            int h = t.getHour();
            double shape = t.getDayOfWeek() == DayOfWeek.SUNDAY && h >= 2 && h < 6 ? 0.3
                    : h < 6 ? 0.5 : 1.0 + 0.3 * Math.sin((h - 6) * Math.PI / 18);
            double level = 10_000 * Math.pow(0.98, i / 168.0);
            long v = Math.round(level * shape * (1 + 0.02 * noise.nextGaussian()));
            csv.append(t.toOffsetDateTime()).append(',').append(v).append('\n');
        }
        traffic = dir.resolve("falling.csv");
        Files.writeString(traffic, csv, StandardCharsets.UTF_8);
    }

    private JsonNode plan(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("plan", traffic.toString(), "--zone", "UTC", "--from",
                "2025-11-25", "--to", "2025-12-21", "--duration", "PT3H", "--rollback", "PT1H", "--count", "4",
                "--json"));
        args.addAll(List.of(extra));
        CliRun r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> starts(JsonNode json) {
        List<String> starts = new ArrayList<>();
        json.path("windows").forEach(w -> starts.add(w.path("start").asText()));
        return starts;
    }

    @Test
    void theForecastRanksTheQuieterSundaysAheadFirstWhereTheProfileCannotTellThemApart() throws Exception {
        JsonNode profile = plan("--by-traffic", "--traffic-outlook", "profile");
        JsonNode forecast = plan("--by-traffic", "--traffic-outlook", "forecast");

        // The same four Sunday nights either way...
        List<String> sundays = List.of("2025-11-30T02:00Z", "2025-12-07T02:00Z", "2025-12-14T02:00Z",
                "2025-12-21T02:00Z");
        assertThat(starts(profile)).containsExactlyElementsOf(sundays);      // equal scores: earliest first
        assertThat(starts(forecast)).containsExactlyInAnyOrderElementsOf(sundays);
        // ...but the forecast knows the last is the quietest, and puts less at stake than the profile.
        assertThat(starts(forecast).get(0)).isEqualTo("2025-12-21T02:00Z");
        double[] atStake = new double[4];
        for (int i = 0; i < 4; i++) {
            atStake[i] = forecast.path("windows").get(i).path("expectedTraffic").asDouble();
            assertThat(forecast.path("windows").get(i).path("trafficFrom").asText()).isEqualTo("forecast");
            assertThat(profile.path("windows").get(i).path("trafficFrom").asText()).isEqualTo("profile");
        }
        assertThat(atStake).isSorted();
        assertThat(atStake[3]).isLessThan(profile.path("windows").get(0).path("expectedTraffic").asDouble());
        // The forecast's band widens with the lead time: its p90 sits further above its mean.
        JsonNode byDate = forecast.path("windows");
        double nearSpread = 0;
        double farSpread = 0;
        for (JsonNode w : byDate) {
            double spread = w.path("p90Traffic").asDouble() / w.path("expectedTraffic").asDouble();
            if (w.path("start").asText().startsWith("2025-11-30")) {
                nearSpread = spread;
            } else if (w.path("start").asText().startsWith("2025-12-21")) {
                farSpread = spread;
            }
        }
        assertThat(farSpread).isGreaterThan(nearSpread).isGreaterThan(1.0);
        assertThat(forecast.path("trafficOutlook").path("used").asText()).isEqualTo("forecast");
        assertThat(profile.path("trafficOutlook").path("used").asText()).isEqualTo("profile");
        assertThat(profile.path("trafficOutlook").path("note").asText())
                .isEqualTo("ranked on the weekly profile (median of past weeks), as asked");
    }

    @Test
    void byDefaultTheForecastIsUsedBecauseItBeatTheStaleProfileInItsBacktest() throws Exception {
        JsonNode json = plan("--by-traffic");
        JsonNode outlook = json.path("trafficOutlook");
        assertThat(outlook.path("asked").asText()).isEqualTo("auto");
        assertThat(outlook.path("used").asText()).isEqualTo("forecast");
        assertThat(outlook.path("backtest").path("mase").asDouble())
                .isLessThan(outlook.path("backtest").path("weeklyProfileMase").asDouble());
        assertThat(outlook.path("note").asText()).startsWith("ranked on the forecast (backtest MASE");
        assertThat(outlook.path("backtest").path("mase").asDouble())
                .isLessThan(outlook.path("backtest").path("seasonalNaiveMase").asDouble());
        assertThat(starts(json).get(0)).isEqualTo("2025-12-21T02:00Z");
    }

    @Test
    void inMoneyTheExpectedCostFollowsTheForecastAndTheSimulationAgreesWithIt() throws Exception {
        JsonNode json = plan("--revenue-per-year", "5000000");
        JsonNode profile = plan("--revenue-per-year", "5000000", "--traffic-outlook", "profile");
        assertThat(starts(json).get(0)).startsWith("2025-12-21T");
        for (JsonNode w : json.path("windows")) {
            JsonNode cost = w.path("cost");
            assertThat(cost.path("exactMean").asDouble()).isCloseTo(w.path("expectedCost").asDouble(),
                    org.assertj.core.api.Assertions.within(1e-6 * w.path("expectedCost").asDouble()));
            assertThat(Math.abs(cost.path("mean").asDouble() - cost.path("exactMean").asDouble()))
                    .isLessThan(4 * cost.path("standardError").asDouble());
        }
        // Traffic falling below what the median week says makes each change cheaper than the profile's price.
        assertThat(json.path("windows").get(0).path("expectedCost").asDouble())
                .isLessThan(profile.path("windows").get(0).path("expectedCost").asDouble());
    }

    @Test
    void theWeeklyRuleStandsOnTheSameTrafficAsTheDatedWindows() throws Exception {
        // The shop sample ends with December, whose weeks the forecast carries into January: there it
        // finds Thursday nights cheapest where the median week says Saturdays. Either way the rule
        // is the slot of the best dated window.
        for (String outlook : List.of("forecast", "profile")) {
            CliRun r = run("plan", Path.of("sample-data", "shop-hourly-2025.csv").toString(), "--zone", "Europe/Berlin",
                    "--from", "2026-01-05", "--to", "2026-02-15", "--allowed", "Mon-Fri 01:00-06:00", "--allowed",
                    "Sat 02:00-08:00", "--traffic-outlook", outlook, "--json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            java.time.OffsetDateTime best = java.time.OffsetDateTime.parse(json.path("windows").get(0).path("start")
                    .asText());
            assertThat(json.path("recurring").path("dayOfWeek").asText()).as(outlook)
                    .isEqualTo(best.getDayOfWeek().name());
            assertThat(json.path("recurring").path("start").asText()).as(outlook)
                    .isEqualTo(best.toLocalTime().toString());
            assertThat(json.path("trafficOutlook").path("used").asText()).isEqualTo(outlook);
        }
    }

    @Test
    void aHolidayTheHistoryMeasuredScalesTheForecastOnItsDay() throws Exception {
        // The shop sample measured Epiphany 2025 in Bavaria; the forecast for January 2026 does not know it.
        CliRun r = run("plan", Path.of("sample-data", "shop-hourly-2025.csv").toString(), "--zone", "Europe/Berlin",
                "--from", "2026-01-05", "--to", "2026-01-18", "--holidays", "DE-BY", "--holidays-as", "allowed",
                "--by-traffic", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode outlook = new ObjectMapper().readTree(r.out()).path("trafficOutlook");
        assertThat(outlook.path("used").asText()).isEqualTo("forecast");
        assertThat(outlook.path("note").asText()).contains("; measured holiday effects applied: Epiphany 2026-01-06 ×0.");
    }

    @Test
    void theReportShowsTheForecastItRankedOnAndSaysSo() throws Exception {
        Path pdf = dir.resolve("falling.pdf");
        CliRun r = run("report", traffic.toString(), "--zone", "UTC", "--from", "2025-11-25", "--to", "2025-12-21",
                "--by-traffic", "--traffic-outlook", "forecast", "--pdf", pdf.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("The traffic forecast for 25 Nov 2025 to 21 Dec 2025")
                .contains("the band is its 80 % interval")
                .contains("Traffic outlook ranked on the forecast (backtest MASE")
                .contains("(asked: forecast) your input");
    }

    @Test
    void aHorizonBeyondTheForecastsReachIsRankedOnTheProfileAndSaysWhy() throws Exception {
        CliRun r = run("plan", traffic.toString(), "--zone", "UTC", "--from", "2026-09-01", "--to", "2026-09-14",
                "--by-traffic");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Traffic: ranked on the weekly profile: the data ends 2025-11-23 and the "
                + "forecast reaches 2026-05-24, before the horizon starts.");
    }

    @Test
    void aWrongOutlookNameIsRefusedWithTheChoices() {
        CliRun r = run("plan", traffic.toString(), "--traffic-outlook", "crystal-ball");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--traffic-outlook takes auto, forecast or profile, not 'crystal-ball'");
    }
}
