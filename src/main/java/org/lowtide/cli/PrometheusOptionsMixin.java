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
import java.util.Optional;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that read traffic from a Prometheus server (issue #16): server, query, range and
 * credentials (only from the environment or a file). Part of every command's import options, and
 * of {@code fleet}, which splits the query's series into services.
 */
final class PrometheusOptionsMixin {

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

    /** @return whether {@code --prometheus} was given */
    boolean given() {
        return prometheus != null;
    }

    /** @throws ParameterException when an option that only goes with {@code --prometheus} was given without it */
    void checkNoStray(CommandLine cli) {
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
    }

    /**
     * The query of the options, with its connection ({@code --prometheus} given).
     *
     * @param zone the zone of {@code --start}/{@code --end} without an offset
     * @param step the query's step, or null for the default
     * @throws ParameterException when an option does not fit
     * @throws IOException        when the token file cannot be read
     */
    TrafficSource.Prometheus source(CommandSpec spec, ZoneId zone, Duration step) throws IOException {
        CommandLine cli = spec.commandLine();
        if (query == null || query.isBlank()) {
            throw new ParameterException(cli, "--prometheus needs --query PROMQL, e.g. --query"
                    + " 'sum(rate(http_requests_total[5m]))'");
        }
        if (range != null && start != null) {
            throw new ParameterException(cli, "give --range or --start, not both");
        }
        ZoneId z = zone;
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
        return new TrafficSource.Prometheus(q, connection(cli.getErr(), "between here and " + q.base()));
    }

    /**
     * The connection a saved plan made from Prometheus is read again through: credentials from
     * {@code --prometheus-token-file} or the environment, {@code --prometheus-ca}, {@code --insecure}
     * (warned about). The plan brings its own server and query.
     *
     * @throws IOException when the token file cannot be read
     */
    PrometheusConnection savedPlanConnection(CommandSpec spec) throws IOException {
        return connection(spec.commandLine().getErr(), "in between");
    }

    /** The connection from the credential options, with the loud warning {@code --insecure} needs. */
    private PrometheusConnection connection(java.io.PrintWriter err, String between) throws IOException {
        PrometheusConnection connection = org.lowtide.service.PrometheusService.connection(
                Optional.ofNullable(prometheusTokenFile), prometheusCa, insecure);
        if (insecure) {
            err.println("lowtide: WARNING: --insecure: the server's TLS certificate is NOT checked; anyone " + between
                    + " can read the credentials and change the data. Give the server's CA with --prometheus-ca"
                    + " FILE instead.");
        }
        return connection;
    }

    private static Instant when(String option, String text, ZoneId zone, CommandLine cli) {
        try {
            return PrometheusQuery.parseWhen(text, zone);
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
}
