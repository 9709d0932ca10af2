package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on one fixture per shape and problem (src/test/resources/org/lowtide/traffic/imports). */
class TrafficImporterTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Path fixture(String name) {
        try {
            return Path.of(TrafficImporterTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ImportResult read(String name, ImportOptions options) throws Exception {
        return TrafficImporter.read(fixture(name), options);
    }

    private static ImportResult read(String name) throws Exception {
        return read(name, ImportOptions.inZone(UTC));
    }

    private static ImportResult readText(String text, ImportOptions options) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return TrafficImporter.read(new ByteArrayInputStream(bytes), "test.csv", bytes.length, options,
                ImportMonitor.NONE);
    }

    private static void assertAddsUp(ImportResult r) {
        SourceInfo s = r.source();
        assertThat(s.rowsUsed() + s.rowsMerged() + s.rowsSkipped()).isEqualTo(s.rowsRead());
    }

    // ------------------------------------------------------------------ delimited shapes

    @Test
    void europeanSemicolonsDotDatesAndDecimalCommasInLocalTime() throws Exception {
        ImportResult r = read("european_semicolon_decimal_comma.csv", ImportOptions.inZone(BERLIN));

        assertThat(r.series().values()).containsExactly(1234.5, 987.25, 1500.0, 2001.75, 13.5, 1000.0);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-03-09T23:00:00Z")); // CET, UTC+1
        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.source().columns()).containsExactly("Zeitpunkt", "Anfragen/s");
        assertThat(r.details().timestampFormat()).isEqualTo("dd.MM.yyyy HH:mm (local time in Europe/Berlin)");
        assertThat(r.details().dateOrder()).contains(DateOrder.DMY);
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
        assertThat(r.details().description()).startsWith("delimited text, ';'-separated, header on line 1");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void usDatesWithAmPmQuotedThousandsBomAndCrlf() throws Exception {
        ImportResult r = read("us_ampm_quoted_thousands.csv");

        assertThat(r.series().values()).containsExactly(1234, 12345, 999, 2_000_000, 1001, 45);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-13T10:00:00Z"));
        assertThat(r.details().dateOrder()).contains(DateOrder.MDY);
        assertThat(r.details().dateOrderNote()).isEqualTo("month/day/year, as '01/13/2025 10:00:00 AM' on line 2 shows");
        assertThat(r.details().timestampFormat()).startsWith("MM/dd/yyyy h:mm:ss a");
        assertThat(r.details().encoding()).isEqualTo("UTF-8 with BOM");
        assertThat(r.source().columns()).containsExactly("Date", "Sessions");
    }

    @Test
    void googleAnalyticsExportWithCommentBlockTwoDigitYearsAndTotalsRow() throws Exception {
        ImportResult r = read("google_analytics_daily_totals.csv");

        assertThat(r.series().size()).isEqualTo(15);
        assertThat(r.series().valueAt(0)).isEqualTo(1204);
        assertThat(r.series().valueAt(3)).isEqualTo(899);
        assertThat(r.series().valueAt(14)).isEqualTo(1533);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(r.series().step()).isEqualTo(Duration.ofDays(1));
        assertThat(r.source().rowsRead()).isEqualTo(16);
        assertThat(r.source().rowsSkipped()).isEqualTo(1);
        assertThat(r.warnings()).contains(new ImportWarning(23, 1, "no timestamp (a totals row?); row skipped"));
        assertAddsUp(r);
    }

    @Test
    void dateAndHourInSeparateColumns() throws Exception {
        ImportResult r = read("date_and_hour_columns.tsv");

        assertThat(r.series().size()).isEqualTo(30);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(r.series().valueAt(25)).isEqualTo(125); // 2025-06-02 01:00
        assertThat(r.source().timeColumn()).isEqualTo("date + hour");
        assertThat(r.series().missingCount()).isZero();
    }

    @Test
    void hoursCountedOneToTwentyFourAreHourEnding() throws Exception {
        ImportResult r = read("hour_ending_1_to_24.csv");

        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(48);
        assertThat(r.series().missingCount()).isZero();
        assertThat(r.series().valueAt(23)).isEqualTo(223); // hour 24 of 1 July: 23:00–24:00
        assertThat(r.series().valueAt(24)).isEqualTo(224); // hour 1 of 2 July
        assertThat(r.warnings()).contains(ImportWarning.ofFile("column 'Hour' counts hours 1 to 24: read as the hour"
                + " ending, so hour 1 is 00:00–01:00"));
    }

    @Test
    void epochMillisecondsWithPipesAndNoHeader() throws Exception {
        ImportResult r = read("epoch_millis_pipes.txt");

        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.series().values()).containsExactly(0, 10, 20, 30, 40, 50);
        assertThat(r.source().columns()).containsExactly("column1", "column2");
        assertThat(r.details().timestampFormat()).isEqualTo("epoch milliseconds");
    }

