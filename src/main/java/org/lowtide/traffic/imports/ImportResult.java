package org.lowtide.traffic.imports;

import java.util.List;
import java.util.Objects;
import org.lowtide.traffic.TrafficSeries;

/**
 * A successful import: the series on its grid, what was found in the source, every problem that
 * was repaired on the way, and what the importer decided.
 *
 * @param series   the traffic on a regular grid
 * @param source   what was read and how many rows went where
 * @param warnings repaired problems, in file order (then notes on the file as a whole)
 * @param details  format, series, metric kind, aggregation and flagged stretches
 */
public record ImportResult(TrafficSeries series, SourceInfo source, List<ImportWarning> warnings,
                           ImportDetails details) {

    public ImportResult {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(source, "source");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(details, "details");
    }

    /** A result without details (they read as unknown). */
    public ImportResult(TrafficSeries series, SourceInfo source, List<ImportWarning> warnings) {
        this(series, source, warnings, ImportDetails.unknown());
    }
}
