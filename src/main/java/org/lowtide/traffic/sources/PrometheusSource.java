package org.lowtide.traffic.sources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportMonitor;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.imports.PointSeriesImport;

/**
 * Reads traffic from a Prometheus server over {@code /api/v1/query_range} into the same
 * {@link ImportResult} as a file.
 *
 * <ul>
 *   <li>The range is split into chunks of at most {@value #CHUNK_POINTS} points per series, under
 *       the server's limit of 11,000 (90 days at one minute: 12 chunks), fetched a few at a time
 *       ({@link PrometheusConnection#concurrency()}), each retried with backoff on 5xx and timeouts.</li>
 *   <li>Every series of the result is named by its labels as Prometheus writes them, and chosen or
 *       summed as the file importer's {@code --series}/{@code --sum} do
 *       ({@link PointSeriesImport}); the grid step is the query's step; steps the query left empty
 *       are gaps.</li>
 *   <li>A query taking {@code rate()} gives a per-second rate (a gauge: averaged when steps merge),
 *       {@code increase()} an amount per step (a count); otherwise the kind is detected as for a
 *       file, and a raw counter is warned about as a running total.</li>
 *   <li>The server's {@code warnings}, and a range reaching before the server's data (retention),
 *       become import warnings.</li>
 * </ul>
 */
public final class PrometheusSource {

    /** Points per series in one request; Prometheus refuses more than 11,000. */
    public static final int CHUNK_POINTS = 10_800;

    private static final Pattern RATE = Pattern.compile("\\b(i?rate|deriv)\\s*\\(");
    private static final Pattern INCREASE = Pattern.compile("\\b(increase|delta|count_over_time|sum_over_time)\\s*\\(");

    private PrometheusSource() {
    }

    /** @return {first, last} evaluation time in epoch ms of each chunk, in time order */
    static List<long[]> chunks(long first, long last, long stepMillis) {
        List<long[]> chunks = new ArrayList<>();
        long span = (CHUNK_POINTS - 1L) * stepMillis;
        for (long s = first; s <= last; s += span + stepMillis) {
            chunks.add(new long[] {s, Math.min(last, s + span)});
        }
        return chunks;
    }

    /**
     * Fetches and imports.
     *
     * @param options the import options (zone, series, sum, kind); the step is the query's
     * @param now     the current time, for ranges that end now
     * @throws ImportException       when the server cannot be reached, refuses the query, or has no data
     * @throws CancellationException when the monitor cancels
     */
    public static ImportResult fetch(PrometheusQuery query, PrometheusConnection connection, ImportOptions options,
                                     ImportMonitor monitor, Instant now) throws ImportException {
        Fetched fetched = fetchSeries(query, connection, monitor, now);
        List<PointSeriesImport.Points> points = new ArrayList<>();
        for (Labelled s : fetched.series()) {
            points.add(s.points());
        }
        ImportResult result = PointSeriesImport.importPoints(fetched.origin(), points, options.withStep(query.step()));
        monitor.progress(1.0);
        return result;
    }

    /**
     * A query's series with their labels, as the server returned them (before any choice, sum or
     * grid): what a fleet splits into one service per value of a label.
     *
     * @param labels the series' labels (with {@code __name__} where the server gave it)
     * @param points its points, named as {@link PointSeriesImport#prometheusName} writes the labels
     */
    public record Labelled(Map<String, String> labels, PointSeriesImport.Points points) {
        public Labelled {
            labels = Map.copyOf(labels);
            java.util.Objects.requireNonNull(points, "points");
        }
    }

