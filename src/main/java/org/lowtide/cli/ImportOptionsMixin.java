package org.lowtide.cli;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.MetricKind;
import picocli.CommandLine.Option;

/** The import options every command that reads traffic takes (DESIGN §6). */
final class ImportOptionsMixin {

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Zone of timestamps without an offset, and of the weekly profile and windows "
                    + "(e.g. Europe/Berlin). Default: the system zone.")
    ZoneId zone;

    @Option(names = "--step", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Grid step, e.g. 5 min, 1h or PT5M. Coarser than the data resamples "
                    + "(counts summed, gauges averaged). Default: the data's median spacing.")
    Duration step;

    @Option(names = "--column", paramLabel = "NAME",
            description = "Value column of delimited text, by header name. Default: the first column of numbers.")
    String column;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.Format.class,
            description = "auto, csv, graphite, prometheus, cloudwatch, datadog, influx or grafana. Default: auto.")
    ImportFormat format;

    @Option(names = "--series", paramLabel = "NAME",
            description = "The series to use when the file holds several (a value column, a label or a metric "
                    + "with its labels, as 'import --describe' lists them). Repeat it with --sum to add some up.")
    List<String> series = new ArrayList<>();

    @Option(names = "--sum", description = "Add up the chosen series (all of them without --series) step by step.")
    boolean sum;

    @Option(names = "--date-order", paramLabel = "ORDER", converter = Converters.Order.class,
            description = "dmy, mdy or ymd: how to read dates such as 01/02/2025. Default: decided from the values.")
    DateOrder dateOrder;

    @Option(names = "--kind", paramLabel = "KIND", converter = Converters.Kind.class,
            description = "count (values on one step are summed) or gauge (averaged). Default: detected.")
    MetricKind kind;

    /**
     * The options for a file: without {@code --zone}, the zone the file carries (a bundled sample's),
     * else the system zone, which {@link #zoneWarning} then names.
     */
    ImportOptions toOptions(java.nio.file.Path file) {
        ImportOptions options = toOptions();
        if (zone == null) {
            java.util.Optional<ZoneId> carried = new org.lowtide.service.TrafficSource.FileSource(file).suggestedZone();
            if (carried.isPresent()) {
                return options.withZone(carried.get());
            }
        }
        return options;
    }

    /** @return the warning that the zone was assumed, when neither --zone nor the file gave it */
    java.util.Optional<String> zoneWarning(java.nio.file.Path file) {
        if (zone != null || new org.lowtide.service.TrafficSource.FileSource(file).suggestedZone().isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("no --zone given: the weekly pattern and the windows are read in "
                + ZoneId.systemDefault().getId() + ", this computer's zone; give --zone with your users' zone "
                + "(e.g. Europe/Berlin) if it differs");
    }

    ImportOptions toOptions() {
        ImportOptions options = ImportOptions.inZone(zone == null ? ZoneId.systemDefault() : zone);
        if (step != null) {
            options = options.withStep(step);
        }
        if (column != null) {
            options = options.withColumn(column);
        }
        if (format != null) {
            options = options.withFormat(format);
        }
        return options.withSeries(series).withSum(sum).withDateOrder(dateOrder).withKind(kind);
    }
}