    @Test
    void fractionalEpochSecondsWithJitterLandOnWholeMinutes() throws Exception {
        ImportResult r = read("epoch_fractional_seconds.csv");

        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(r.series().values()).containsExactly(1.5, 2.5, 3.5, 4.5, 5.5, 6.5);
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
    }

    @Test
    void isoOffsetsAreHonouredWhateverTheZone() throws Exception {
        ImportResult r = read("iso_offset_plus11.csv", ImportOptions.inZone(BERLIN));

        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-14T22:00:00Z"));
        assertThat(r.series().values()).containsExactly(50, 51, 52, 53, 54, 55);
    }

    @Test
    void utf16WithBomIsTranscoded() throws Exception {
        ImportResult r = read("utf16le_bom_excel.txt");

        assertThat(r.details().encoding()).isEqualTo("UTF-16LE with BOM");
        assertThat(r.source().columns()).containsExactly("Zeit", "Seitenaufrufe");
        assertThat(r.series().values()).containsExactly(300, 301, 302, 303, 304, 305);
    }

    @Test
    void preambleAndTrailerLinesAreSkippedAndReported() throws Exception {
        ImportResult r = read("preamble_and_trailer.csv");

        assertThat(r.series().values()).containsExactly(10, 20, 30, 40);
        assertThat(r.warnings()).contains(new ImportWarning(1, 0, "2 lines before the header skipped (a title or preamble)"),
                new ImportWarning(9, 0, "not a row of the table (no delimiter); skipped"));
        assertAddsUp(r);
    }

    @Test
    void dayMonthOrderDecidedByTheFirstDayAbove12EvenFarIntoTheFile() throws Exception {
        ImportResult r = read("dmy_decided_late.csv");

        assertThat(r.details().dateOrder()).contains(DateOrder.DMY);
        assertThat(r.details().dateOrderNote()).isEqualTo("day/month/year, as '13/04/2025 00:00' on line 26 shows");
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-04-12T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(40);
        assertThat(r.series().missingCount()).isZero();
    }

