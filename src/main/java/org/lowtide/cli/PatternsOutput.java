package org.lowtide.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lowtide.analysis.Anomaly;
import org.lowtide.analysis.Decomposition;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.HolidayEffect;
import org.lowtide.analysis.Patterns;
import org.lowtide.analysis.SeasonalPeriod;
import org.lowtide.analysis.TroughStats;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.project.AtomicFiles;
import org.lowtide.service.Exports;

/** The patterns part of {@code analyze}: JSON fields, summary lines and the components CSV. */
final class PatternsOutput {

    private PatternsOutput() {
    }

    /** Fills {@code periods}, {@code anomalies}, {@code forecast}, {@code holidays} and trough extras. */
    static void addJson(ObjectNode root, AnalysisResult result) {
        ArrayNode periods = root.putArray("periods");
        ArrayNode anomalies = root.putArray("anomalies");
        result.patterns().ifPresent(p -> {
            for (SeasonalPeriod sp : p.periods()) {
                ObjectNode node = periods.addObject();
                node.put("period", sp.period().toString());
                node.put("name", sp.name());
                node.put("steps", sp.steps());
                putNumber(node, "strength", sp.strength());
                putNumber(node, "autocorrelation", sp.autocorrelation());
                putNumber(node, "cycles", sp.cycles());
            }
            for (Anomaly a : p.anomalyList()) {
                ObjectNode node = anomalies.addObject();
                node.put("start", a.interval().start().toString());
                node.put("end", a.interval().end().toString());
                node.put("kind", a.kind().name());
                putNumber(node, "score", a.score());
            }
            putNumber(root, "trendStrength", p.trendStrength());
        });
        ArrayNode troughs = (ArrayNode) root.get("troughs");
        List<TroughStats> stats = result.troughStats();
        for (int i = 0; troughs != null && i < troughs.size() && i < stats.size(); i++) {
            ObjectNode node = (ObjectNode) troughs.get(i);
            TroughStats s = stats.get(i);
            putNumber(node, "upper", s.upper());
            putNumber(node, "stability", s.stability());
            node.put("weeks", s.weeks());
            putNumber(node, "lowerQuartile", s.lowerQuartile());
            putNumber(node, "upperQuartile", s.upperQuartile());
        }
        result.patterns().flatMap(Patterns::forecast).ifPresent(f -> root.set("forecast", forecastJson(root, f,
                result.series().zone())));
        if (result.request().holidays().isPresent()) {
            ObjectNode h = root.putObject("holidays");
            h.put("calendar", result.request().holidays().get());
            putNumber(h, "typicalRatio", AnalysisService.typicalHolidayRatio(result.holidays()));
            ArrayNode days = h.putArray("days");
            for (HolidayEffect e : result.holidays()) {
                ObjectNode node = days.addObject();
                node.put("date", e.date().toString());
                node.put("name", e.name());
                putNumber(node, "ratio", e.ratio());
                node.put("inHistory", e.inHistory());
                node.put("inForecast", e.inForecast());
            }
        }
    }

