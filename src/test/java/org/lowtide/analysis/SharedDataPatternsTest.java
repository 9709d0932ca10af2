package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

/** Periods and anomalies on the real series in {@code ../shared/data/traffic} (skipped where absent). */
class SharedDataPatternsTest {

    private static Path data(String file) {
        Path dir = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/data absent: skipped");
        Path path = dir.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), file + " absent: skipped");
        return path;
    }

    /** Only an absent file skips; a file present that the importer cannot read fails the test. */
    private static TrafficSeries read(String file) throws Exception {
        return CsvTrafficReader.read(data(file), ImportOptions.inZone(ZoneOffset.UTC)).series();
    }

    private static List<String> periodNames(TrafficSeries s) {
        return PeriodDetector.detect(s.values(), s.step()).stream().map(SeasonalPeriod::name)
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}: daily and weekly")
    @CsvSource({
        "isp_transatlantic_internet_traffic_5min.csv",
        "nab_elb_request_count_8c0756.csv",
        "nab_twitter_volume_AAPL.csv",
        "nab_twitter_volume_FB.csv",
        "nab_twitter_volume_GOOG.csv",
        "prophet_pedestrians_hourly_two_sensors.csv"})
    void trafficHasDailyAndWeeklyPeriods(String file) throws Exception {
        assertThat(periodNames(read(file))).contains("day", "week").doesNotContain("other");
    }

    @Test
    void yosemiteTemperaturesHaveADailyPeriodAndNoWeeklyOne() throws Exception {
        List<String> names = periodNames(read("prophet_yosemite_temps_5min.csv"));
        assertThat(names).contains("day").doesNotContain("week");
    }

    @Test
    void peytonManningHasWeeklyAndYearlyAndNoDaily() throws Exception {
        List<String> names = periodNames(read("prophet_wp_log_peyton_manning_daily.csv"));
        assertThat(names).contains("week", "year").doesNotContain("day");
    }

    @Test
    void labelledElbAnomaliesAreFound() throws Exception {
        TrafficSeries s = read("nab_elb_request_count_8c0756.csv");
        Patterns p = PatternAnalysis.analyze(s, 0, PatternAnalysis.Progress.NONE, () -> false);
        // NAB labels (data README): 2014-04-12 17:24 and 2014-04-22 19:34 UTC; NAB scores detections
        // inside a window around each label, here one hour either side.
        for (String label : new String[] {"2014-04-12T17:24:00Z", "2014-04-22T19:34:00Z"}) {
            Instant t = Instant.parse(label);
            assertThat(p.anomalyList()).as("anomaly near %s", label).anyMatch(a ->
                    a.interval().start().isBefore(t.plus(Duration.ofHours(1)))
                            && a.interval().end().isAfter(t.minus(Duration.ofHours(1))));
        }
        assertThat(p.periods()).allMatch(sp -> sp.strength() >= 0 && sp.strength() <= 1);
    }
}
