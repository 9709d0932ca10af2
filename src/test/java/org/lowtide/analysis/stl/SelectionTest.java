package org.lowtide.analysis.stl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectionTest {

    private static double sortedMedian(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 4095, 4096, 4097, 8760, 105_120})
    void medianEqualsTheSortedMedian(int n) {
        SplittableRandom random = new SplittableRandom(n);
        for (int round = 0; round < 5; round++) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                // Round 0 continuous, then heavy ties, a skewed tail, all equal, sorted input.
                switch (round) {
                    case 0: a[i] = random.nextDouble(); break;
                    case 1: a[i] = random.nextInt(5); break;
                    case 2: a[i] = Math.abs(random.nextGaussian()) * (random.nextInt(100) == 0 ? 1e6 : 1); break;
                    case 3: a[i] = 7; break;
                    default: a[i] = i; break;
                }
            }
            double expected = sortedMedian(a);
            assertThat(Selection.median(a.clone(), n)).as("n %d round %d", n, round).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 101, 2016})
    void aRangesMedianAndOrderStatisticsEqualThoseOfASort(int n) {
        SplittableRandom random = new SplittableRandom(31L * n);
        for (int round = 0; round < 3; round++) {
            double[] a = new double[n + 7];
            for (int i = 0; i < a.length; i++) {
                a[i] = round == 1 ? random.nextInt(3) : random.nextGaussian();
            }
            double[] range = Arrays.copyOfRange(a, 5, 5 + n);
            double[] copy = a.clone();
            assertThat(Selection.median(copy, 5, n)).as("n %d round %d", n, round).isEqualTo(sortedMedian(range));
            // Outside the range nothing moved.
            assertThat(Arrays.copyOfRange(copy, 0, 5)).isEqualTo(Arrays.copyOfRange(a, 0, 5));
            assertThat(Arrays.copyOfRange(copy, 5 + n, a.length)).isEqualTo(Arrays.copyOfRange(a, 5 + n, a.length));
            double[] sorted = range.clone();
            Arrays.sort(sorted);
            for (int k : new int[] {0, n / 100, n / 2, n - 1}) {
                assertThat(Selection.select(range.clone(), 0, n - 1, k)).as("rank %d of %d", k, n).isEqualTo(sorted[k]);
            }
        }
    }
}
