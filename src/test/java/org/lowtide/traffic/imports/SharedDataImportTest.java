package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real file in {@code ../shared/data} imports with the right number of points, first and
 * last timestamp, and values that match the file's own lines. Counts were checked against pandas
 * 1.5.3 ({@code read_csv(parse_dates=[0])}: rows, first and last time, median spacing). Skipped
 * where the folder is absent.
 */
class SharedDataImportTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Path data(String folder, String file) {
        Path dir = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", folder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/data absent: skipped");
        return dir.resolve(file);
    }

    static Stream<Arguments> trafficFiles() {
        return Stream.of(
                Arguments.of("isp_transatlantic_internet_traffic_5min.csv", 14_772, 14_772, "2005-06-07T07:00:00Z",
                        "2005-07-28T13:55:00Z", 0),
                Arguments.of("nab_elb_request_count_8c0756.csv", 4_032, 4_040, "2014-04-10T00:04:00Z",
                        "2014-04-24T00:39:00Z", 0),
                Arguments.of("nab_twitter_volume_AAPL.csv", 15_902, 15_902, "2015-02-26T21:42:53Z",
                        "2015-04-23T02:47:53Z", 0),
                Arguments.of("nab_twitter_volume_FB.csv", 15_833, 15_833, "2015-02-26T21:42:53Z",
                        "2015-04-22T21:02:53Z", 0),
                Arguments.of("nab_twitter_volume_GOOG.csv", 15_842, 15_842, "2015-02-26T21:42:53Z",
                        "2015-04-22T21:47:53Z", 0),
                Arguments.of("prophet_pedestrians_hourly_two_sensors.csv", 720, 720, "2023-04-01T00:00:00Z",
                        "2023-04-30T23:00:00Z", 0),
                Arguments.of("prophet_wp_log_peyton_manning_daily.csv", 2_905, 2_964, "2007-12-10T00:00:00Z",
                        "2016-01-20T00:00:00Z", 0),
                Arguments.of("prophet_yosemite_temps_5min.csv", 18_721, 18_721, "2017-05-01T00:00:00Z",
                        "2017-07-05T00:00:00Z", 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trafficFiles")
    void realSeriesImportWithTheirPointsSpanAndValues(String name, int rows, int points, String first, String last,
                                                     int empty) throws Exception {
        Path file = data("traffic", name);
        ImportResult r = TrafficImporter.read(file, ImportOptions.inZone(UTC));
        TrafficSeries s = new TrafficSeries(r);

        assertThat(r.source().rowsRead()).isEqualTo(rows);
        assertThat(r.source().rowsSkipped()).isEqualTo(empty);
        assertThat(r.source().rowsUsed() + r.source().rowsMerged() + r.source().rowsSkipped()).isEqualTo(rows);
        assertThat(r.series().size()).isEqualTo(points);
        assertThat(r.series().start()).isEqualTo(Instant.parse(first));
        assertThat(r.series().timeAt(points - 1)).isEqualTo(Instant.parse(last));
        assertThat(r.series().missingCount()).isEqualTo(points - rows + empty);

        // Values against the file's own lines: the first, the last and every 997th row.
        List<String[]> lines = dataLines(file);
        assertThat(lines).hasSize(rows);
        for (int k = 0; k < lines.size(); k += k == lines.size() - 1 ? 1 : Math.min(997, lines.size() - 1 - k)) {
            String[] row = lines.get(k);
            if (row[1].isEmpty() || row[1].equals("NaN")) {
                continue;
            }
            Instant t = LocalDateTime.parse(row[0].length() == 10 ? row[0] + "T00:00:00" : row[0].replace(' ', 'T'))
                    .toInstant(ZoneOffset.UTC);
            assertThat(s.at(t)).as("%s line %d", name, k + 2).isCloseTo(Double.parseDouble(row[1]), within(1e-9));
        }
    }

    @Test
    void monthlyPassengersWithCrOnlyLineEndingsLandOnAverageMonths() throws Exception {
        Path file = data("traffic", "prophet_air_passengers_monthly_cr_line_endings.csv");
        ImportResult r = TrafficImporter.read(file, ImportOptions.inZone(UTC));

        assertThat(r.source().rowsRead()).isEqualTo(144);
        assertThat(r.series().size()).isEqualTo(144);
        assertThat(r.series().missingCount()).isZero();
        assertThat(r.series().start()).isEqualTo(Instant.parse("1949-01-01T00:00:00Z"));
        // the last month (1960-12-01) lies within half an average month of the last step
        Duration offBy = Duration.between(r.series().timeAt(143), Instant.parse("1960-12-01T00:00:00Z")).abs();
        assertThat(offBy).isLessThan(r.series().step().dividedBy(2));
        assertThat(r.series().valueAt(0)).isEqualTo(112);
        assertThat(r.series().valueAt(143)).isEqualTo(432);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).startsWith("rows are one calendar month apart"));
    }

    @Test
    void pedestriansSecondSensorBySeriesOrBothSummed() throws Exception {
        Path file = data("traffic", "prophet_pedestrians_hourly_two_sensors.csv");
        ImportResult second = TrafficImporter.read(file, ImportOptions.inZone(UTC).withSeries(List.of("location_41")));
        assertThat(second.series().valueAt(0)).isEqualTo(975);
        assertThat(second.series().valueAt(719)).isEqualTo(399);
        ImportResult both = TrafficImporter.read(file, ImportOptions.inZone(UTC).withSum(true));
        assertThat(both.series().valueAt(0)).isEqualTo(903 + 975);
        assertThat(both.details().selected()).containsExactly("location_4", "location_41");
    }

    // ------------------------------------------------------------------ formats/

    @Test
    void graphiteCsvJsonAndRaw() throws Exception {
        ImportResult csv = TrafficImporter.read(data("formats", "graphite_render_format_csv.csv"),
                ImportOptions.inZone(UTC));
        assertThat(csv.source().format()).isEqualTo("graphite-csv");
        assertThat(csv.series().name()).isEqualTo("entries");
        assertThat(csv.series().values()).containsExactly(1, 2, 3, 5, 6);
        assertThat(csv.series().start()).isEqualTo(Instant.parse("2011-07-28T01:53:28Z"));
        assertThat(csv.series().step()).isEqualTo(Duration.ofSeconds(1));
        assertThat(csv.series().timeAt(4)).isEqualTo(Instant.parse("2011-07-28T01:53:32Z"));

        ImportResult json = TrafficImporter.read(data("formats", "graphite_render_format_json.json"),
                ImportOptions.inZone(UTC));
        assertThat(json.source().format()).isEqualTo("graphite-json");
        assertThat(json.series().values()).containsExactly(1, 2, 3, 5, 6);
        assertThat(json.series().start()).isEqualTo(Instant.ofEpochSecond(1311836008));
        assertThat(json.series().timeAt(json.series().size() - 1)).isEqualTo(Instant.ofEpochSecond(1311836012));

        ImportResult raw = TrafficImporter.read(data("formats", "graphite_render_format_raw.txt"),
                ImportOptions.inZone(UTC).withSeries(List.of("carbon.agents.graphiteServer01.cpuUsage")));
        assertThat(raw.source().format()).isEqualTo("graphite-raw");
        assertThat(raw.details().available()).containsExactly("entries", "carbon.agents.graphiteServer01.cpuUsage");
        assertThat(raw.series().start()).isEqualTo(Instant.ofEpochSecond(1306217160));
        assertThat(raw.series().step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(raw.series().timeAt(raw.series().size() - 1)).isEqualTo(Instant.ofEpochSecond(1306217400));
        assertThat(raw.series().values()).containsExactly(0.0, 0.00666666520965, 0.00666666624282, 0.0, 0.0133345399694);
        assertThat(raw.source().rowsRead()).isEqualTo(10);
        assertThat(raw.source().rowsSkipped()).isEqualTo(5);
    }

    @Test
    void prometheusMatrixWithSeveralSeries() throws Exception {
        Path file = data("formats", "prometheus_query_range_matrix.json");
        ImportResult r = TrafficImporter.read(file, ImportOptions.inZone(UTC));
        assertThat(r.source().format()).isEqualTo("prometheus");
        assertThat(r.details().available()).containsExactly("up{instance=\"localhost:9090\",job=\"prometheus\"}",
                "up{instance=\"localhost:9091\",job=\"node\"}");
        assertThat(r.series().values()).containsExactly(1, 1, 1);
        assertThat(r.series().step()).isEqualTo(Duration.ofSeconds(15));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2015-07-01T20:10:30Z")); // 20:10:30.781 on the grid
        assertThat(r.series().timeAt(2)).isEqualTo(Instant.parse("2015-07-01T20:11:00Z"));
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);

        ImportResult node = TrafficImporter.read(file, ImportOptions.inZone(UTC)
                .withSeries(List.of("up{instance=\"localhost:9091\",job=\"node\"}")));
        assertThat(node.series().values()).containsExactly(0, 0, 1);
        assertThat(TrafficImporter.read(file, ImportOptions.inZone(UTC).withSeries(List.of("job=\"node\"")))
                .series().values()).as("a part of the name that fits one series").containsExactly(0, 0, 1);
        ImportResult sum = TrafficImporter.read(file, ImportOptions.inZone(UTC).withSum(true));
        assertThat(sum.series().values()).containsExactly(1, 1, 2);
    }

    @Test
    void cloudWatchStatisticsUnsorted() throws Exception {
        Path file = data("formats", "aws_cloudwatch_get_metric_statistics.json");
        ImportResult r = TrafficImporter.read(file, ImportOptions.inZone(UTC));
        assertThat(r.source().format()).isEqualTo("cloudwatch");
        assertThat(r.series().name()).isEqualTo("CPUUtilization Maximum");
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
        assertThat(r.details().kindReason()).isEqualTo("CloudWatch statistic Maximum");
        assertThat(r.source().rowsRead()).isEqualTo(21);
        assertThat(r.series().size()).isEqualTo(21);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2014-02-18T23:00:00Z")); // 23:18 snapped to the hour
        assertThat(r.series().valueAt(0)).isEqualTo(0.67000000000000004);
        assertThat(r.series().valueAt(4)).isEqualTo(99.670000000000002); // 03:18, out of order in the file
        assertThat(r.series().valueAt(20)).isEqualTo(8.0);
        assertThat(r.series().timeAt(20)).isEqualTo(Instant.parse("2014-02-19T19:00:00Z"));
    }

    @Test
    void datadogPointlistInMilliseconds() throws Exception {
        ImportResult r = TrafficImporter.read(data("formats", "datadog_v1_query_response.json"),
                ImportOptions.inZone(UTC));
        assertThat(r.source().format()).isEqualTo("datadog");
        assertThat(r.series().name()).isEqualTo("system.cpu.idle{*}");
        assertThat(r.series().size()).isEqualTo(288);
        assertThat(r.series().start()).isEqualTo(Instant.ofEpochMilli(1623846300000L));
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.series().valueAt(0)).isEqualTo(94.31900300343831);
        assertThat(r.series().valueAt(2)).isEqualTo(94.4046950785319);
        assertThat(r.series().timeAt(287)).isEqualTo(Instant.ofEpochMilli(1623932400000L));
        assertThat(r.series().missingCount()).isZero();
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
    }

    @Test
    void influxAnnotatedTablesWithDifferentColumns() throws Exception {
        Path plain = data("formats", "influxdb_flux_annotated.csv");
        ImportResult r = TrafficImporter.read(plain, ImportOptions.inZone(UTC).withSeries(List.of("system load1 host=host.local")));
        assertThat(r.source().format()).isEqualTo("influx");
        assertThat(r.details().available()).containsExactly("swap used_percent host=host.local",
                "system load1 host=host.local", "system load15 host=host.local", "system load5 host=host.local");
        assertThat(r.series().values()).containsExactly(1.83, 1.7, 1.74, 1.63, 1.91, 1.84);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2018-05-22T19:53:26Z"));
        assertThat(r.series().step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.series().timeAt(5)).isEqualTo(Instant.parse("2018-05-22T19:54:16Z"));

        Path pivoted = data("formats", "influxdb_flux_annotated_multitable_pivoted.csv");
        ImportResult p = TrafficImporter.read(pivoted, ImportOptions.inZone(UTC).withSeries(List.of("system load1 host=host.local")));
        assertThat(p.details().available()).isEqualTo(r.details().available());
        assertThat(p.series().values()).containsExactly(1.83, 1.7, 1.74, 1.63, 1.91, 1.84);
        ImportResult byPart = TrafficImporter.read(pivoted, ImportOptions.inZone(UTC).withSeries(List.of("load15")));
        assertThat(byPart.series().name()).isEqualTo("system load15 host=host.local");
        assertThat(byPart.series().valueAt(0)).isEqualTo(1.98);
        assertThat(byPart.source().rowsRead()).isEqualTo(byPart.source().rowsUsed() + byPart.source().rowsSkipped());
        assertThatThrownBy(() -> TrafficImporter.read(pivoted, ImportOptions.inZone(UTC).withSeries(List.of("load"))))
                .hasMessage("influxdb_flux_annotated_multitable_pivoted.csv: 'load' matches several series: system"
                        + " load1 host=host.local, system load15 host=host.local, system load5 host=host.local; give"
                        + " the whole name");
        ImportResult swap = TrafficImporter.read(pivoted, ImportOptions.inZone(UTC));
        assertThat(swap.series().valueAt(0)).isEqualTo(82.9833984375);
        assertThat(swap.series().size()).isEqualTo(6);
    }

    @Test
    void grafanaSeriesAsColumnsAndAsRowsGiveTheSameSeries() throws Exception {
        Path columns = data("formats", "grafana3_export_series_as_columns_pr4041.csv");
        Path rows = data("formats", "grafana3_export_series_as_rows_pr4041.csv");
        for (String series : List.of("valA", "valB")) {
            ImportOptions options = ImportOptions.inZone(UTC).withSeries(List.of(series));
            ImportResult c = TrafficImporter.read(columns, options);
            ImportResult r = TrafficImporter.read(rows, options);
            assertThat(c.source().format()).isEqualTo("grafana");
            assertThat(r.source().format()).isEqualTo("grafana");
            assertThat(c.series().size()).isEqualTo(8);
            assertThat(c.series().start()).isEqualTo(Instant.parse("2015-06-11T11:50:00Z"));
            assertThat(c.series().timeAt(7)).isEqualTo(Instant.parse("2015-06-11T11:57:00Z"));
            assertThat(r.series().timeAt(7)).isEqualTo(Instant.parse("2015-06-11T11:57:00Z"));
            assertThat(c.series().values()).containsExactly(r.series().values());
        }
        assertThat(TrafficImporter.read(columns, ImportOptions.inZone(UTC)).series().values())
                .containsExactly(1.1, 1.2, 1.2, 1.1, 1.11, 1.13, 1.13, 0.8);
    }

    /** The file's data lines, split on the comma, quotes removed (these files quote no commas). */
    private static List<String[]> dataLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String[] f = lines[i].replace("\"", "").split(",", -1);
                rows.add(new String[] {f[0].trim(), f[1].trim()});
            }
        }
        return rows;
    }

    /** Looks values up by their time on the series' grid. */
    private static final class TrafficSeries {
        private final org.lowtide.traffic.TrafficSeries series;

        TrafficSeries(ImportResult r) {
            this.series = r.series();
        }

        double at(Instant t) {
            long index = Math.round((double) Duration.between(series.start(), t).toMillis() / series.step().toMillis());
            return series.valueAt((int) index);
        }
    }

    @Test
    void dataFolderMatchesTheListAbove() throws IOException {
        Path dir = data("traffic", ".");
        try (Stream<Path> files = Files.list(dir.getParent())) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> covered = new ArrayList<>();
            trafficFiles().forEach(a -> covered.add((String) a.get()[0]));
            covered.add("prophet_air_passengers_monthly_cr_line_endings.csv");
            assertThat(covered).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    // ---------------------------------------------------------------- tables/ (issue 13): no flag but the zone

    @Test
    void seoulBikeRentalsReadAsOneHourlySeriesWithItsTextColumnsAsAttributes() throws Exception {
        ImportResult r = TrafficImporter.read(data("tables", "uci_seoul_bike_rentals_hourly_date_and_hour_columns.csv"),
                ImportOptions.inZone(ZoneId.of("Asia/Seoul")));

        // README: 8,760 rows, Dec 2017 → Nov 2018, Date dd/mm/yyyy + Hour 0–23, Asia/Seoul.
        assertThat(r.source().rowsRead()).isEqualTo(8_760);
        assertThat(r.source().rowsUsed()).isEqualTo(8_760);
        assertThat(r.source().rowsMerged()).isZero();
        assertThat(r.source().rowsSkipped()).isZero();
        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().size()).isEqualTo(8_760);
        assertThat(r.series().missingCount()).isZero();
        assertThat(r.series().start()).isEqualTo(LocalDateTime.parse("2017-12-01T00:00")
                .atZone(ZoneId.of("Asia/Seoul")).toInstant());
        assertThat(r.series().end()).isEqualTo(LocalDateTime.parse("2018-12-01T00:00")
                .atZone(ZoneId.of("Asia/Seoul")).toInstant());
        assertThat(r.series().name()).isEqualTo("Rented Bike Count");
        assertThat(r.series().valueAt(0)).isEqualTo(254); // line 2
        assertThat(r.series().valueAt(8_759)).isEqualTo(584); // the last line
        double total = 0;
        for (int i = 0; i < r.series().size(); i++) {
            total += r.series().valueAt(i);
        }
        assertThat(total).isEqualTo(6_172_314); // the column's sum, read independently with Python's csv module
        assertThat(r.source().timeColumn()).isEqualTo("Date + Hour");
        assertThat(r.details().dateOrder()).contains(DateOrder.DMY);
        assertThat(r.details().kind()).isEqualTo(MetricKind.COUNT);
        assertThat(r.details().columnRoles()).filteredOn(c -> c.role() == ColumnRole.Role.ATTRIBUTE)
                .extracting(ColumnRole::name).containsExactly("Seasons", "Holiday", "Functioning Day");
        assertThat(r.details().columnRoles()).noneMatch(c -> c.role() == ColumnRole.Role.SERIES_KEY);
        assertThat(r.warnings()).noneMatch(w -> w.message().contains("series are told apart"));
    }

    @Test
    void beijingPm25ReadFromYearMonthDayHourColumnsWithNaMissing() throws Exception {
        ImportResult r = TrafficImporter.read(data("tables", "uci_beijing_pm25_year_month_day_hour_columns.csv"),
                ImportOptions.inZone(ZoneId.of("Asia/Shanghai")));

        // README: 43,824 rows, 2010 → 2014, time in year/month/day/hour, 2,067 NA in pm2.5, cbwd an attribute.
        assertThat(r.source().rowsRead()).isEqualTo(43_824);
        assertThat(r.source().rowsSkipped()).isEqualTo(2_067);
        assertThat(r.source().rowsUsed()).isEqualTo(43_824 - 2_067);
        assertThat(r.source().timeColumn()).isEqualTo("year + month + day + hour");
        assertThat(r.series().name()).isEqualTo("pm2.5");
        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        // The first 24 hours are NA, so the grid starts at the first value: 2010-01-02 00:00, value 129.
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(r.series().start()).isEqualTo(LocalDateTime.parse("2010-01-02T00:00").atZone(shanghai).toInstant());
        assertThat(r.series().end()).isEqualTo(LocalDateTime.parse("2015-01-01T00:00").atZone(shanghai).toInstant());
        assertThat(r.series().size()).isEqualTo(43_824 - 24);
        assertThat(r.series().missingCount()).isEqualTo(2_067 - 24);
        assertThat(r.series().valueAt(0)).isEqualTo(129);
        assertThat(r.series().valueAt(r.series().size() - 1)).isEqualTo(12);
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE); // a concentration, though written in whole numbers
        assertThat(r.details().columnRoles()).filteredOn(c -> c.role() == ColumnRole.Role.ATTRIBUTE)
                .extracting(ColumnRole::name).containsExactly("cbwd");
        assertThat(r.details().columnRoles()).filteredOn(c -> c.role() == ColumnRole.Role.IGNORED)
                .extracting(ColumnRole::name).containsExactly("No");
    }
}
