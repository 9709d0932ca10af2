package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * What the main window relies on when it opens a long file (issue 20, ten million points): the
 * progress only moves forward, through the reading of the file and then the analysis; a cancel
 * during the reading stops it there (the chart's thinning: {@code TrafficChartThinningTest}).
 * A 1-minute file above four weeks stands in for ten million rows (it is analysed
 * coarser, as they are).
 */
class LongSeriesProgressTest {

    @TempDir
    Path dir;

    /** 60,000 one-minute rows (1.6 MB): the reader reports progress every 256 kB. */
    private Path minutes() throws IOException {
        Path file = dir.resolve("minutes.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,requests\n");
            Instant t = Instant.parse("2025-01-06T00:00:00Z");
            for (int i = 0; i < 60_000; i++) {
                double day = Math.sin(2 * Math.PI * (i % 1440) / 1440.0);
                w.write(t.plusSeconds(60L * i) + "," + Math.round(1000 + 600 * day + (i * 7919 % 97)) + "\n");
            }
        }
        return file;
    }

    private static AnalysisRequest request(Path file) {
        return new AnalysisRequest(new TrafficSource.FileSource(file), ImportOptions.inZone(ZoneOffset.UTC),
                Duration.ofHours(2), 3);
    }

    private record Step(double fraction, String message) {
    }

    @Test
    void progressMovesOnlyForwardThroughTheReadingAndTheAnalysis() throws Exception {
        List<Step> steps = new ArrayList<>();
        AnalysisResult r = new AnalysisService().analyze(request(minutes()),
                (f, m) -> steps.add(new Step(f, m)), Cancellation.NEVER);

        assertThat(r.coarserNote()).as("analysed coarser, as ten million points are").isPresent();
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).fraction()).as("step %d %s after %s", i, steps.get(i), steps.get(i - 1))
                    .isGreaterThanOrEqualTo(steps.get(i - 1).fraction());
        }
        long whileReading = steps.stream().filter(s -> s.fraction() > 0 && s.fraction() < AnalysisService.IMPORT_SHARE
                && s.message().startsWith("Reading")).count();
        assertThat(whileReading).as("progress reported during the read: %s", steps).isGreaterThanOrEqualTo(3);
        assertThat(steps.get(steps.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void aCancelDuringTheReadingStopsBeforeTheAnalysis() throws Exception {
        List<Step> steps = new ArrayList<>();
        boolean[] cancelled = {false};
        ProgressListener listener = (f, m) -> {
            steps.add(new Step(f, m));
            if (f > 0.1) {
                cancelled[0] = true; // the user presses Cancel once the bar moved
            }
        };

        assertThatThrownBy(() -> new AnalysisService().analyze(request(minutes()), listener, () -> cancelled[0]))
                .isInstanceOf(CancelledException.class);
        assertThat(steps).allSatisfy(s -> assertThat(s.message()).startsWith("Reading"));
        assertThat(steps.get(steps.size() - 1).fraction()).isLessThan(AnalysisService.IMPORT_SHARE);
    }
}
