package org.lowtide.fleet;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.imports.PointSeriesImport;
import org.lowtide.traffic.sources.PrometheusQuery;

/**
 * A fleet member's traffic as one Prometheus query fetched it: its series (one, or several with
 * the same value of the service label), kept in a {@link SeriesSpill} until the member is planned,
 * then imported from their points exactly as the single-service Prometheus source imports a query
 * ({@link PointSeriesImport}: the query's step, the kind the query states, the same warnings;
 * several series added up as {@code --sum} adds them). Nothing is written as text or parsed again.
 *
 * @param spill       where the points are until the fleet's run ends
 * @param series      the series' names, as Prometheus writes their labels
 * @param origin      how the query was read (its notes are the fleet's, so it carries none)
 * @param step        the query's step: the grid
 * @param kind        the kind the query states ({@code rate()}: a gauge, {@code increase()}: a count), if any
 * @param kindReason  why, for the import details; empty with no kind
 * @param description the traffic in messages, e.g. {@code Prometheus series with job="api"}
 * @param alone       a query returning this member's series alone (to open it again on its own)
 */
public record FetchedSeries(SeriesSpill spill, List<String> series, PointSeriesImport.Origin origin, Duration step,
                            Optional<MetricKind> kind, String kindReason, String description, PrometheusQuery alone)
        implements MemberTraffic {

    public FetchedSeries {
        Objects.requireNonNull(spill, "spill");
        series = List.copyOf(series);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindReason, "kindReason");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(alone, "alone");
        if (series.isEmpty()) {
            throw new IllegalArgumentException(description + ": no series");
        }
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Reads the points back from the spill and imports them.
     *
     * @param options zone and the like; the step is the query's
     * @throws ImportException when nothing is left to analyse
     * @throws IOException     when the spill is gone (the run ended) or unreadable
     */
    public ImportResult importTraffic(ImportOptions options) throws ImportException, IOException {
        List<PointSeriesImport.Points> points = new ArrayList<>(series.size());
        for (String name : series) {
            points.add(spill.read(name, kind, kindReason));
        }
        ImportOptions o = options.withStep(step);
        return PointSeriesImport.importPoints(origin, points, series.size() > 1 ? o.withSum(true) : o);
    }
}
