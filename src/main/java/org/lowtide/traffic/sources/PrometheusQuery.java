package org.lowtide.traffic.sources;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to read from a Prometheus server: the server, the PromQL expression, the step and the time
 * range. The range is either the last {@code range} up to now (re-reading later reads later data)
 * or fixed instants. Holds no credentials, so it may be saved with a plan.
 *
 * @param server the server's base URL, e.g. {@code http://prometheus:9090} (a path prefix is kept)
 * @param promql the expression, e.g. {@code sum(rate(http_requests_total[5m]))}
 * @param step   the resolution: one point per step
 * @param range  how far back from {@code end} (or from now) to read, when {@code start} is empty
 * @param start  a fixed start, or empty to read {@code range} back from the end
 * @param end    a fixed end, or empty for now
 */
public record PrometheusQuery(URI server, String promql, Duration step, Duration range, Optional<Instant> start,
                              Optional<Instant> end) {

    /** The default look-back when no range is given: 90 days (enough for weekly patterns and some holidays). */
    public static final Duration DEFAULT_RANGE = Duration.ofDays(90);
    /** The default step: 5 minutes. */
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(5);

    public PrometheusQuery {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || server.getHost() == null) {
            throw new IllegalArgumentException("the Prometheus URL must start with http:// or https:// and name a"
                    + " host, e.g. http://localhost:9090; was " + server);
        }
        if (server.getUserInfo() != null) {
            throw new IllegalArgumentException("the Prometheus URL must not hold a user or password (they would be"
                    + " saved with the plan); give them in LOWTIDE_PROMETHEUS_USER and LOWTIDE_PROMETHEUS_PASSWORD");
        }
        if (promql.isBlank()) {
            throw new IllegalArgumentException("the PromQL query must not be empty");
        }
        if (step.isNegative() || step.isZero() || step.toMillis() < 1000) {
            throw new IllegalArgumentException("the step must be at least one second, was " + org.lowtide.traffic.Durations.words(step));
        }
        if (range.isNegative() || range.isZero()) {
            throw new IllegalArgumentException("the range must be positive, was " + range);
        }
        if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
            throw new IllegalArgumentException("the start (" + start.get() + ") must be before the end ("
                    + end.get() + ")");
        }
    }

    /** The last {@code range} up to now. */
    public static PrometheusQuery lastRange(URI server, String promql, Duration step, Duration range) {
        return new PrometheusQuery(server, promql, step, range, Optional.empty(), Optional.empty());
    }

    /** A fixed range. */
    public static PrometheusQuery between(URI server, String promql, Duration step, Instant start, Instant end) {
        return new PrometheusQuery(server, promql, step, Duration.between(start, end), Optional.of(start),
                Optional.of(end));
    }

    /**
     * The instants to evaluate at, on multiples of the step since the epoch (so that re-reading
     * lands on the same grid).
     *
     * @param now the current time, for a range that ends now
     * @return {first, last} evaluation time in epoch milliseconds
     */
    public long[] evaluationRange(Instant now) {
        long stepMillis = step.toMillis();
        long endMillis = end.orElse(now).toEpochMilli();
        long startMillis = start.map(Instant::toEpochMilli).orElse(endMillis - range.toMillis());
        long first = Math.floorDiv(startMillis + stepMillis - 1, stepMillis) * stepMillis;
        long last = Math.floorDiv(endMillis, stepMillis) * stepMillis;
        if (last < first) {
            last = first;
        }
        return new long[] {first, last};
    }

    /** @return the server without a trailing slash, for building API addresses */
    public String base() {
        String s = server.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * Reads a range's start or end as the command line and the app take it: an instant with an
     * offset ({@code 2025-01-06T08:00:00Z}), a date (its start of day in {@code zone}) or a local
     * date-time in {@code zone}.
     *
     * @throws java.time.DateTimeException when it is none of these
     */
    public static Instant parseWhen(String text, java.time.ZoneId zone) {
        String t = text.trim();
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return java.time.OffsetDateTime.parse(t).toInstant();
        }
        if (t.length() == 10) {
            return java.time.LocalDate.parse(t).atStartOfDay(zone).toInstant();
        }
        return java.time.LocalDateTime.parse(t).atZone(zone).toInstant();
    }

    /** @return the source in messages and reports: server and query */
    public String describe() {
        return "Prometheus " + base() + ", query " + promql;
    }

    private static final java.util.regex.Pattern DURATION_PART =
            java.util.regex.Pattern.compile("(\\d+)\\s*(ms|min|s|m|h|d|w|y)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Reads a duration as Prometheus writes them ({@code 90d}, {@code 1h30m}, {@code 2w}, {@code 5m};
     * a year is 365 days) or as ISO-8601 ({@code P90D}, {@code PT5M}).
     *
     * @throws IllegalArgumentException when it is neither, or not positive
     */
    public static Duration parseDuration(String text) {
        String v = text == null ? "" : text.trim();
        Duration d = null;
        if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                d = null;
            }
        } else {
            java.util.regex.Matcher m = DURATION_PART.matcher(v);
            int at = 0;
            Duration sum = Duration.ZERO;
            while (m.find() && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms":
                        sum = sum.plusMillis(n);
                        break;
                    case "s":
                        sum = sum.plusSeconds(n);
                        break;
                    case "m":
                    case "min":
                        sum = sum.plusMinutes(n);
                        break;
                    case "h":
                        sum = sum.plusHours(n);
                        break;
                    case "d":
                        sum = sum.plusDays(n);
                        break;
                    case "w":
                        sum = sum.plusDays(7 * n);
                        break;
                    default:
                        sum = sum.plusDays(365 * n);
                        break;
                }
                at = m.end();
                while (at < v.length() && v.charAt(at) == ' ') {
                    at++;
                }
            }
            d = at == v.length() && at > 0 ? sum : null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration; use e.g. 90d, 4w, 36h,"
                    + " 1h30m or P90D");
        }
        return d;
    }
}
