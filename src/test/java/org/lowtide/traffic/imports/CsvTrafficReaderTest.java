package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTrafficReaderTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ImportResult read(String csv, ZoneId zone) throws Exception {
        return CsvTrafficReader.read(new StringReader(csv), "test.csv", ImportOptions.inZone(zone));
    }

    @Test
    void readsIsoTimestampsWithOffsetOntoAnHourlyGrid() throws Exception {
        ImportResult r = read("timestamp,requests\n"
                + "2025-01-01T00:00:00+01:00,10\n"
                + "2025-01-01T01:00:00+01:00,20\n"
                + "2025-01-01T02:00:00+01:00,30\n", BERLIN);

        assertThat(r.series().start()).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().values()).containsExactly(10, 20, 30);
        assertThat(r.series().name()).isEqualTo("requests");
        assertThat(r.source().rowsRead()).isEqualTo(3);
        assertThat(r.source().rowsUsed()).isEqualTo(3);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void readsLocalTimesInTheGivenZone() throws Exception {
        ImportResult r = read("time,value\n2025-06-01 12:00,1\n2025-06-01 12:05,2\n", BERLIN);

        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z")); // CEST is UTC+2
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsZuluSecondsAndFractionsAndSnapsTheGridToTheMinute() throws Exception {
        ImportResult r = read("t,v\n2025-06-01T12:00:00.500Z,1\n2025-06-01T12:01:00.500Z,2\n", UTC);

        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(r.series().values()).containsExactly(1, 2);
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void gapsBecomeMissingStepsAndAreReported() throws Exception {
        ImportResult r = read("timestamp,value\n"
                + "2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,2\n2025-01-01T04:00:00Z,5\n2025-01-01T05:00:00Z,6\n", UTC);

        assertThat(r.series().size()).isEqualTo(6);
        assertThat(r.series().valueAt(2)).isNaN();
        assertThat(r.series().valueAt(3)).isNaN();
        assertThat(r.series().missingCount()).isEqualTo(2);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("2 of 6 steps have no value"));
    }

    @Test
    void fallBackHourInLocalTimeKeepsBothHoursInOrder() throws Exception {
        // 2025-10-26: Berlin clocks go from 03:00 CEST back to 02:00 CET, so 02:00 and 02:30 occur twice.
        ImportResult r = read("timestamp,value\n"
                + "2025-10-26 01:30,1\n2025-10-26 02:00,2\n2025-10-26 02:30,3\n"
                + "2025-10-26 02:00,4\n2025-10-26 02:30,5\n2025-10-26 03:00,6\n", BERLIN);

        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(30));
        assertThat(r.series().values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-10-25T23:30:00Z"));
        assertThat(r.warnings()).filteredOn(w -> w.message().contains("occurs twice")).hasSize(4);
    }

    @Test
    void springForwardGapIsNotAMissingValue() throws Exception {
        // 2025-03-30: Berlin clocks jump from 02:00 to 03:00; local hourly data skips 02:00.
        ImportResult r = read("timestamp,value\n2025-03-30 01:00,1\n2025-03-30 03:00,2\n2025-03-30 04:00,3\n", BERLIN);

        assertThat(r.series().values()).containsExactly(1, 2, 3);
        assertThat(r.series().missingCount()).isZero();
    }

    @Test
    void unsortedRowsAreSortedAndDuplicatedCountsSummedWithWarnings() throws Exception {
        ImportResult r = read("timestamp,value\n"
                + "2025-01-01T02:00:00Z,3\n2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,2\n2025-01-01T01:00:00Z,4\n", UTC);

        assertThat(r.series().values()).containsExactly(1, 6, 3);
        assertThat(r.details().kind()).isEqualTo(MetricKind.COUNT);
        assertThat(r.source().rowsRead()).isEqualTo(4);
        assertThat(r.source().rowsMerged()).isEqualTo(1);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("out of time order"));
        assertThat(r.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(5);
            assertThat(w.message()).isEqualTo("same timestamp as line 4; summed (count)");
        });
    }

    @Test
    void duplicatedGaugeValuesAreAveraged() throws Exception {
        ImportResult r = read("timestamp,cpu_percent\n"
                + "2025-01-01T00:00:00Z,10.5\n2025-01-01T01:00:00Z,20.5\n2025-01-01T01:00:00Z,40.5\n", UTC);

        assertThat(r.series().values()).containsExactly(10.5, 30.5);
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).isEqualTo(
                "same timestamp as line 3; averaged (gauge)"));
    }

    @Test
    void detectsSemicolonsQuotesBomAndCrOnlyLineEndings() throws Exception {
        ImportResult r = read("\uFEFF\"time\";\"hits\"\r\"2025-01-01 00:00\";\"7\"\r\"2025-01-01 01:00\";\"8\"\r", UTC);

        assertThat(r.source().columns()).containsExactly("time", "hits");
        assertThat(r.series().values()).containsExactly(7, 8);
    }

    @Test
    void picksTheNamedColumn() throws Exception {
        ImportResult r = CsvTrafficReader.read(new StringReader("ts,a,b\n2025-01-01T00:00Z,1,10\n2025-01-01T01:00Z,2,20\n"),
                "test.csv", ImportOptions.inZone(UTC).withColumn("B"));

        assertThat(r.series().values()).containsExactly(10, 20);
        assertThat(r.source().valueColumn()).isEqualTo("b");
    }

    @Test
    void readsEpochSecondsAndMillisecondsWithoutHeader() throws Exception {
        assertThat(read("1735689600,1\n1735693200,2\n", UTC).series().start())
                .isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(read("1735689600000,1\n1735693200000,2\n", UTC).series().step())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void emptyValuesAreSkippedWithTheirLine() throws Exception {
        ImportResult r = read("timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,\n2025-01-01T02:00Z,3\n", UTC);

        assertThat(r.series().valueAt(1)).isNaN();
        assertThat(r.source().rowsSkipped()).isEqualTo(1);
        assertThat(r.warnings()).first().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.column()).isEqualTo(2);
        });
    }

    @Test
    void unreadableTimestampNamesFileLineAndColumn() {
        assertThatThrownBy(() -> read("timestamp,value\n2025-01-01T00:00Z,1\n2025-13-01 00:00,2\n", UTC))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("test.csv: line 3, column 1: cannot read '2025-13-01 00:00' as a timestamp")
                .satisfies(e -> {
                    ImportException ie = (ImportException) e;
                    assertThat(ie.line()).isEqualTo(3);
                    assertThat(ie.column()).isEqualTo(1);
                });
    }

    @Test
    void unreadableValueNamesFileLineAndColumn() {
        assertThatThrownBy(() -> read("timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,lots\n", UTC))
                .isInstanceOf(ImportException.class)
                .hasMessage("test.csv: line 3, column 2: cannot read 'lots' as a number");
    }

    @Test
    void unclosedQuoteIsFatalWithItsColumn() {
        assertThatThrownBy(() -> read("timestamp,value\n2025-01-01T00:00Z,\"1\n", UTC))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("test.csv: line 2, column 2: a quoted field is never closed");
    }

    @Test
    void aRowWithoutItsValueColumnIsSkippedWithItsLine() throws Exception {
        ImportResult r = read("timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z\n2025-01-01T02:00Z,3\n", UTC);

        assertThat(r.series().valueAt(1)).isNaN();
        assertThat(r.source().rowsSkipped()).isEqualTo(1);
        assertThat(r.warnings()).first().isEqualTo(new ImportWarning(3, 2,
                "the row has 1 fields, the header 2; no value in column 'value'; skipped (the step stays missing)"));
    }

    @Test
    void fileWithoutRowsIsRejected() {
        assertThatThrownBy(() -> read("timestamp,value\n", UTC))
                .isInstanceOf(ImportException.class)
                .hasMessage("test.csv: no data rows: expected a header line and rows of timestamp,value");
        assertThatThrownBy(() -> read("", UTC)).isInstanceOf(ImportException.class);
    }

    @Test
    void missingFileIsABadInputNotACrash(@TempDir Path dir) {
        assertThatThrownBy(() -> CsvTrafficReader.read(dir.resolve("nope.csv"), ImportOptions.inZone(UTC)))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("nope.csv: file not found");
    }

    @Test
    void neverWritesTheUsersFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("traffic.csv");
        Files.writeString(file, "timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,2\n", StandardCharsets.UTF_8);
        long modified = Files.getLastModifiedTime(file).toMillis();
        byte[] before = Files.readAllBytes(file);

        CsvTrafficReader.read(file, ImportOptions.inZone(UTC));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void givenStepOverridesTheInferredOne() throws Exception {
        ImportResult r = CsvTrafficReader.read(new StringReader("t,v\n2025-01-01T00:00Z,1\n2025-01-01T02:00Z,2\n"),
                "test.csv", ImportOptions.inZone(UTC).withStep(Duration.ofHours(1)));

        assertThat(r.series().size()).isEqualTo(3);
        assertThat(r.series().valueAt(1)).isNaN();
        assertThat(r.warnings()).contains(ImportWarning.ofFile("the step of 1 hour is finer than the rows, which are"
                + " 2 hours apart: most steps stay empty (nothing is interpolated)"));
    }

    @Test
    void binaryGarbageIsRejectedWithAMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("image.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 10, 1, 2});
        assertThatThrownBy(() -> CsvTrafficReader.read(file, ImportOptions.inZone(UTC)))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("image.png");
    }
}
