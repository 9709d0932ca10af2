package org.lowtide.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.imports.PointSeriesImport;

/** The spill's round trip: every point back bit for bit, in order; closed, nothing is left. */
class SeriesSpillTest {

    private static final Duration STEP = Duration.ofSeconds(15);

    @TempDir
    Path root;

    private static PointSeriesImport.Points points(String name, long first, int from, double[] values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + (from + i) * STEP.toMillis();
        }
        return new PointSeriesImport.Points(name, t, values, values.length, Optional.empty(), "");
    }

    @Test
    void pointsAppendedInChunksComeBackBitForBitInOrder() throws Exception {
        Random random = new Random(17);
        long first = 1_735_689_600_000L;
        double[][] chunks = new double[5][];
        try (SeriesSpill spill = SeriesSpill.create(root, STEP)) {
            int at = 0;
            for (int c = 0; c < chunks.length; c++) {
                chunks[c] = new double[100 + c];
                for (int i = 0; i < chunks[c].length; i++) {
                    chunks[c][i] = switch (i % 7) {
                        case 0 -> Double.NaN;
                        case 1 -> -0.0;
                        case 2 -> Double.MIN_VALUE;
                        case 3 -> Double.MAX_VALUE;
                        default -> random.nextGaussian() * 1e6;
                    };
                }
                spill.append("a", points("a", first, at, chunks[c]));
                // another series interleaved, starting a step before the first one's second chunk
                spill.append("b", points("b", first, at - 1, new double[] {c, c + 0.5}));
                at += chunks[c].length;
            }
            PointSeriesImport.Points back = spill.read("a", Optional.of(MetricKind.COUNT), "stated");
            assertThat(back.size()).isEqualTo(at);
            assertThat(back.kind()).contains(MetricKind.COUNT);
            assertThat(back.kindReason()).isEqualTo("stated");
            int i = 0;
            for (double[] chunk : chunks) {
                for (double v : chunk) {
                    assertThat(Double.doubleToRawLongBits(back.values()[i])).as("point " + i)
                            .isEqualTo(Double.doubleToRawLongBits(v));
                    assertThat(back.epochMillis()[i]).isEqualTo(first + i * STEP.toMillis());
                    i++;
                }
            }
            PointSeriesImport.Points b = spill.read("b", Optional.empty(), "");
            assertThat(b.size()).isEqualTo(10);
            assertThat(b.epochMillis()[0]).isEqualTo(first - STEP.toMillis());
            assertThat(b.values()[9]).isEqualTo(4.5);
            assertThat(spill.bytes()).isEqualTo((long) (at + 10) * SeriesSpill.POINT_BYTES);
            assertThat(spill.read("none", Optional.empty(), "").size()).isZero();
        }
    }

    @Test
    void closedItLeavesNothingBehindAndSaysSoWhenReadAgain() throws Exception {
        SeriesSpill spill = SeriesSpill.create(root, STEP);
        spill.append("a", points("a", 0, 0, new double[] {1, 2, 3}));
        assertThat(Files.list(root)).hasSize(1);
        spill.close();
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> spill.read("a", Optional.empty(), "")).isInstanceOf(IOException.class)
                .hasMessageContaining("deleted when its run ended");
        spill.close(); // twice is harmless
    }

    @Test
    void aPointOffTheStepGridIsRefused() throws Exception {
        try (SeriesSpill spill = SeriesSpill.create(root, STEP)) {
            spill.append("a", points("a", 0, 0, new double[] {1}));
            PointSeriesImport.Points off = new PointSeriesImport.Points("a", new long[] {7_000}, new double[] {1}, 1,
                    Optional.empty(), "");
            assertThatThrownBy(() -> spill.append("a", off)).isInstanceOf(IOException.class)
                    .hasMessageContaining("off the query's step grid");
        }
    }
}
