package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

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
}
