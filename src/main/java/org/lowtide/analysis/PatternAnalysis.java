package org.lowtide.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.lowtide.analysis.stl.Mstl;
import org.lowtide.analysis.stl.MstlParameters;
import org.lowtide.analysis.stl.MstlResult;
import org.lowtide.analysis.stl.SeasonalFill;
import org.lowtide.traffic.PhaseTimer;
import org.lowtide.traffic.TrafficSeries;

/**
 * The patterns pipeline: periods → anomalies (masked) → seasonal fill → robust MSTL → strengths →
 * forecast chosen among candidates by a rolling-origin backtest ({@link ForecastSelection}).
 *
 * <p>Anomalies are masked <i>before</i> the final decomposition (DESIGN §4: a robust STL with few
 * cycles can copy an outage into the seasonal component), and the masked steps are filled by
 * seasonal interpolation and marked in {@link Decomposition#imputed()}. The decomposition is
 * Lowtide's default MSTL: R's {@code forecast::mstl} with {@code robust = TRUE}.
 */
public final class PatternAnalysis {

    /** Default forecast horizon in weeks. */
    public static final int DEFAULT_FORECAST_WEEKS = 8;

    /** Hears progress in [0, 1] with a message; called on the working thread. */
    @FunctionalInterface
    public interface Progress {
        /** Hears nothing. */
        Progress NONE = (f, m) -> { };

        void at(double fraction, String message);
    }

    private PatternAnalysis() {
    }

    /**
     * @param series        the traffic
     * @param forecastWeeks weeks to forecast (0 for none)
     * @param progress      hears progress
     * @param cancelled     asked between steps; when it returns true the analysis stops with a
     *                      {@link java.util.concurrent.CancellationException}
     */
    public static Patterns analyze(TrafficSeries series, int forecastWeeks, Progress progress,
                                   BooleanSupplier cancelled) {
        return analyze(series, forecastWeeks, true, progress, cancelled);
    }

    /**
     * The periods and anomalies only, without the decomposition: what a plan ranked on the weekly
     * profile (no forecast) and the outages of the risk fit read. The robust MSTL is most of an
     * analysis's time and neither reads it, so a fleet of such plans skips it (issue 17). The
     * periods are those {@link #analyze} would return, with {@code NaN} strengths; the decomposition
     * and the forecast are empty and the trend strength is {@code NaN}. Everything else (periods,
     * anomalies, notes) is exactly what {@link #analyze} finds.
     */
    public static Patterns withoutComponents(TrafficSeries series, Progress progress, BooleanSupplier cancelled) {
        return analyze(series, 0, false, progress, cancelled);
    }

    private static Patterns analyze(TrafficSeries series, int forecastWeeks, boolean components, Progress progress,
                                    BooleanSupplier cancelled) {
        List<String> notes = new ArrayList<>();
        progress.at(0.0, "Looking for seasonal periods");
        List<SeasonalPeriod> periods;
        try (var t = PhaseTimer.start("periods")) {
            periods = PeriodDetector.detect(series.values(), series.step());
        }
        for (SeasonalPeriod p : periods) {
            if (p.cycles() < 3) {
                notes.add(String.format(java.util.Locale.ROOT,
                        "the %s period rests on only %.1f cycles of data: treat it as tentative", p.name(), p.cycles()));
            }
        }
        check(cancelled);
        progress.at(0.15, "Looking for outages, gaps and spikes");
        AnomalyScan scan;
        try (var t = PhaseTimer.start("anomalies")) {
            scan = AnomalyDetector.detect(series, periods);
        }
        check(cancelled);
        double[] observed = series.values();
        double[] masked = scan.mask(observed);
        int measured = 0;
        for (double v : masked) {
            if (!Double.isNaN(v)) {
                measured++;
            }
        }
        if (measured < 4) {
            notes.add("too few measured values to decompose");
            return new Patterns(periods, scan, Optional.empty(), Optional.empty(), Double.NaN, notes);
        }
        if (!components) {
            progress.at(1.0, "Patterns done");
            return new Patterns(usablePeriods(series, periods, masked.length), scan, Optional.empty(),
                    Optional.empty(), Double.NaN, notes);
        }
        // The final decomposition, with its components' strengths (made on whichever thread is free).
        Decomposition[] made = new Decomposition[1];
        double[] trendStrength = {Double.NaN};
        java.util.function.Supplier<Decomposition> decomposition = () -> {
            Decomposition d;
            try (var t = PhaseTimer.start("decomposition (fill + robust MSTL)")) {
                d = decompose(series, periods, observed, masked, cancelled, true);
            }
            List<SeasonalPeriod> withStrength = strengths(d);
            trendStrength[0] = strength(d.trend(), d.remainder(), d.imputed());
            made[0] = new Decomposition(d.start(), d.step(), withStrength, d.observed(), d.filled(), d.imputed(),
                    d.trend(), d.seasonal(), d.remainder(), d.weights(), d.zone());
            return made[0];
        };
        Optional<Forecast> forecast = Optional.empty();
        long steps = forecastWeeks > 0
                ? Duration.ofDays(7L * forecastWeeks).getSeconds() / Math.max(1, series.step().getSeconds()) : 0;
        if (steps >= 1 && steps <= 5_000_000) {
            // The backtest needs the periods' lengths and the masked values only: it runs alongside
            // the final decomposition (issue 20), each task exactly as it ran before.
            progress.at(0.3, "Decomposing (robust MSTL) and backtesting the candidate forecasts");
            try (var t = PhaseTimer.start("decomposition and forecast")) {
                forecast = Optional.of(ForecastSelection.forecast(series, usablePeriods(series, periods, masked.length),
                        observed, masked, (int) steps, cancelled, decomposition));
            }
            progress.at(0.9, "Forecasting " + forecastWeeks + " weeks");
        } else {
            progress.at(0.3, "Decomposing (robust MSTL)");
            decomposition.get();
        }
        check(cancelled);
        Decomposition d = made[0];
        progress.at(1.0, "Patterns done");
        return new Patterns(d.periods(), scan, Optional.of(d), forecast, trendStrength[0], notes);
    }

