package org.lowtide.traffic.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The file importer's last two stages (series choice and grid) for series that a live source
 * (e.g. Prometheus) has already parsed into points: the same {@code --series}/{@code --sum}
 * choice, metric kind detection, merging, gaps and warnings as a file, so a live source and an
 * export of the same data import alike.
 */
public final class PointSeriesImport {

    private PointSeriesImport() {
    }

    /**
     * The points of one series, as a source returned them.
     *
     * @param name       the series' name, e.g. {@code http_requests_total{job="api"}}
     * @param epochMillis the times, one per value
     * @param values     the values ({@code NaN} where a point has none)
     * @param size       how many of the arrays' entries are points
     * @param kind       a kind the source itself states (e.g. the query takes {@code rate()}), with {@code kindReason}
     * @param kindReason why, for the import details; empty when {@code kind} is empty
     */
    public record Points(String name, long[] epochMillis, double[] values, int size, Optional<MetricKind> kind,
                         String kindReason) {
        public Points {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(epochMillis, "epochMillis");
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(kindReason, "kindReason");
            if (size < 0 || size > epochMillis.length || size > values.length) {
                throw new IllegalArgumentException("size " + size + " does not fit the arrays");
            }
        }
    }

    /**
     * How the source was read, for {@link SourceInfo} and {@link ImportDetails}.
     *
     * @param name            the source in messages (e.g. the server and query)
     * @param formatId        e.g. {@code "prometheus"}
     * @param description     the format in words
     * @param timestampFormat how times were given
     * @param notes           notes on the source as a whole (become import warnings)
     */
    public record Origin(String name, String formatId, String description, String timestampFormat,
                         List<String> notes) {
        public Origin {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(formatId, "formatId");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(timestampFormat, "timestampFormat");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Chooses, sums and grids the series as the file importer does.
     *
     * @throws ImportException when nothing is left to analyse or the choice names no series
     */
    public static ImportResult importPoints(Origin origin, List<Points> series, ImportOptions options)
            throws ImportException {
        Warnings warnings = new Warnings();
        origin.notes().forEach(warnings::addFile);
        long total = 0;
        for (Points p : series) {
            total += p.size();
        }
        SeriesSelector selector = new SeriesSelector(options, 1024);
        for (Points p : series) {
            if (selector.offer(p.name())) {
                SeriesData data = new SeriesData(p.name(), p.size());
                for (int i = 0; i < p.size(); i++) {
                    data.add(p.epochMillis()[i], p.values()[i], 0);
                }
                p.kind().ifPresent(k -> data.hint(k, p.kindReason()));
                selector.keep(data);
            } else {
                selector.countOther(p.size());
            }
        }
        if (total == 0) {
            throw new ImportException(origin.name(), 0, 0, "no data points: nothing to analyse");
        }
        List<SeriesData> chosen = selector.finish(origin.name(), warnings);
        List<String> names = new ArrayList<>();
        chosen.forEach(s -> names.add(s.name));
        String name = chosen.size() == 1 ? chosen.get(0).name : String.join(" + ", names);
        GridBuilder.Grid grid = GridBuilder.build(origin.name(), chosen, name, options, warnings);
        long skipped = total - grid.rowsUsed() - grid.rowsMerged();
        ImportDetails details = new ImportDetails(origin.description(), "UTF-8", origin.timestampFormat(),
                Optional.empty(), "", selector.available(), selector.usedNames(), grid.kind().kind(),
                grid.kind().reason(), grid.spacing(), grid.resampled(), grid.gapCount(), grid.flagged());
        SourceInfo info = new SourceInfo(origin.name(), origin.formatId(), List.of("time", "value"), "time", name,
                total, grid.rowsUsed(), grid.rowsMerged(), Math.max(0, skipped));
        return new ImportResult(grid.series(), info, warnings.list(), details);
    }

    /** @return a series' name from its labels as Prometheus writes it: {@code up{instance="a",job="b"}} */
    public static String prometheusName(Map<String, String> labels) {
        return JsonExportReader.prometheusName(labels);
    }
}
