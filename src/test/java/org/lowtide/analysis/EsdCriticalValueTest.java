package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The generalized ESD test skips the Student-t quantile where a score cannot pass
 * ({@link AnomalyDetector#criticalValueBelow}): the screen must lie below the exact critical value
 * at every size the test meets (else a flag would be lost), and close enough to it on long series
 * that it saves the root search for almost every candidate.
 */
class EsdCriticalValueTest {

    @Test
    void theScreenIsBelowTheExactCriticalValueAtEverySize() {
        for (int remaining = 4; remaining <= 3_000_000; remaining += Math.max(1, remaining / 37)) {
            double p = 1 - AnomalyDetector.ALPHA / (2.0 * remaining);
            double exact = AnomalyDetector.criticalValue(p, remaining);
            double below = AnomalyDetector.criticalValueBelow(p, remaining);
            assertThat(below).as("R = %d", remaining).isLessThan(exact);
            if (remaining >= 1000) {
                // Close on long series: a score between the two is rare, so the exact value is rarely needed.
                assertThat(below).as("R = %d", remaining).isGreaterThan(0.99 * exact);
            }
        }
    }

    @Test
    void knownCriticalValues() {
        // The formula with R 4.2.2's qt: (n-1)*qt(1-0.05/(2n), n-2)/sqrt((n-2+t^2)*n) for
        // n = 10, 100, 1000 gives 2.289954, 3.384083, 4.039978.
        assertThat(AnomalyDetector.criticalValue(1 - 0.05 / 20, 10)).isCloseTo(2.289954, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(AnomalyDetector.criticalValue(1 - 0.05 / 200, 100)).isCloseTo(3.384083, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(AnomalyDetector.criticalValue(1 - 0.05 / 2000, 1000)).isCloseTo(4.039978, org.assertj.core.data.Offset.offset(1e-6));
    }
}