    /**
     * The same patterns with a forecast of {@code forecastWeeks} instead: periods, anomalies and
     * decomposition do not depend on the horizon, so they are kept and only the forecast is made
     * again, exactly as {@link #analyze} makes it (on the same decomposition and masked values).
     *
     * @param series the series {@code patterns} were found in
     */
    public static Patterns reforecast(Patterns patterns, TrafficSeries series, int forecastWeeks,
                                      BooleanSupplier cancelled) {
        if (patterns.decomposition().isEmpty()) {
            return patterns;
        }
        Optional<Forecast> forecast = Optional.empty();
        if (forecastWeeks > 0) {
            long steps = Duration.ofDays(7L * forecastWeeks).getSeconds() / Math.max(1, series.step().getSeconds());
            if (steps >= 1 && steps <= 5_000_000) {
                forecast = Optional.of(ForecastSelection.forecast(series, patterns.decomposition().get(),
                        patterns.anomalies().mask(series.values()), (int) steps, cancelled));
            }
        }
        return new Patterns(patterns.periods(), patterns.anomalies(), patterns.decomposition(), forecast,
                patterns.trendStrength(), patterns.notes());
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }

    /**
     * Fills {@code masked} seasonally and decomposes it with Lowtide's default MSTL, on the local
     * wall-clock grid of the series' zone (see {@link WallClockGrid}) when DST changes the offset
     * inside the span; the components are mapped back to the series' grid.
     */
    static Decomposition decompose(TrafficSeries series, List<SeasonalPeriod> periods, double[] observed,
                                   double[] masked, BooleanSupplier cancelled) {
        return decompose(series, periods, observed, masked, cancelled, false);
    }

