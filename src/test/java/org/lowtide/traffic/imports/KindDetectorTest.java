package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The metric kind by units and names before whole numbers (issue 18, item 7), and what it does to DST repeats. */
class KindDetectorTest {

    private static SeriesData whole(String name) {
        SeriesData data = new SeriesData(name);
        for (int i = 0; i < 30; i++) {
            data.add(i * 60_000L, 100 + (i % 7), i + 2); // whole numbers that go up and down
        }
        return data;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Load (MW)|GAUGE", "load_mw|GAUGE", "Temperature|GAUGE", "travel_time|GAUGE", "Travel time (s)|GAUGE",
        "occupancy|GAUGE", "utilization|GAUGE", "latency [ms]|GAUGE", "pm2.5|GAUGE", "Humidity|GAUGE",
        "queue depth|GAUGE", "Rented Bike Count|COUNT", "requests|COUNT", "visits|COUNT", "value|COUNT",
        "location_4|COUNT", "downloads|COUNT", "timestamps_seen_total|COUNT"})
    void wholeNumbersAreReadByTheirNameAndUnitFirst(String name, MetricKind expected) {
        assertThat(KindDetector.decide(Optional.empty(), whole(name)).kind()).isEqualTo(expected);
    }

    @Test
    void theReasonNamesTheUnit() {
        assertThat(KindDetector.decide(Optional.empty(), whole("Load (MW)")).reason())
                .isEqualTo("the unit 'mw' in the name 'Load (MW)' is a level or rate");
    }

    @Test
    void aRepeatedLocalHourThatLandsOnOneStepIsAveragedForALoadAndSummedForRequests() throws Exception {
        // 2025-10-26 in Berlin: 02:00 occurs twice; hourly rows at half past meet half-hour-apart rows on one step.
        String rows = "2025-10-26 01:00,%s\n2025-10-26 02:00,%s\n2025-10-26 02:00,%s\n2025-10-26 03:00,%s\n"
                + "2025-10-26 04:00,%s\n";
        for (String name : new String[] {"load_mw", "requests"}) {
            String csv = "time," + name + "\n" + String.format(rows, 1000, 1100, 1100, 1200, 1300);
            ImportResult r = TrafficImporter.read(new StringReader(csv), "dst.csv",
                    ImportOptions.inZone(ZoneId.of("Europe/Berlin")));
            // Row order settles the repeat: the two 02:00 rows are two hours, neither summed nor averaged.
            assertThat(r.series().size()).isEqualTo(5);
            assertThat(r.source().rowsMerged()).isZero();
            ImportResult hourly = TrafficImporter.read(new StringReader(csv), "dst.csv",
                    ImportOptions.inZone(ZoneId.of("Europe/Berlin")).withStep(java.time.Duration.ofHours(2)));
            double merged = hourly.series().valueAt(1); // UTC 00:00–02:00 holds both 02:00 rows
            assertThat(merged).isEqualTo(name.equals("load_mw") ? 1100 : 2200);
        }
    }
}
