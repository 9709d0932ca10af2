package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class QuantilesTest {

    private static final double[] X = {1, 3, 4, 7, 10, 15, 22, 30};

    /**
     * numpy 2.4.6 {@code np.quantile(x, p)} (method "linear", Hyndman and Fan type 7, as R's
     * {@code quantile(x, p, type = 7)}), x = 1, 3, 4, 7, 10, 15, 22, 30; agreement to 1e-12.
     */
    @Test
    void typeSevenMatchesNumpyAndR() {
        double[] p = {0, 0.025, 0.1, 0.25, 0.5, 0.9, 0.975, 0.99, 1};
        double[] expected = {1.0, 1.35, 2.4000000000000004, 3.75, 8.5, 24.4, 28.6, 29.439999999999998, 30.0};
        for (int i = 0; i < p.length; i++) {
            assertThat(Quantiles.type7(X, p[i])).as("p = %s", p[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void aRangeAndARankFunctionGiveTheSameAsTheArray() {
        double[] padded = new double[X.length + 3];
        System.arraycopy(X, 0, padded, 2, X.length);
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            assertThat(Quantiles.type7(padded, 2, X.length, p)).isEqualTo(Quantiles.type7(X, p));
            assertThat(Quantiles.type7(i -> X[i], X.length, p)).isEqualTo(Quantiles.type7(X, p));
        }
    }

    @Test
    void missingValuesAndBadProbabilitiesAreRefusedAndNoValuesGiveNaN() {
        assertThat(Quantiles.type7(new double[0], 0.5)).isNaN();
        assertThat(Quantiles.inverseEcdf(new double[0], 0.5)).isNaN();
        double[] withNaN = {3, 1, Double.NaN};
        Arrays.sort(withNaN);
        assertThatThrownBy(() -> Quantiles.type7(withNaN, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Quantiles.type7(X, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.type7(X, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Sampling by the inverse ECDF draws every value with probability 1/n: its integral over p is the mean. */
    @RepeatedTest(5)
    void inverseEcdfIntegratesToTheMean(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(17 + repetition.getCurrentRepetition());
        double[] v = random.doubles(1 + random.nextInt(50), 0, 100).toArray();
        Arrays.sort(v);
        int steps = v.length * 1000;
        double integral = 0;
        for (int k = 0; k < steps; k++) {
            integral += Quantiles.inverseEcdf(v, (k + 0.5) / steps);
        }
        assertThat(integral / steps).isCloseTo(Arrays.stream(v).average().orElseThrow(), within(1e-9));
        assertThat(Quantiles.inverseEcdf(v, 1.0)).isEqualTo(v[v.length - 1]);
        assertThat(Quantiles.inverseEcdf(v, 0.0)).isEqualTo(v[0]);
    }
}
