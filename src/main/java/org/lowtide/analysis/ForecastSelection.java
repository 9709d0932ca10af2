package org.lowtide.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.lowtide.traffic.PhaseTimer;
import org.lowtide.traffic.TrafficSeries;

/**
 * The forecast chosen by evidence: every candidate method is run from several origins near the end
 * of the history (rolling origin, Tashman 2000, "Out-of-sample tests of forecasting accuracy") at
 * the lead times a plan uses, and the one with the lowest MASE (Hyndman and Koehler 2006, scaled by
 * the in-sample seasonal-naive error of the history before each origin) forecasts the horizon.
 *
 * <p>Candidates (Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed.,
 * §5.2 and §5.7):
 * <ul>
 *   <li>{@value #METHOD_NAIVE_WEEK}, {@value #METHOD_NAIVE_DAY}: repeat the last week or day (on
 *       the local wall clock, over missing and masked steps their seasonal fill);</li>
 *   <li>{@value #METHOD_MEDIAN_WEEKS}: per step of the week, the median of the last
 *       {@link #MEDIAN_WEEKS} weeks' measured values (robust to one odd week); for a series
 *       whose main period is the day (no weekly cycle found), {@value #METHOD_MEDIAN_DAYS}, the same
 *       over the last {@link #MEDIAN_WEEKS} days;</li>
 *   <li>{@value #METHOD_MSTL}: the MSTL decomposition with the seasonally adjusted part forecast by
 *       a damped trend, as R's {@code forecast::stlf} does ({@link Forecaster});</li>
 *   <li>{@value #METHOD_MSTL_LOG}: the same on the logarithm of the traffic (plus a small offset
 *       when it touches zero), back-transformed: multiplicative seasonality, noise that grows with
 *       the level, intervals that widen upwards.</li>
 * </ul>
 *
 * <p>The backtest forecasts {@code L} steps ahead from each origin, {@code L} the plan's lead time
 * up to two weeks (one week or one main period when the history is too short for three origins
 * at the longer lead), with origins a
 * quarter of {@code L} apart (so they fall on different weekdays), up to {@link #MAX_ORIGINS} of
 * them, each with at least two main periods of history before it. The history of each origin is
 * as long as the final fit's (every period that the final decomposition has fits into it, so the
 * backtest tests the model that forecasts). Every candidate is scored on the same measured,
 * unmasked points. The chosen method's intervals are its own: {@link Forecaster}'s for the MSTL
 * methods, the empirical quantiles of its backtest errors for the baselines.
 */
public final class ForecastSelection {

    /** Repeat the last week. */
    public static final String METHOD_NAIVE_WEEK = "seasonal-naive-week";
    /** Repeat the last day. */
    public static final String METHOD_NAIVE_DAY = "seasonal-naive-day";
    /** Repeat the longest period up to a week when the series has no week or day (e.g. monthly data). */
    public static final String METHOD_NAIVE_SEASON = "seasonal-naive";
    /** Median of the last weeks per step of the week. */
    public static final String METHOD_MEDIAN_WEEKS = "median-of-last-weeks";
    /** Median of the last days per step of the day (series without a weekly cycle). */
    public static final String METHOD_MEDIAN_DAYS = "median-of-last-days";
    /** MSTL plus damped trend (stlf). */
    public static final String METHOD_MSTL = "mstl-damped-trend";
    /** MSTL plus damped trend on the logarithm. */
    public static final String METHOD_MSTL_LOG = "mstl-damped-trend-log";

    /** Weeks the median baseline looks back at most. */
    public static final int MEDIAN_WEEKS = 4;
    /** The forecast's floor as a share of the lowest measured value of a non-negative series. */
    public static final double FLOOR_SHARE = 0.5;
    /** Origins of the backtest at most. */
    public static final int MAX_ORIGINS = 8;

    private ForecastSelection() {
    }

    /** What the series offers the candidates: its step counts of a day, a week and the main period. */
    record Shape(int day, int week, int main, double offset, boolean logOk) {
    }

    /**
     * Chooses and makes the forecast.
     *
     * @param series  the traffic as measured
     * @param full    the final decomposition (anomalies masked and filled)
     * @param masked  the series with masked anomalies as {@code NaN}
     * @param horizon steps to forecast
     */
    public static Forecast forecast(TrafficSeries series, Decomposition full, double[] masked, int horizon,
                                    BooleanSupplier cancelled) {
        return forecast(series, full.periods(), full.observed(), masked, horizon, cancelled, () -> full);
    }

