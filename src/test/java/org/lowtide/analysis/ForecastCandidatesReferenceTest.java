package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

/**
 * Issue 18: the forecast candidates added for the evidence-based choice, against R 4.2.2 and
 * forecast 8.20 on the same data ({@code forecast/make_reference.R} writes the input and every
 * reference; a seeded hourly series with multiplicative daily and weekly cycles, 1,175 steps of
 * history and one held-out week).
 *
 * <p>Tolerances: where Lowtide computes the same thing as R (the log-scale MSTL, repeat the last
 * week, the median of the last four weeks, the MASE scale and MASE) 1e-9, relative to the series'
 * spread or value, near the agreement measured (≈1e-13). The log-scale forecast itself is Lowtide's
 * {@link Forecaster} (damped trend fitted on a grid to daily means) where R's {@code stlf} fits an
 * ETS(A,Ad,N) by likelihood to every step: the same model family, not the same fit, so its mean
 * may differ from {@code stlf(lambda = 0)} by {@link #STLF_MEAN_TOLERANCE} of the held-out level
 * and its held-out MASE by {@link #STLF_MASE_TOLERANCE}. (R's {@code accuracy} scales by the
 * frequency-168 naive error only when the held-out values are a {@code ts} aligned with the
 * forecast; given a plain vector it scales otherwise: the script passes a {@code ts}.)
 */
class ForecastCandidatesReferenceTest {

    private static final double EXACT = 1e-9;
    /** Largest difference from stlf's mean at any step, as a share of the held-out week's mean (measured 0.067). */
    static final double STLF_MEAN_TOLERANCE = 0.08;
    /** Largest difference from stlf's MASE on the held-out week, absolute (measured 0.047: 0.896 vs 0.943). */
    static final double STLF_MASE_TOLERANCE = 0.06;

    private static final int WEEK = 168;
    private static final int HISTORY = 1175;

    private static double[] all;
    private static double[] train;
    private static double[] test;
    private static TrafficSeries series;
    private static Decomposition full;
    private static ForecastSelection.Shape shape;
    private static Map<String, double[]> forecasts;
    private static Map<String, double[]> mase;

    @BeforeAll
    static void fit() {
        all = read("input_multiplicative_hourly.csv").get("y");
        train = Arrays.copyOf(all, HISTORY);
        test = Arrays.copyOfRange(all, HISTORY, HISTORY + WEEK);
        series = new TrafficSeries("reference", Instant.parse("2026-01-05T00:00:00Z"), Duration.ofHours(1), train,
                ZoneOffset.UTC, "requests");
        full = PatternAnalysis.decompose(series, List.of(period(24, "day"), period(WEEK, "week")), train, train,
                () -> false, true);
        shape = ForecastSelection.shape(series, full, train);
        forecasts = read("r_forecasts.csv");
        mase = read("r_mase.csv");
    }

    private static SeasonalPeriod period(int steps, String name) {
        return new SeasonalPeriod(Duration.ofHours(steps), steps, name, HISTORY / (double) steps, Double.NaN,
                Double.NaN, Double.NaN);
    }

    @Test
    void theShapeOffersEveryCandidate() {
        assertThat(shape.day()).isEqualTo(24);
        assertThat(shape.week()).isEqualTo(WEEK);
        assertThat(shape.main()).isEqualTo(WEEK);
        assertThat(shape.logOk()).isTrue();
        assertThat(shape.offset()).as("no zero, no offset").isZero();
    }

    @Test
    void theLogScaleDecompositionIsRsMstlOfTheLogarithm() {
        Decomposition log = ForecastSelection.decomposeLog(series, series.start(), train, train, full.periods(), shape,
                () -> false);
        Map<String, double[]> r = read("r_mstl_log_robust.csv");
        double[] logY = Arrays.stream(train).map(Math::log).toArray();
        double sd = sd(logY);
        assertThat(maxAbsDiff(log.trend(), r.get("trend")) / sd).as("trend").isLessThan(EXACT);
        assertThat(maxAbsDiff(log.seasonal()[0], r.get("seasonal_24")) / sd).as("daily").isLessThan(EXACT);
        assertThat(maxAbsDiff(log.seasonal()[1], r.get("seasonal_168")) / sd).as("weekly").isLessThan(EXACT);
        assertThat(maxAbsDiff(log.remainder(), r.get("remainder")) / sd).as("remainder").isLessThan(EXACT);
    }

    @Test
    void repeatTheLastWeekIsRsSnaive() {
        double[] ours = ForecastSelection.baseline(ForecastSelection.METHOD_NAIVE_WEEK, full, train, WEEK, shape);
        assertThat(maxRelDiff(ours, forecasts.get("snaive"))).isLessThan(EXACT);
    }

