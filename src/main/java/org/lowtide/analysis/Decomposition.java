package org.lowtide.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lowtide.traffic.Durations;

/**
 * A series taken apart: {@code filled = Σ seasonal[i] + trend + remainder} on the series' grid.
 *
 * <p>The arrays are shared, not copied (they are long and read often): treat them as read-only.
 *
 * @param start     start of the first step
 * @param step      grid step
 * @param periods   the seasonal periods, in the order of {@code seasonal}
 * @param observed  the series as measured ({@code NaN} where missing)
 * @param filled    the values decomposed: measurements, with missing and anomalous steps filled by
 *                  seasonal interpolation
 * @param imputed   per step, whether the value was filled (missing or masked as an anomaly)
 * @param trend     the trend
 * @param seasonal  one component per period
 * @param remainder what is left
 * @param weights   robustness weights of the last STL pass
 * @param zone      the wall clock the seasonal components follow (the day and the week are cycles
 *                  of local time)
 */
public record Decomposition(Instant start, Duration step, List<SeasonalPeriod> periods, double[] observed,
                            double[] filled, boolean[] imputed, double[] trend, double[][] seasonal,
                            double[] remainder, double[] weights, java.time.ZoneId zone) {

    public Decomposition {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        periods = List.copyOf(periods);
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(filled, "filled");
        Objects.requireNonNull(imputed, "imputed");
        Objects.requireNonNull(trend, "trend");
        Objects.requireNonNull(seasonal, "seasonal");
        Objects.requireNonNull(remainder, "remainder");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(zone, "zone");
        int n = trend.length;
        if (observed.length != n || filled.length != n || imputed.length != n || remainder.length != n
                || weights.length != n || seasonal.length != periods.size()) {
            throw new IllegalArgumentException("decomposition components must match in length and periods");
        }
        for (double[] s : seasonal) {
            if (s.length != n) {
                throw new IllegalArgumentException("decomposition components must match in length");
            }
        }
    }

    /** @return the number of steps */
    public int size() {
        return trend.length;
    }

    /** @return the start of step {@code i} */
    public Instant timeAt(int i) {
        return Durations.stepStart(start, step, i);
    }

    /** @return the sum of the seasonal components at step {@code t} */
    public double seasonalAt(int t) {
        double s = 0;
        for (double[] c : seasonal) {
            s += c[t];
        }
        return s;
    }
}
