package org.lowtide.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
 * @param backtest rolling-origin check against the seasonal-naive forecast, when history allowed one
 */
public record Forecast(Instant start, Duration step, double[] mean, double[] lower80, double[] upper80,
                       double[] lower95, double[] upper95, double damping, Optional<Backtest> backtest) {

    public Forecast {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(backtest, "backtest");
        int h = mean.length;
        if (lower80.length != h || upper80.length != h || lower95.length != h || upper95.length != h) {
            throw new IllegalArgumentException("forecast bounds must match the forecast's length");
        }
    }

    /** @return the number of steps forecast */
    public int size() {
        return mean.length;
    }

    /** @return the start of forecast step {@code i} */
    public Instant timeAt(int i) {
        return start.plus(step.multipliedBy(i));
    }

    /**
     * Rolling-origin backtest (Tashman 2000): forecasts from several origins near the end of the
     * history, scored by MASE (Hyndman and Koehler 2006) against the in-sample seasonal-naive error.
     *
     * @param origins   how many origins were tried
     * @param horizon   forecast length at each origin
     * @param mase        MASE of Lowtide's forecast
     * @param naiveMase   MASE of the seasonal-naive forecast over the same points
     * @param profileMase MASE of the median weekly profile of all the history before each origin
     *                    (what planning ranks on without the forecast), over the same points;
     *                    {@code NaN} when the data gives no weekly profile
     */
    public record Backtest(int origins, Duration horizon, double mase, double naiveMase, double profileMase) {

        /** A backtest without the weekly profile's score. */
        public Backtest(int origins, Duration horizon, double mase, double naiveMase) {
            this(origins, horizon, mase, naiveMase, Double.NaN);
        }

        public Backtest {
            Objects.requireNonNull(horizon, "horizon");
            if (origins < 1) {
                throw new IllegalArgumentException("a backtest has at least one origin");
            }
        }
    }
}
