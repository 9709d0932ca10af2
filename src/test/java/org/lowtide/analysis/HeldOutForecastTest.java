package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * Issue 18's check: on every real series in {@code ../shared/data/traffic}, the last two weeks are
 * held out (the backtest never sees them); the forecast the backtest chose is scored on them by MAE
 * against each simple baseline and each model candidate. The chosen method may be worse than the
 * best simple baseline by more than 5 % on at most one series. The table it prints is the README's
 * "Forecast accuracy on held-out weeks".
 */
class HeldOutForecastTest {

    /** File and value column (empty for the only one). */
    private static final String[][] SERIES = {
        {"isp_transatlantic_internet_traffic_5min.csv", ""},
        {"nab_elb_request_count_8c0756.csv", ""},
        {"nab_twitter_volume_AAPL.csv", ""},
        {"nab_twitter_volume_FB.csv", ""},
        {"nab_twitter_volume_GOOG.csv", ""},
        {"prophet_pedestrians_hourly_two_sensors.csv", "location_4"},
        {"prophet_pedestrians_hourly_two_sensors.csv", "location_41"},
        {"prophet_wp_log_peyton_manning_daily.csv", ""},
        {"prophet_yosemite_temps_5min.csv", ""},
        {"prophet_air_passengers_monthly_cr_line_endings.csv", ""},
    };

    static final Duration HOLD_OUT = Duration.ofDays(14);