    /**
     * @param exact whether the MSTL must be fitted to the final filled values, so that
     *              {@link Decomposition#filled()} is exactly the series decomposed (the final
     *              decomposition, whose {@code filled} the components CSV shows); otherwise the fit
     *              the seasonal fill made of its preliminary fill is reused when it has the same
     *              periods (half the cost, for the backtest's many fits)
     */
    static Decomposition decompose(TrafficSeries series, List<SeasonalPeriod> periods, double[] observed,
                                   double[] masked, BooleanSupplier cancelled, boolean exact) {
        int n = masked.length;
        WallClockGrid grid = grid(series, periods, n);
        List<SeasonalPeriod> usable = usable(grid, periods, n);
        int[] steps = usable.stream().mapToInt(SeasonalPeriod::steps).toArray();
        if (steps.length == 0) {
            grid = WallClockGrid.of(series.start(), series.step(), 0, series.zone());
        }
        boolean[] imputed = new boolean[n];
        for (int i = 0; i < n; i++) {
            imputed[i] = Double.isNaN(masked[i]);
        }
        double[] local = grid.identity() ? masked : grid.toLocal(masked);
        java.util.function.IntPredicate stop = k -> cancelled != null && cancelled.getAsBoolean();
        SeasonalFill.Filled fill = SeasonalFill.fillWithFit(local, stop, steps);
        double[] localFilled = fill.values();
        double[] filled = masked.clone();
        double[] filledBack = grid.identity() ? localFilled : grid.toUtc(localFilled);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(filled[i])) {
                filled[i] = filledBack[i];
            }
        }
        double[][] seasonal;
        double[] trend;
        double[] weights;
        if (steps.length > 0) {
            // In the backtest one robust MSTL serves the fill and the decomposition when the fill
            // made one with the same periods: robust weights already discount the few filled
            // steps' first guesses, and it halves the cost. The final decomposition is fitted to
            // the filled values it reports (issue 18: the components CSV must show what was used).
            MstlResult fit = exact ? null
                    : fill.fit().filter(f -> java.util.Arrays.equals(f.periods(), steps)).orElse(null);
            if (fit == null) {
                fit = Mstl.decompose(localFilled, MstlParameters.defaults(true, steps), stop);
            }
            // MstlParameters sorts the periods; usable is already ascending.
            seasonal = new double[steps.length][];
            for (int i = 0; i < steps.length; i++) {
                seasonal[i] = grid.identity() ? fit.seasonal()[i] : grid.toUtc(fit.seasonal()[i]);
            }
            trend = grid.identity() ? fit.trend() : grid.toUtc(fit.trend());
            weights = grid.identity() ? fit.weights() : grid.toUtc(fit.weights());
        } else {
            seasonal = new double[0][];
            int window = Math.max(3, Math.min(n, n / 10 | 1));
            trend = RollingMedian.centred(filled, window, Math.max(1, window / 16));
            weights = new double[n];
            Arrays.fill(weights, 1.0);
        }
        double[] remainder = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = trend[i];
            for (double[] c : seasonal) {
                sum += c[i];
            }
            remainder[i] = filled[i] - sum;
        }
        return new Decomposition(series.start(), series.step(), usable, observed, filled, imputed, trend, seasonal,
                remainder, weights, series.zone());
    }

    private static WallClockGrid grid(TrafficSeries series, List<SeasonalPeriod> periods, int n) {
        return periods.isEmpty() ? WallClockGrid.of(series.start(), series.step(), 0, series.zone())
                : WallClockGrid.of(series.start(), series.step(), n, series.zone());
    }

    /** The periods {@link #decompose} fits: those that fit twice into the grid it fits on (the local grid loses an hour in autumn). */
    private static List<SeasonalPeriod> usable(WallClockGrid grid, List<SeasonalPeriod> periods, int n) {
        int length = grid.identity() ? n : grid.localSize();
        List<SeasonalPeriod> usable = new ArrayList<>();
        for (SeasonalPeriod p : periods) {
            if (Math.min(n, length) >= 2 * p.steps()) {
                usable.add(p);
            }
        }
        return usable;
    }

    /** The periods the decomposition of {@code n} steps of {@code series} will have. */
    static List<SeasonalPeriod> usablePeriods(TrafficSeries series, List<SeasonalPeriod> periods, int n) {
        return usable(grid(series, periods, n), periods, n);
    }

    private static List<SeasonalPeriod> strengths(Decomposition d) {
        List<SeasonalPeriod> out = new ArrayList<>();
        for (int i = 0; i < d.periods().size(); i++) {
            out.add(d.periods().get(i).withStrength(strength(d.seasonal()[i], d.remainder(), d.imputed())));
        }
        return out;
    }

    /**
     * Strength of a component (Wang, Smith, Hyndman 2006, "Characteristic-based clustering for time
     * series data"): {@code max(0, 1 − Var(R) / Var(C + R))} over the measured steps.
     */
    static double strength(double[] component, double[] remainder, boolean[] skip) {
        double sr = 0;
        double srr = 0;
        double sc = 0;
        double scc = 0;
        int m = 0;
        for (int i = 0; i < remainder.length; i++) {
            if (skip[i]) {
                continue;
            }
            double r = remainder[i];
            double c = component[i] + r;
            sr += r;
            srr += r * r;
            sc += c;
            scc += c * c;
            m++;
        }
        if (m < 2) {
            return Double.NaN;
        }
        double varR = srr / m - (sr / m) * (sr / m);
        double varC = scc / m - (sc / m) * (sc / m);
        if (varC <= 0) {
            return 0;
        }
        return Math.max(0, 1 - varR / varC);
    }
}
