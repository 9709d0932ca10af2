package org.lowtide.fleet;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportMonitor;
import org.lowtide.traffic.imports.PointSeriesImport;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;
import org.lowtide.traffic.sources.PrometheusSource;

/**
 * A fleet from one Prometheus query that returns a series per service: each series becomes the
 * service named by its value of one label ({@code job}, {@code service}, {@code app} …). The query
 * is streamed in time chunks ({@link PrometheusSource#streamSeries}) and every series' points go,
 * chunk by chunk, to a {@link SeriesSpill}, so memory holds a few chunks, never the fleet's history;
 * each service is then imported from its own points when its turn comes ({@link FetchedSeries}).
 */
public final class PrometheusFleet {

    /**
     * Points (steps × series) one request brings at most: with four requests in flight, about 64 MB
     * of points (16 bytes each) whatever the fleet's size.
     */
    public static final long POINTS_PER_REQUEST = 1_000_000;

    private PrometheusFleet() {
    }

    /**
     * Streams the query into {@code spill} and names the services.
     *
     * @param label    the label whose value names each service
     * @param describe the source in messages and outputs (server and query; never credentials)
     * @throws FleetFileException when no series carries the label
     * @throws ImportException    when the server cannot be reached, refuses the query or has no data
     * @throws IOException        when the spill cannot be written
     */
    public static Fleet read(PrometheusQuery query, PrometheusConnection connection, String label, ImportMonitor monitor,
                             Instant now, long pointsPerRequest, SeriesSpill spill, String describe)
            throws ImportException, IOException {
        Split split = new Split(label, spill);
        PrometheusSource.Streamed streamed = PrometheusSource.streamSeries(query, connection, monitor, now,
                pointsPerRequest, split::accept);
        return split.fleet(streamed, query, describe);
    }

    /** Groups a stream's series by the label's value and spills their points. */
    static final class Split {
        private final String label;
        private final SeriesSpill spill;
        private final Map<String, Set<String>> byValue = new LinkedHashMap<>();
        private final Set<String> without = new LinkedHashSet<>();
        private final Set<String> labelsSeen = new TreeSet<>();

        Split(String label, SeriesSpill spill) {
            this.label = label;
            this.spill = spill;
        }

        void accept(List<PrometheusSource.Labelled> chunk) throws IOException {
            for (PrometheusSource.Labelled s : chunk) {
                String value = s.labels().get(label);
                String name = s.points().name();
                if (value == null || value.isBlank()) {
                    without.add(name);
                    labelsSeen.addAll(s.labels().keySet()); // named when no series has the label
                } else {
                    byValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(name);
                    spill.append(name, s.points());
                }
            }
        }

        Fleet fleet(PrometheusSource.Streamed streamed, PrometheusQuery query, String describe)
                throws FleetFileException {
            String where = describe + ", one service per value of label '" + label + "'";
            if (byValue.isEmpty()) {
                labelsSeen.remove("__name__");
                throw new FleetFileException(describe, "no series of the query has the label '" + label + "'"
                        + (labelsSeen.isEmpty() ? " (its series have no labels: the query adds them all up; keep the"
                        + " label, e.g. sum by (" + label + ") (…))" : "; its series have " + String.join(", ", labelsSeen)));
            }
            List<String> notes = new ArrayList<>(streamed.origin().notes());
            if (!without.isEmpty()) {
                notes.add(without.size() + " series of the query have no label '" + label + "' and were left out: "
                        + abbreviate(List.copyOf(without)));
            }
            PointSeriesImport.Origin quiet = new PointSeriesImport.Origin(streamed.origin().name(),
                    streamed.origin().formatId(), streamed.origin().description(), streamed.origin().timestampFormat(),
                    List.of());
            String reason = streamed.kind().isEmpty() ? "" : PrometheusSource.kindReason(streamed.kind());
            List<FleetMember> members = new ArrayList<>();
            for (Map.Entry<String, Set<String>> e : byValue.entrySet()) {
                String service = e.getKey();
                List<String> series = List.copyOf(e.getValue());
                if (series.size() > 1) {
                    notes.add(service + ": " + series.size() + " series have " + label + "=\"" + service
                            + "\"; they were added up step by step, as --sum adds series (say so in the query with"
                            + " sum by (" + label + ") (…))");
                }
                String origin = series.size() == 1 ? "Prometheus series " + series.get(0)
                        : "Prometheus series with " + label + "=\"" + service + "\"";
                PointSeriesImport.Origin named = new PointSeriesImport.Origin(origin, quiet.formatId(),
                        quiet.description(), quiet.timestampFormat(), List.of());
                FetchedSeries traffic = new FetchedSeries(spill, series, named, streamed.step(), streamed.kind(),
                        reason, origin, new PrometheusQuery(query.server(),
                        only(query.promql(), label, service), query.step(), query.range(), query.start(), query.end()));
                members.add(FleetMember.of(service, traffic, origin));
            }
            return new Fleet(members, FleetRules.NONE, where, notes);
        }
    }

    /**
     * @return PromQL keeping of {@code promql}'s series those whose {@code label} equals {@code value}:
     *         {@code (Q) and on(label) label_replace(vector(1), "label", "value", "", "")}
     */
    static String only(String promql, String label, String value) {
        String literal = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "$$") + "\"";
        return "(" + promql + ") and on(" + label + ") label_replace(vector(1), \"" + label + "\", " + literal
                + ", \"\", \"\")";
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
