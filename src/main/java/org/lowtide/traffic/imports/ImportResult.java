package org.lowtide.traffic.imports;

import java.util.List;
import java.util.Objects;
import org.lowtide.traffic.TrafficSeries;

/**
 * A successful import: the series on its grid, what was found in the source, and every problem
 * that was repaired on the way.
 *
 * @param series   the traffic on a regular grid
 * @param source   what was read and how many rows went where
 * @param warnings repaired problems, in file order
 */
public record ImportResult(TrafficSeries series, SourceInfo source, List<ImportWarning> warnings) {

    public ImportResult {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(source, "source");
        warnings = List.copyOf(warnings);
    }
}
