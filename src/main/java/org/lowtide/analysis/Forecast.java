package org.lowtide.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.traffic.Durations;

/**
 * Expected traffic ahead, with prediction intervals.
 *
 * <p>The arrays are shared, not copied (they are long and read often): treat them as read-only.
 *
 * @param start    start of the first forecast step (the end of the history)
 * @param step     grid step
 * @param mean     point forecast per step
 * @param lower80  lower bound of the 80 % interval
 * @param upper80  upper bound of the 80 % interval
 * @param lower95  lower bound of the 95 % interval
 * @param upper95  upper bound of the 95 % interval
 * @param damping  the damping factor φ of the trend, per day for sub-daily data (else per step)
 * @param backtest rolling-origin check of every candidate method, when history allowed one
 * @param method    the method the forecast comes from (one of {@link ForecastSelection}'s
 *                  {@code METHOD_*} names), chosen by the backtest
 * @param baselines the simple baselines' point forecasts over the same steps, by method name
 *                  (seasonal naive by day and week, median of the last weeks), for comparison
 */
public record Forecast(Instant start, Duration step, double[] mean, double[] lower80, double[] upper80,
                       double[] lower95, double[] upper95, double damping, Optional<Backtest> backtest,
                       String method, java.util.Map<String, double[]> baselines) {

    public Forecast {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(backtest, "backtest");
        Objects.requireNonNull(method, "method");
        int h = mean.length;
        if (lower80.length != h || upper80.length != h || lower95.length != h || upper95.length != h) {
            throw new IllegalArgumentException("forecast bounds must match the forecast's length");
        }
        baselines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baselines));
        for (double[] b : baselines.values()) {
            if (b.length != h) {
                throw new IllegalArgumentException("a baseline forecast must match the forecast's length");
            }
        }
    }

    /** A forecast of the MSTL method without baselines (tests, reports). */
    public Forecast(Instant start, Duration step, double[] mean, double[] lower80, double[] upper80,
                    double[] lower95, double[] upper95, double damping, Optional<Backtest> backtest) {
        this(start, step, mean, lower80, upper80, lower95, upper95, damping, backtest, ForecastSelection.METHOD_MSTL,
                java.util.Map.of());
    }

    /**
     * The first {@code steps} steps of this forecast (bands and baselines alike), the backtest
     * unchanged. Every step of a forecast depends on its lead time alone, and the backtest's lead
     * is the same for every horizon of two weeks or more ({@link ForecastSelection}), so a forecast
     * of 26 weeks cut to 8 is the forecast of 8 weeks.
     */
    public Forecast firstSteps(int steps) {
        if (steps < 0 || steps > size()) {
            throw new IllegalArgumentException("a forecast of " + size() + " steps has no first " + steps);
        }
        if (steps == size()) {
            return this;
        }
        java.util.Map<String, double[]> cut = new java.util.LinkedHashMap<>();
        baselines.forEach((k, v) -> cut.put(k, java.util.Arrays.copyOf(v, steps)));
        return new Forecast(start, step, java.util.Arrays.copyOf(mean, steps), java.util.Arrays.copyOf(lower80, steps),
                java.util.Arrays.copyOf(upper80, steps), java.util.Arrays.copyOf(lower95, steps),
                java.util.Arrays.copyOf(upper95, steps), damping, backtest, method, cut);
    }

    /** @return the number of steps forecast */
    public int size() {
        return mean.length;
    }

    /** @return the start of forecast step {@code i} */
    public Instant timeAt(int i) {
        return Durations.stepStart(start, step, i);
    }

    /**
     * Rolling-origin backtest (Tashman 2000): forecasts from several origins near the end of the
     * history, scored by MASE (Hyndman and Koehler 2006) against the in-sample seasonal-naive error.
     *
     * @param origins   how many origins were tried
     * @param horizon   forecast length at each origin
     * @param mase        MASE of the chosen method
     * @param naiveMase   MASE of the seasonal-naive forecast (the longest period up to a week) over
     *                    the same points
     * @param profileMase MASE of the median weekly profile of all the history before each origin
     *                    (what planning ranks on without the forecast), over the same points;
     *                    {@code NaN} when the data gives no weekly profile
     * @param method      the method chosen (lowest MASE)
     * @param candidates  every candidate's score over the same points, in the order tried
     */
    public record Backtest(int origins, Duration horizon, double mase, double naiveMase, double profileMase,
                           String method, java.util.List<Score> candidates) {

        /** A backtest without the weekly profile's score. */
        public Backtest(int origins, Duration horizon, double mase, double naiveMase) {
            this(origins, horizon, mase, naiveMase, Double.NaN);
        }

        /** A backtest of the MSTL method alone. */
        public Backtest(int origins, Duration horizon, double mase, double naiveMase, double profileMase) {
            this(origins, horizon, mase, naiveMase, profileMase, ForecastSelection.METHOD_MSTL, java.util.List.of());
        }

        public Backtest {
            Objects.requireNonNull(horizon, "horizon");
            Objects.requireNonNull(method, "method");
            candidates = java.util.List.copyOf(candidates);
            if (origins < 1) {
                throw new IllegalArgumentException("a backtest has at least one origin");
            }
        }

        /** @return whether the chosen method beat repeating the last season in the backtest */
        public boolean beatNaive() {
            return mase < naiveMase;
        }
    }

    /**
     * One candidate's backtest score.
     *
     * @param method   the method's name
     * @param mase     mean absolute scaled error over all backtest points
     * @param mae      mean absolute error, in the series' unit
     * @param maseLow  the lowest MASE of a single origin (the spread over origins states how sure
     *                 the ranking is)
     * @param maseHigh the highest MASE of a single origin
     */
    public record Score(String method, double mase, double mae, double maseLow, double maseHigh) {
        public Score {
            Objects.requireNonNull(method, "method");
        }
    }
}
