package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Plans on real series over the two weeks after their data ends, where the forecast reaches: the
 * automatic outlook uses the forecast exactly when it did better than the weekly profile in the
 * backtest, and says which; asked for, the forecast ranks every window; in money the simulation
 * agrees with the ranking's closed form.
 */
class RealDataPlanTest {

    private static JsonNode plan(Path file, String from, String to, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("plan", file.toString(), "--zone", "UTC", "--from", from, "--to",
                to, "--json"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LowtideCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @ParameterizedTest
    @CsvSource({
        // file, first and last day of a horizon just after the data, what the backtest favours
        "nab_elb_request_count_8c0756.csv, 2014-04-25, 2014-05-08, profile",
        "nab_twitter_volume_GOOG.csv, 2015-04-23, 2015-05-06, profile",
        "isp_transatlantic_internet_traffic_5min.csv, 2005-07-29, 2005-08-11, profile"})
    void theAutomaticOutlookFollowsTheBacktest(String name, String from, String to, String favoured) throws Exception {
        Path file = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic", name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data absent: skipped");

        JsonNode auto = plan(file, from, to, "--by-traffic");
        JsonNode outlook = auto.path("trafficOutlook");
        double mase = outlook.path("backtest").path("mase").asDouble();
        double profileMase = outlook.path("backtest").path("weeklyProfileMase").asDouble();
        double naiveMase = outlook.path("backtest").path("seasonalNaiveMase").asDouble();
        // auto ranks on the forecast only when it beat both repeating the last season and the profile.
        String used = mase < naiveMase && mase <= profileMase ? "forecast" : "profile";
        assertThat(outlook.path("used").asText()).isEqualTo(used).isEqualTo(favoured);
        assertThat(auto.path("windows")).isNotEmpty();
        for (JsonNode w : auto.path("windows")) {
            assertThat(w.path("trafficFrom").asText()).isEqualTo(used);
            assertThat(w.path("p90Traffic").asDouble()).isGreaterThanOrEqualTo(w.path("expectedTraffic").asDouble());
        }

        JsonNode forced = plan(file, from, to, "--by-traffic", "--traffic-outlook", "forecast");
        assertThat(forced.path("trafficOutlook").path("used").asText()).isEqualTo("forecast");
        for (JsonNode w : forced.path("windows")) {
            assertThat(w.path("trafficFrom").asText()).isEqualTo("forecast");
        }
    }

    @ParameterizedTest
    @CsvSource("nab_elb_request_count_8c0756.csv, 2014-04-25, 2014-05-08")
    void inMoneyOnTheForecastTheSimulationAgreesWithTheRanking(String name, String from, String to) throws Exception {
        Path file = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic", name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data absent: skipped");

        JsonNode json = plan(file, from, to, "--revenue-per-year", "3000000", "--traffic-outlook", "forecast");
        assertThat(json.path("windows")).isNotEmpty();
        for (JsonNode w : json.path("windows")) {
            JsonNode cost = w.path("cost");
            double expected = w.path("expectedCost").asDouble();
            assertThat(cost.path("exactMean").asDouble()).isCloseTo(expected, within(1e-6 * expected));
            assertThat(Math.abs(cost.path("mean").asDouble() - expected))
                    .isLessThan(4 * cost.path("standardError").asDouble());
        }
    }
}
