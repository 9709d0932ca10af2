package org.lowtide.fleet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lowtide.traffic.imports.PointSeriesImport;
import org.lowtide.traffic.sources.PrometheusSource;

/**
 * A fleet from one Prometheus query that returns a series per service: each series becomes the
 * service named by its value of one label ({@code job}, {@code service}, {@code app} …). Each
 * service's points are written, as they came, to a temporary {@code timestamp,value} file (as a
 * long-format CSV is split), so every service is then imported, analysed and planned exactly as a
 * file is, one at a time, and a service's own screens can open it.
 */
public final class PrometheusFleet {

    private PrometheusFleet() {
    }

    /**
     * @param fetched  what the query returned
     * @param label    the label whose value names each service
     * @param workDir  where the per-service files are written
     * @param describe the source in messages and outputs (server and query; never credentials)
     * @throws FleetFileException when no series carries the label
     */
    public static Fleet split(PrometheusSource.Fetched fetched, String label, Path workDir, String describe)
            throws IOException {
        String where = describe + ", one service per value of label '" + label + "'";
        Map<String, List<PrometheusSource.Labelled>> byValue = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        TreeSet<String> labelsSeen = new TreeSet<>();
        for (PrometheusSource.Labelled s : fetched.series()) {
            labelsSeen.addAll(s.labels().keySet());
            String value = s.labels().get(label);
            if (value == null || value.isBlank()) {
                without.add(s.points().name());
            } else {
                byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(s);
            }
        }
        if (byValue.isEmpty()) {
            labelsSeen.remove("__name__");
            throw new FleetFileException(describe, "no series of the query has the label '" + label + "'"
                    + (labelsSeen.isEmpty() ? " (its series have no labels: the query adds them all up; keep the"
                    + " label, e.g. sum by (" + label + ") (…))" : "; its series have " + String.join(", ", labelsSeen)));
        }
        List<String> notes = new ArrayList<>(fetched.origin().notes());
        if (!without.isEmpty()) {
            notes.add(without.size() + " series of the query have no label '" + label + "' and were left out: "
                    + abbreviate(without));
        }
        Files.createDirectories(workDir);
        List<FleetMember> members = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<PrometheusSource.Labelled>> e : byValue.entrySet()) {
            String service = e.getKey();
            List<PrometheusSource.Labelled> series = e.getValue();
            if (series.size() > 1) {
                notes.add(service + ": " + series.size() + " series have " + label + "=\"" + service
                        + "\"; they were added up step by step (say so in the query with sum by (" + label + ") (…))");
            }
            // The safe name can be shorter than the label's value (a character outside the BMP becomes one "_").
            String safe = service.replaceAll("[^A-Za-z0-9._-]", "_");
            Path file = workDir.resolve(String.format(Locale.ROOT, "%04d-%s.csv", index++,
                    safe.substring(0, Math.min(safe.length(), 60))));
            write(series, file);
            String origin = series.size() == 1 ? "Prometheus series " + series.get(0).points().name()
                    : "Prometheus series with " + label + "=\"" + service + "\"";
            members.add(FleetMember.of(service, file, origin));
        }
        return new Fleet(members, FleetRules.NONE, where, notes);
    }

    /** Writes the points (several series added up where they share a time); steps without a value are left out. */
    private static void write(List<PrometheusSource.Labelled> series, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,value\n");
            if (series.size() == 1) {
                PointSeriesImport.Points p = series.get(0).points();
                for (int i = 0; i < p.size(); i++) {
                    line(w, p.epochMillis()[i], p.values()[i]);
                }
                return;
            }
            TreeMap<Long, Double> sum = new TreeMap<>();
            for (PrometheusSource.Labelled s : series) {
                PointSeriesImport.Points p = s.points();
                for (int i = 0; i < p.size(); i++) {
                    if (!Double.isNaN(p.values()[i])) {
                        sum.merge(p.epochMillis()[i], p.values()[i], Double::sum);
                    }
                }
            }
            for (Map.Entry<Long, Double> e : sum.entrySet()) {
                line(w, e.getKey(), e.getValue());
            }
        }
    }

    private static void line(BufferedWriter w, long epochMillis, double value) throws IOException {
        if (!Double.isFinite(value)) {
            return;
        }
        w.write(Instant.ofEpochMilli(epochMillis).toString());
        w.write(',');
        // Whole numbers stay whole (the kind is detected from them, as for the query itself); the rest exactly.
        w.write(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : java.math.BigDecimal.valueOf(value).toPlainString());
        w.write('\n');
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