    @Test
    void theMedianOfTheLastFourWeeksIsRsMedianPerStepOfTheWeek() {
        double[] ours = ForecastSelection.baseline(ForecastSelection.METHOD_MEDIAN_WEEKS, full, train, WEEK, shape);
        assertThat(maxRelDiff(ours, forecasts.get("median4"))).isLessThan(EXACT);
    }

    @Test
    void theMaseScaleAndMaseAreRsAccuracy() {
        double scale = ForecastSelection.maseScale(train, WEEK);
        assertThat(scale / mase.get("scale")[0] - 1).isCloseTo(0, within(EXACT));
        double[] naive = ForecastSelection.baseline(ForecastSelection.METHOD_NAIVE_WEEK, full, train, WEEK, shape);
        double[] median = ForecastSelection.baseline(ForecastSelection.METHOD_MEDIAN_WEEKS, full, train, WEEK, shape);
        assertThat(mae(naive) / scale).isCloseTo(mase.get("mase")[0], within(EXACT));
        assertThat(mae(median) / scale).isCloseTo(mase.get("mase")[1], within(EXACT));
        // R scores its own stlf forecasts: the same formula applied to R's numbers.
        assertThat(mae(forecasts.get("stlf_log")) / scale).isCloseTo(mase.get("mase")[2], within(EXACT));
    }

    @Test
    void theLogScaleForecastIsCloseToStlfWithLambdaZero() {
        Forecast f = ForecastSelection.logForecast(series, full, train, WEEK, shape, () -> false);
        double level = Arrays.stream(test).average().orElseThrow();
        double[] r = forecasts.get("stlf_log");
        double scale = ForecastSelection.maseScale(train, WEEK);
        double additive = mae(Forecaster.forecast(full, WEEK).mean()) / scale;
        System.out.printf(java.util.Locale.ROOT, "held-out MASE: log %.4f (R stlf %.4f), additive %.4f (R %.4f), "
                        + "max |mean - stlf| / level %.4f%n", mae(f.mean()) / scale, mase.get("mase")[2], additive,
                mase.get("mase")[3], maxAbsDiff(f.mean(), r) / level);
        assertThat(maxAbsDiff(f.mean(), r) / level).isLessThan(STLF_MEAN_TOLERANCE);
        assertThat(mae(f.mean()) / scale).isCloseTo(mase.get("mase")[2], within(STLF_MASE_TOLERANCE));
        // A back-transformed log forecast: its 80 % band is wider above the mean than below it.
        for (int h = 0; h < WEEK; h++) {
            assertThat(f.upper80()[h] - f.mean()[h]).isGreaterThan(f.mean()[h] - f.lower80()[h]);
        }
        // On multiplicative data the log variant beats the additive one held out, as it does in R.
        assertThat(mase.get("mase")[2]).isLessThan(mase.get("mase")[3]);
        assertThat(mae(f.mean()) / scale).isLessThan(additive);
    }

    @Test
    void theSelectionChoosesTheLogVariantOnMultiplicativeData() {
        Forecast f = ForecastSelection.forecast(series, full, train, WEEK, () -> false);
        assertThat(f.backtest()).isPresent();
        System.out.println(ForecastSelection.evidence(f));
        assertThat(f.method()).isEqualTo(ForecastSelection.METHOD_MSTL_LOG);
        Forecast.Backtest b = f.backtest().get();
        assertThat(ForecastSelection.summary(f)).isEqualTo(String.format(java.util.Locale.ROOT,
                "Forecast: MSTL with damped trend on the log scale, backtest MASE %.2f against %.2f for repeat the "
                        + "last week (lower is better; %d origins, lead times up to 7 days)", b.mase(), b.naiveMase(),
                b.origins()));
    }

    private static double mae(double[] f) {
        double s = 0;
        for (int i = 0; i < test.length; i++) {
            s += Math.abs(test[i] - f[i]);
        }
        return s / test.length;
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double maxRelDiff(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
        }
        return m;
    }

    private static double sd(double[] y) {
        double mean = Arrays.stream(y).average().orElseThrow();
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (y.length - 1));
    }

    /** The numeric columns of a reference CSV (a {@code time} column is skipped). */
    static Map<String, double[]> read(String file) {
        try (InputStream in = ForecastCandidatesReferenceTest.class.getResourceAsStream("forecast/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource forecast/" + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split(",");
            List<String[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            Map<String, double[]> cols = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                if (header[c].equals("time") || header[c].equals("method")) {
                    continue;
                }
                double[] col = new double[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    col[i] = Double.parseDouble(rows.get(i)[c]);
                }
                cols.put(header[c], col);
            }
            return cols;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
