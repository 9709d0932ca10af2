package org.lowtide.traffic.imports;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a traffic file.
 *
 * @param zone   zone of timestamps without an offset, and the zone the series is read in
 * @param step   grid step; empty to infer it from the data (the median spacing)
 * @param column name of the value column; empty to take the first column after the timestamp
 */
public record ImportOptions(ZoneId zone, Optional<Duration> step, Optional<String> column) {

    public ImportOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(column, "column");
        step.ifPresent(s -> {
            if (s.isNegative() || s.isZero()) {
                throw new IllegalArgumentException("step must be positive, was " + s);
            }
        });
    }

    /** @return default options in the given zone */
    public static ImportOptions inZone(ZoneId zone) {
        return new ImportOptions(zone, Optional.empty(), Optional.empty());
    }

    public ImportOptions withStep(Duration newStep) {
        return new ImportOptions(zone, Optional.of(newStep), column);
    }

    public ImportOptions withColumn(String newColumn) {
        return new ImportOptions(zone, step, Optional.of(newColumn));
    }

    public ImportOptions withZone(ZoneId newZone) {
        return new ImportOptions(newZone, step, column);
    }
}
