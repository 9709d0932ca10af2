package org.lowtide.analysis.stl;

import java.util.Arrays;
import java.util.Objects;

/**
 * Settings of MSTL (Bandara, Hyndman, Bergmeir 2021, "MSTL: A Seasonal-Trend Decomposition
 * Algorithm for Time Series with Multiple Seasonal Patterns", arXiv:2107.13462).
 *
 * @param periods         seasonal periods in steps, distinct, each at least 2 (fitted shortest first)
 * @param seasonalWindows seasonal window per period, in the order of {@code periods}
 * @param iterate         passes over all periods; at least 1
 * @param robust          whether each STL uses robustness weights
 * @param style           whose STL defaults the inner fits use
 */
public record MstlParameters(int[] periods, int[] seasonalWindows, int iterate, boolean robust, Style style) {

    /** Whose STL defaults the fits use. */
    public enum Style {
        /** R's {@code stl}: seasonal degree 0, jumps ceil(window/10); robust 1 inner, 15 outer. */
        R,
        /** statsmodels' {@code STL}: degrees 1, jumps 1; robust 2 inner, 15 outer. */
        STATSMODELS
    }

    public MstlParameters {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(seasonalWindows, "seasonalWindows");
        Objects.requireNonNull(style, "style");
        if (periods.length == 0 || periods.length != seasonalWindows.length) {
            throw new IllegalArgumentException("MSTL needs one seasonal window per period and at least one period; got "
                    + periods.length + " periods and " + seasonalWindows.length + " windows");
        }
        for (int p : periods) {
            if (p < 2) {
                throw new IllegalArgumentException("a seasonal period is at least 2 steps, was " + p);
            }
        }
        if (Arrays.stream(periods).distinct().count() != periods.length) {
            throw new IllegalArgumentException("periods must be distinct: " + Arrays.toString(periods));
        }
        if (iterate < 1) {
            throw new IllegalArgumentException("MSTL iterates at least once, not " + iterate);
        }
        periods = periods.clone();
        seasonalWindows = seasonalWindows.clone();
    }

    /**
     * The paper's and R's {@code forecast::mstl} defaults: periods ascending, seasonal windows
     * {@code 7 + 4·i} (11, 15, …), 2 iterations; R's STL. Lowtide's default is {@code robust = true}.
     */
    public static MstlParameters defaults(boolean robust, int... periods) {
        int[] sorted = periods.clone();
        Arrays.sort(sorted);
        int[] windows = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            windows[i] = 7 + 4 * (i + 1);
        }
        return new MstlParameters(sorted, windows, 2, robust, Style.R);
    }

    @Override
    public int[] periods() {
        return periods.clone();
    }

    @Override
    public int[] seasonalWindows() {
        return seasonalWindows.clone();
    }

    /** @return the STL settings for the {@code i}-th period */
    public StlParameters stlFor(int i) {
        return style == Style.R ? StlParameters.r(periods[i], seasonalWindows[i], robust)
                : StlParameters.statsmodels(periods[i], seasonalWindows[i], robust);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MstlParameters other && Arrays.equals(periods, other.periods)
                && Arrays.equals(seasonalWindows, other.seasonalWindows) && iterate == other.iterate
                && robust == other.robust && style == other.style;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(periods), Arrays.hashCode(seasonalWindows), iterate, robust, style);
    }

    @Override
    public String toString() {
        return "MstlParameters[periods " + Arrays.toString(periods) + ", windows " + Arrays.toString(seasonalWindows)
                + ", iterate " + iterate + ", robust " + robust + ", " + style + "]";
    }
}
