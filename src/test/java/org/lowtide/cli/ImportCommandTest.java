package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lowtide import FILE --describe [--json]} and the import options of {@code analyze}. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path twoColumns() throws Exception {
        Path file = dir.resolve("two.csv");
        Files.writeString(file, "time;web;api\n"
                + "01.02.2025 00:00;1200;10\n01.02.2025 01:00;1300;20\n01.02.2025 01:00;5;1\n"
                + "01.02.2025 03:00;1500;40\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void describeInWordsNamesFormatSeriesRowsGridAndWarnings() throws Exception {
        CliRun r = run("import", twoColumns().toString(), "--describe", "--zone", "Europe/Berlin");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(String.join(System.lineSeparator(),
                "two.csv",
                "  format     delimited text, ';'-separated, header on line 1, UTF-8 [csv]",
                "  columns    time, web, api",
                "  time       time: dd.MM.yyyy HH:mm (local time in Europe/Berlin)",
                "  dates      day.month.year (dates written with dots are day first)",
                ""));
        assertThat(r.out()).contains("  series     web — count (every value is a whole number); values on one step summed");
        assertThat(r.out()).contains("  also       api (choose with --series NAME, or add up with --sum)");
        assertThat(r.out()).contains("  rows       4 read = 3 used + 1 merged + 0 skipped");
        assertThat(r.out()).contains("  grid       2025-01-31T23:00:00Z to 2025-02-01T03:00:00Z, every hour: 4 points,"
                + " 1 missing in 1 gap, zone Europe/Berlin");
        assertThat(r.out()).contains("  line 4: same timestamp as line 3; summed (count)");
    }

    @Test
    void describeAsJsonFollowsTheContract() throws Exception {
        CliRun r = run("import", twoColumns().toString(), "--describe", "--json", "--zone", "UTC", "--series", "api");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("format").asText()).isEqualTo("csv");
        assertThat(json.path("columns").toString()).isEqualTo("[\"time\",\"web\",\"api\"]");
        assertThat(json.path("rows").toString()).isEqualTo("{\"read\":4,\"used\":3,\"merged\":1,\"skipped\":0}");
        JsonNode series = json.path("series");
        assertThat(series.path("name").asText()).isEqualTo("api");
        assertThat(series.path("start").asText()).isEqualTo("2025-02-01T00:00:00Z");
        assertThat(series.path("end").asText()).isEqualTo("2025-02-01T04:00:00Z");
        assertThat(series.path("step").asText()).isEqualTo("PT1H");
        assertThat(series.path("points").asInt()).isEqualTo(4);
        assertThat(series.path("missing").asInt()).isEqualTo(1);
        assertThat(series.path("zone").asText()).isEqualTo("UTC");
        assertThat(series.path("kind").asText()).isEqualTo("count");
        assertThat(series.path("aggregation").asText()).isEqualTo("sum");
        assertThat(json.path("available").toString()).isEqualTo("[\"web\",\"api\"]");
        assertThat(json.path("selected").toString()).isEqualTo("[\"api\"]");
        assertThat(json.path("dateOrder").asText()).isEqualTo("dmy");
        JsonNode first = json.path("warnings").get(0);
        assertThat(first.path("line").asInt()).isEqualTo(4);
        assertThat(first.path("message").asText()).isEqualTo("same timestamp as line 3; summed (count)");
    }

    @Test
    void sumAddsTheColumnsUp() throws Exception {
        CliRun r = run("import", twoColumns().toString(), "--json", "--zone", "UTC", "--sum");

        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("series").path("name").asText()).isEqualTo("web + api");
        assertThat(json.path("selected").toString()).isEqualTo("[\"web\",\"api\"]");
    }

    @Test
    void badInputExitsFourWithFileLineAndColumn() throws Exception {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "timestamp,value\n2025-01-01T00:00:00Z,1\n2025-01-01T01:00:00Z,2\nyesterday,3\n");

        CliRun r = run("import", file.toString(), "--describe");

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).isEqualTo("lowtide: broken.csv: line 4, column 1: cannot read 'yesterday' as a timestamp;"
                + " expected yyyy-MM-dd'T'HH:mm:ssZ as from line 2" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionValuesAreUsageErrors() throws Exception {
        Path file = twoColumns();
        assertThat(run("import", file.toString(), "--format", "excel").code()).isEqualTo(LowtideCli.EXIT_USAGE);
        CliRun order = run("import", file.toString(), "--date-order", "dym");
        assertThat(order.code()).isEqualTo(LowtideCli.EXIT_USAGE);
        assertThat(order.err()).contains("'dym' is not a date order; use dmy, mdy or ymd");
    }

    @Test
    void analyzeTakesTheImportOptions() throws Exception {
        CliRun r = run("analyze", twoColumns().toString(), "--zone", "UTC", "--format", "csv", "--series", "api",
                "--date-order", "dmy", "--kind", "gauge", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("series").path("name").asText()).isEqualTo("api");
        assertThat(json.path("warnings").toString()).contains("same timestamp as line 3; averaged (gauge)");
    }

    @Test
    void theUsersFileIsNeverWritten() throws Exception {
        Path file = twoColumns();
        byte[] before = Files.readAllBytes(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        run("import", file.toString(), "--describe");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    private Path tidy() throws Exception {
        Path file = dir.resolve("tidy.csv");
        StringBuilder csv = new StringBuilder("day,hr,region,note,load\n");
        for (int h = 0; h < 24; h++) {
            for (String region : new String[] {"eu", "us", "ap"}) {
                csv.append("2025-05-01,").append(h).append(',').append(region).append(',')
                        .append(h % 5 == 0 ? "peak" : "normal").append(',').append(region.charAt(0) * 100 + h)
                        .append('\n');
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void columnRolesByHandAndInTheDescription() throws Exception {
        CliRun auto = run("import", tidy().toString(), "--zone", "UTC");
        assertThat(auto.code()).as(auto.err()).isZero();
        assertThat(auto.out()).contains("  roles      time day (date), hr (time of day); value load; series key region;"
                + " attribute note");

        CliRun byHand = run("import", tidy().toString(), "--zone", "UTC", "--time-column", "day", "--time-column", "hr",
                "--value-column", "load", "--no-labels", "--json");
        assertThat(byHand.code()).as(byHand.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(byHand.out());
        assertThat(json.path("rows").path("merged").asLong()).isEqualTo(48);
        assertThat(json.path("columnRoles").get(2).toString())
                .isEqualTo("{\"name\":\"region\",\"role\":\"attribute\",\"detail\":\"\"}");
        assertThat(json.path("warnings").get(0).path("message").asText())
                .isEqualTo("48 of 72 rows (67 %) share a step with another row and were merged into it; if region,"
                        + " note name series, give --label-column region");

        CliRun both = run("import", tidy().toString(), "--no-labels", "--label-column", "region");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--no-labels and --label-column exclude each other");

        CliRun missing = run("import", tidy().toString(), "--time-column", "date");
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.err()).contains("no column named 'date' for the time; columns are day, hr, region, note, load");
    }
}