    @Test
    void dayMonthOrderDecidedByRegularityIsReportedAsAGuess() throws Exception {
        ImportResult r = read("ambiguous_dates_hourly.csv");

        assertThat(r.details().dateOrder()).contains(DateOrder.DMY);
        assertThat(r.series().size()).isEqualTo(72);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).startsWith(
                "dates such as '01/03/2025 00:00' (line 2) fit both day/month and month/day; read as day/month/year"));
    }

    @Test
    void dateOrderOptionSettlesWhatTheValuesCannot() throws Exception {
        assertThatThrownBy(() -> read("ambiguous_dates_monthly.csv"))
                .isInstanceOf(ImportException.class)
                .hasMessage("ambiguous_dates_monthly.csv: line 2, column 1: cannot tell whether '01/01/2025' is"
                        + " day/month/year or month/day/year: every date in the file fits both, and both give an"
                        + " equally regular series; give --date-order dmy or mdy");

        ImportResult dmy = read("ambiguous_dates_monthly.csv", ImportOptions.inZone(UTC).withDateOrder(DateOrder.DMY));
        assertThat(dmy.series().start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(dmy.warnings()).anySatisfy(w -> assertThat(w.message()).startsWith("rows are one calendar month apart"));
        ImportResult mdy = read("ambiguous_dates_monthly.csv", ImportOptions.inZone(UTC).withDateOrder(DateOrder.MDY));
        assertThat(mdy.series().step()).isEqualTo(Duration.ofDays(1));
        assertThat(mdy.details().dateOrderNote()).isEqualTo("chosen with --date-order mdy");
    }

    @Test
    void mixedDateOrdersAreRejected() {
        assertThatThrownBy(() -> read("mixed_date_orders.csv"))
                .isInstanceOf(ImportException.class)
                .hasMessage("mixed_date_orders.csv: line 3, column 1: dates mix day-first ('13/01/2025' on line 2)"
                        + " and month-first ('01/14/2025') order; give --date-order dmy or mdy");
    }

    @Test
    void severalValueColumnsPickOneSumOrChooseBySeries() throws Exception {
        String csv = "ts,a,b\n2025-01-01T00:00Z,1,10\n2025-01-01T01:00Z,2,20\n";
        ImportResult first = readText(csv, ImportOptions.inZone(UTC));
        assertThat(first.series().values()).containsExactly(1, 2);
        assertThat(first.details().available()).containsExactly("a", "b");
        assertThat(first.warnings()).contains(ImportWarning.ofFile(
                "the file holds 2 series; used a, not b (choose with --series NAME, or add them up with --sum)"));

        assertThat(readText(csv, ImportOptions.inZone(UTC).withSeries(List.of("B"))).series().values())
                .containsExactly(10, 20);
        ImportResult sum = readText(csv, ImportOptions.inZone(UTC).withSum(true));
        assertThat(sum.series().values()).containsExactly(11, 22);
        assertThat(sum.series().name()).isEqualTo("a + b");
        assertThat(sum.details().selected()).containsExactly("a", "b");

        assertThatThrownBy(() -> readText(csv, ImportOptions.inZone(UTC).withSeries(List.of("a", "b"))))
                .hasMessage("test.csv: several series chosen (a, b): choose one, or add --sum to add them up");
        assertThatThrownBy(() -> readText(csv, ImportOptions.inZone(UTC).withSeries(List.of("c"))))
                .hasMessage("test.csv: no series named 'c'; the file holds a, b");
        String named = "ts,web_requests,api_requests\n2025-01-01T00:00Z,1,10\n2025-01-01T01:00Z,2,20\n";
        assertThat(readText(named, ImportOptions.inZone(UTC).withSeries(List.of("api"))).series().name())
                .isEqualTo("api_requests");
        assertThatThrownBy(() -> readText(named, ImportOptions.inZone(UTC).withSeries(List.of("requests"))))
                .hasMessage("test.csv: 'requests' matches several series: web_requests, api_requests; give the whole"
                        + " name");
    }

    @Test
    void seriesAsRowsAreToldApartByTheirLabel() throws Exception {
        String csv = "Series;Time;Value\nweb;2025-01-01T00:00:00Z;1\nweb;2025-01-01T00:01:00Z;2\n"
                + "api;2025-01-01T00:00:00Z;10\napi;2025-01-01T00:01:00Z;20\n";
        ImportResult api = readText(csv, ImportOptions.inZone(UTC).withSeries(List.of("api")));
        assertThat(api.series().values()).containsExactly(10, 20);
        assertThat(api.source().format()).isEqualTo("grafana");
        assertThat(api.source().rowsSkipped()).isEqualTo(2);
        assertAddsUp(api);

        ImportResult sum = readText(csv, ImportOptions.inZone(UTC).withSum(true));
        assertThat(sum.series().values()).containsExactly(11, 22);
        assertThat(sum.source().rowsUsed()).isEqualTo(4);
    }

    // ------------------------------------------------------------------ real-data problems

    @Test
    void messyRowsAreRepairedAndEachReportedWithItsLine() throws Exception {
        ImportResult r = read("messy_rows.csv");

        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.series().valueAt(0)).isEqualTo(100);
        assertThat(r.series().valueAt(1)).isEqualTo(115); // duplicate counts summed
        assertThat(r.series().valueAt(2)).isEqualTo(120); // out of order, sorted
        assertThat(r.series().valueAt(4)).isNaN(); // negative count
        assertThat(r.series().valueAt(10)).isEqualTo(170);
        assertThat(r.source().rowsRead()).isEqualTo(12);
        assertThat(r.source().rowsMerged()).isEqualTo(1);
        assertThat(r.source().rowsSkipped()).isEqualTo(5);
        assertAddsUp(r);
        assertThat(r.warnings()).containsSubsequence(
                new ImportWarning(4, 0, "same timestamp as line 3; summed (count)"),
                new ImportWarning(7, 0, "the header repeated; skipped"),
                new ImportWarning(8, 0, "negative count -7; skipped (the step stays missing)"),
                new ImportWarning(9, 2, "'NaN' means no value; row skipped (the step stays missing)"),
                new ImportWarning(10, 2, "'n/a' means no value; row skipped (the step stays missing)"),
                new ImportWarning(11, 2, "cannot read 'oops' as a number; row skipped (the step stays missing)"),
                ImportWarning.ofFile("rows were out of time order; sorted by timestamp"),
                ImportWarning.ofFile("6 of 12 steps have no value (gaps in the data: 1 gap, the longest 30 minutes"
                        + " from 2025-05-01 00:20)"));
    }

    @Test
    void springForwardInLocalTimeLeavesNoFalseGap() throws Exception {
        ImportResult r = read("berlin_spring_forward.csv", ImportOptions.inZone(BERLIN));

        assertThat(r.series().values()).containsExactly(1, 1, 1, 1);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-03-30T00:00:00Z"));
    }

    @Test
    void zeroFilledStretchIsKeptAndFlagged() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        for (int i = 0; i < 48; i++) {
            int v = i >= 20 && i < 30 ? 0 : 100 + i;
            csv.append(String.format("2025-01-01T%02d:%02d:00Z,%d%n", i / 4, (i % 4) * 15, v));
        }
        ImportResult r = readText(csv.toString(), ImportOptions.inZone(UTC));

        assertThat(r.series().valueAt(20)).isZero();
        assertThat(r.details().flagged()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FlaggedStretch.Kind.ZEROS);
            assertThat(f.steps()).isEqualTo(10);
            assertThat(f.firstLine()).isEqualTo(22);
            assertThat(f.interval().start()).isEqualTo(Instant.parse("2025-01-01T05:00:00Z"));
            assertThat(f.interval().end()).isEqualTo(Instant.parse("2025-01-01T07:30:00Z"));
        });
        assertThat(r.warnings()).contains(new ImportWarning(22, 0, "2 hours 30 minutes of zeros from 2025-01-01 05:00"
                + " to 2025-01-01 07:30 (10 steps): kept, flagged as a likely collection gap"));
    }

    @Test
    void resamplingToACoarserStepSumsCountsAndAveragesGauges() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests,cpu_percent\n");
        for (int i = 0; i < 30; i++) {
            csv.append(String.format("2025-01-01T00:%02d:00Z,%d,%d.5%n", i, i, i));
        }
        ImportOptions fiveMinutes = ImportOptions.inZone(UTC).withStep(Duration.ofMinutes(5));
        ImportResult counts = readText(csv.toString(), fiveMinutes);
        assertThat(counts.series().values()).containsExactly(10, 35, 60, 85, 110, 135);
        assertThat(counts.details().resampled())
                .isEqualTo("rows every 1 minute resampled to every 5 minutes: values summed per step (count)");
        assertThat(counts.source().rowsMerged()).isEqualTo(24);
        assertAddsUp(counts);

        ImportResult gauge = readText(csv.toString(), fiveMinutes.withColumn("cpu_percent"));
        assertThat(gauge.series().values()).containsExactly(2.5, 7.5, 12.5, 17.5, 22.5, 27.5);
        assertThat(gauge.details().kind().aggregation()).isEqualTo("mean");

        ImportResult forced = readText(csv.toString(), fiveMinutes.withColumn("cpu_percent").withKind(MetricKind.COUNT));
        assertThat(forced.series().valueAt(0)).isEqualTo(12.5);
        assertThat(forced.details().kindReason()).isEqualTo("chosen with --kind");
    }

    @Test
    void aRunningTotalIsCalledOut() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,http_requests_total\n");
        for (int i = 0; i < 20; i++) {
            csv.append(String.format("2025-01-01T00:%02d:00Z,%d%n", i, 1000 + 37 * i * i));
        }
        ImportResult r = readText(csv.toString(), ImportOptions.inZone(UTC));

        assertThat(r.warnings()).contains(ImportWarning.ofFile("the values only ever grow (1000 to 14357): a running"
                + " total, such as a Prometheus counter without rate()? Lowtide expects the amount per step; export"
                + " rate() or increase(), or per-interval counts"));
    }

    @Test
    void irregularSamplingIsBucketedOntoTheGrid() throws Exception {
        ImportResult r = readText("t,v\n2025-01-01T00:00:03Z,1\n2025-01-01T00:04:58Z,2\n2025-01-01T00:10:02Z,3\n"
                + "2025-01-01T00:15:01Z,4\n", ImportOptions.inZone(UTC));

        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(r.series().values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void gzipIsUnpackedOnTheFly(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("timestamp,value\n2025-01-01T00:00Z,1\n2025-01-01T01:00Z,2\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("traffic.csv.gz");
        Files.write(file, bytes.toByteArray());

        ImportResult r = TrafficImporter.read(file, ImportOptions.inZone(UTC));
        assertThat(r.series().values()).containsExactly(1, 2);
        assertThat(r.details().encoding()).isEqualTo("gzip, UTF-8");
    }

    // ------------------------------------------------------------------ monitoring exports of our own

    @Test
    void cloudWatchGetMetricDataWithSeveralResults() throws Exception {
        ImportResult r = read("cloudwatch_get_metric_data.json", ImportOptions.inZone(UTC).withSeries(List.of("Latency")));

        assertThat(r.source().format()).isEqualTo("cloudwatch-data");
        assertThat(r.series().values()).containsExactly(0.125, 0.5, 0.25);
        assertThat(r.details().available()).containsExactly("RequestCount", "Latency");
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
    }

    @Test
    void prometheusStringValuesNanAndInfBecomeMissing() throws Exception {
        ImportResult r = read("prometheus_nan_inf.json");

        assertThat(r.series().name()).isEqualTo("http_requests_total{job=\"api\"}");
        assertThat(r.series().size()).isEqualTo(5);
        assertThat(r.series().valueAt(0)).isEqualTo(12);
        assertThat(r.series().valueAt(1)).isNaN();
        assertThat(r.series().valueAt(3)).isNaN();
        assertThat(r.source().rowsSkipped()).isEqualTo(2);
        assertThat(r.warnings()).contains(new ImportWarning(2, 104, "value is 'NaN'; the point stays missing"));
    }

    @Test
    void datadogNullsBecomeMissing() throws Exception {
        ImportResult r = read("datadog_nulls.json");

        assertThat(r.series().name()).isEqualTo("trace.http.request.hits{service:web}");
        assertThat(r.series().values()).containsExactly(5, Double.NaN, 7, 8);
        assertThat(r.details().timestampFormat()).isEqualTo("epoch milliseconds");
    }

    @Test
    void forcedFormatThatDoesNotFitIsAClearError() {
        assertThatThrownBy(() -> read("datadog_nulls.json", ImportOptions.inZone(UTC).withFormat(ImportFormat.PROMETHEUS)))
                .hasMessage("datadog_nulls.json: line 1: expected prometheus input, found Datadog JSON");
        assertThatThrownBy(() -> read("messy_rows.csv", ImportOptions.inZone(UTC).withFormat(ImportFormat.CLOUDWATCH)))
                .hasMessage("messy_rows.csv: expected cloudwatch JSON, but the file does not start with '{' or '['");
    }

    // ------------------------------------------------------------------ not traffic

    @Test
    void filesThatAreNotTrafficAreRejectedWithAClearMessage(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> read("header_only.csv"))
                .hasMessage("header_only.csv: no data rows: expected a header line and rows of timestamp,value");
        assertThatThrownBy(() -> read("one_row.csv"))
                .hasMessage("one_row.csv: line 2: only one row with a value: a traffic series needs at least two timestamps");
        assertThatThrownBy(() -> read("no_numbers.csv"))
                .hasMessage("no_numbers.csv: line 1: no column of numbers next to the timestamps (columns: timestamp,"
                        + " comment)");
        assertThatThrownBy(() -> read("prometheus_error.json"))
                .hasMessage("prometheus_error.json: the export holds an error, not data: invalid parameter \"query\":"
                        + " 1:1: parse error");
        assertThatThrownBy(() -> read("unclosed_quote.csv"))
                .hasMessage("unclosed_quote.csv: line 3, column 1: a quoted field is never closed (fields spanning"
                        + " lines are not supported)");
        assertThatThrownBy(() -> read("bad_timestamp.csv"))
                .hasMessage("bad_timestamp.csv: line 4, column 1: cannot read '2025-01-01 25:00' as a timestamp;"
                        + " expected yyyy-MM-dd HH:mm (local time in UTC) as from line 2");

        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        assertThatThrownBy(() -> TrafficImporter.read(empty, ImportOptions.inZone(UTC)))
                .hasMessage("empty.csv: the file is empty");
        Path xlsx = Files.write(dir.resolve("book.xlsx"), "PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TrafficImporter.read(xlsx, ImportOptions.inZone(UTC)))
                .hasMessage("book.xlsx: an Excel workbook (.xlsx), not text: save the sheet as CSV and open that");
        Path binary = Files.write(dir.resolve("blob.bin"), new byte[] {1, 2, 3, 0, 5, 6, 7, 8, 9, 10, 11});
        assertThatThrownBy(() -> TrafficImporter.read(binary, ImportOptions.inZone(UTC)))
                .hasMessage("blob.bin: not a text file (it contains zero bytes); expected CSV or JSON text");
        assertThatThrownBy(() -> TrafficImporter.read(dir, ImportOptions.inZone(UTC)))
                .isInstanceOf(ImportException.class).hasMessageEndingWith("is a folder, not a file");
    }

    @Test
    void aTimestampYearsOffIsNamedInsteadOfFillingMemory() {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 100; i++) {
            csv.append(String.format("2025-01-01T00:%02d:00Z,%d%n", i % 60, i)).append("");
        }
        csv.append("2925-01-01T00:00:00Z,1\n");
        assertThatThrownBy(() -> readText(csv.toString(), ImportOptions.inZone(UTC).withStep(Duration.ofMinutes(1))))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("(line 102) for only 101 values: is a timestamp wrong, or the step too fine?");
    }

    @Test
    void cancellingStopsTheImport(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("2025-01-01T00:00:00Z,1\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportMonitor cancelled = new ImportMonitor() {
            @Override
            public void progress(double fraction) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        InputStream in = new ByteArrayInputStream(bytes);
        assertThatThrownBy(() -> TrafficImporter.read(in, "big.csv", bytes.length, ImportOptions.inZone(UTC), cancelled))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void previewShowsTheFirstLinesAndTheFormat() throws Exception {
        ImportPreview p = TrafficImporter.preview(fixture("utf16le_bom_excel.txt"), 3);

        assertThat(p.lines()).containsExactly("Zeit\tSeitenaufrufe", "2025-02-01 00:00\t300", "2025-02-02 00:00\t301");
        assertThat(p.format()).isEqualTo(ImportFormat.CSV);
        assertThat(p.encoding()).isEqualTo("UTF-16LE with BOM");
        assertThat(TrafficImporter.preview(fixture("datadog_nulls.json"), 5).format()).isEqualTo(ImportFormat.DATADOG);
    }
}
