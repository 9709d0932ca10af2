package org.lowtide.ui.prometheus;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lowtide.service.ImportService;
import org.lowtide.service.PrometheusCredentials;
import org.lowtide.service.PrometheusService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;
import org.lowtide.ui.common.BackgroundJob;

/**
 * State of File → Open from Prometheus…: the server and credentials, the metric picker (metric
 * names, then a label and its values), the PromQL, range and step, and a preview of what the
 * query reads. Every request to the server runs as a {@link BackgroundJob} (busy, progress, cancel;
 * a newer request supersedes one running). The typed credentials live only here, for this session:
 * they are never saved; a token file's path is remembered per server ({@link TokenFiles}).
 */
public final class PrometheusViewModel {

    /** The query the box starts with. */
    public static final String DEFAULT_QUERY = "sum(rate(http_requests_total[5m]))";

    /** What the dialog gives back: where to read and how. */
    public record Selection(TrafficSource.Prometheus source, ImportOptions options) {
    }

    private final PrometheusService prometheus;
    private final ImportService imports;
    private final BackgroundJob job;
    private final CredentialsModel credentials;

    private final StringProperty url = new SimpleStringProperty("http://localhost:9090");
    private final StringProperty query = new SimpleStringProperty(DEFAULT_QUERY);
    private final StringProperty range = new SimpleStringProperty("90d");
    private final StringProperty step = new SimpleStringProperty("5m");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.systemDefault());
    private final StringProperty series = new SimpleStringProperty("");
    private final BooleanProperty sum = new SimpleBooleanProperty(false);

    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final StringProperty metric = new SimpleStringProperty("");
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final StringProperty label = new SimpleStringProperty("");
    private final ObservableList<String> labelValues = FXCollections.observableArrayList();
    private final StringProperty labelValue = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ImportResult> preview = new ReadOnlyObjectWrapper<>();

    /**
     * @param executor   runs the requests ({@link BackgroundJob#synchronous()} in tests)
     * @param tokenFiles where the token file used for each server is remembered
     */
    public PrometheusViewModel(PrometheusService prometheus, ImportService imports, Executor executor,
                               TokenFiles tokenFiles) {
        this.prometheus = prometheus;
        this.imports = imports;
        this.job = new BackgroundJob(executor);
        this.credentials = new CredentialsModel(tokenFiles);
        // A preview belongs to the inputs it was made with.
        for (StringProperty p : List.of(url, query, range, step, series)) {
            p.addListener((o, a, b) -> preview.set(null));
        }
        credentials.fields().forEach(f -> f.addListener(o -> preview.set(null)));
        sum.addListener((o, a, b) -> preview.set(null));
        credentials.recall(url.get());
        url.addListener((o, a, b) -> credentials.recall(b));
    }

    /** The connection of the chosen credentials (see {@link PrometheusCredentials}). */
    PrometheusConnection connection() {
        try {
            return credentials.credentials().connection();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * @return what to read, from the fields
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public Selection selection() {
        URI server;
        try {
            server = URI.create(url.get().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("URL: '" + url.get() + "' is not a URL; e.g. http://prometheus:9090");
        }
        Duration r;
        Duration s;
        try {
            r = PrometheusQuery.parseDuration(range.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Range: " + e.getMessage());
        }
        try {
            s = PrometheusQuery.parseDuration(step.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Step: " + e.getMessage());
        }
        PrometheusQuery q = PrometheusQuery.lastRange(server, query.get().trim(), s, r);
        ImportOptions options = ImportOptions.inZone(zone.get()).withSum(sum.get())
                .withSeries(series.get().isBlank() ? List.of() : List.of(series.get().trim()));
        Selection selection = new Selection(new TrafficSource.Prometheus(q, connection()), options);
        credentials.remember(url.get());
        return selection;
    }

    /** Asks the server for its metric names (the picker). */
    public void loadMetrics() {
        String server = url.get();
        PrometheusCredentials c = credentials.credentials();
        run("Asking " + server.trim() + " for its metrics…", p -> {
            List<String> names = prometheus.metricNames(server, c.connection());
            return () -> {
                metrics.setAll(names);
                status.set(names.size() + " metrics on the server");
            };
        });
    }

    /** Asks for the chosen metric's label names. */
    public void loadLabels() {
        String m = metric.get();
        String server = url.get();
        PrometheusCredentials c = credentials.credentials();
        run("Asking for the labels of " + m + "…", p -> {
            List<String> names = prometheus.labelNames(server, c.connection(), m);
            return () -> {
                labels.setAll(names);
                status.set(m + ": " + names.size() + " labels");
            };
        });
    }

    /** Asks for the values of the chosen label on the chosen metric. */
    public void loadLabelValues() {
        String m = metric.get();
        String l = label.get();
        String server = url.get();
        PrometheusCredentials c = credentials.credentials();
        run("Asking for the values of " + l + "…", p -> {
            List<String> values = prometheus.labelValues(server, c.connection(), l, Optional.of(m));
            return () -> {
                labelValues.setAll(values);
                status.set(l + ": " + values.size() + " values");
            };
        });
    }

    /**
     * Writes a query for the picked metric (and label value) into the PromQL box: a counter
     * ({@code _total}, {@code _count}, {@code _sum}) as its summed rate, anything else summed.
     */
    public void useMetric() {
        String m = metric.get().trim();
        if (m.isEmpty()) {
            return;
        }
        String selector = m;
        if (!label.get().isBlank() && !labelValue.get().isBlank()) {
            selector += "{" + label.get() + "=\"" + labelValue.get().replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\"}";
        }
        boolean counter = m.endsWith("_total") || m.endsWith("_count") || m.endsWith("_sum");
        query.set(counter ? "sum(rate(" + selector + "[5m]))" : "sum(" + selector + ")");
    }

    /** Reads the query over the range, as the analysis will, and keeps the result for the preview. */
    public void preview() {
        Selection selection;
        try {
            selection = selection();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        run("Reading " + selection.source().displayName() + "…", p -> {
            ImportResult result = imports.importTraffic(selection.source(), selection.options(), p, p);
            return () -> {
                preview.set(result);
                status.set(describe(result));
            };
        });
    }

    /** @return one line on a preview */
    static String describe(ImportResult result) {
        TrafficSeries s = result.series();
        // a query summed to one series has no labels: Prometheus names it {}, which says nothing
        String name = s.name().isBlank() || s.name().equals("{}") ? "the query" : s.name();
        return String.format(Locale.ROOT, "%s: %,d points every %s from %s to %s, %,d missing%s", name, s.size(),
                stepWords(s.step()), s.start(), s.end(), s.missingCount(), result.warnings().isEmpty() ? ""
                        : "; " + result.warnings().size() + (result.warnings().size() == 1 ? " warning" : " warnings"));
    }

    /** @return a step as people write it: {@code 5 min}, {@code 1 h}, {@code 30 s} */
    static String stepWords(Duration step) {
        long sec = step.getSeconds();
        if (sec % 3600 == 0 && sec > 0) {
            return sec / 3600 + " h";
        }
        return sec % 60 == 0 && sec > 0 ? sec / 60 + " min" : sec + " s";
    }

    /** Stops what runs (its result is dropped). */
    public void cancel() {
        job.cancel();
    }

    /** Runs {@code work} as the job; the FX-thread update it returns runs when it succeeds. */
    private void run(String message, BackgroundJob.Work<Runnable> work) {
        error.set("");
        status.set(message);
        job.start(message, work, Runnable::run, e -> {
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            status.set("");
        }, () -> status.set("Cancelled"));
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** @return the credential choices (token file, token, user and password, insecure) */
    public CredentialsModel credentials() {
        return credentials;
    }

    public StringProperty userProperty() {
        return credentials.userProperty();
    }

    public StringProperty passwordProperty() {
        return credentials.passwordProperty();
    }

    public StringProperty tokenProperty() {
        return credentials.tokenProperty();
    }

    public StringProperty tokenFileProperty() {
        return credentials.tokenFileProperty();
    }

    public BooleanProperty insecureProperty() {
        return credentials.insecureProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty rangeProperty() {
        return range;
    }

    public StringProperty stepProperty() {
        return step;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public StringProperty seriesProperty() {
        return series;
    }

    public BooleanProperty sumProperty() {
        return sum;
    }

    public ObservableList<String> metrics() {
        return metrics;
    }

    public StringProperty metricProperty() {
        return metric;
    }

    public ObservableList<String> labels() {
        return labels;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ObservableList<String> labelValues() {
        return labelValues;
    }

    public StringProperty labelValueProperty() {
        return labelValue;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportResult> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    /** Progress of the running request in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }
}
