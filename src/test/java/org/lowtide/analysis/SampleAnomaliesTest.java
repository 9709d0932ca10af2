package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * The bundled samples carry known anomalies (sample-data/README.md): they must be found exactly,
 * with the right kind, and the quiet weeks must not be littered with false alarms.
 */
class SampleAnomaliesTest {

    private static TrafficSeries sample(String file, ZoneId zone) throws Exception {
        try (Reader in = new InputStreamReader(SampleAnomaliesTest.class.getResourceAsStream("/org/lowtide/samples/"
                + file), StandardCharsets.UTF_8)) {
            return CsvTrafficReader.read(in, file, ImportOptions.inZone(zone)).series();
        }
    }

    private static Interval local(ZoneId zone, String start, Duration length) {
        ZonedDateTime s = java.time.LocalDateTime.parse(start).atZone(zone);
        return new Interval(s.toInstant(), s.toInstant().plus(length));
    }

    private static long count(List<Anomaly> anomalies, Anomaly.Kind kind, Interval within) {
        return anomalies.stream().filter(a -> a.kind() == kind && a.interval().overlaps(within)).count();
    }

    @Test
    void shopOutagesAreFoundExactly() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        TrafficSeries s = sample("shop-hourly-2025.csv", berlin);
        List<Anomaly> found = PatternAnalysis.analyze(s, 0, PatternAnalysis.Progress.NONE, () -> false).anomalyList();

        assertThat(found).anyMatch(a -> a.kind() == Anomaly.Kind.OUTAGE
                && a.interval().equals(local(berlin, "2025-03-12T19:00", Duration.ofHours(2))));
        assertThat(found).anyMatch(a -> a.kind() == Anomaly.Kind.OUTAGE
                && a.interval().equals(local(berlin, "2025-09-17T20:00", Duration.ofHours(1))));
        // Black Friday (×3 all day) is a spike, not the profile.
        assertThat(count(found, Anomaly.Kind.SPIKE, local(berlin, "2025-11-28T00:00", Duration.ofDays(1))))
                .isPositive();
        // Nothing else is an outage.
        assertThat(found.stream().filter(a -> a.kind() == Anomaly.Kind.OUTAGE)).hasSize(2);
        // January to October (no sales, no holidays in the model): at most a handful of alarms.
        assertThat(found.stream().filter(a -> a.interval().end().isBefore(local(berlin, "2025-11-01T00:00",
                Duration.ofHours(1)).start()))).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void apiOutageAndCollectionGapAreFoundExactly() throws Exception {
        ZoneId newYork = ZoneId.of("America/New_York");
        TrafficSeries s = sample("api-5min-dst-2026.csv", newYork);
        List<Anomaly> found = PatternAnalysis.analyze(s, 0, PatternAnalysis.Progress.NONE, () -> false).anomalyList();

        assertThat(found).anyMatch(a -> a.kind() == Anomaly.Kind.OUTAGE
                && a.interval().equals(local(newYork, "2026-03-03T10:00", Duration.ofMinutes(40))));
        assertThat(found).anyMatch(a -> a.kind() == Anomaly.Kind.COLLECTION_GAP
                && a.interval().equals(local(newYork, "2026-03-24T13:00", Duration.ofMinutes(45))));
        assertThat(found.stream().filter(a -> a.kind() == Anomaly.Kind.OUTAGE)).hasSize(1);
        assertThat(found).hasSizeLessThanOrEqualTo(8);
    }
}