    /**
     * As {@link #forecast(TrafficSeries, Decomposition, double[], int, BooleanSupplier)}, with the
     * final decomposition made alongside the backtest (issue 20): the backtest reads only the
     * periods' lengths, the observed and the masked values, never the final decomposition, so the
     * decomposition is one more independent task among the origins' fits and the two cores share
     * them. Every task computes exactly what it computed one after the other.
     *
     * @param periods       the periods the decomposition will have (their lengths are used)
     * @param observed      the values as measured (the decomposition's {@code observed})
     * @param decomposition makes the final decomposition (called once, on any thread)
     */
    static Forecast forecast(TrafficSeries series, List<SeasonalPeriod> periods, double[] observed, double[] masked,
                             int horizon, BooleanSupplier cancelled, java.util.function.Supplier<Decomposition> decomposition) {
        Shape shape = shape(series, periods, masked);
        List<String> methods = methods(shape);
        Optional<Run> run;
        Decomposition full;
        try (var t = PhaseTimer.start("backtest")) {
            Origins origins = origins(masked.length, shape, periods, horizon);
            int count = origins == null ? 0 : origins.count;
            Object[] done = rethrowingFailures(takeInTurn(count + 1, j -> j == 0 ? decomposition.get()
                    : fitOrigin(series, observed, periods, masked, shape, methods,
                            origins.origin(masked.length, j - 1), origins.lead, origins.history, shape.main, cancelled)));
            full = (Decomposition) done[0];
            List<OriginFit> fits = new ArrayList<>();
            for (int j = 1; j <= count; j++) {
                fits.add((OriginFit) done[j]);
            }
            run = origins == null ? Optional.empty() : score(series, masked, shape, methods, origins.lead, fits);
        }
        PhaseTimer.Phase finalFit = PhaseTimer.start("chosen method and baselines");
        String chosen = run.map(r -> r.backtest.method()).orElse(METHOD_MSTL);
        // The chosen method's forecast and every baseline's over the horizon are independent (each
        // reads the finished decomposition and the masked values): taken in turn on two threads,
        // the forecast (a log-scale MSTL when that was chosen) first.
        List<String> baselineMethods = new ArrayList<>();
        for (String m : methods) {
            if (!m.equals(METHOD_MSTL) && !m.equals(METHOD_MSTL_LOG)) {
                baselineMethods.add(m);
            }
        }
        Decomposition finished = full;
        Object[] made = rethrowingFailures(takeInTurn(1 + baselineMethods.size(), j -> j > 0
                ? baseline(baselineMethods.get(j - 1), finished, masked, horizon, shape)
                : chosen.equals(METHOD_MSTL_LOG) ? logForecast(series, finished, masked, horizon, shape, cancelled)
                : Forecaster.forecast(finished, horizon)));
        Forecast base = (Forecast) made[0];
        Map<String, double[]> baselines = new LinkedHashMap<>();
        for (int i = 0; i < baselineMethods.size(); i++) {
            baselines.put(baselineMethods.get(i), (double[]) made[i + 1]);
        }
        double[] mean = base.mean();
        double[] lo80 = base.lower80();
        double[] hi80 = base.upper80();
        double[] lo95 = base.lower95();
        double[] hi95 = base.upper95();
        if (baselines.containsKey(chosen)) {
            mean = baselines.get(chosen).clone();
            double[] q = run.get().errorQuantiles;
            lo95 = new double[horizon];
            lo80 = new double[horizon];
            hi80 = new double[horizon];
            hi95 = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                lo95[h] = mean[h] + q[0];
                lo80[h] = mean[h] + q[1];
                hi80[h] = mean[h] + q[2];
                hi95[h] = mean[h] + q[3];
            }
            floor(full, mean, lo80, hi80, lo95, hi95);
        }
        finalFit.close();
        return new Forecast(base.start(), base.step(), mean, lo80, hi80, lo95, hi95, base.damping(),
                run.map(r -> r.backtest), chosen, baselines);
    }

    static Shape shape(TrafficSeries series, Decomposition full, double[] masked) {
        return shape(series, full.periods(), masked);
    }

    static Shape shape(TrafficSeries series, List<SeasonalPeriod> periods, double[] masked) {
        long stepSeconds = Math.max(1, series.step().getSeconds());
        int day = stepSeconds < 86_400 && 86_400 % stepSeconds == 0 ? (int) (86_400 / stepSeconds) : 0;
        int week = stepSeconds <= 604_800 && 604_800 % stepSeconds == 0 ? (int) (604_800 / stepSeconds) : 0;
        int main = 0;
        for (SeasonalPeriod p : periods) {
            if ((long) p.steps() * stepSeconds <= 604_800L) {
                main = Math.max(main, p.steps());
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double[] values = Arrays.stream(masked).filter(v -> !Double.isNaN(v)).toArray();
        for (double v : values) {
            min = Math.min(min, v);
        }
        double median = values.length == 0 ? 0
                : org.lowtide.analysis.stl.Selection.select(values, 0, values.length - 1, values.length / 2);
        boolean logOk = values.length > 0 && min >= 0 && median > 0;
        double offset = logOk && min <= 0 ? 0.01 * median : 0;
        return new Shape(day, week, main, offset, logOk);
    }

    private static List<String> methods(Shape s) {
        List<String> out = new ArrayList<>();
        if (s.week > 0) {
            out.add(METHOD_NAIVE_WEEK);
        }
        if (s.day > 0) {
            out.add(METHOD_NAIVE_DAY);
        }
        if (s.week == 0 && s.main > 0) {
            out.add(METHOD_NAIVE_SEASON);
        }
        if (s.week > 0 && s.main == s.day && s.day > 0) {
            out.add(METHOD_MEDIAN_DAYS);
        } else if (s.week > 0) {
            out.add(METHOD_MEDIAN_WEEKS);
        }
        out.add(METHOD_MSTL);
        if (s.logOk) {
            out.add(METHOD_MSTL_LOG);
        }
        return out;
    }

    /** The naive method MASE is scaled by and compared with: repeat the main period. */
    private static String naiveOfMain(Shape s) {
        if (s.main == s.week && s.week > 0) {
            return METHOD_NAIVE_WEEK;
        }
        if (s.main == s.day && s.day > 0) {
            return METHOD_NAIVE_DAY;
        }
        return s.week > 0 ? METHOD_NAIVE_WEEK : METHOD_NAIVE_SEASON;
    }

    /** A baseline's forecast of {@code horizon} steps after the end of {@code d}'s history. */
    static double[] baseline(String method, Decomposition d, double[] masked, int horizon, Shape s) {
        int n = d.size();
        double[] out = new double[horizon];
        int p = switch (method) {
            case METHOD_NAIVE_DAY, METHOD_MEDIAN_DAYS -> s.day;
            case METHOD_NAIVE_SEASON -> s.main;
            default -> s.week;
        };
        if (p <= 0 || p > n) {
            // Cannot repeat what the history does not hold: the last filled value.
            Arrays.fill(out, d.filled()[n - 1]);
            return out;
        }
        boolean wallClock = !d.zone().getRules().isFixedOffset() && d.step().getNano() == 0
                && ((long) p * d.step().getSeconds()) % 86_400 == 0;
        Forecaster.Sources sources = new Forecaster.Sources(d, p, n, horizon, wallClock);
        for (int h = 0; h < horizon; h++) {
            int src = sources.at(h);
            if (!method.equals(METHOD_MEDIAN_WEEKS) && !method.equals(METHOD_MEDIAN_DAYS)) {
                out[h] = d.filled()[src];
                continue;
            }
            double[] v = new double[MEDIAN_WEEKS];
            int c = 0;
            for (int k = 0; k < MEDIAN_WEEKS; k++) {
                int t = src - k * p;
                if (t >= 0 && !Double.isNaN(masked[t])) {
                    v[c++] = masked[t];
                }
            }
            if (c == 0) {
                out[h] = d.filled()[src];
            } else {
                out[h] = org.lowtide.analysis.stl.Selection.median(v, c);
            }
        }
        return out;
    }

    /** The MSTL forecast of the logarithm, back-transformed (a median forecast). */
    static Forecast logForecast(TrafficSeries series, Decomposition d, double[] masked, int horizon,
                                        Shape s, BooleanSupplier cancelled) {
        Decomposition logD = decomposeLog(series, series.start(), d.observed(), masked, d.periods(), s, cancelled);
        Forecast f = Forecaster.forecast(logD, horizon);
        double[][] bands = {f.mean(), f.lower80(), f.upper80(), f.lower95(), f.upper95()};
        double[][] out = new double[5][horizon];
        for (int b = 0; b < 5; b++) {
            for (int h = 0; h < horizon; h++) {
                out[b][h] = Math.exp(bands[b][h]) - s.offset;
            }
        }
        floor(d, out[0], out[1], out[2], out[3], out[4]);
        return new Forecast(f.start(), f.step(), out[0], out[1], out[2], out[3], out[4], f.damping(), Optional.empty());
    }

    static Decomposition decomposeLog(TrafficSeries series, java.time.Instant start, double[] observed,
                                              double[] masked, List<SeasonalPeriod> periods, Shape s,
                                              BooleanSupplier cancelled) {
        double[] lo = new double[observed.length];
        double[] lm = new double[masked.length];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = Double.isNaN(observed[i]) || observed[i] + s.offset <= 0 ? Double.NaN : Math.log(observed[i] + s.offset);
            lm[i] = Double.isNaN(masked[i]) || masked[i] + s.offset <= 0 ? Double.NaN : Math.log(masked[i] + s.offset);
        }
        TrafficSeries logSeries = new TrafficSeries(series.name(), start, series.step(), lo, series.zone(),
                series.unit());
        return PatternAnalysis.decompose(logSeries, periods, lo, lm, cancelled);
    }

    /**
     * Clamps a non-negative series' forecast at half the lowest value it was measured at (outside
     * masked anomalies): nothing in the history supports a collapse below that (a forecast of zero
     * where traffic never was zero), while a falling series may still fall below its lowest point.
     */
    static void floor(Decomposition d, double[]... bands) {
        double floor = Double.POSITIVE_INFINITY;
        for (int t = 0; t < d.size(); t++) {
            double v = d.observed()[t];
            if (!Double.isNaN(v)) {
                if (v < 0) {
                    return;
                }
                if (!d.imputed()[t]) {
                    floor = Math.min(floor, v);
                }
            }
        }
        floor = Double.isFinite(floor) ? FLOOR_SHARE * floor : 0;
        for (double[] b : bands) {
            for (int h = 0; h < b.length; h++) {
                b[h] = Math.max(floor, b[h]);
            }
        }
    }

    /** A backtest and the chosen method's error quantiles (2.5, 10, 90, 97.5 %). */
    private record Run(Forecast.Backtest backtest, double[] errorQuantiles) {
    }

    /** A failure of one of the parallel tasks, rethrown by the caller. */
    record Failure(Throwable thrown) {
        /** @return never: throws what the task threw (an error too, so that none is lost as a null result) */
        RuntimeException rethrow() {
            if (thrown instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) thrown;
        }
    }

    /** @return {@code results}, after throwing the first {@link Failure} among them (in task order) */
    private static Object[] rethrowingFailures(Object[] results) {
        for (Object o : results) {
            if (o instanceof Failure f) {
                throw f.rethrow();
            }
        }
        return results;
    }

    /**
     * Runs tasks {@code 0 … count − 1} on this thread and one helper of the common pool, each
     * thread taking the next task not yet taken (issue 20). Callers put the longest task first: in
     * the backtest the final decomposition (a robust MSTL of the whole history, 4–5 origins' worth
     * on a 5-minute year), so that the origins fill in around it; after it the chosen method's
     * forecast, with the baselines beside it. Longest first, then whoever is free. A parallel
     * stream split the range in fixed halves, and on a 5-minute year one core fitted the
     * decomposition and three origins while the other fitted five and then waited (1.44 s against
     * 0.95 s). Each task computes what it computed before, so the results are the same.
     *
     * <p>This thread can run every task alone: when the pool's worker is busy (a fleet of analyses
     * at once) it takes none, and this thread waits only for a task the helper has begun. Failures
     * travel as values ({@link Failure}), and the results are returned in task order.
     */
    static Object[] takeInTurn(int count, java.util.function.IntFunction<Object> task) {
        Object[] results = new Object[count];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(count);
        Runnable take = () -> {
            for (int j = next.getAndIncrement(); j < count; j = next.getAndIncrement()) {
                try {
                    results[j] = task.apply(j);
                } catch (RuntimeException | Error e) {
                    results[j] = new Failure(e);
                } finally {
                    finished.countDown();
                }
            }
        };
        if (count > 1) {
            java.util.concurrent.ForkJoinPool.commonPool().execute(take);
        }
        take.run();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while the backtest finished");
        }
        return results;
    }

    /** The backtest's origins: {@code count} of them, {@code spacing} apart, each with {@code lead} steps held out. */
    private record Origins(int lead, int spacing, int history, int count) {
        int origin(int n, int j) {
            return n - lead - j * spacing;
        }
    }

    /** @return the origins the backtest of {@code n} steps uses, or null when it cannot run */
    private static Origins origins(int n, Shape s, List<SeasonalPeriod> periods, int horizon) {
        int m = s.main;
        if (m == 0 || n < 3 * m + 1) {
            return null;
        }
        int longest = m;
        for (SeasonalPeriod p : periods) {
            longest = Math.max(longest, p.steps());
        }
        int minHistory = 2 * m + 1;
        // The longest lead time that leaves room for three origins, else for one.
        int lead = 0;
        int[] leads = s.week > 0 ? new int[] {2 * s.week, s.week, m} : new int[] {m};
        for (int need : new int[] {3, 1}) {
            for (int l : leads) {
                int want = Math.min(l, Math.max(m, horizon));
                if (lead == 0 && n - want - (need - 1) * Math.max(1, want / 4) >= minHistory) {
                    lead = want;
                }
            }
        }
        if (lead == 0) {
            return null;
        }
        int spacing = Math.max(1, lead / 4);
        int historyLength = Math.max(8 * m, 2 * longest + lead);
        // The origins are independent: each is fitted on its own thread where cores are free, and
        // their errors are summed afterwards in origin order, so the sums (and the choice) are
        // those of one thread to the last bit.
        int originCount = 0;
        while (originCount < MAX_ORIGINS && n - lead - originCount * spacing >= minHistory) {
            originCount++;
        }
        return new Origins(lead, spacing, historyLength, originCount);
    }

    /** Scores the origins' fits (in origin order) and picks the method. */
    private static Optional<Run> score(TrafficSeries series, double[] masked, Shape s, List<String> methods, int lead,
                                       List<OriginFit> fits) {
        int k = methods.size();
        String naive = naiveOfMain(s);
        double[] absScaled = new double[k];
        double[] abs = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        double[][] err = new double[k][MAX_ORIGINS * lead];
        double absProfile = 0;
        boolean profiled = true;
        int points = 0;
        int origins = 0;
        int naiveIndex0 = methods.indexOf(naive);
        for (OriginFit fit : fits) {
            if (fit == null) {
                continue;
            }
            int origin = fit.origin;
            double[][] f = fit.forecasts;
            double scale = fit.scale;
            if (profiled && fit.profile == null) {
                profiled = false;
            }
            double[] originAbs = new double[k];
            int originPoints = 0;
            for (int h = 0; h < lead; h++) {
                double actual = masked[origin + h];
                if (Double.isNaN(actual)) {
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    double e = actual - f[i][h];
                    err[i][points] = e;
                    abs[i] += Math.abs(e);
                    absScaled[i] += Math.abs(e) / scale;
                    originAbs[i] += Math.abs(e) / scale;
                }
                if (profiled) {
                    double p = fit.profile[h];
                    // A slot the history never saw counts as the seasonal-naive guess.
                    absProfile += Math.abs(actual - (Double.isNaN(p) ? f[Math.max(0, naiveIndex0)][h] : p)) / scale;
                }
                points++;
                originPoints++;
            }
            if (originPoints > 0) {
                for (int i = 0; i < k; i++) {
                    low[i] = Math.min(low[i], originAbs[i] / originPoints);
                    high[i] = Math.max(high[i], originAbs[i] / originPoints);
                }
                origins++;
            }
        }
        if (origins == 0 || points == 0) {
            return Optional.empty();
        }
        List<Forecast.Score> scores = new ArrayList<>();
        int best = 0;
        for (int i = 0; i < k; i++) {
            scores.add(new Forecast.Score(methods.get(i), absScaled[i] / points, abs[i] / points, low[i], high[i]));
            if (absScaled[i] < absScaled[best]) {
                best = i;
            }
        }
        int naiveIndex = methods.indexOf(naive);
        double[] e = Arrays.copyOf(err[best], points);
        Arrays.sort(e);
        double[] q = {Quantiles.type7(e, 0, points, 0.025), Quantiles.type7(e, 0, points, 0.10),
            Quantiles.type7(e, 0, points, 0.90), Quantiles.type7(e, 0, points, 0.975)};
        Forecast.Backtest bt = new Forecast.Backtest(origins, series.step().multipliedBy(lead),
                absScaled[best] / points, naiveIndex < 0 ? Double.NaN : absScaled[naiveIndex] / points,
                profiled ? absProfile / points : Double.NaN, methods.get(best), scores);
        return Optional.of(new Run(bt, q));
    }

    /**
     * One origin's candidate forecasts, the MASE scale of its history and the weekly profile's
     * expectation at each lead (null when the history gives no profile).
     */
    private record OriginFit(int origin, double[][] forecasts, double scale, double[] profile) {
    }

    /** @return the origin's fit, or null when its history has no seasonal-naive error to scale by */
    private static OriginFit fitOrigin(TrafficSeries series, double[] observed, List<SeasonalPeriod> fullPeriods,
                                       double[] masked, Shape s, List<String> methods, int origin, int lead,
                                       int historyLength, int m, BooleanSupplier cancelled) {
        check(cancelled);
        int k = methods.size();
        int from = Math.max(0, origin - historyLength);
        double[] hist = Arrays.copyOfRange(masked, from, origin);
        double scale = maseScale(hist, m);
        if (!(scale > 0)) {
            return null;
        }
        double[] histObserved = Arrays.copyOfRange(observed, from, origin);
        TrafficSeries histSeries = new TrafficSeries(series.name(), series.timeAt(from), series.step(),
                histObserved, series.zone(), series.unit());
        List<SeasonalPeriod> periods = new ArrayList<>();
        for (SeasonalPeriod p : fullPeriods) {
            if (hist.length >= 2 * p.steps()) {
                periods.add(p);
            }
        }
        Decomposition d;
        try (var t = PhaseTimer.start("decomposition per origin")) {
            d = PatternAnalysis.decompose(histSeries, periods, histObserved, hist, cancelled);
        }
        double[][] f = new double[k][];
        for (int i = 0; i < k; i++) {
            String method = methods.get(i);
            try (var t = PhaseTimer.start(method)) {
                if (method.equals(METHOD_MSTL)) {
                    f[i] = Forecaster.forecast(d, lead).mean();
                } else if (method.equals(METHOD_MSTL_LOG)) {
                    f[i] = logForecast(histSeries, d, hist, lead, s, cancelled).mean();
                } else {
                    f[i] = baseline(method, d, hist, lead, s);
                }
            }
        }
        double[] expected = null;
        try (var t = PhaseTimer.start("weekly profile per origin")) {
            WeeklyProfile profile = WeeklyProfiles.median(TrafficSeries.adopt(series.name(), series.start(),
                    series.step(), Arrays.copyOfRange(masked, 0, origin), series.zone(), series.unit()), series.zone());
            WeekSlots.Locator locator = profile.slots().locator();
            expected = new double[lead];
            for (int h = 0; h < lead; h++) {
                expected[h] = profile.expectedAt(locator.slotOf(series.timeAt(origin + h).getEpochSecond()));
            }
        } catch (IllegalArgumentException e) {
            expected = null;
        }
        return new OriginFit(origin, f, scale, expected);
    }

    /**
     * The MASE scale (Hyndman and Koehler 2006): the in-sample mean absolute error of the seasonal
     * naive forecast of lag {@code m} over {@code history}, pairs with a missing value skipped; as
     * R's {@code forecast::accuracy} computes it for a series of frequency {@code m}.
     *
     * @return the scale, {@code NaN} when no pair is measured
     */
    static double maseScale(double[] history, int m) {
        double scale = 0;
        int sc = 0;
        for (int t = m; t < history.length; t++) {
            if (!Double.isNaN(history[t]) && !Double.isNaN(history[t - m])) {
                scale += Math.abs(history[t] - history[t - m]);
                sc++;
            }
        }
        return sc == 0 ? Double.NaN : scale / sc;
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }

    /**
     * The forecast's method and the evidence for it, in one line for every face: "median of the last
     * 4 weeks, chosen by a backtest over 8 origins at lead times up to 14 days: MASE 1.08 (0.92-1.23)
     * repeat the last week, …, 0.84 (0.73-1.08) [chosen] median of the last 4 weeks, …"; the range
     * after each MASE is its lowest and highest over single origins.
     */
    public static String evidence(Forecast f) {
        String name = describe(f.method());
        if (f.backtest().isEmpty()) {
            return name + " (not backtested: the history is too short to compare methods)";
        }
        Forecast.Backtest b = f.backtest().get();
        long hours = b.horizon().toHours();
        String lead = hours % 24 == 0 ? hours / 24 + (hours == 24 ? " day" : " days") : b.horizon().toMinutes() % 60 == 0
                ? hours + (hours == 1 ? " hour" : " hours") : b.horizon().toMinutes() + " minutes";
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%s, chosen by a backtest over %d origin%s at lead times up to %s: MASE", name, b.origins(),
                b.origins() == 1 ? "" : "s", lead));
        for (int i = 0; i < b.candidates().size(); i++) {
            Forecast.Score sc = b.candidates().get(i);
            s.append(String.format(java.util.Locale.ROOT, "%s %.2f (%.2f-%.2f) %s%s", i == 0 ? "" : ",", sc.mase(),
                    sc.maseLow(), sc.maseHigh(), sc.method().equals(b.method()) ? "[chosen] " : "",
                    describe(sc.method())));
        }
        if (!Double.isNaN(b.profileMase())) {
            s.append(String.format(java.util.Locale.ROOT, ", %.2f weekly profile", b.profileMase()));
        }
        return s.toString();
    }

    /**
     * The forecast's method and its held-out score in one short line, for a banner: "Forecast: median
     * of the last 4 weeks, backtest MASE 0.84 against 1.08 for repeat the last week (lower is better;
     * 8 origins, lead times up to 14 days)".
     */
    public static String summary(Forecast f) {
        String name = describe(f.method());
        if (f.backtest().isEmpty()) {
            return "Forecast: " + name + " (not backtested: the history is too short to compare methods)";
        }
        Forecast.Backtest b = f.backtest().get();
        String naive = b.candidates().stream()
                .filter(sc -> sc.method().startsWith("seasonal-naive") && sc.mase() == b.naiveMase())
                .map(Forecast.Score::method).findFirst().orElse("");
        long hours = b.horizon().toHours();
        String lead = hours % 24 == 0 ? hours / 24 + (hours == 24 ? " day" : " days") : hours + " hours";
        String against = b.method().equals(naive) || naive.isEmpty()
                ? String.format(java.util.Locale.ROOT, ", the best of %d methods", b.candidates().size())
                : String.format(java.util.Locale.ROOT, " against %.2f for %s", b.naiveMase(), describe(naive));
        return String.format(java.util.Locale.ROOT, "Forecast: %s, backtest MASE %.2f%s (lower is better; %d origin%s, "
                + "lead times up to %s)", name, b.mase(), against, b.origins(), b.origins() == 1 ? "" : "s", lead);
    }

    /**
     * The choice and every candidate's backtest MASE, compactly (for a table cell): "median of the
     * last 4 weeks; backtest MASE over 8 origins: 0.84 chosen, 1.08 repeat the last week, …".
     */
    public static String scores(Forecast f) {
        if (f.backtest().isEmpty()) {
            return describe(f.method()) + " (not backtested: short history)";
        }
        Forecast.Backtest b = f.backtest().get();
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%s; backtest MASE over %d origin%s: "
                + "%.2f chosen", describe(f.method()), b.origins(), b.origins() == 1 ? "" : "s", b.mase()));
        for (Forecast.Score sc : b.candidates()) {
            if (!sc.method().equals(b.method())) {
                s.append(String.format(java.util.Locale.ROOT, ", %.2f %s", sc.mase(), describe(sc.method())));
            }
        }
        if (!Double.isNaN(b.profileMase())) {
            s.append(String.format(java.util.Locale.ROOT, ", %.2f weekly profile", b.profileMase()));
        }
        return s.toString();
    }

    /** @return the method's name in words, for people */
    public static String describe(String method) {
        return switch (method) {
            case METHOD_NAIVE_WEEK -> "repeat the last week";
            case METHOD_NAIVE_DAY -> "repeat the last day";
            case METHOD_NAIVE_SEASON -> "repeat the last season";
            case METHOD_MEDIAN_WEEKS -> "median of the last " + MEDIAN_WEEKS + " weeks";
            case METHOD_MEDIAN_DAYS -> "median of the last " + MEDIAN_WEEKS + " days";
            case METHOD_MSTL -> "MSTL with damped trend";
            case METHOD_MSTL_LOG -> "MSTL with damped trend on the log scale";
            default -> method;
        };
    }
}
