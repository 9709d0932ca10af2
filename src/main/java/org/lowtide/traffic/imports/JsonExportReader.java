package org.lowtide.traffic.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the JSON exports of monitoring systems with Jackson's streaming parser (no tree: a year of
 * points costs a few primitive arrays, not millions of nodes). The format is told by the first
 * distinguishing key, in one pass:
 * <ul>
 *   <li>Graphite render API {@code format=json}: {@code [{"target", "datapoints": [[value, epoch_s], …]}]};</li>
 *   <li>Prometheus {@code query_range}: {@code {"status", "data": {"resultType": "matrix", "result":
 *       [{"metric": {labels}, "values": [[epoch_s, "value"], …]}]}}};</li>
 *   <li>CloudWatch {@code get-metric-statistics}: {@code {"Label", "Datapoints": [{"Timestamp",
 *       "Sum"|"Average"|…, "Unit"}]}} (unsorted; each statistic is a series);</li>
 *   <li>CloudWatch {@code get-metric-data}: {@code {"MetricDataResults": [{"Label", "Timestamps": [],
 *       "Values": []}]}};</li>
 *   <li>Datadog {@code /api/v1/query}: {@code {"series": [{"metric", "scope", "pointlist": [[epoch_ms, value]]}]}};</li>
 *   <li>Datadog {@code /api/v2/query/timeseries}: {@code {"data": {"type": "timeseries_response", "attributes":
 *       {"series": [{"group_tags", "query_index"}], "times": [epoch_ms], "values": [[…], …]}}}} (one
 *       array of values per series, aligned with {@code times});</li>
 *   <li>InfluxDB 1.x {@code /query}: {@code {"results": [{"statement_id", "series": [{"name", "tags",
 *       "columns": ["time", …], "values": [[time, …], …]}]}]}} with RFC 3339 or epoch times; one series
 *       per measurement, numeric column and tag set.</li>
 * </ul>
 * {@code null}, {@code "NaN"} and {@code "+Inf"} values are kept as missing with a warning. Warnings
 * carry the JSON line and column of the point.
 */
final class JsonExportReader {

    /** What a JSON file held. */
    record Outcome(String formatId, String description, long points, long skipped, String timestampFormat,
                   List<String> columns) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private final String source;
    private final ImportOptions options;
    private final ImportFormat forced;
    private final SeriesSelector selector;
    private final Warnings warnings;
    private final TimestampParser isoTimes;
    private JsonParser p;
    private long points;
    private long skipped;
    private String formatId;
    private String description;
    private String timestampFormat = "";
    private List<String> columns = List.of("timestamp", "value");

    private JsonExportReader(String source, ImportOptions options, ImportFormat forced, SeriesSelector selector,
                             Warnings warnings) {
        this.source = source;
        this.options = options;
        this.forced = forced;
        this.selector = selector;
        this.warnings = warnings;
        this.isoTimes = new TimestampParser(options.zone());
    }

