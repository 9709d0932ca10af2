package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sorted sliding window of {@link RollingMedian#centred} against the plain version (a copy and
 * a selection per evaluation): the same doubles, bit for bit, on series with gaps, ties, runs of
 * one value, whole missing windows, windows longer than the series, and negative zeros.
 */
class RollingMedianTest {

    private static void same(double[] x, int window, int stride) {
        double[] fast = RollingMedian.centred(x, window, stride);
        double[] plain = RollingMedian.centredBySelection(x, window, stride);
        assertThat(fast).as("n %d, window %d, stride %d", x.length, window, stride).hasSize(plain.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(fast[i]))
                    .as("step %d of %d, window %d, stride %d: %s vs %s", i, x.length, window, stride, fast[i], plain[i])
                    .isEqualTo(Double.doubleToRawLongBits(plain[i]));
        }
    }

    @Test
    void sameAsSelectionOnRandomSeries() {
        Random random = new Random(17);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 40 : 3000);
            double[] x = new double[n];
            boolean ties = random.nextBoolean();
            double missing = random.nextInt(4) * 0.1;
            for (int i = 0; i < n; i++) {
                x[i] = ties ? random.nextInt(7) : 100 + 30 * Math.sin(i / 12.0) + random.nextGaussian() * 10;
                if (random.nextDouble() < missing) {
                    x[i] = Double.NaN;
                }
            }
            if (n > 50 && random.nextBoolean()) {
                int from = random.nextInt(n / 2);
                java.util.Arrays.fill(x, from, Math.min(n, from + random.nextInt(n / 2)), Double.NaN);
            }
            int window = 1 + random.nextInt(Math.max(1, trial % 3 == 0 ? 2 * n : Math.min(n, 600)));
            int stride = random.nextBoolean() ? Math.max(1, window / 16) : 1 + random.nextInt(Math.max(1, window));
            same(x, window, stride);
        }
    }

    @Test
    void sameAsSelectionOnAFiveMinuteYearWithTheDetectorsWindow() {
        Random random = new Random(5);
        double[] x = new double[105_120];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.rint(500 + 400 * Math.sin(2 * Math.PI * i / 288) + 50 * random.nextGaussian());
        }
        java.util.Arrays.fill(x, 30_000, 30_300, 0);
        java.util.Arrays.fill(x, 60_000, 60_100, Double.NaN);
        same(x, 2016, 126);
        same(x, 8064, 504);
    }

    @Test
    void allMissingAndNegativeZeros() {
        double[] empty = new double[50];
        java.util.Arrays.fill(empty, Double.NaN);
        same(empty, 10, 2);
        double[] zeros = {0.0, -0.0, 0.0, -0.0, 1, -0.0, 0.0, 2, -1};
        same(zeros, 3, 1);
        same(zeros, 4, 2);
    }
}
