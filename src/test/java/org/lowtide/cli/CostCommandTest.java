package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /**
     * Two weeks of hourly UTC traffic from a Monday: 100 per hour, but 10 from 03:00 to 05:00, and a
     * revenue column of 60 per hour (1 per minute) when traffic is 100, 6 when it is 10.
     */
    private Path file() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests,revenue\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 2 * 168; i++, t = t.plusHours(1)) {
            boolean low = t.getHour() == 3 || t.getHour() == 4;
            csv.append(t.toOffsetDateTime()).append(',').append(low ? 10 : 100).append(',').append(low ? 6 : 60)
                    .append('\n');
        }
        Path file = dir.resolve("traffic.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private JsonNode json(String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "cost";
        args[1] = file().toString();
        args[2] = "--zone";
        args[3] = "UTC";
        System.arraycopy(extra, 0, args, 4, extra.length);
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    /** Issue 19: the Costs tab simulates as many changes as the CLI by default, so tail figures agree. */
    @Test
    void theCliSimulatesAsManyChangesByDefaultAsTheCostsTab() {
        String cli = LowtideCli.newCommandLine(new org.lowtide.service.AnalysisService()).getSubcommands().get("cost")
                .getCommandSpec().findOption("--simulations")
                .defaultValue();
        assertThat(Integer.parseInt(cli)).isEqualTo(org.lowtide.cost.CostAnalysis.DEFAULT_SIMULATIONS)
                .isEqualTo(org.lowtide.ui.cost.CostViewModel.SIMULATIONS);
    }

    @Test
    void jsonHasTheContractFieldsWithHandCheckedNumbers() throws Exception {
        // Revenue 1/min at 100 traffic, 0.1/min in the trough; CFR 1, fixed 50-minute incidents, no night effect.
        JsonNode j = json("--revenue-column", "revenue", "--change-failure-rate", "1", "--detect", "PT5M", "--mttr",
                "PT45M", "--mttr-p90", "PT45M", "--night-multiplier", "1", "--currency", "EUR", "--json",
                "--simulations", "1000");
        assertThat(j.path("currency").asText()).isEqualTo("EUR");
        assertThat(j.path("perMinute").path("min").asDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(j.path("perMinute").path("median").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(j.path("perMinute").path("max").asDouble()).isCloseTo(1, within(1e-12));
        JsonNode best = j.path("change").path("best");
        // Best: start 03:00, 50 minutes in the trough at 0.1: 5.
        assertThat(best.path("start").asText()).isEqualTo("MONDAY 03:00");
        assertThat(best.path("mean").asDouble()).isCloseTo(5, within(1e-9));
        assertThat(best.path("p50").asDouble()).isCloseTo(5, within(1e-9));
        assertThat(best.path("p99").asDouble()).isCloseTo(5, within(1e-9));
        JsonNode worst = j.path("change").path("worst");
        assertThat(worst.path("mean").asDouble()).isCloseTo(50, within(1e-9));
        for (String field : new String[] {"start", "mean", "p50", "p90", "p99"}) {
            assertThat(j.path("change").path("median").has(field)).as(field).isTrue();
        }
        assertThat(j.path("scenarios").size()).isEqualTo(4);
        assertThat(j.path("scenarios").get(0).path("name").asText()).isEqualTo("Today");
        assertThat(j.path("errorBudget").path("allowedMinutesPer30Days").asDouble()).isCloseTo(43.2, within(1e-9));
        JsonNode assumptions = j.path("assumptions");
        assertThat(assumptions.findValuesAsText("name")).contains("changeFailureRate", "revenue", "latencyElasticity");
        for (JsonNode a : assumptions) {
            assertThat(a.has("value") && a.has("unit") && a.has("source")).as(a.toString()).isTrue();
            if (a.path("name").asText().equals("changeFailureRate")) {
                assertThat(a.path("source").asText()).isEqualTo("your input");
            }
            if (a.path("name").asText().equals("revenue")) {
                assertThat(a.path("source").asText()).startsWith("from your data: column revenue");
            }
            if (a.path("name").asText().equals("latencyElasticity")) {
                assertThat(a.path("source").asText()).contains("Linden");
            }
        }
    }

    @Test
    void revenuePerYearIsSpreadByTrafficShare() throws Exception {
        // Mean traffic (22·100 + 2·10)/24 = 92.5; a year of 525,949.2 minutes.
        JsonNode j = json("--revenue-per-year", "525949.2", "--json", "--simulations", "100");
        assertThat(j.path("currency").asText()).isEqualTo("USD");
        assertThat(j.path("perMinute").path("max").asDouble()).isCloseTo(100 / 92.5, within(1e-9));
        assertThat(j.path("perMinute").path("min").asDouble()).isCloseTo(10 / 92.5, within(1e-9));
    }

    @Test
    void summaryNamesTheBestStartAndTheSources() throws Exception {
        CliRun r = run("cost", file().toString(), "--zone", "UTC", "--revenue-per-month", "100000");
        assertThat(r.code()).as(r.err()).isZero();
        // No cents on thousands.
        assertThat(r.out()).contains("100,000 USD per month, spread by traffic");
        assertThat(r.out()).contains("Recommended: ").contains("Ranked by the expected cost of a change");
        assertThat(r.out()).contains("best start");
        assertThat(r.out()).contains("DORA");
        assertThat(r.out()).contains("Error budget (SLO 99.9 %)");
    }

    @Test
    void badValuesExitWithUsageErrorsThatNameTheOption() throws Exception {
        String f = file().toString();
        CliRun cfr = run("cost", f, "--change-failure-rate", "1.5");
        assertThat(cfr.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(cfr.err()).contains("--change-failure-rate: the change failure rate must be between 0 and 1, was 1.5");
        CliRun revenue = run("cost", f, "--revenue-per-year", "-100");
        assertThat(revenue.code()).isEqualTo(2);
        assertThat(revenue.err()).contains("--revenue-per-year: revenue must be zero or more, was -100");
        CliRun p90 = run("cost", f, "--mttr", "PT2H", "--mttr-p90", "PT1H");
        assertThat(p90.code()).isEqualTo(2);
        assertThat(p90.err()).contains("--mttr-p90: the 90th percentile restore time (1 hour) must not be shorter than the "
                + "median (2 hours)");
        CliRun slo = run("cost", f, "--slo", "100");
        assertThat(slo.code()).isEqualTo(2);
        assertThat(slo.err()).contains("--slo: the SLO must be a percentage above 0 and below 100");
        CliRun currency = run("cost", f, "--currency", "DOLLARS");
        assertThat(currency.code()).isEqualTo(2);
        assertThat(currency.err()).contains("'DOLLARS' is not an ISO 4217 currency code");
        CliRun both = run("cost", f, "--revenue-per-year", "1", "--revenue-per-minute", "1");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aScenarioFileDrivesTheComparisonAndItsErrorsNameLineAndColumn() throws Exception {
        Path scenarios = dir.resolve("s.json");
        Files.writeString(scenarios, "{\n  \"scenarios\": [\n    {\"name\": \"Today\"},\n"
                + "    {\"name\": \"Faster\", \"levers\": [\"fast-rollback\"]}\n  ]\n}\n");
        JsonNode j = json("--scenario", scenarios.toString(), "--json", "--simulations", "100");
        assertThat(j.path("scenarios").findValuesAsText("name")).containsExactly("Today", "Faster");
        assertThat(j.path("scenarios").get(1).path("costPerChange").asDouble())
                .isLessThan(j.path("scenarios").get(0).path("costPerChange").asDouble());

        Files.writeString(scenarios, "{\n  \"scenarios\": [\n    {\"name\": \"X\", \"levers\": [\"teleport\"]}\n  ]\n}\n");
        CliRun bad = run("cost", file().toString(), "--scenario", scenarios.toString());
        assertThat(bad.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(bad.err()).startsWith("lowtide: s.json: line 3, column 30: scenario 'X' pulls lever 'teleport'");
    }

    @Test
    void anUnknownRevenueColumnIsBadInput() throws Exception {
        CliRun r = run("cost", file().toString(), "--revenue-column", "sales");
        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("sales");
    }
}
