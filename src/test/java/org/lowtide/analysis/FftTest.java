package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 64, 256})
    void matchesTheDefinitionOfTheDft(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextDouble(-1, 1);
            im[i] = random.nextDouble(-1, 1);
        }
        double[] r = re.clone();
        double[] m = im.clone();
        Fft.forward(r, m);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                sr += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                si += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
            assertThat(r[k]).isCloseTo(sr, within(1e-9));
            assertThat(m[k]).isCloseTo(si, within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 168})
    void periodogramPeaksAtThePeriod(int period) {
        double[] x = new double[24 * 7 * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * i / period);
        }
        assertThat(PeriodDetector.spectralPeak(x, period)).isGreaterThan(100);
        assertThat(PeriodDetector.autocorrelation(x, period)).isGreaterThan(0.8);
    }
}
