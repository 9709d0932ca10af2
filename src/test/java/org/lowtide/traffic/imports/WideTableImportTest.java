package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables whose time is spread over several columns, whose text columns are attributes or series
 * keys, and whose rows repeat (issue 13). The fixtures are written by {@code tables/make_fixtures.py}
 * (values are simple functions of the row, so each expectation below can be read off the file).
 */
class WideTableImportTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Path fixture(String name) throws Exception {
        return Path.of(WideTableImportTest.class.getResource("tables/" + name).toURI());
    }

    private static ImportResult read(String name, ImportOptions options) throws Exception {
        return TrafficImporter.read(fixture(name), options);
    }

    private static ImportResult read(String name) throws Exception {
        return read(name, ImportOptions.inZone(UTC));
    }

    private static ColumnRole.Role role(ImportResult r, String column) {
        return r.details().columnRoles().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow()
                .role();
    }

    @Test
    void dateColumnWithHourWrittenAsHhMmInAnotherPosition() throws Exception {
        ImportResult r = read("date_and_hhmm_hour.csv");

        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
        assertThat(r.series().end()).isEqualTo(Instant.parse("2025-03-13T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(72);
        assertThat(r.series().missingCount()).isZero();
        assertThat(r.series().valueAt(0)).isEqualTo(1000);
        assertThat(r.series().valueAt(71)).isEqualTo(1223);
        assertThat(r.source().timeColumn()).isEqualTo("date + hour");
        assertThat(r.source().rowsMerged()).isZero();
        assertThat(role(r, "station")).isEqualTo(ColumnRole.Role.ATTRIBUTE);
        assertThat(role(r, "hour")).isEqualTo(ColumnRole.Role.TIME);
        assertThat(role(r, "visits")).isEqualTo(ColumnRole.Role.VALUE);
    }

    @Test
    void usDateAndTwelveHourTimeColumnsWithALoadInMegawattsAveraged() throws Exception {
        ImportResult r = read("us_date_and_ampm_time_load_mw.csv");

        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-07-14T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(48);
        assertThat(r.series().valueAt(0)).isEqualTo(5000);
        assertThat(r.series().valueAt(13)).isEqualTo(5013); // 1:00 PM
        assertThat(r.series().valueAt(47)).isEqualTo(5123);
        assertThat(r.details().kind()).isEqualTo(MetricKind.GAUGE);
        assertThat(r.details().kindReason()).contains("'mw'");
    }

    @Test
    void yearMonthDayHourMinuteColumnsSemicolonSeparated() throws Exception {
        ImportResult r = read("year_month_day_hour_minute.csv");

        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(15));
        assertThat(r.series().start()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(r.series().end()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(96);
        assertThat(r.series().valueAt(0)).isEqualTo(0);
        assertThat(r.series().valueAt(95)).isEqualTo(190);
        assertThat(r.source().timeColumn()).isEqualTo("Year + Month + Day + Hour + Minute");
    }

    @Test
    void yearMonthDayAndHoursOneToTwentyFour() throws Exception {
        ImportResult r = read("year_month_day_hour_ending.csv");

        assertThat(r.series().start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(r.series().size()).isEqualTo(48);
        assertThat(r.series().missingCount()).isZero();
        assertThat(r.series().valueAt(0)).isEqualTo(1); // hour 1 is 00:00–01:00
        assertThat(r.series().valueAt(23)).isEqualTo(24);
        assertThat(r.series().valueAt(47)).isEqualTo(124);
        assertThat(r.warnings()).contains(ImportWarning.ofFile("column 'hour' counts hours 1 to 24: read as the hour"
                + " ending, so hour 1 is 00:00–01:00"));
    }

    @Test
    void aLongExportSplitsIntoSeriesByItsKeyAndKeepsTheOtherTextAsAnAttribute() throws Exception {
        ImportResult r = read("tidy_three_regions.csv");

        assertThat(r.details().available()).containsExactly("eu", "us", "ap");
        assertThat(r.series().name()).isEqualTo("eu");
        assertThat(r.series().size()).isEqualTo(24);
        assertThat(r.series().valueAt(0)).isEqualTo(1000);
        assertThat(r.series().valueAt(23)).isEqualTo(1023);
        assertThat(role(r, "region")).isEqualTo(ColumnRole.Role.SERIES_KEY);
        assertThat(role(r, "status")).isEqualTo(ColumnRole.Role.ATTRIBUTE);
        // Two thirds of the rows are other regions': the first warning says so, with the numbers and the way out.
        assertThat(r.warnings().get(0).message()).startsWith("only 24 of 72 rows (33 %) are used: the text columns"
                + " region split the file into 3 series").contains("--no-labels");
    }

    @Test
    void aLongExportReadWithNoLabelsMergesAndTheFirstWarningSuggestsTheKey() throws Exception {
        ImportResult r = read("tidy_three_regions.csv",
                ImportOptions.inZone(UTC).withColumns(ColumnRoles.DETECT.withNoLabels()));

        assertThat(r.series().size()).isEqualTo(24);
        assertThat(r.series().valueAt(0)).isEqualTo(1000 + 2000 + 3000);
        assertThat(r.source().rowsMerged()).isEqualTo(48);
        assertThat(r.warnings().get(0).message()).isEqualTo("48 of 72 rows (67 %) share a step with another row and"
                + " were merged into it; if region, status name series, give --label-column region");
    }

    @Test
    void labelColumnByHandMakesAnAttributeAKey() throws Exception {
        ImportResult r = read("repeated_rows_differing_in_attributes.csv",
                ImportOptions.inZone(UTC).withColumns(ColumnRoles.DETECT.withLabelColumns(List.of("holiday"))));

        assertThat(r.details().available()).containsExactly("Christmas Eve", "Holiday season", "Christmas Day");
        assertThat(r.series().name()).isEqualTo("Christmas Eve");
        assertThat(r.series().size()).isEqualTo(24);
    }

    @Test
    void rowsRepeatingTimestampAndValueThatDifferOnlyInAttributesAreKeptOnce() throws Exception {
        ImportResult r = read("repeated_rows_differing_in_attributes.csv");

        assertThat(r.source().rowsRead()).isEqualTo(50);
        assertThat(r.source().rowsUsed()).isEqualTo(48);
        assertThat(r.source().rowsMerged()).isEqualTo(2);
        assertThat(r.series().size()).isEqualTo(48);
        assertThat(r.series().valueAt(5)).isEqualTo(105); // not 210
        assertThat(r.series().valueAt(17)).isEqualTo(117);
        assertThat(r.series().valueAt(47)).isEqualTo(147);
        assertThat(r.warnings()).contains(new ImportWarning(8, 0, "2 rows repeat the timestamp and value of another"
                + " row and differ only in holiday: kept once, not added up (the first is on this line)"));
        assertThat(role(r, "holiday")).isEqualTo(ColumnRole.Role.ATTRIBUTE);
    }

    @Test
    void twelveHourClockMeansMonthFirstWhenEveryDateFitsBoth() throws Exception {
        ImportResult r = read("us_ampm_one_day_nanoseconds.csv");

        assertThat(r.details().dateOrder()).contains(DateOrder.MDY);
        assertThat(r.series().step()).isEqualTo(Duration.ofMinutes(30));
        assertThat(r.series().size()).isEqualTo(48);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2017-11-06T00:00:00Z")); // the grid is aligned
        assertThat(r.series().valueAt(0)).isEqualTo(1);
        assertThat(r.series().valueAt(47)).isEqualTo(48);
        assertThat(r.warnings()).anyMatch(w -> w.message().contains("read as month/day/year because the times use"
                + " AM/PM"));
    }

    @Test
    void aDayFirstDateFurtherDownOutweighsAmPm() throws Exception {
        StringBuilder csv = new StringBuilder("Timestamp,Value\n");
        for (int d = 1; d <= 14; d++) {
            csv.append(String.format("%02d/06/2017 1:00 PM,%d%n", d, d));
        }
        ImportResult r = TrafficImporter.read(new java.io.StringReader(csv.toString()), "t.csv",
                ImportOptions.inZone(UTC));

        assertThat(r.details().dateOrder()).contains(DateOrder.DMY);
        assertThat(r.series().start()).isEqualTo(Instant.parse("2017-06-01T13:00:00Z"));
        assertThat(r.series().size()).isEqualTo(14);
    }

    @Test
    void aColumnCyclingThroughTheHoursBesideARepeatedDateIsTheHour() throws Exception {
        ImportResult r = read("date_and_cycling_slot.csv");

        assertThat(r.source().timeColumn()).isEqualTo("date + slot");
        assertThat(r.series().step()).isEqualTo(Duration.ofHours(1));
        assertThat(r.series().size()).isEqualTo(96);
        assertThat(r.series().valueAt(0)).isEqualTo(0);
        assertThat(r.series().valueAt(95)).isEqualTo(95);
    }

    @Test
    void timeColumnsByHandGiveTheSameAsDetection() throws Exception {
        ImportResult r = read("date_and_cycling_slot.csv", ImportOptions.inZone(UTC)
                .withColumns(ColumnRoles.DETECT.withTimeColumns(List.of("date", "slot"))).withColumn("sales"));

        assertThat(r.series().size()).isEqualTo(96);
        assertThat(r.series().valueAt(95)).isEqualTo(95);
        ImportResult parts = read("year_month_day_hour_ending.csv", ImportOptions.inZone(UTC)
                .withColumns(ColumnRoles.DETECT.withTimeColumns(List.of("year", "month", "day", "hour"))));
        assertThat(parts.series().valueAt(0)).isEqualTo(1);
        assertThat(parts.series().size()).isEqualTo(48);
    }

    @Test
    void unknownTimeOrLabelColumnIsRefusedNamingTheColumns() {
        assertThatThrownBy(() -> read("date_and_cycling_slot.csv", ImportOptions.inZone(UTC)
                .withColumns(ColumnRoles.DETECT.withTimeColumns(List.of("date", "hour")))))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no column named 'hour' for the time; columns are date, sales, slot");
        assertThatThrownBy(() -> read("date_and_cycling_slot.csv", ImportOptions.inZone(UTC)
                .withColumns(ColumnRoles.DETECT.withLabelColumns(List.of("region")))))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no column named 'region' to name series");
    }

    @Test
    void aDateRepeatedWithoutAnHourSaysFirstThatMostRowsWereMerged() throws Exception {
        ImportResult r = read("date_repeated_without_hour.csv");

        assertThat(r.series().step()).isEqualTo(Duration.ofDays(1));
        assertThat(r.series().size()).isEqualTo(5);
        assertThat(r.series().valueAt(0)).isEqualTo(162); // the day's 24 rows summed: sum of (7h mod 13) + 1
        assertThat(r.source().rowsMerged()).isEqualTo(115);
        assertThat(r.warnings().get(0).message()).startsWith("115 of 120 rows (96 %) share a step with another row")
                .contains("--time-column");
    }

    @Test
    void aRunningTotalWithANeutralNameIsACount() throws Exception {
        ImportResult r = read("monotonic_counter.csv");

        assertThat(r.details().kind()).isEqualTo(MetricKind.COUNT);
        assertThat(r.details().kindReason()).isEqualTo("values only ever grow (a monotonic counter, a count)");
    }
}
