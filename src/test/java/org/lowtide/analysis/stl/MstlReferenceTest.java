package org.lowtide.analysis.stl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MSTL against R 4.2.2 {@code forecast::mstl} (forecast 8.20) and against the MSTL loop over
 * statsmodels 0.13.5's STL with R's parameters (see {@code make_reference.py}). Robust fits are
 * compared with statsmodels only: R's robust median is wrong for some even lengths (DESIGN §4).
 * Tolerance 1e-9 of sd(y) ({@link #TOLERANCE}), near the agreement measured.
 */
class MstlReferenceTest {

    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0} robust {1}")
    @CsvSource({
        "r_mstl_hourly.csv, false",
        "sm_mstl_hourly.csv, false",
        "sm_mstl_hourly_robust.csv, true"})
    void matchesTheReference(String file, boolean robust) {
        double[] y = Reference.input("hourly");
        MstlResult fit = Mstl.decompose(y, MstlParameters.defaults(robust, 24, 168));
        Map<String, double[]> ref = Reference.read(file);
        double sd = Reference.sd(y);
        assertThat(Reference.maxAbsDiff(fit.trend(), ref.get("trend")) / sd).as("trend").isLessThan(TOLERANCE);
        assertThat(Reference.maxAbsDiff(fit.seasonal()[0], ref.get("seasonal_24")) / sd).as("daily").isLessThan(TOLERANCE);
        assertThat(Reference.maxAbsDiff(fit.seasonal()[1], ref.get("seasonal_168")) / sd).as("weekly")
                .isLessThan(TOLERANCE);
        assertThat(Reference.maxAbsDiff(fit.remainder(), ref.get("remainder")) / sd).as("remainder")
                .isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "R robust mstl differs from statsmodels by its median bug only: {0}")
    @CsvSource({"r_mstl_hourly_robust.csv"})
    void robustRIsCloseButNotRequiredToMatch(String file) {
        double[] y = Reference.input("hourly");
        MstlResult fit = Mstl.decompose(y, MstlParameters.defaults(true, 24, 168));
        Map<String, double[]> ref = Reference.read(file);
        double sd = Reference.sd(y);
        // DESIGN §4 measured up to 0.3 sd between R's robust fits and correct-median ones.
        assertThat(Reference.maxAbsDiff(fit.trend(), ref.get("trend")) / sd).isLessThan(0.3);
    }
}
