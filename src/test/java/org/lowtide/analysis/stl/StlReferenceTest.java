package org.lowtide.analysis.stl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * STL against statsmodels 0.13.5 and R 4.2.2 {@code stl} (Debian 12 packages; values made by
 * {@code src/test/resources/org/lowtide/analysis/stl/make_reference.py} and {@code make_reference.R}).
 * Tolerance: trend, seasonal and remainder within 1e-9 of the series' standard deviation, weights
 * within 1e-9; measured agreement is about 1e-13 (robust fits too), so 1e-9 leaves room for other
 * JDKs' floating point and still fails on any real difference (the first bar, 1e-6, was loose).
 */
class StlReferenceTest {

    private static final double TOLERANCE = 1e-9;

    private static void assertAgrees(double[] y, StlResult fit, Map<String, double[]> ref, boolean weightsToo) {
        double sd = Reference.sd(y);
        assertThat(Reference.maxAbsDiff(fit.trend(), ref.get("trend")) / sd).as("trend").isLessThan(TOLERANCE);
        assertThat(Reference.maxAbsDiff(fit.seasonal(), ref.get("seasonal")) / sd).as("seasonal").isLessThan(TOLERANCE);
        assertThat(Reference.maxAbsDiff(fit.remainder(), ref.get("remainder")) / sd).as("remainder")
                .isLessThan(TOLERANCE);
        if (weightsToo) {
            assertThat(Reference.maxAbsDiff(fit.weights(), ref.get("weights"))).as("weights").isLessThan(TOLERANCE);
        }
    }

    @ParameterizedTest(name = "statsmodels defaults: {0} period {1} seasonal {2} robust {3}")
    @CsvSource({
        "monthly, 12, 7, false, sm_default_monthly_s7.csv",
        "monthly, 12, 7, true, sm_default_monthly_s7_robust.csv",
        "hourly, 24, 11, false, sm_default_hourly_p24_s11.csv",
        "hourly, 24, 11, true, sm_default_hourly_p24_s11_robust.csv"})
    void matchesStatsmodelsWithItsDefaults(String input, int period, int seasonal, boolean robust, String file) {
        double[] y = Reference.input(input);
        StlResult fit = Stl.decompose(y, StlParameters.statsmodels(period, seasonal, robust));
        assertAgrees(y, fit, Reference.read(file), true);
    }

    @ParameterizedTest(name = "statsmodels with R's parameters: {0} period {1} seasonal {2} robust {3}")
    @CsvSource({
        "monthly, 12, 7, false, sm_rparams_monthly_s7.csv",
        "monthly, 12, 7, true, sm_rparams_monthly_s7_robust.csv",
        "hourly, 168, 15, false, sm_rparams_hourly_p168_s15.csv",
        "hourly, 168, 15, true, sm_rparams_hourly_p168_s15_robust.csv",
        "short, 168, 15, true, sm_rparams_short_p168_s15_robust.csv"})
    void matchesStatsmodelsWithRsParameters(String input, int period, int seasonal, boolean robust, String file) {
        double[] y = Reference.input(input);
        StlResult fit = Stl.decompose(y, StlParameters.r(period, seasonal, robust));
        assertAgrees(y, fit, Reference.read(file), true);
    }

    @ParameterizedTest(name = "R stl: {0} period {1} s.window {2}")
    @CsvSource({
        "monthly, 12, 7, r_stl_monthly_s7.csv",
        "hourly, 168, 15, r_stl_hourly_p168_s15.csv"})
    void matchesRNonRobust(String input, int period, int seasonal, String file) {
        double[] y = Reference.input(input);
        StlResult fit = Stl.decompose(y, StlParameters.r(period, seasonal, false));
        assertAgrees(y, fit, Reference.read(file), false);
    }

    @Test
    void robustFitDownweightsTheInjectedOutliers() {
        double[] y = Reference.input("monthly");
        StlResult fit = Stl.decompose(y, StlParameters.r(12, 7, true));
        for (int i : new int[] {17, 60, 150}) {
            assertThat(fit.weights()[i]).as("weight of outlier %d", i).isLessThan(0.2);
        }
        assertThat(fit.weights()[30]).isGreaterThan(0.5);
    }

    @Test
    void jumpsChangeTheAnswerOnlySlightly() {
        double[] y = Reference.input("hourly");
        StlParameters r = StlParameters.r(168, 15, false);
        StlResult jumped = Stl.decompose(y, r);
        StlResult exact = Stl.decompose(y, r.withoutJumps());
        double sd = Reference.sd(y);
        double diff = Reference.maxAbsDiff(jumped.trend(), exact.trend()) / sd;
        assertThat(diff).isGreaterThan(0).isLessThan(0.05);
    }

    @Test
    void componentsAddUpToTheSeries() {
        double[] y = Reference.input("monthly");
        StlResult fit = Stl.decompose(y, StlParameters.statsmodels(12, 7, true));
        for (int i = 0; i < y.length; i++) {
            assertThat(fit.seasonal()[i] + fit.trend()[i] + fit.remainder()[i]).isCloseTo(y[i],
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
