package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 5 (and 18): a plan on three days of data warns, in its text and its JSON, as analyze does. */
class PlanEvidenceTest {

    @TempDir
    Path dir;

    @Test
    void aPlanOnThreeDaysOfDataCarriesTheThinEvidenceWarning() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 72; i++, t = t.plusHours(1)) {
            csv.append(t.toOffsetDateTime()).append(',').append(t.getHour() < 6 ? 100 : 1000 + i).append('\n');
        }
        Path file = dir.resolve("three-days.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        String[] common = {"plan", file.toString(), "--zone", "UTC", "--from", "2025-01-13", "--to", "2025-01-20",
            "--by-traffic"};

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LowtideCli.run(new PrintWriter(out), new PrintWriter(err), common);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Warning: the recommended window rests on only 1 week of measured data")
                .contains("tentative");

        String[] json = java.util.Arrays.copyOf(common, common.length + 1);
        json[common.length] = "--json";
        out = new StringWriter();
        code = LowtideCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), json);
        assertThat(code).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.path("warnings").toString()).contains("rests on only 1 week of measured data");

        out = new StringWriter();
        LowtideCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "analyze", file.toString(),
                "--zone", "UTC", "--json");
        JsonNode analysed = new ObjectMapper().readTree(out.toString());
        assertThat(analysed.path("troughs").get(0).path("weeksOfData").asInt()).isEqualTo(1);
        assertThat(analysed.path("troughs").get(0).path("tentative").asBoolean()).isTrue();
        assertThat(analysed.path("warnings").toString()).contains("rests on only 1 week");
    }
}