    static Outcome read(InputStream in, String source, ImportOptions options, ImportFormat forced,
                        SeriesSelector selector, Warnings warnings) throws ImportException, IOException {
        JsonExportReader reader = new JsonExportReader(source, options, forced, selector, warnings);
        try (JsonParser parser = FACTORY.createParser(in)) {
            reader.p = parser;
            reader.readDocument();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ImportException(source, at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()), "not valid JSON: " + e.getOriginalMessage());
        }
        if (reader.formatId == null) {
            throw new ImportException(source, 0, 0, "JSON, but not an export Lowtide knows: expected Graphite"
                    + " ([{\"target\", \"datapoints\"}]), Prometheus query_range ({\"data\": {\"result\"}}),"
                    + " CloudWatch ({\"Datapoints\"} or {\"MetricDataResults\"}), Datadog ({\"series\"} or"
                    + " {\"data\": {\"attributes\"}}) or InfluxDB 1.x ({\"results\"})");
        }
        return new Outcome(reader.formatId, reader.description, reader.points, reader.skipped,
                reader.timestampFormat, reader.columns);
    }

    private void readDocument() throws IOException, ImportException {
        JsonToken first = p.nextToken();
        if (first == JsonToken.START_ARRAY) {
            expect(ImportFormat.GRAPHITE, "a Graphite JSON array");
            formatId = "graphite-json";
            description = "Graphite render API JSON";
            timestampFormat = "epoch seconds";
            columns = List.of("value", "timestamp");
            readGraphite();
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            throw problem("expected a JSON object or array");
        }
        String label = null;
        String status = null;
        String error = null;
        List<SeriesData> cloudWatch = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "status":
                    status = p.getValueAsString();
                    break;
                case "error":
                case "errors":
                    error = value == JsonToken.VALUE_STRING ? p.getText() : text();
                    break;
                case "data":
                    if (value == JsonToken.START_OBJECT) {
                        readDataObject();
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "results":
                    if (value == JsonToken.START_ARRAY) {
                        expect(ImportFormat.INFLUX, "InfluxDB 1.x JSON");
                        formatId = "influx-json";
                        description = "InfluxDB 1.x query JSON";
                        timestampFormat = "RFC 3339";
                        columns = new ArrayList<>();
                        readInfluxResults();
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "Label":
                    label = p.getValueAsString();
                    break;
                case "Datapoints":
                    expect(ImportFormat.CLOUDWATCH, "CloudWatch JSON");
                    formatId = "cloudwatch";
                    description = "CloudWatch get-metric-statistics JSON";
                    timestampFormat = "ISO-8601";
                    cloudWatch = readCloudWatchDatapoints();
                    break;
                case "MetricDataResults":
                    expect(ImportFormat.CLOUDWATCH, "CloudWatch JSON");
                    formatId = "cloudwatch-data";
                    description = "CloudWatch get-metric-data JSON";
                    timestampFormat = "ISO-8601";
                    readMetricDataResults();
                    break;
                case "NextToken":
                    if (value == JsonToken.VALUE_STRING && !p.getText().isEmpty()) {
                        warnings.addFile("the export has a NextToken: CloudWatch had more data than this file holds");
                    }
                    break;
                case "series":
                    if (value == JsonToken.START_ARRAY) {
                        expect(ImportFormat.DATADOG, "Datadog JSON");
                        formatId = "datadog";
                        description = "Datadog v1 query JSON";
                        timestampFormat = "epoch milliseconds";
                        readDatadogSeries();
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
                    break;
            }
        }
        if ("error".equalsIgnoreCase(status) || (error != null && !error.isBlank() && formatId == null)) {
            throw new ImportException(source, 0, 0, "the export holds an error, not data: "
                    + (error == null ? "status " + status : error));
        }
        if (cloudWatch != null) {
            String name = label == null || label.isBlank() ? "metric" : label;
            List<String> statistics = new ArrayList<>();
            for (SeriesData data : cloudWatch) {
                statistics.add(data.name);
                SeriesData named = rename(data, name + " " + data.name);
                offer(named);
            }
            columns = new ArrayList<>(List.of("Timestamp"));
            columns.addAll(statistics);
        }
    }

    private void expect(ImportFormat format, String what) throws ImportException {
        if (forced != ImportFormat.AUTO && forced != format) {
            throw new ImportException(source, line(), 0, "expected " + forced.id() + " input, found " + what);
        }
    }

    // ------------------------------------------------------------------ Graphite

    private void readGraphite() throws IOException, ImportException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String target = null;
            SeriesData data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("target")) {
                    target = p.getValueAsString();
                } else if (field.equals("datapoints") && value == JsonToken.START_ARRAY) {
                    data = new SeriesData(target == null ? "pending" : target);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        long line = line();
                        p.nextToken();
                        double v = number("value", line);
                        p.nextToken();
                        long t = epoch(1000, line);
                        closePoint();
                        data.add(t, v, line);
                        points++;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (data == null) {
                throw problem("a Graphite series without \"datapoints\"");
            }
            String name = target == null ? "series " + (selector.available().size() + 1) : target;
            data = rename(data, name);
            offer(data);
        }
    }

    // ------------------------------------------------------------------ Prometheus

    /** {@code "data": {…}}: Prometheus ({@code resultType}, {@code result}) or Datadog v2 ({@code attributes}). */
    private void readDataObject() throws IOException, ImportException {
        String resultType = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("attributes") && value == JsonToken.START_OBJECT) {
                expect(ImportFormat.DATADOG, "Datadog v2 JSON");
                formatId = "datadog-v2";
                description = "Datadog v2 timeseries query JSON";
                timestampFormat = "epoch milliseconds";
                readDatadogAttributes();
                continue;
            }
            if (field.equals("resultType") || field.equals("result")) {
                expect(ImportFormat.PROMETHEUS, "Prometheus JSON");
                formatId = "prometheus";
                description = "Prometheus query_range JSON";
                timestampFormat = "epoch seconds with fraction";
            }
            if (field.equals("resultType")) {
                resultType = p.getValueAsString();
                if (!"matrix".equals(resultType) && !"vector".equals(resultType)) {
                    throw problem("a Prometheus result of type '" + resultType
                            + "'; export a range query (query_range, resultType matrix)");
                }
            } else if (field.equals("result") && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readPrometheusSeries();
                }
            } else {
                p.skipChildren();
            }
        }
        if ("vector".equals(resultType)) {
            warnings.addFile("an instant query (resultType vector) holds one point per series;"
                    + " export a range query (query_range) for traffic history");
        }
    }

    private void readPrometheusSeries() throws IOException, ImportException {
        Map<String, String> labels = new TreeMap<>();
        SeriesData data = new SeriesData("pending");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("metric") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    labels.put(name, p.getValueAsString());
                }
            } else if ((field.equals("values") || field.equals("value")) && value == JsonToken.START_ARRAY) {
                if (field.equals("value")) {
                    readPrometheusPoint(data);
                } else {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        readPrometheusPoint(data);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        String name = prometheusName(labels);
        data = rename(data, name);
        offer(data);
    }

    /** Keeps a series the selector wants; counts the points of any other as skipped. */
    private void offer(SeriesData data) {
        if (selector.offer(data.name)) {
            selector.keep(data);
        } else {
            selector.countOther(data.size);
            skipped += data.size;
        }
    }

    /** Reads {@code [epoch_s, "value"]}; the parser stands on the opening bracket. */
    private void readPrometheusPoint(SeriesData data) throws IOException, ImportException {
        long line = line();
        p.nextToken();
        long t = epoch(1000, line);
        p.nextToken();
        double v = number("value", line);
        closePoint();
        data.add(t, v, line);
        points++;
    }

    /** {@code up{instance="localhost:9090",job="prometheus"}}, as Prometheus writes a series. */
    static String prometheusName(Map<String, String> labels) {
        String metric = labels.getOrDefault("__name__", "");
        StringBuilder sb = new StringBuilder(metric);
        boolean any = false;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getKey().equals("__name__")) {
                continue;
            }
            sb.append(any ? "," : "{").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
            any = true;
        }
        if (any) {
            sb.append('}');
        }
        return sb.length() == 0 ? "{}" : sb.toString();
    }

    // ------------------------------------------------------------------ CloudWatch

    /** @return one series per statistic, named by the statistic (renamed with the label afterwards) */
    private List<SeriesData> readCloudWatchDatapoints() throws IOException, ImportException {
        Map<String, SeriesData> byStatistic = new LinkedHashMap<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw problem("\"Datapoints\" should be an array");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long line = line();
            long t = TimestampParser.FAIL;
            Map<String, Double> stats = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("Timestamp")) {
                    t = isoTime(line);
                } else if (field.equals("ExtendedStatistics") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String stat = p.currentName();
                        p.nextToken();
                        stats.put(stat, number(stat, line));
                    }
                } else if (field.equals("Unit")) {
                    p.skipChildren();
                } else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT
                        || value == JsonToken.VALUE_NULL || value == JsonToken.VALUE_STRING) {
                    stats.put(field, number(field, line));
                } else {
                    p.skipChildren();
                }
            }
            if (t == TimestampParser.FAIL) {
                throw new ImportException(source, line, 0, "a CloudWatch datapoint without \"Timestamp\"");
            }
            for (Map.Entry<String, Double> e : stats.entrySet()) {
                SeriesData data = byStatistic.computeIfAbsent(e.getKey(), k -> statisticSeries(k));
                data.add(t, e.getValue(), line);
            }
            points++;
        }
        if (byStatistic.size() > 1) {
            // A datapoint holding several statistics is one row; count it once.
            long extra = 0;
            for (SeriesData d : byStatistic.values()) {
                extra += d.size;
            }
            points = extra;
        }
        return new ArrayList<>(byStatistic.values());
    }

    private static SeriesData statisticSeries(String statistic) {
        SeriesData data = new SeriesData(statistic);
        boolean count = statistic.equals("Sum") || statistic.equals("SampleCount");
        return data.hint(count ? MetricKind.COUNT : MetricKind.GAUGE, "CloudWatch statistic " + statistic);
    }

    private void readMetricDataResults() throws IOException, ImportException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String label = null;
            String id = null;
            long[] t = new long[256];
            int nt = 0;
            double[] v = new double[256];
            long[] lines = new long[256];
            int nv = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("Label")) {
                    label = p.getValueAsString();
                } else if (field.equals("Id")) {
                    id = p.getValueAsString();
                } else if (field.equals("Timestamps") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (nt == t.length) {
                            t = java.util.Arrays.copyOf(t, nt * 2);
                        }
                        t[nt++] = isoTime(line());
                    }
                } else if (field.equals("Values") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (nv == v.length) {
                            v = java.util.Arrays.copyOf(v, nv * 2);
                            lines = java.util.Arrays.copyOf(lines, nv * 2);
                        }
                        lines[nv] = line();
                        v[nv++] = number("Values", line());
                    }
                } else if (field.equals("StatusCode")) {
                    String code = p.getValueAsString();
                    if (code != null && !code.equals("Complete")) {
                        warnings.addFile("CloudWatch says the data of " + (label == null ? id : label) + " is " + code);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (nt != nv) {
                throw problem("a MetricDataResult with " + nt + " timestamps but " + nv + " values");
            }
            String name = label != null && !label.isBlank() ? label : id != null ? id : "metric";
            SeriesData data = new SeriesData(name, nt);
            for (int i = 0; i < nt; i++) {
                data.add(t[i], v[i], lines[i]);
            }
            points += nt;
            offer(data);
        }
    }

    // ------------------------------------------------------------------ Datadog

    private void readDatadogSeries() throws IOException, ImportException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String metric = null;
            String scope = null;
            String expression = null;
            SeriesData data = new SeriesData("pending");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "metric":
                        metric = p.getValueAsString();
                        break;
                    case "scope":
                        scope = p.getValueAsString();
                        break;
                    case "expression":
                        expression = p.getValueAsString();
                        break;
                    case "pointlist":
                        if (value != JsonToken.START_ARRAY) {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            long line = line();
                            p.nextToken();
                            long t = epoch(1, line);
                            p.nextToken();
                            double v = number("value", line);
                            closePoint();
                            data.add(t, v, line);
                            points++;
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            String name = expression != null && !expression.isBlank() ? expression
                    : (metric == null ? "metric" : metric) + (scope == null || scope.isBlank() ? "" : "{" + scope + "}");
            data = rename(data, name);
            offer(data);
        }
    }

    /** {@code attributes}: {@code series}, {@code times} and {@code values}, in any order. */
    private void readDatadogAttributes() throws IOException, ImportException {
        List<String> tags = new ArrayList<>();
        List<Integer> queries = new ArrayList<>();
        long[] times = new long[0];
        List<double[]> values = new ArrayList<>();
        List<long[]> valueLines = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            switch (field) {
                case "series" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        List<String> group = new ArrayList<>();
                        int query = 0;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken v = p.nextToken();
                            if (name.equals("group_tags") && v == JsonToken.START_ARRAY) {
                                while (p.nextToken() != JsonToken.END_ARRAY) {
                                    group.add(p.getValueAsString());
                                }
                            } else if (name.equals("query_index")) {
                                query = p.getValueAsInt();
                            } else {
                                p.skipChildren();
                            }
                        }
                        tags.add(String.join(",", group));
                        queries.add(query);
                    }
                }
                case "times" -> {
                    long[] t = new long[64];
                    int n = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (n == t.length) {
                            t = Arrays.copyOf(t, n * 2);
                        }
                        t[n++] = epoch(1, line());
                    }
                    times = Arrays.copyOf(t, n);
                }
                case "values" -> {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        double[] v = new double[64];
                        long[] lines = new long[64];
                        int n = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (n == v.length) {
                                v = Arrays.copyOf(v, n * 2);
                                lines = Arrays.copyOf(lines, n * 2);
                            }
                            lines[n] = line();
                            v[n++] = number("value", lines[n - 1]);
                        }
                        values.add(Arrays.copyOf(v, n));
                        valueLines.add(Arrays.copyOf(lines, n));
                    }
                }
                default -> p.skipChildren();
            }
        }
        boolean severalQueries = queries.stream().distinct().count() > 1;
        for (int k = 0; k < values.size(); k++) {
            double[] v = values.get(k);
            if (v.length != times.length) {
                throw new ImportException(source, valueLines.get(k).length > 0 ? valueLines.get(k)[0] : 0, 0,
                        "series " + (k + 1) + " has " + v.length + " values for " + times.length + " times");
            }
            String group = k < tags.size() ? tags.get(k) : "";
            int query = k < queries.size() ? queries.get(k) : 0;
            String name = severalQueries || group.isEmpty()
                    ? "query " + query + (group.isEmpty() ? "" : " {" + group + "}") : "{" + group + "}";
            SeriesData data = new SeriesData(name);
            for (int i = 0; i < v.length; i++) {
                data.add(times[i], v[i], valueLines.get(k)[i]);
            }
            points += v.length;
            offer(data);
        }
    }

    // ------------------------------------------------------------------ InfluxDB 1.x

    private void readInfluxResults() throws IOException, ImportException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("series") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readInfluxSeries();
                    }
                } else if (field.equals("error")) {
                    throw problem("the InfluxDB result holds an error, not data: " + text());
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** One {@code {"name", "tags", "columns", "values"}}: a series per numeric column besides {@code time}. */
    private void readInfluxSeries() throws IOException, ImportException {
        String measurement = "";
        StringBuilder tags = new StringBuilder();
        List<String> header = null;
        SeriesData[] data = null;
        int timeColumn = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "name" -> measurement = p.getValueAsString("");
                case "tags" -> {
                    if (value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    Map<String, String> sorted = new TreeMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        sorted.put(key, p.getValueAsString(""));
                    }
                    sorted.forEach((k, v) -> tags.append(' ').append(k).append('=').append(v));
                }
                case "columns" -> {
                    header = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        header.add(p.getValueAsString(""));
                    }
                    timeColumn = header.indexOf("time");
                    if (timeColumn < 0) {
                        throw problem("an InfluxDB series without a 'time' column (columns: "
                                + String.join(", ", header) + ")");
                    }
                    if (columns.isEmpty()) {
                        columns.addAll(header);
                    }
                }
                case "values" -> {
                    if (header == null) {
                        throw problem("InfluxDB 'values' before 'columns': cannot tell which value is the time");
                    }
                    if (data == null) {
                        data = new SeriesData[header.size()];
                        for (int c = 0; c < header.size(); c++) {
                            if (c != timeColumn) {
                                data[c] = new SeriesData((measurement.isEmpty() ? "" : measurement + " ")
                                        + header.get(c) + tags);
                            }
                        }
                    }
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        long line = line();
                        double[] row = new double[header.size()];
                        long t = Long.MIN_VALUE;
                        int c = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (c >= header.size()) {
                                p.skipChildren();
                            } else if (c == timeColumn) {
                                t = influxTime(line);
                            } else {
                                row[c] = number("'" + header.get(c) + "'", line);
                            }
                            c++;
                        }
                        if (t == Long.MIN_VALUE) {
                            throw new ImportException(source, line, 0, "an InfluxDB row without its time");
                        }
                        for (int k = 0; k < data.length; k++) {
                            if (data[k] != null) {
                                data[k].add(t, k < c ? row[k] : Double.NaN, line);
                                points++;
                            }
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (data == null) {
            return;
        }
        for (SeriesData d : data) {
            if (d == null) {
                continue;
            }
            offer(d);
        }
    }

    /** RFC 3339 text, or an epoch number whose unit (s, ms, µs, ns: the {@code epoch=} parameter) its size tells. */
    private long influxTime(long line) throws IOException, ImportException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = Math.abs(p.getDoubleValue());
            timestampFormat = v < 1e11 ? "epoch seconds" : v < 1e14 ? "epoch milliseconds"
                    : v < 1e17 ? "epoch microseconds" : "epoch nanoseconds";
            if (v >= 1e17) {
                return p.getLongValue() / 1_000_000L;
            }
            if (v >= 1e14) {
                return p.getLongValue() / 1000L;
            }
            return epoch(v < 1e11 ? 1000 : 1, line);
        }
        return epoch(1, line);
    }

    // ------------------------------------------------------------------ values

    /** Reads the current token as a number: JSON numbers, numeric strings, null/"NaN" (missing). */
    private double number(String what, long line) throws IOException, ImportException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            if (Double.isInfinite(v) || Double.isNaN(v)) {
                warnings.add("nan", line, column(), what + " is " + p.getText() + "; the point stays missing");
                return Double.NaN;
            }
            return v;
        }
        if (token == JsonToken.VALUE_NULL) {
            warnings.add("null", line, column(), what + " is null; the point stays missing");
            return Double.NaN;
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            NumberStyle.Parser parser = new NumberStyle.Parser(NumberStyle.PLAIN);
            double v = parser.parse(b, 0, b.length);
            if (parser.status() == NumberStyle.Status.NUMBER) {
                return v;
            }
            if (parser.status() == NumberStyle.Status.INVALID) {
                warnings.add("invalid", line, column(), "cannot read '" + text + "' as a number; the point stays"
                        + " missing");
            } else {
                warnings.add("nan", line, column(), what + " is '" + text + "'; the point stays missing");
            }
            return Double.NaN;
        }
        throw problem("expected a number for " + what);
    }

    /** Reads an epoch number (seconds × {@code toMillis}, fractions allowed) or an ISO-8601 string. */
    private long epoch(long toMillis, long line) throws IOException, ImportException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            if (Double.isNaN(v) || Math.abs(v * toMillis) > 1e16) {
                throw new ImportException(source, line, column(), "cannot read " + p.getText() + " as a time");
            }
            return Math.round(v * toMillis);
        }
        if (token == JsonToken.VALUE_STRING) {
            return isoTime(line);
        }
        throw new ImportException(source, line, column(), "expected a timestamp, found " + token);
    }

    private long isoTime(long line) throws IOException, ImportException {
        String text = p.getValueAsString();
        if (text == null) {
            throw new ImportException(source, line, column(), "expected a timestamp, found " + p.currentToken());
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        long t = isoTimes.tryParse(b, 0, b.length, Long.MIN_VALUE);
        if (t == TimestampParser.FAIL) {
            throw new ImportException(source, line, column(), TimestampParser.unreadableMessage(text));
        }
        return t;
    }

    /** Skips anything after the two values of a point, up to its closing bracket. */
    private void closePoint() throws IOException, ImportException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw problem("the file ends inside a point");
            }
            p.skipChildren();
        }
    }

    private String text() throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "(see the file)";
        }
        return p.getText();
    }

    private static SeriesData rename(SeriesData data, String name) {
        data.name = name;
        return data;
    }

    private long line() {
        return Math.max(0, p.currentLocation().getLineNr());
    }

    private int column() {
        return Math.max(0, p.currentLocation().getColumnNr());
    }

    private ImportException problem(String what) {
        return new ImportException(source, line(), column(), what);
    }
}
