package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.service.AnalysisService;

/**
 * Issue #14: a series too long for the memory is analysed on a coarser step, and every face says
 * so loudly: {@code analyze} on its second line and in the JSON warnings, {@code cost} and
 * {@code plan} among their warnings, and the recommendation's own warnings. The limit is lowered
 * through {@link AnalysisService#MAX_POINTS_PROPERTY} so that three weeks of 5-minute points
 * (6,048) stand in for ten million.
 */
class CoarserAnalysisIsSaidTest {

    static final String START = "analysed coarser than the data: 6,048 5-minute points are more than the 3,000 the "
            + "analysis holds in memory, so patterns, weekly profile, windows and plans use 15-minute totals "
            + "(2,016 points)";

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void write() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        Instant t = Instant.parse("2025-01-06T00:00:00Z");
        for (int i = 0; i < 3 * 7 * 288; i++) {
            csv.append(t.plusSeconds(300L * i)).append(',')
                    .append(Math.round(1000 + 800 * Math.sin(i * 2 * Math.PI / 288))).append('\n');
        }
        file = Files.writeString(dir.resolve("five-minutes.csv"), csv, StandardCharsets.UTF_8);
        System.setProperty(AnalysisService.MAX_POINTS_PROPERTY, "3000");
    }

    @AfterEach
    void reset() {
        System.clearProperty(AnalysisService.MAX_POINTS_PROPERTY);
    }

    @Test
    void analyzeSaysItFirstAndInTheJson() throws Exception {
        CliRun text = CliRun.of("analyze", file.toString(), "--zone", "UTC");
        assertThat(text.code()).as(text.err()).isZero();
        String[] lines = text.out().split("\n");
        assertThat(lines[1]).startsWith("Warning: " + START);
        assertThat(count(text.out(), START)).as("said once").isEqualTo(1);

        CliRun json = CliRun.of("analyze", file.toString(), "--zone", "UTC", "--json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(messages(root.get("warnings"))).anyMatch(m -> m.startsWith(START));
        assertThat(root.path("recommendation").path("warnings").get(0).asText()).startsWith(START);
    }

    @Test
    void costAndPlanSayItToo() {
        CliRun cost = CliRun.of("cost", file.toString(), "--zone", "UTC", "--simulations", "100");
        assertThat(cost.code()).as(cost.err()).isZero();
        assertThat(cost.out()).contains("Warnings:", "  " + START);
        CliRun plan = CliRun.of("plan", file.toString(), "--zone", "UTC", "--by-traffic");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Warning: " + START);
        assertThat(count(plan.out(), START)).as("said once").isEqualTo(1);
    }

    @Test
    void belowTheLimitNothingIsSaid() {
        System.setProperty(AnalysisService.MAX_POINTS_PROPERTY, "10000");
        CliRun text = CliRun.of("analyze", file.toString(), "--zone", "UTC");
        assertThat(text.out()).doesNotContain("coarser");
    }

    private static List<String> messages(JsonNode warnings) {
        List<String> out = new ArrayList<>();
        warnings.forEach(w -> out.add(w.path("message").asText()));
        return out;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