    @Test
    void theChosenForecastIsNeverMuchWorseThanTheBestSimpleBaselineOnHeldOutWeeks() throws Exception {
        Path dir = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/data absent: skipped");
        List<String> rows = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        int scored = 0;
        for (String[] spec : SERIES) {
            Path file = dir.resolve(spec[0]);
            String name = spec[0].replace(".csv", "") + (spec[1].isEmpty() ? "" : " " + spec[1]);
            if (!Files.isRegularFile(file)) {
                rows.add("| " + name + " | file absent |");
                continue;
            }
            ImportOptions options = ImportOptions.inZone(ZoneOffset.UTC);
            if (!spec[1].isEmpty()) {
                options = options.withColumn(spec[1]);
            }
            TrafficSeries all;
            try {
                all = CsvTrafficReader.read(file, options).series();
            } catch (Exception e) {
                rows.add("| " + name + " | not read: " + e.getMessage() + " |");
                continue;
            }
            long step = all.step().getSeconds();
            if (step > 86_400) {
                rows.add("| " + name + " | skipped: a step of " + all.step() + " gives no two weeks to hold out |");
                continue;
            }
            int held = (int) (HOLD_OUT.getSeconds() / step);
            int n = all.size() - held;
            if (n < 2 * 7 * 86_400 / step) {
                rows.add("| " + name + " | skipped: less than two weeks before the held-out two |");
                continue;
            }
            TrafficSeries train = new TrafficSeries(all.name(), all.start(), all.step(),
                    Arrays.copyOfRange(all.values(), 0, n), all.zone(), all.unit());
            double[] actual = Arrays.copyOfRange(all.values(), n, all.size());
            Patterns p = PatternAnalysis.analyze(train, 2, PatternAnalysis.Progress.NONE, () -> false);
            Forecast f = p.forecast().orElseThrow();
            Decomposition d = p.decomposition().orElseThrow();
            Map<String, double[]> methods = new LinkedHashMap<>(f.baselines());
            methods.put(ForecastSelection.METHOD_MSTL, Forecaster.forecast(d, held).mean());
            ForecastSelection.Shape shape = ForecastSelection.shape(train, d, p.anomalies().mask(train.values()));
            if (shape.logOk()) {
                methods.put(ForecastSelection.METHOD_MSTL_LOG, ForecastSelection.logForecast(train, d,
                        p.anomalies().mask(train.values()), held, shape, () -> false).mean());
            }
            double chosen = mae(actual, f.mean());
            double reference = mae(actual, methods.get(ForecastSelection.METHOD_NAIVE_WEEK));
            double bestBaseline = Double.POSITIVE_INFINITY;
            StringBuilder row = new StringBuilder("| " + name + " | " + f.method() + " | "
                    + String.format(Locale.ROOT, "%.2f", chosen / reference));
            for (String m : List.of(ForecastSelection.METHOD_NAIVE_DAY, ForecastSelection.METHOD_MEDIAN_WEEKS,
                    ForecastSelection.METHOD_MSTL, ForecastSelection.METHOD_MSTL_LOG)) {
                double[] values = methods.get(m);
                if (values == null && m.equals(ForecastSelection.METHOD_MEDIAN_WEEKS)) {
                    values = methods.get(ForecastSelection.METHOD_MEDIAN_DAYS);
                }
                double mae = values == null ? Double.NaN : mae(actual, values);
                row.append(values == null ? " | —" : String.format(Locale.ROOT, " | %.2f", mae / reference));
                if (values != null && !m.startsWith("mstl")) {
                    bestBaseline = Math.min(bestBaseline, mae);
                }
            }
            bestBaseline = Math.min(bestBaseline, reference);
            double vsBest = chosen / bestBaseline;
            row.append(String.format(Locale.ROOT, " | %.3f | %s |", vsBest,
                    f.backtest().map(b -> String.format(Locale.ROOT, "%.2f / %.2f", b.mase(), b.naiveMase()))
                            .orElse("—")));
            rows.add(row.toString());
            scored++;
            if (vsBest > 1.05) {
                worse.add(name + String.format(Locale.ROOT, " (%.2f)", vsBest));
            }
            // The forecast never goes to zero where the series never was zero.
            double min = Arrays.stream(train.values()).filter(v -> !Double.isNaN(v)).min().orElse(0);
            if (min > 0) {
                assertThat(Arrays.stream(f.mean()).min().orElseThrow()).as(name).isGreaterThan(0);
            }
        }
        System.out.println("| series | chosen | chosen | naive day | median 4 weeks (days) | MSTL | MSTL log | chosen / best "
                + "baseline | backtest MASE chosen / naive |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        assertThat(scored).isGreaterThanOrEqualTo(6);
        assertThat(worse).as("series where the chosen method lost to the best simple baseline by more than 5 %%")
                .hasSizeLessThanOrEqualTo(1);
    }

    /**
     * The one held-out fortnight of Peyton Manning (MSTL 12 % better than the chosen naive week) is
     * one draw: holding out each of the ten fortnights before the end in turn (Sept 2015 – Jan 2016,
     * the backtest never seeing its fortnight), the chosen method's mean MAE is within 5 % of the
     * best single method's, and MSTL is not that method. The choice rule is right; the last
     * fortnight (the NFL play-offs, which the yearly cycle knows) favoured MSTL by chance.
     */
    @Test
    void onPeytonManningTheChoiceHoldsOverTenHeldOutFortnights() throws Exception {
        Path file = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic",
                "prophet_wp_log_peyton_manning_daily.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data absent: skipped");
        TrafficSeries all = CsvTrafficReader.read(file, ImportOptions.inZone(ZoneOffset.UTC)).series();
        int held = (int) HOLD_OUT.toDays();
        List<String> fixed = List.of(ForecastSelection.METHOD_NAIVE_WEEK, ForecastSelection.METHOD_MEDIAN_WEEKS,
                ForecastSelection.METHOD_MSTL);
        double chosen = 0;
        double[] sums = new double[fixed.size()];
        for (int back = 0; back < 10 * held; back += held) {
            int n = all.size() - held - back;
            TrafficSeries train = new TrafficSeries(all.name(), all.start(), all.step(),
                    Arrays.copyOfRange(all.values(), 0, n), all.zone(), all.unit());
            double[] actual = Arrays.copyOfRange(all.values(), n, n + held);
            Patterns p = PatternAnalysis.analyze(train, 2, PatternAnalysis.Progress.NONE, () -> false);
            Forecast f = p.forecast().orElseThrow();
            Map<String, double[]> methods = new LinkedHashMap<>(f.baselines());
            methods.put(ForecastSelection.METHOD_MSTL, Forecaster.forecast(p.decomposition().orElseThrow(), held).mean());
            chosen += mae(actual, f.mean());
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %.3f", train.timeAt(n),
                    f.method(), mae(actual, f.mean())));
            for (int i = 0; i < fixed.size(); i++) {
                double e = mae(actual, methods.get(fixed.get(i)));
                sums[i] += e;
                row.append(String.format(Locale.ROOT, " | %.3f", e));
            }
            System.out.println(row + " |");
        }
        int best = 0;
        for (int i = 1; i < sums.length; i++) {
            best = sums[i] < sums[best] ? i : best;
        }
        System.out.printf(Locale.ROOT, "Peyton Manning, 10 fortnights, mean MAE: chosen %.3f, %s %.3f, %s %.3f, %s %.3f%n",
                chosen / 10, fixed.get(0), sums[0] / 10, fixed.get(1), sums[1] / 10, fixed.get(2), sums[2] / 10);
        assertThat(chosen / sums[best]).as("chosen vs the best single method over ten fortnights")
                .isLessThanOrEqualTo(1.05);
        assertThat(fixed.get(best)).isNotEqualTo(ForecastSelection.METHOD_MSTL);
    }

    private static double mae(double[] actual, double[] forecast) {
        double sum = 0;
        int c = 0;
        for (int i = 0; i < actual.length && i < forecast.length; i++) {
            if (!Double.isNaN(actual[i])) {
                sum += Math.abs(actual[i] - forecast[i]);
                c++;
            }
        }
        return sum / c;
    }
}
