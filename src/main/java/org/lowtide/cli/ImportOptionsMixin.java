package org.lowtide.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.lowtide.traffic.imports.ColumnRoles;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.MetricKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.lowtide.traffic.sources.PrometheusConnection;
import picocli.CommandLine;

/** The import options every command that reads traffic takes (DESIGN §6). */
final class ImportOptionsMixin {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Zone of timestamps without an offset, and of the weekly profile and windows "
                    + "(e.g. Europe/Berlin). Default: the system zone.")
    ZoneId zone;

    @Option(names = "--step", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Grid step, e.g. 5 min, 1h or PT5M. Coarser than the data resamples "
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

    @Option(names = "--excel-1904",
            description = "Excel serial dates in the time column count from 1904-01-01 (a workbook saved in the 1904"
                    + " date system, old Excel for Mac); without it the 1900 system of Excel for Windows is assumed.")
    boolean excel1904;

    @Option(names = "--kind", paramLabel = "KIND", converter = Converters.Kind.class,
            description = "count (values on one step are summed) or gauge (averaged). Default: detected.")
    MetricKind kind;

    // Read traffic from a Prometheus server instead of a FILE (issue #16); the fleet command takes the same options.
    @picocli.CommandLine.Mixin
    PrometheusOptionsMixin prometheusOptions;

    /**
     * Where the traffic comes from: {@code file}, or the Prometheus query of the options.
     *
     * @throws ParameterException when neither or both are given, or an option does not fit
     * @throws IOException        when the token file cannot be read
     */
    TrafficSource source(Path file, CommandSpec spec) throws IOException {
        CommandLine cli = spec.commandLine();
        if (!prometheusOptions.given()) {
            prometheusOptions.checkNoStray(cli);
            if (file == null) {
                throw new ParameterException(cli, "give a traffic FILE, or --prometheus URL --query PROMQL");
            }
            return new TrafficSource.FileSource(file);
        }
        if (file != null) {
            throw new ParameterException(cli, "give a traffic FILE or --prometheus URL, not both");
        }
        return prometheusOptions.source(spec, zone == null ? ZoneId.systemDefault() : zone, step);
    }

    /**
     * The connection a saved plan made from Prometheus is read again through (see
     * {@link PrometheusOptionsMixin#savedPlanConnection}).
     *
     * @throws IOException when the token file cannot be read
     */
    PrometheusConnection savedPlanConnection(CommandSpec spec) throws IOException {
        return prometheusOptions.savedPlanConnection(spec);
    }

    /**
     * The options for a file: without {@code --zone}, the zone the file carries (a bundled sample's),
     * else the system zone, which {@link #zoneWarning} then names.
     */
    ImportOptions toOptions(java.nio.file.Path file) {
        ImportOptions options = toOptions();
        if (zone == null && file != null) {
            java.util.Optional<ZoneId> carried = carriedZone(file);
            if (carried.isPresent()) {
                return options.withZone(carried.get());
            }
        }
        return options;
    }

    /** The file {@link #carried} was read for. */
    private java.nio.file.Path carriedFor;
    /** The zone {@link #carriedFor} carries (a bundled sample's), read once per file. */
    private java.util.Optional<ZoneId> carried;

    /**
     * The zone a file carries, read once: finding it compares the file with the bundled sample of
     * its name byte for byte, and {@code plan} asked up to four times per run (issue 20).
     */
    private java.util.Optional<ZoneId> carriedZone(java.nio.file.Path file) {
        if (!file.equals(carriedFor)) {
            carried = new org.lowtide.service.TrafficSource.FileSource(file).suggestedZone();
            carriedFor = file;
        }
        return carried;
    }

    /** @return the warning that the zone was assumed, when neither --zone nor the file gave it */
    java.util.Optional<String> zoneWarning(java.nio.file.Path file) {
        if (zone != null || file != null
                && carriedZone(file).isPresent()) {
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
        if (noLabels && !labelColumns.isEmpty()) {
            throw new ParameterException(mixee.commandLine(), "--no-labels and --label-column exclude each other");
        }
        ColumnRoles roles = new ColumnRoles(timeColumns, labelColumns, noLabels);
        return options.withSeries(series).withSum(sum).withDateOrder(dateOrder).withKind(kind).withColumns(roles)
                .withExcel1904(excel1904);
    }
}
