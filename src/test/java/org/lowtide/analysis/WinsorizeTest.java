package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PeriodDetector#winsorize} takes its median and MAD by selection (issue 17, wave 6): the
 * clipped series must equal, bit for bit, the one the two full sorts gave, with ties, signed zeros,
 * outliers and missing values.
 */
class WinsorizeTest {

    /** The version before: two sorts. */
    private static double[] bySorting(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double med = sorted[sorted.length / 2];
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - med);
        }
        Arrays.sort(dev);
        double limit = 4 * 1.4826 * dev[dev.length / 2];
        if (limit <= 0) {
            return x;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(med - limit, Math.min(med + limit, x[i]));
        }
        return x;
    }

    @Test
    void sameAsSortingBitForBit() {
        Random random = new Random(20);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(trial < 200 ? 30 : 5000);
            double[] x = new double[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                x[i] = switch (kind) {
                    case 0 -> random.nextGaussian();
                    case 1 -> random.nextInt(5) - 2;
                    case 2 -> random.nextBoolean() ? 0.0 : -0.0;
                    default -> random.nextDouble() < 0.02 ? 1e6 * random.nextGaussian() : random.nextGaussian();
                };
                if (trial % 7 == 0 && random.nextDouble() < 0.05) {
                    x[i] = Double.NaN;
                }
            }
            double[] expected = bySorting(x.clone());
            double[] actual = PeriodDetector.winsorize(x.clone());
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(actual[i])).as("trial %d, index %d", trial, i)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
            }
        }
    }
}
