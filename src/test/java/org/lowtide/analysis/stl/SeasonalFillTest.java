package org.lowtide.analysis.stl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeasonalFillTest {

    private static double truth(int t) {
        return 100 + 0.05 * t + 60 * Math.sin(2 * Math.PI * t / 24) + ((t / 24) % 7 >= 5 ? -30 : 0);
    }

    @Test
    void aMissingDayIsFilledWithItsDailyShapeNotAStraightLine() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 6 * 168;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = truth(t) + r.nextGaussian();
        }
        int from = 3 * 168 + 2 * 24; // a Wednesday
        for (int t = from; t < from + 24; t++) {
            y[t] = Double.NaN;
        }
        double[] filled = SeasonalFill.fill(y, 24, 168);
        double[] linear = SeasonalFill.linear(y);
        double seasonalError = 0;
        double linearError = 0;
        for (int t = from; t < from + 24; t++) {
            seasonalError = Math.max(seasonalError, Math.abs(filled[t] - truth(t)));
            linearError = Math.max(linearError, Math.abs(linear[t] - truth(t)));
        }
        assertThat(seasonalError).isLessThan(5);
        assertThat(linearError).isGreaterThan(40);
        // Measured values stay as they were.
        assertThat(filled[from - 1]).isEqualTo(y[from - 1]);
        assertThat(y[from]).isNaN();
    }

    @Test
    void withoutAUsablePeriodTheFillIsLinearAndEndsRepeat() {
        double[] y = {Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN};
        assertThat(SeasonalFill.fill(y, 24)).containsExactly(1, 1, 2, 3, 4, 4);
    }

    @Test
    void aSeriesWithoutGapsComesBackUnchanged() {
        double[] y = {1, 2, 3};
        assertThat(SeasonalFill.fill(y, 2)).containsExactly(1, 2, 3);
    }
}