    /**
     * What one query read: its series, the notes on the whole (server warnings, retention, ±Inf),
     * and how the points are to be read.
     *
     * @param origin the source for {@link PointSeriesImport#importPoints}
     * @param series the series in the order met
     * @param kind   the kind the query states ({@code rate()}: a gauge; {@code increase()}: a count), if any
     */
    public record Fetched(PointSeriesImport.Origin origin, List<Labelled> series, Optional<MetricKind> kind) {
        public Fetched {
            java.util.Objects.requireNonNull(origin, "origin");
            series = List.copyOf(series);
            java.util.Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Fetches a query's series without choosing among them; {@link #fetch} is this plus the file
     * importer's choice and grid. Holds every series in memory: a fleet of many series streams
     * them instead ({@link #streamSeries}).
     *
     * @throws ImportException       when the server cannot be reached, refuses the query, or has no data
     * @throws CancellationException when the monitor cancels
     */
    public static Fetched fetchSeries(PrometheusQuery query, PrometheusConnection connection, ImportMonitor monitor,
                                      Instant now) throws ImportException {
        // Series in the order met; each series' points, chunk after chunk (chunks come in time order).
        Map<String, Series> byName = new LinkedHashMap<>();
        Streamed streamed;
        try {
            streamed = stream(query, connection, monitor, now, Long.MAX_VALUE, chunk -> {
                for (Series s : chunk.series) {
                    Series all = byName.computeIfAbsent(s.name, n -> new Series(n, s.size));
                    all.labels = s.labels;
                    all.append(s);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory sink cannot fail", e);
        }
        List<Labelled> series = new ArrayList<>();
        for (Series s : byName.values()) {
            series.add(s.labelled(streamed.kind(), kindReason(streamed.kind())));
        }
        return new Fetched(streamed.origin(), series, streamed.kind());
    }

    /**
     * Receives a query's series one time chunk after the other, in time order: each chunk holds the
     * points of every series that has a point in it, the series named and labelled as in
     * {@link Fetched}. What it is handed it may keep or spill; nothing else holds it.
     */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(List<Labelled> chunk) throws IOException;
    }

    /**
     * What a streamed query read, without its points (the sink had them).
     *
     * @param origin      the source for {@link PointSeriesImport#importPoints}, with the notes on the whole
     * @param kind        the kind the query states, if any
     * @param firstMillis the first evaluation time (epoch ms); every point lies on {@code firstMillis + k · step}
     * @param step        the query's step
     * @param series      how many distinct series the query returned
     * @param requests    how many requests were made
     */
    public record Streamed(PointSeriesImport.Origin origin, Optional<MetricKind> kind, long firstMillis, Duration step,
                           int series, int requests) {
        public Streamed {
            java.util.Objects.requireNonNull(origin, "origin");
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(step, "step");
        }
    }

    /** The fewest steps per series in one streamed request (a huge fleet then makes many small requests). */
    static final int MIN_STREAM_POINTS = 60;

    /**
     * Fetches a query's series chunk by chunk and hands each chunk to {@code sink} in time order, so
     * that memory holds at most a few chunks, whatever the range and the number of series: a first
     * short chunk ({@value #MIN_STREAM_POINTS} steps) is fetched alone (and, while it finds no series,
     * the next, twice as long each time), and the later ones are cut to about {@code pointsPerRequest}
     * points over all the series seen so far (at most {@value #CHUNK_POINTS} steps per series, at least
     * {@value #MIN_STREAM_POINTS}); {@link PrometheusConnection#concurrency()} of them are in flight at once.
     * Values are those of {@link #fetchSeries}: Prometheus evaluates each step on its own.
     *
     * @param pointsPerRequest the points (steps × series) one request should bring at most
     * @throws ImportException       when the server cannot be reached, refuses the query, or has no data
     * @throws IOException           when the sink fails
     * @throws CancellationException when the monitor cancels
     */
    public static Streamed streamSeries(PrometheusQuery query, PrometheusConnection connection, ImportMonitor monitor,
                                        Instant now, long pointsPerRequest, ChunkSink sink)
            throws ImportException, IOException {
        if (pointsPerRequest < 1) {
            throw new IllegalArgumentException("pointsPerRequest must be positive, was " + pointsPerRequest);
        }
        Optional<MetricKind> kind = kindOf(query.promql());
        String reason = kindReason(kind);
        return stream(query, connection, monitor, now, pointsPerRequest, chunk -> {
            List<Labelled> labelled = new ArrayList<>(chunk.series.size());
            for (Series s : chunk.series) {
                labelled.add(s.labelled(kind, reason));
            }
            sink.accept(labelled);
        });
    }

    private interface RawSink {
        void accept(Chunk chunk) throws IOException;
    }

    private static Streamed stream(PrometheusQuery query, PrometheusConnection connection, ImportMonitor monitor,
                                   Instant now, long pointsPerRequest, RawSink sink)
            throws ImportException, IOException {
        String source = query.describe();
        PrometheusClient client = new PrometheusClient(query.base(), source, connection);
        long stepMillis = query.step().toMillis();
        long[] range = query.evaluationRange(now);
        boolean adaptive = pointsPerRequest < Long.MAX_VALUE;
        int concurrency = connection.concurrency();
        monitor.progress(0);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "prometheus-fetch");
            t.setDaemon(true);
            return t;
        });
        Set<String> warnings = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        long firstPoint = Long.MAX_VALUE;
        long infinite = 0;
        int requests = 0;
        try {
            java.util.ArrayDeque<Future<Chunk>> inFlight = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<long[]> spans = new java.util.ArrayDeque<>();
            long next = range[0];
            long probe = MIN_STREAM_POINTS;
            while (next <= range[1] || !inFlight.isEmpty()) {
                // Adapting, short probes go one at a time until series are seen (a range may start long
                // before the data): their number says how long the next requests may be.
                boolean probing = adaptive && seen.isEmpty();
                int window = probing ? 1 : concurrency;
                while (next <= range[1] && inFlight.size() < window) {
                    long steps = CHUNK_POINTS;
                    if (probing) {
                        steps = probe;
                        probe = Math.min(CHUNK_POINTS, 2 * probe);
                    } else if (adaptive) {
                        steps = Math.max(MIN_STREAM_POINTS, Math.min(CHUNK_POINTS,
                                pointsPerRequest / Math.max(1, seen.size())));
                    }
                    long first = next;
                    long last = Math.min(range[1], first + (steps - 1) * stepMillis);
                    inFlight.add(pool.submit(() -> fetchChunk(client, query, first, last)));
                    spans.add(new long[] {first, last});
                    requests++;
                    next = last + stepMillis;
                }
                Chunk chunk = await(inFlight.poll(), monitor);
                long[] span = spans.poll();
                warnings.addAll(chunk.warnings);
                for (Series s : chunk.series) {
                    seen.add(s.name);
                    if (s.size > 0) {
                        firstPoint = Math.min(firstPoint, s.times[0]);
                    }
                    infinite += s.infinite;
                }
                sink.accept(chunk);
                monitor.progress(0.95 * (range[1] == range[0] ? 1
                        : (double) (span[1] - range[0]) / (range[1] - range[0])));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } finally {
            pool.shutdownNow();
        }
        List<String> notes = new ArrayList<>();
        for (String w : warnings) {
            notes.add("Prometheus warned: " + w);
        }
        if (connection.insecure()) {
            notes.add("INSECURE: TLS certificates were not checked (--insecure); anyone between here and the server"
                    + " could have read the credentials and changed the data");
        }
        Instant from = Instant.ofEpochMilli(range[0]);
        Instant to = Instant.ofEpochMilli(range[1]);
        if (seen.isEmpty() || firstPoint == Long.MAX_VALUE) {
            String retention = client.retention().map(r -> " (the server keeps " + r + " of data)").orElse("");
            throw new ImportException(source, 0, 0, "the query returned no data between " + from + " and " + to
                    + retention + "; check the metric name and labels (the metric picker of File → Open from"
                    + " Prometheus… lists them), or give a --range or --start/--end where the server has data");
        }
        if (firstPoint - range[0] > Math.max(2 * stepMillis, Duration.ofHours(6).toMillis())) {
            String retention = client.retention().map(r -> "; the server keeps " + r + " of data").orElse("");
            notes.add("no data before " + Instant.ofEpochMilli(firstPoint) + ", though " + from + " was asked for"
                    + retention + " (older data expired or was never collected); the analysis uses what there is");
        }
        if (infinite > 0) {
            notes.add(infinite + " points were ±Inf (e.g. a division by zero in the query); read as missing");
        }
        PointSeriesImport.Origin origin = new PointSeriesImport.Origin(source, "prometheus",
                "Prometheus query_range, " + requests + (requests == 1 ? " request" : " requests")
                        + " of up to " + CHUNK_POINTS + " steps", "epoch seconds", notes);
        return new Streamed(origin, kindOf(query.promql()), range[0], query.step(), seen.size(), requests);
    }

    /** @return why a query's series are of the kind it states, for the import details; empty with no kind */
    public static String kindReason(Optional<MetricKind> kind) {
        return kind.isEmpty() ? "" : kind.get() == MetricKind.GAUGE
                ? "the query takes rate(): a rate per second" : "the query takes increase(): an amount per step";
    }

    /** @return the kind a query states: {@code rate()} a gauge, {@code increase()} a count; else empty (detected) */
    public static Optional<MetricKind> kindOf(String promql) {
        String q = promql.toLowerCase(Locale.ROOT);
        if (RATE.matcher(q).find()) {
            return Optional.of(MetricKind.GAUGE);
        }
        if (INCREASE.matcher(q).find()) {
            return Optional.of(MetricKind.COUNT);
        }
        return Optional.empty();
    }

    private static Chunk await(Future<Chunk> future, ImportMonitor monitor) throws ImportException,
            InterruptedException {
        while (true) {
            if (monitor.isCancelled()) {
                future.cancel(true);
                throw new CancellationException("cancelled");
            }
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look at the monitor again
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ImportException) {
                    throw (ImportException) cause;
                }
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static Chunk fetchChunk(PrometheusClient client, PrometheusQuery query, long first, long last)
            throws ImportException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query.promql());
        params.put("start", seconds(first));
        params.put("end", seconds(last));
        params.put("step", seconds(query.step().toMillis()));
        String[] type = {""};
        PrometheusClient.Answer<List<Series>> answer = client.get("/api/v1/query_range", params, p -> {
            List<Series> series = new ArrayList<>();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return series;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("resultType")) {
                    type[0] = p.getValueAsString();
                } else if (field.equals("result") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        series.add(readSeries(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            return series;
        });
        if (!type[0].equals("matrix")) {
            throw new ImportException(query.describe(), 0, 0, "the query gives a " + (type[0].isEmpty() ? "result"
                    : type[0]) + ", not series over time; a range query needs an expression of series (e.g."
                    + " sum(rate(http_requests_total[5m])))");
        }
        Chunk chunk = new Chunk(answer.warnings());
        chunk.series.addAll(answer.data());
        return chunk;
    }

    /** Reads {@code {"metric": {labels}, "values": [[epoch_s, "value"], ...]}}; the parser stands on its '{'. */
    private static Series readSeries(JsonParser p) throws IOException {
        Map<String, String> labels = new TreeMap<>();
        Series series = new Series("", 256);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("metric") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String label = p.currentName();
                    p.nextToken();
                    labels.put(label, p.getValueAsString());
                }
            } else if (field.equals("values") && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    p.nextToken();
                    long t = Math.round(p.getDoubleValue() * 1000);
                    p.nextToken();
                    double v = value(p.getText());
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        // nothing else is expected in a point
                    }
                    series.add(t, v);
                }
            } else {
                p.skipChildren();
            }
        }
        series.name = PointSeriesImport.prometheusName(labels);
        series.labels = labels;
        return series;
    }

    /** Prometheus writes values as strings, with {@code NaN}, {@code +Inf} and {@code -Inf}. */
    static double value(String text) {
        switch (text) {
            case "+Inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static final class Chunk {
        final List<String> warnings;
        final List<Series> series = new ArrayList<>();

        Chunk(List<String> warnings) {
            this.warnings = warnings;
        }
    }

    private static final class Series {
        String name;
        Map<String, String> labels = Map.of();
        long[] times;
        double[] values;
        int size;
        long infinite;

        Series(String name, int capacity) {
            this.name = name;
            times = new long[Math.max(16, capacity)];
            values = new double[Math.max(16, capacity)];
        }

        void add(long t, double v) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            if (Double.isInfinite(v)) {
                infinite++;
                v = Double.NaN;
            }
            times[size] = t;
            values[size] = v;
            size++;
        }

        /** @return the points as a source hands them on (the arrays themselves, not copies) */
        Labelled labelled(Optional<MetricKind> kind, String reason) {
            return new Labelled(labels, new PointSeriesImport.Points(name, times, values, size, kind, reason));
        }

        void append(Series other) {
            for (int i = 0; i < other.size; i++) {
                add(other.times[i], other.values[i]);
            }
            infinite += other.infinite;
        }
    }
}
