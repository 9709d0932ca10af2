package org.lowtide.cli;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.lowtide.traffic.imports.ColumnRoles;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.MetricKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The import options every command that reads traffic takes (DESIGN §6). */
final class ImportOptionsMixin {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Zone of timestamps without an offset, and of the weekly profile and windows "
                    + "(e.g. Europe/Berlin). Default: the system zone.")
    ZoneId zone;

    @Option(names = "--step", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Grid step as ISO-8601 duration (PT5M, PT1H). Coarser than the data resamples "
                    + "(counts summed, gauges averaged). Default: the data's median spacing.")
    Duration step;

    @Option(names = {"--value-column", "--column"}, paramLabel = "NAME",
            description = "Value column of delimited text, by header name. Default: the first column of numbers.")
    String column;

    // Column roles of a table (issue 13): kept together.
    @Option(names = "--time-column", paramLabel = "NAME",
            description = "A column that makes up the timestamp, by header name; repeat it in order: one date-time"
                    + " column, a date and a time-of-day (or hour) column, or year, month, day[, hour[, minute]]."
                    + " Default: detected.")
    List<String> timeColumns = new ArrayList<>();

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "A text column that names series (a long export: one series per value); repeatable."
                    + " Default: text columns name series only when they tell repeated timestamps apart.")
    List<String> labelColumns = new ArrayList<>();

    @Option(names = "--no-labels", description = "No column names series: every text column describes the rows.")
    boolean noLabels;

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
        if (noLabels && !labelColumns.isEmpty()) {
            throw new ParameterException(mixee.commandLine(), "--no-labels and --label-column exclude each other");
        }
        ColumnRoles roles = new ColumnRoles(timeColumns, labelColumns, noLabels);
        return options.withSeries(series).withSum(sum).withDateOrder(dateOrder).withKind(kind).withColumns(roles);
    }
}
