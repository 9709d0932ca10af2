package org.lowtide.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.lowtide.traffic.imports.ColumnRoles;
import java.util.Optional;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.MetricKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;
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

    // ---------------------------------------------------------------- Prometheus (issue #16)
    // Read traffic from a server instead of a FILE. Credentials only from the environment or a file.

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Read the traffic from this Prometheus server (or Thanos, Mimir, VictoriaMetrics) instead of"
                    + " a FILE, e.g. http://prometheus:9090. Credentials: " + PrometheusAuth.TOKEN_ENV + " (bearer), "
                    + PrometheusAuth.USER_ENV + " and " + PrometheusAuth.PASSWORD_ENV + " (basic), or"
                    + " --prometheus-token-file; never on the command line.")
    String prometheus;

    @Option(names = "--query", paramLabel = "PROMQL",
            description = "The PromQL expression to read with --prometheus, e.g. 'sum(rate(http_requests_total[5m]))'."
                    + " Several series are chosen or added up with --series and --sum, as in a file.")
    String query;

    @Option(names = "--range", paramLabel = "DURATION", converter = PromDuration.class,
            description = "With --prometheus: how far back from now (or from --end) to read, e.g. 90d, 4w, 36h."
                    + " Default: 90d.")
    Duration range;

    @Option(names = "--start", paramLabel = "WHEN",
            description = "With --prometheus: read from this time instead of --range (2025-01-06, 2025-01-06T00:00,"
                    + " local in --zone, or an instant such as 2025-01-06T00:00:00Z).")
    String start;

    @Option(names = "--end", paramLabel = "WHEN",
            description = "With --prometheus: read up to this time. Default: now.")
    String end;

    @Option(names = "--prometheus-token-file", paramLabel = "FILE",
            description = "A file holding the bearer token for --prometheus (instead of " + PrometheusAuth.TOKEN_ENV
                    + "); also used by report PLAN to read a plan made from Prometheus again.")
    Path prometheusTokenFile;

    @Option(names = "--prometheus-ca", paramLabel = "FILE",
            description = "PEM file of the CA that signed the server's certificate (for https with a private CA).")
    Path prometheusCa;

    @Option(names = "--insecure",
            description = "With --prometheus over https: do not check the server's certificate. Dangerous: anyone in"
                    + " between can read the credentials and change the data.")
    boolean insecure;

    /**
     * Where the traffic comes from: {@code file}, or the Prometheus query of the options above.
     *
     * @throws ParameterException when neither or both are given, or an option does not fit
     * @throws IOException        when the token file cannot be read
     */
    TrafficSource source(Path file, CommandSpec spec) throws IOException {
        CommandLine cli = spec.commandLine();
        if (prometheus == null) {
            List<String> stray = new ArrayList<>();
            if (query != null) {
                stray.add("--query");
            }
            if (range != null) {
                stray.add("--range");
            }
            if (start != null || end != null) {
                stray.add(start != null ? "--start" : "--end");
            }
            if (prometheusTokenFile != null || prometheusCa != null || insecure) {
                stray.add("--prometheus-token-file/--prometheus-ca/--insecure");
            }
            if (!stray.isEmpty()) {
                throw new ParameterException(cli, String.join(", ", stray) + " only go with --prometheus URL");
            }
            if (file == null) {
                throw new ParameterException(cli, "give a traffic FILE, or --prometheus URL --query PROMQL");
            }
            return new TrafficSource.FileSource(file);
        }
        if (file != null) {
            throw new ParameterException(cli, "give a traffic FILE or --prometheus URL, not both");
        }
        if (query == null || query.isBlank()) {
            throw new ParameterException(cli, "--prometheus needs --query PROMQL, e.g. --query"
                    + " 'sum(rate(http_requests_total[5m]))'");
        }
        if (range != null && start != null) {
            throw new ParameterException(cli, "give --range or --start, not both");
        }
        ZoneId z = zone == null ? ZoneId.systemDefault() : zone;
        PrometheusQuery q;
        try {
            URI server = new URI(prometheus.trim());
            Duration s = step == null ? PrometheusQuery.DEFAULT_STEP : step;
            Optional<Instant> from = start == null ? Optional.empty() : Optional.of(when("--start", start, z, cli));
            Optional<Instant> to = end == null ? Optional.empty() : Optional.of(when("--end", end, z, cli));
            Duration r = range != null ? range : from.isPresent()
                    ? Duration.between(from.get(), to.orElse(Instant.now())) : PrometheusQuery.DEFAULT_RANGE;
            q = new PrometheusQuery(server, query, s, r.isNegative() || r.isZero() ? Duration.ofSeconds(1) : r, from,
                    to);
        } catch (URISyntaxException e) {
            throw new ParameterException(cli, "--prometheus: '" + prometheus + "' is not a URL; use e.g."
                    + " http://prometheus:9090");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, e.getMessage());
        }
        PrometheusConnection connection = org.lowtide.service.PrometheusService.connection(
                Optional.ofNullable(prometheusTokenFile), prometheusCa, insecure);
        if (insecure) {
            cli.getErr().println("lowtide: WARNING: --insecure: the server's TLS certificate is NOT checked; anyone"
                    + " between here and " + q.base() + " can read the credentials and change the data. Give the"
                    + " server's CA with --prometheus-ca FILE instead.");
        }
        return new TrafficSource.Prometheus(q, connection);
    }

    /**
     * The connection a saved plan made from Prometheus is read again through: credentials from
     * {@code --prometheus-token-file} or the environment, {@code --prometheus-ca}, {@code --insecure}
     * (warned about). The plan brings its own server and query.
     *
     * @throws IOException when the token file cannot be read
     */
    PrometheusConnection savedPlanConnection(CommandSpec spec) throws IOException {
        PrometheusConnection connection = org.lowtide.service.PrometheusService.connection(
                Optional.ofNullable(prometheusTokenFile), prometheusCa, insecure);
        if (insecure) {
            spec.commandLine().getErr().println("lowtide: WARNING: --insecure: the server's TLS certificate is NOT"
                    + " checked; anyone in between can read the credentials and change the data. Give the server's"
                    + " CA with --prometheus-ca FILE instead.");
        }
        return connection;
    }

    private static Instant when(String option, String text, ZoneId zone, CommandLine cli) {
        String t = text.trim();
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(t).toInstant();
            }
            if (t.length() == 10) {
                return java.time.LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            return java.time.LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new ParameterException(cli, option + ": '" + text + "' is not a date or time; use e.g. 2025-01-06,"
                    + " 2025-01-06T08:00 (in --zone) or 2025-01-06T08:00:00Z");
        }
    }

    /** Durations as Prometheus writes them ({@code 90d}, {@code 1h30m}, {@code 2w}) or ISO-8601 ({@code P90D}). */
    static final class PromDuration implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return PrometheusQuery.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * The options for a file: without {@code --zone}, the zone the file carries (a bundled sample's),
     * else the system zone, which {@link #zoneWarning} then names.
     */
    ImportOptions toOptions(java.nio.file.Path file) {
        ImportOptions options = toOptions();
        if (zone == null && file != null) {
            java.util.Optional<ZoneId> carried = new org.lowtide.service.TrafficSource.FileSource(file).suggestedZone();
            if (carried.isPresent()) {
                return options.withZone(carried.get());
            }
        }
        return options;
    }

    /** @return the warning that the zone was assumed, when neither --zone nor the file gave it */
    java.util.Optional<String> zoneWarning(java.nio.file.Path file) {
        if (zone != null || file != null
                && new org.lowtide.service.TrafficSource.FileSource(file).suggestedZone().isPresent()) {
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