    private static ObjectNode forecastJson(ObjectNode root, Forecast f, ZoneId zone) {
        ObjectNode node = root.objectNode();
        node.put("start", f.start().toString());
        node.put("end", f.timeAt(f.size()).toString());
        node.put("step", f.step().toString());
        node.put("points", f.size());
        putNumber(node, "damping", f.damping());
        node.put("method", f.method());
        node.put("methodDescription", org.lowtide.service.AnalysisService.describeForecastMethod(f.method()));
        f.backtest().ifPresent(b -> {
            ObjectNode bt = node.putObject("backtest");
            bt.put("origins", b.origins());
            bt.put("horizon", b.horizon().toString());
            putNumber(bt, "mase", b.mase());
            putNumber(bt, "seasonalNaiveMase", b.naiveMase());
            if (!Double.isNaN(b.profileMase())) {
                putNumber(bt, "weeklyProfileMase", b.profileMase());
            }
            bt.put("method", b.method());
            bt.put("beatSeasonalNaive", b.beatNaive());
            ArrayNode candidates = bt.putArray("candidates");
            for (Forecast.Score sc : b.candidates()) {
                ObjectNode c = candidates.addObject();
                c.put("method", sc.method());
                putNumber(c, "mase", sc.mase());
                putNumber(c, "mae", sc.mae());
                putNumber(c, "maseLowestOrigin", sc.maseLow());
                putNumber(c, "maseHighestOrigin", sc.maseHigh());
                c.put("chosen", sc.method().equals(b.method()));
            }
        });
        // Daily summary in the series' zone: means per step over each local day.
        Map<LocalDate, double[]> days = new TreeMap<>();
        for (int i = 0; i < f.size(); i++) {
            LocalDate d = f.timeAt(i).atZone(zone).toLocalDate();
            double[] acc = days.computeIfAbsent(d, k -> new double[6]);
            acc[0] += f.mean()[i];
            acc[1] += f.lower80()[i];
            acc[2] += f.upper80()[i];
            acc[3] += f.lower95()[i];
            acc[4] += f.upper95()[i];
            acc[5]++;
        }
        ArrayNode daily = node.putArray("daily");
        for (Map.Entry<LocalDate, double[]> e : days.entrySet()) {
            double[] a = e.getValue();
            ObjectNode d = daily.addObject();
            d.put("date", e.getKey().toString());
            putNumber(d, "mean", a[0] / a[5]);
            putNumber(d, "lower80", a[1] / a[5]);
            putNumber(d, "upper80", a[2] / a[5]);
            putNumber(d, "lower95", a[3] / a[5]);
            putNumber(d, "upper95", a[4] / a[5]);
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }

    /** A few summary lines for the human output. */
    static void printSummary(AnalysisResult result, PrintWriter out) {
        result.patterns().ifPresent(p -> {
            if (p.periods().isEmpty()) {
                out.println("No seasonal period found.");
            } else {
                StringBuilder line = new StringBuilder("Seasonal periods:");
                for (SeasonalPeriod sp : p.periods()) {
                    line.append(String.format(Locale.ROOT, " %s (strength %.2f)", sp.name().equals("other")
                            ? sp.period().toString() : sp.name(), sp.strength()));
                }
                out.println(line);
            }
            List<Anomaly> anomalies = p.anomalyList();
            if (!anomalies.isEmpty()) {
                Map<Anomaly.Kind, Integer> counts = new TreeMap<>();
                anomalies.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
                StringBuilder line = new StringBuilder("Anomalies excluded from the profile and forecast:");
                counts.forEach((k, c) -> line.append(' ').append(c).append(' ').append(k.name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ')).append(c == 1 ? "" : "s").append(','));
                line.setLength(line.length() - 1);
                out.println(line);
            }
            p.forecast().ifPresent(f -> {
                long weeks = java.time.Duration.between(f.start(), f.timeAt(f.size())).toDays() / 7;
                out.printf(Locale.ROOT, "Forecast: %d weeks with 80 %% and 95 %% intervals; %s%n", weeks,
                        org.lowtide.service.AnalysisService.forecastEvidence(f));
            });
        });
        if (result.request().holidays().isPresent()) {
            double r = AnalysisService.typicalHolidayRatio(result.holidays());
            long ahead = result.holidays().stream().filter(HolidayEffect::inForecast).count();
            out.printf(Locale.ROOT, "Holidays (%s): %d in the history%s, %d in the forecast%n",
                    result.request().holidays().get(), result.holidays().stream().filter(HolidayEffect::inHistory).count(),
                    Double.isNaN(r) ? "" : String.format(Locale.ROOT, ", typically %+.0f %% traffic", (r - 1) * 100),
                    ahead);
        }
    }

    /**
     * Writes the forecast per step as CSV: time, the chosen method's mean and bands, the method's
     * name, and every baseline's forecast (one column each), atomically.
     */
    static void writeForecast(Forecast f, Path target) throws IOException {
        Exports.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            StringBuilder header = new StringBuilder("time,mean,lower80,upper80,lower95,upper95,method");
            for (String b : f.baselines().keySet()) {
                header.append(',').append(b);
            }
            w.write(header.append('\n').toString());
            StringBuilder row = new StringBuilder(160);
            for (int i = 0; i < f.size(); i++) {
                row.setLength(0);
                row.append(f.timeAt(i)).append(',').append(f.mean()[i]).append(',').append(f.lower80()[i])
                        .append(',').append(f.upper80()[i]).append(',').append(f.lower95()[i]).append(',')
                        .append(f.upper95()[i]).append(',').append(f.method());
                for (double[] b : f.baselines().values()) {
                    row.append(',').append(b[i]);
                }
                w.write(row.append('\n').toString());
            }
            w.flush(); // the stream belongs to AtomicFiles, which closes it
        });
    }

    /**
     * Writes the decomposition as CSV (time, observed, filled, imputed, trend, one seasonal column
     * per period, remainder, weight), atomically: a temporary file next to the target, then a move.
     */
    static void writeComponents(Decomposition d, Path target, AtomicFiles.Guard guard) throws IOException {
        Exports.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            StringBuilder header = new StringBuilder("time,observed,filled,imputed,trend");
            for (SeasonalPeriod p : d.periods()) {
                header.append(",seasonal_").append(p.period());
            }
            header.append(",remainder,weight\n");
            w.write(header.toString());
            StringBuilder row = new StringBuilder(160);
            for (int i = 0; i < d.size(); i++) {
                row.setLength(0);
                row.append(d.timeAt(i)).append(',');
                double o = d.observed()[i];
                if (!Double.isNaN(o)) {
                    row.append(o);
                }
                row.append(',').append(d.filled()[i]).append(',').append(d.imputed()[i] ? 1 : 0)
                        .append(',').append(d.trend()[i]);
                for (double[] s : d.seasonal()) {
                    row.append(',').append(s[i]);
                }
                row.append(',').append(d.remainder()[i]).append(',').append(d.weights()[i]).append('\n');
                w.write(row.toString());
            }
            w.flush(); // the stream belongs to AtomicFiles, which closes it
        }, guard);
    }
}
