package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compact storage of rows (issue 20): computed times and lines and float values while the rows
 * allow it; every row read back must be exactly the one added, whichever rule a later row breaks.
 */
class SeriesDataTest {

    /** Adds the rows and checks that every one reads back exactly, also after growing past the capacity. */
    private static SeriesData addAndCheck(long[] t, double[] v, long[] line) {
        SeriesData data = new SeriesData("s", 16);
        for (int i = 0; i < t.length; i++) {
            data.add(t[i], v[i], line[i]);
        }
        assertThat(data.size).isEqualTo(t.length);
        for (int i = 0; i < t.length; i++) {
            assertThat(data.time(i)).as("time %d", i).isEqualTo(t[i]);
            assertThat(Double.doubleToRawLongBits(data.value(i))).as("value %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(v[i]));
            assertThat(data.line(i)).as("line %d", i).isEqualTo((int) line[i]);
        }
        return data;
    }

    @Test
    void aRegularSeriesOfWholeCountsReadsBackExactly() {
        int n = 5_000;
        long[] t = new long[n];
        double[] v = new double[n];
        long[] line = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_700_000_000_000L + i * 60_000L;
            v[i] = i % 11 == 0 ? Double.NaN : 16_777_216 - i; // whole, up to 2^24: exact in float
            line[i] = i + 2;
        }
        addAndCheck(t, v, line);
    }

    @Test
    void eachRuleBrokenLateStillReadsBackEveryRowExactly() {
        int n = 3_000;
        SplittableRandom random = new SplittableRandom(20);
        long[] t = new long[n];
        double[] v = new double[n];
        long[] line = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 1_000L;
            v[i] = i;
            line[i] = i + 2;
        }
        t[2_000] += 17; // a jittered timestamp
        t[2_500] = 5; // and one out of order
        v[1_500] = 0.1; // not exact in float
        v[1_600] = 16_777_217; // beyond float's whole numbers
        v[2_900] = random.nextDouble() * 1e9;
        line[1_200] = 9_999; // a skipped line
        SeriesData data = addAndCheck(t, v, line);
        assertThat(data.sorted).isFalse();

        data.sort();
        for (int i = 1; i < n; i++) {
            assertThat(data.time(i)).isGreaterThanOrEqualTo(data.time(i - 1));
        }
        assertThat(data.time(1)).isEqualTo(5); // the row out of order, moved with its value and line
        assertThat(data.value(1)).isEqualTo(2_500);
        assertThat(data.line(1)).isEqualTo(2_502);
    }

    @Test
    void repeatedTimesAndFallingTimesReadBack() {
        long[] t = {0, 0, 60_000, 30_000, 120_000};
        double[] v = {1, 1, 2.5, 3, 4};
        long[] line = {2, 3, 4, 5, 6};
        SeriesData data = addAndCheck(t, v, line);

        SeriesData.Repeats repeats = data.dropRepeats();
        assertThat(repeats.count()).isEqualTo(1);
        assertThat(repeats.firstLine()).isEqualTo(3);
        assertThat(data.size).isEqualTo(4);
        assertThat(data.time(1)).isEqualTo(60_000);
        assertThat(data.line(1)).isEqualTo(4);
    }

    @Test
    void settingAValueThatFloatCannotHoldKeepsEveryOtherValue() {
        SeriesData data = addAndCheck(new long[] {0, 1_000, 2_000}, new double[] {1, 2, 3}, new long[] {2, 3, 4});

        data.setValue(1, 0.3);
        data.setValue(2, Double.NaN);

        assertThat(data.value(0)).isEqualTo(1);
        assertThat(data.value(1)).isEqualTo(0.3);
        assertThat(data.value(2)).isNaN();
    }

    @Test
    void rowsReadUnderBothOrdersSettleEitherWayAndAgreeingOnesNeedNoSecondCopy() {
        SeriesData same = new SeriesData("s", 16);
        for (int i = 0; i < 100; i++) {
            same.addDual(i * 60_000L, i * 60_000L, i, i + 2);
        }
        assertThat(same.hasAlternative()).isTrue();
        assertThat(same.alternativeTimes()).startsWith(0L, 60_000L, 120_000L);
        same.settle(true);
        assertThat(same.hasAlternative()).isFalse();
        assertThat(same.time(99)).isEqualTo(99 * 60_000L);

        for (boolean alternative : new boolean[] {false, true}) {
            SeriesData data = new SeriesData("s", 16);
            for (int i = 0; i < 100; i++) {
                long other = i < 50 ? i * 60_000L : 1_000_000_000L - i; // they differ from row 50 on
                data.addDual(i * 60_000L, other, i, i + 2);
            }
            assertThat(data.alternativeTimes()[99]).isEqualTo(1_000_000_000L - 99);
            data.settle(alternative);
            assertThat(data.time(10)).isEqualTo(10 * 60_000L);
            assertThat(data.time(99)).isEqualTo(alternative ? 1_000_000_000L - 99 : 99 * 60_000L);
            assertThat(data.sorted).isEqualTo(!alternative);
        }
    }
}
