package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes left over from the first import work (issue 13): Excel serial dates, quoted fields
 * spanning lines, Datadog's v2 timeseries query JSON and InfluxDB 1.x query JSON. The fixtures under
 * {@code leftovers/} are written by hand (see the README there); each expectation is read off the file.
 */
class ImportLeftoversTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Path fixture(String name) throws Exception {
        return Path.of(ImportLeftoversTest.class.getResource("leftovers/" + name).toURI());
    }

    private static ImportResult read(String name, ImportOptions options) throws Exception {
        return TrafficImporter.read(fixture(name), options);
    }

    private static ImportResult read(String name) throws Exception {
        return read(name, ImportOptions.inZone(UTC));
    }

    @Test
    void quotedFieldsSpanningLinesStayInTheirRowAndWarningsNameThePhysicalLine() throws Exception {
        ImportResult r = read("multiline_quoted_notes.csv");

        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
        assertThat(r.series().end()).isEqualTo(Instant.parse("2025-01-06T12:00:00Z"));
        assertThat(r.series().size()).isEqualTo(12);
        assertThat(r.series().valueAt(0)).isEqualTo(100);
        assertThat(r.series().valueAt(5)).isEqualTo(105); // the row whose note spans three lines
        assertThat(r.series().valueAt(11)).isEqualTo(111);
        assertThat(r.series().missingCount()).isEqualTo(1); // 08:00 holds "oops"
        // the 08:00 row starts on physical line 13 (the notes of 02:00 and 05:00 took three extra lines)
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.line()).isEqualTo(13));
        assertThat(r.warnings()).noneSatisfy(w -> assertThat(w.line()).isEqualTo(10));
    }

    @Test
    void excelSerialDatesInTheNineteenHundredSystemWithTheTimeOfDayInTheFraction() throws Exception {
        ImportResult r = read("excel_serial_hourly.csv");

        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-06T00:00:00Z")); // serial 45663
        assertThat(r.series().end()).isEqualTo(Instant.parse("2025-01-08T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(48);
        assertThat(r.series().missingCount()).isZero();
        assertThat(r.series().valueAt(0)).isEqualTo(200);
        assertThat(r.series().valueAt(47)).isEqualTo(247);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message())
                .contains("Excel serial dates").contains("1900 date system").contains("--excel-1904"));
    }

    @Test
    void excelSerialDatesInTheNineteenOhFourSystemReadFourYearsAndADayLater() throws Exception {
        ImportResult r = read("excel_serial_hourly.csv", ImportOptions.inZone(UTC).withExcel1904(true));

        // 1904-01-01 + 45663 days = 2029-01-07 (1,462 days after the 1900 reading)
        assertThat(r.series().start()).isEqualTo(Instant.parse("2029-01-07T00:00:00Z"));
        assertThat(r.series().end()).isEqualTo(Instant.parse("2029-01-09T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(48);
        assertThat(r.series().valueAt(47)).isEqualTo(247);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("1904 date system"));
    }

    @Test
    void datadogV2TimeseriesResponseOneSeriesPerGroup() throws Exception {
        ImportResult r = read("datadog_v2_timeseries.json",
                ImportOptions.inZone(UTC).withSeries(List.of("{host:web-1}")));

        assertThat(r.source().format()).isEqualTo("datadog-v2");
        assertThat(r.details().available()).containsExactly("{host:web-1}", "{host:web-2}");
        assertThat(r.series().name()).isEqualTo("{host:web-1}");
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-02-03T10:00:00Z")); // 1738576800000 ms
        assertThat(r.series().end()).isEqualTo(Instant.parse("2025-02-03T12:00:00Z"));
        assertThat(r.series().size()).isEqualTo(24);
        assertThat(r.series().valueAt(0)).isEqualTo(10);
        assertThat(r.series().valueAt(7)).isNaN(); // null in the file
        assertThat(r.series().missingCount()).isEqualTo(1);
        assertThat(r.series().valueAt(23)).isEqualTo(33);

        ImportResult other = read("datadog_v2_timeseries.json",
                ImportOptions.inZone(UTC).withSeries(List.of("{host:web-2}")));
        assertThat(other.series().valueAt(0)).isEqualTo(20);
        assertThat(other.series().valueAt(23)).isEqualTo(43);
        assertThat(other.series().missingCount()).isZero();
    }

    @Test
    void influxDbOneQueryJsonWithRfc3339TimesOneSeriesPerColumnAndTagSet() throws Exception {
        ImportResult r = read("influxdb1_query_rfc3339.json",
                ImportOptions.inZone(UTC).withSeries(List.of("http_requests count host=web-2")));

        assertThat(r.source().format()).isEqualTo("influx-json");
        assertThat(r.details().available()).containsExactlyInAnyOrder("http_requests count host=web-1",
                "http_requests mean_latency host=web-1", "http_requests count host=web-2",
                "http_requests mean_latency host=web-2");
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(10));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2019-08-18T00:00:00Z"));
        assertThat(r.series().end()).isEqualTo(Instant.parse("2019-08-18T03:00:00Z"));
        assertThat(r.series().size()).isEqualTo(18);
        assertThat(r.series().valueAt(0)).isEqualTo(300);
        assertThat(r.series().valueAt(17)).isEqualTo(317);

        ImportResult latency = read("influxdb1_query_rfc3339.json",
                ImportOptions.inZone(UTC).withSeries(List.of("http_requests mean_latency host=web-2")));
        assertThat(latency.series().valueAt(0)).isEqualTo(0.5);
        assertThat(latency.series().valueAt(4)).isNaN(); // null in the file
        assertThat(latency.series().missingCount()).isEqualTo(1);
    }

    @Test
    void influxDbOneQueryJsonWithEpochMillisecondTimes() throws Exception {
        ImportResult r = read("influxdb1_query_epoch_ms.json");

        assertThat(r.series().name()).isEqualTo("cpu value");
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2019-08-18T00:00:00Z")); // 1566086400000 ms
        assertThat(r.series().end()).isEqualTo(Instant.parse("2019-08-18T00:30:00Z"));
        assertThat(r.series().size()).isEqualTo(30);
        assertThat(r.series().valueAt(0)).isEqualTo(0.5);
        assertThat(r.series().valueAt(29)).isEqualTo(0.79);
    }

    @Test
    void aMultiLineFieldCutByTheEndOfTheSampledHeadDoesNotStopTheImport(@TempDir Path dir) throws Exception {
        // long notes with line breaks, so that the 64 KB head the layout is sniffed from ends inside one
        StringBuilder csv = new StringBuilder("time,requests,note\n");
        String filler = "x".repeat(300);
        for (int i = 0; i < 600; i++) {
            csv.append(String.format("2025-01-%02dT%02d:00:00Z,%d,\"%s\n%s\"\n", 1 + i / 24, i % 24, i, filler, filler));
        }
        Path file = dir.resolve("long_notes.csv");
        Files.writeString(file, csv);

        ImportResult r = TrafficImporter.read(file, ImportOptions.inZone(UTC));
        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().size()).isEqualTo(600);
        assertThat(r.series().valueAt(0)).isEqualTo(0);
        assertThat(r.series().valueAt(599)).isEqualTo(599);
        assertThat(r.series().missingCount()).isZero();
    }

    @Test
    void excelSerialDatesInAColumnNamedByHand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("serial.csv");
        Files.writeString(file, "stamp,n\n45663.25,1\n45663.5,2\n45663.75,3\n45664,4\n");
        ImportResult r = TrafficImporter.read(file,
                ImportOptions.inZone(UTC).withColumns(ColumnRoles.DETECT.withTimeColumns(List.of("stamp"))));
        assertThat(r.series().step()).isEqualTo(Duration.ofHours(6));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-06T06:00:00Z"));
        assertThat(r.series().size()).isEqualTo(4);
        assertThat(r.series().valueAt(3)).isEqualTo(4);
    }
}
