package org.lowtide.ui.imports;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.lowtide.ui.common.BackgroundJob;
import org.lowtide.service.CancelledException;
import org.lowtide.service.ImportService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ColumnRole;
import org.lowtide.traffic.imports.ColumnRoles;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportDetails;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportPreview;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.imports.SourceInfo;

/**
 * State of the import dialog: the file's first lines, what the importer detected, the options the
 * user may correct (format, series, zone, step, metric kind, date order), and the outcome of an
 * import with those options (summary and warnings). Every change of an option imports again, in a
 * {@link BackgroundJob} on the injected executor (as every screen), with progress and Cancel; the dialog's Import button is
 * enabled once an import with the current options succeeded.
 *
 * <p>Confined to the JavaFX application thread. With a same-thread executor (tests), each call has
 * imported before it returns.
 */
public final class ImportViewModel {

    /** The steps offered; null means "as the data" (the median spacing). */
    public static final List<Duration> STEP_CHOICES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofDays(1));

    /** How many lines of the file the preview shows. */
    public static final int PREVIEW_LINES = 30;

    private final ImportService service;
    private final BackgroundJob job;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyListWrapper<String> previewLines =
            new ReadOnlyListWrapper<>(this, "previewLines", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper detected = new ReadOnlyStringWrapper(this, "detected", "");
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(this, "format", ImportFormat.AUTO);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());
    private final ObjectProperty<Duration> step = new SimpleObjectProperty<>(this, "step");
    private final ObjectProperty<MetricKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<DateOrder> dateOrder = new SimpleObjectProperty<>(this, "dateOrder");
    private final ReadOnlyListWrapper<String> available =
            new ReadOnlyListWrapper<>(this, "available", FXCollections.observableArrayList());
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final BooleanProperty sum = new SimpleBooleanProperty(this, "sum");
    /** The columns' roles as the user set them (issue 13); {@link ColumnRoles#DETECT} until a role is changed. */
    private final ObjectProperty<ColumnRoles> columnMapping =
            new SimpleObjectProperty<>(this, "columnMapping", ColumnRoles.DETECT);
    private final ObjectProperty<String> valueColumn = new SimpleObjectProperty<>(this, "valueColumn");
    private final ReadOnlyListWrapper<ColumnRole> columnRoles =
            new ReadOnlyListWrapper<>(this, "columnRoles", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyListWrapper<String> summary =
            new ReadOnlyListWrapper<>(this, "summary", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<ImportWarning> warnings =
            new ReadOnlyListWrapper<>(this, "warnings", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");

    private boolean quiet;

    /**
     * @param service  the import use case
     * @param executor runs the imports; a background thread in the app, the caller's in tests
     */
    public ImportViewModel(ImportService service, Executor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.job = new BackgroundJob(Objects.requireNonNull(executor, "executor"));
        job.mirrorInto(busy, progress, message -> { });
        format.addListener((o, before, now) -> optionsChanged());
        zone.addListener((o, before, now) -> optionsChanged());
        step.addListener((o, before, now) -> optionsChanged());
        kind.addListener((o, before, now) -> optionsChanged());
        dateOrder.addListener((o, before, now) -> optionsChanged());
        columnMapping.addListener((o, before, now) -> optionsChanged());
        valueColumn.addListener((o, before, now) -> optionsChanged());
        sum.addListener((o, before, now) -> {
            if (!now && chosen.size() > 1) {
                quiet = true;
                try {
                    chosen.setAll(chosen.get(0)); // back to one series
                } finally {
                    quiet = false;
                }
            }
            optionsChanged();
        });
        chosen.addListener((ListChangeListener<String>) c -> optionsChanged());
        result.addListener((o, before, now) -> updateCanImport());
        busy.addListener((o, before, now) -> updateCanImport());
    }

    // ---------------------------------------------------------------- actions

    /**
     * Opens a file: shows its first lines and what they look like, then imports it with the
     * detected settings in the given zone.
     */
    public void open(Path path, ZoneId initialZone) {
        Objects.requireNonNull(path, "path");
        quiet = true;
        try {
            file.set(path);
            format.set(ImportFormat.AUTO);
            step.set(null);
            kind.set(null);
            dateOrder.set(null);
            sum.set(false);
            chosen.clear();
            available.clear();
            if (initialZone != null) {
                zone.set(initialZone);
            }
        } finally {
            quiet = false;
        }
        try {
            ImportPreview preview = service.preview(path, PREVIEW_LINES);
            previewLines.setAll(preview.lines());
            detected.set(describe(preview));
        } catch (ImportException e) {
            previewLines.clear();
            detected.set("");
            fail(e.getMessage());
            return;
        } catch (IOException e) {
            previewLines.clear();
            detected.set("");
            fail(describe(path, e));
            return;
        }
        reimport();
    }

    /** Imports again with the current options, cancelling an import still running. */
    public void reimport() {
        Path current = file.get();
        if (current == null) {
            return;
        }
        TrafficSource source = new TrafficSource.FileSource(current);
        ImportOptions asked = options();
        job.start("Importing " + current.getFileName() + "…",
                p -> service.importTraffic(source, asked, (fraction, message) -> {
                    if (fraction >= 0) {
                        p.progress(fraction, message);
                    }
                }, p),
                this::show,
                error -> fail(error instanceof RejectedExecutionException ? "Not imported: the app is shutting down"
                        : error instanceof ImportException ? error.getMessage() : describe(current, error)),
                () -> fail("Import cancelled"));
    }

    /** Stops the import that is running; the dialog keeps what it showed. */
    public void cancel() {
        job.cancel();
    }

    /** @return the options the user settled on, for the analysis */
    public ImportOptions options() {
        ImportOptions options = ImportOptions.inZone(zone.get()).withFormat(format.get())
                .withStepOrInferred(step.get()).withKind(kind.get()).withDateOrder(dateOrder.get())
                .withSeries(List.copyOf(chosen)).withColumns(columnMapping.get()).withColumn(valueColumn.get());
        return options.withSum(sum.get() || chosen.size() > 1);
    }

    /**
     * Sets what one column of a table is taken for and imports again: a time part (added after the
     * time columns there are), the value, a series key, or an attribute (text left alone; for a time
     * or key column, also "ignored").
     */
    public void setRole(String column, ColumnRole.Role role) {
        List<String> time = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ColumnRole c : columnRoles) {
            if (c.role() == ColumnRole.Role.TIME && !c.name().equals(column)) {
                time.add(c.name());
            } else if (c.role() == ColumnRole.Role.SERIES_KEY && !c.name().equals(column)) {
                keys.add(c.name());
            }
        }
        ColumnRoles mapping = columnMapping.get();
        quiet = true;
        try {
            chosen.clear(); // the series change with the roles
        } finally {
            quiet = false;
        }
        switch (role) {
            case TIME -> {
                time.add(column);
                mapping = mapping.withTimeColumns(time);
            }
            case SERIES_KEY -> {
                keys.add(column);
                mapping = mapping.withLabelColumns(keys);
            }
            case VALUE -> {
                valueColumn.set(column);
                return;
            }
            default -> {
                if (isRole(column, ColumnRole.Role.TIME)) {
                    mapping = mapping.withTimeColumns(time);
                }
                if (isRole(column, ColumnRole.Role.SERIES_KEY)) {
                    mapping = keys.isEmpty() ? mapping.withNoLabels() : mapping.withLabelColumns(keys);
                }
            }
        }
        columnMapping.set(mapping);
    }

    private boolean isRole(String column, ColumnRole.Role role) {
        return columnRoles.stream().anyMatch(c -> c.name().equals(column) && c.role() == role);
    }

    /** Forgets the roles set by hand: detection decides again. */
    public void detectRoles() {
        quiet = true;
        try {
            chosen.clear();
        } finally {
            quiet = false;
        }
        valueColumn.set(null);
        columnMapping.set(ColumnRoles.DETECT);
    }

    /** Checks or unchecks one series; with several checked they are added up. */
    public void setChosen(String series, boolean checked) {
        if (checked && !chosen.contains(series)) {
            if (!sum.get()) {
                quiet = true;
                try {
                    chosen.clear(); // a single choice, unless adding up
                } finally {
                    quiet = false;
                }
            }
            chosen.add(series);
        } else if (!checked && chosen.contains(series) && chosen.size() > 1) {
            chosen.remove(series);
        }
    }

    // ---------------------------------------------------------------- outcome

    private void optionsChanged() {
        if (!quiet && file.get() != null) {
            reimport();
        }
    }

    private void show(ImportResult r) {
        result.set(r);
        errorMessage.set("");
        ImportDetails d = r.details();
        quiet = true;
        try {
            available.setAll(d.available());
            if (!chosen.equals(d.selected())) {
                chosen.setAll(d.selected());
            }
            if (dateOrder.get() == null && d.dateOrder().isPresent() && d.dateOrderNote().startsWith("chosen")) {
                dateOrder.set(d.dateOrder().get());
            }
        } finally {
            quiet = false;
        }
        summary.setAll(summaryLines(r));
        columnRoles.setAll(d.columnRoles());
        List<ImportWarning> worded = new ArrayList<>();
        for (ImportWarning w : r.warnings()) {
            worded.add(new ImportWarning(w.line(), w.column(), DialogWording.of(w.message())));
        }
        warnings.setAll(worded);
    }

    private void fail(String message) {
        result.set(null);
        errorMessage.set(message);
        summary.clear();
        warnings.clear();
        columnRoles.clear();
    }

    private void updateCanImport() {
        canImport.set(result.get() != null && !busy.get());
    }

    /** The summary as the dialog shows it, one fact per line. */
    static List<String> summaryLines(ImportResult r) {
        SourceInfo s = r.source();
        ImportDetails d = r.details();
        TrafficSeries series = r.series();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Outcome: %,d rows → %,d %s, %,d missing", s.rowsRead(), series.size(),
                plural(series.step()), series.missingCount()));
        lines.add("Format: " + d.description());
        lines.add("Timestamps: " + s.timeColumn() + (d.timestampFormat().isEmpty() ? "" : " — " + d.timestampFormat()));
        if (!d.dateOrderNote().isEmpty()) {
            lines.add("Dates: " + d.dateOrderNote());
        }
        lines.add("Series: " + series.name() + " — " + d.kind().id() + ", values on one step "
                + (d.kind() == MetricKind.COUNT ? "summed" : "averaged") + " (" + d.kindReason() + ")");
        lines.add(String.format(Locale.ROOT, "Rows: %,d read = %,d used + %,d merged + %,d skipped", s.rowsRead(),
                s.rowsUsed(), s.rowsMerged(), s.rowsSkipped()));
        lines.add(String.format(Locale.ROOT, "Grid: %,d points every %s from %s, %,d missing in %,d gap%s",
                series.size(), words(series.step()), series.start().atZone(series.zone()).toLocalDateTime(),
                series.missingCount(), d.gapCount(), d.gapCount() == 1 ? "" : "s"));
        if (!d.resampled().isEmpty()) {
            lines.add("Resampled: " + d.resampled());
        }
        if (!d.flagged().isEmpty()) {
            lines.add("Flagged: " + d.flagged().size() + " stretch" + (d.flagged().size() == 1 ? "" : "es")
                    + " of zeros or one repeated value (likely collection gaps)");
        }
        return lines;
    }

    /** @return the step's unit in the plural ("hours", "5-minute steps") */
    static String plural(Duration d) {
        String w = words(d);
        return w.contains(" ") ? w.replace(' ', '-') + " steps" : w + "s";
    }

    static String words(Duration d) {
        long s = d.getSeconds();
        if (s % 86_400 == 0) {
            return s == 86_400 ? "day" : s / 86_400 + " days";
        }
        if (s % 3600 == 0) {
            return s == 3600 ? "hour" : s / 3600 + " hours";
        }
        if (s % 60 == 0) {
            return s == 60 ? "minute" : s / 60 + " minutes";
        }
        return d.toString();
    }

    private static String describe(ImportPreview p) {
        String kind;
        switch (p.format()) {
            case CSV:
                kind = "delimited text";
                break;
            case GRAPHITE:
                kind = "Graphite export";
                break;
            case PROMETHEUS:
                kind = "Prometheus JSON";
                break;
            case CLOUDWATCH:
                kind = "CloudWatch JSON";
                break;
            case DATADOG:
                kind = "Datadog JSON";
                break;
            case INFLUX:
                kind = "InfluxDB annotated CSV";
                break;
            default:
                kind = "JSON";
                break;
        }
        return String.format(Locale.ROOT, "%s — %s, %s, %,d bytes", p.name(), kind, p.encoding(), p.size());
    }

    private static String describe(Path path, Throwable error) {
        Path name = path.getFileName();
        String shown = name == null ? path.toString() : name.toString();
        if (error instanceof CancelledException) {
            return "Import cancelled";
        }
        if (error instanceof NoSuchFileException) {
            return shown + ": file not found";
        }
        if (org.lowtide.service.OutOfMemory.isOutOfMemory(error)) {
            return org.lowtide.service.OutOfMemory.of(java.util.Optional.of(
                    new org.lowtide.service.TrafficSource.FileSource(path)), error,
                    org.lowtide.service.OutOfMemory.Face.GUI).getMessage();
        }
        return shown + ": cannot be read (" + (error.getMessage() == null ? error : error.getMessage()) + ")";
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The first lines of the file, as text. */
    public ReadOnlyListProperty<String> previewLinesProperty() {
        return previewLines.getReadOnlyProperty();
    }

    /** E.g. "traffic.csv — delimited text, UTF-8, 14,034,337 bytes". */
    public ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /** The format to read; AUTO detects it. Changing it imports again. */
    public ObjectProperty<ImportFormat> formatProperty() {
        return format;
    }

    /** The zone of timestamps without an offset. Changing it imports again. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /** The grid step; null for the data's own spacing. Changing it imports again. */
    public ObjectProperty<Duration> stepProperty() {
        return step;
    }

    /** The metric kind; null to detect it. Changing it imports again. */
    public ObjectProperty<MetricKind> kindProperty() {
        return kind;
    }

    /** The day/month order; null to decide from the values. Changing it imports again. */
    public ObjectProperty<DateOrder> dateOrderProperty() {
        return dateOrder;
    }

    /** Every series the file holds (value columns, labels, metrics). */
    public ReadOnlyListProperty<String> availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The series used: one, or several that are added up. Change through {@link #setChosen}. */
    public ObservableList<String> chosen() {
        return FXCollections.unmodifiableObservableList(chosen);
    }

    /** Whether checking a series adds it to the sum instead of replacing the choice. */
    public BooleanProperty sumProperty() {
        return sum;
    }

    /** The last successful import with the current options; null after a failure. */
    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ImportResult getResult() {
        return result.get();
    }

    /** What was read, one fact per line. */
    public ReadOnlyListProperty<String> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return what each column of a table was taken for; empty for other formats */
    public ReadOnlyListProperty<ColumnRole> columnRolesProperty() {
        return columnRoles.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<ImportWarning> warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Why the last import failed (names file, line and column); empty when it worked. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Whether the current options imported without error (and nothing is running). */
    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    /** @return the file's name for titles */
    public Optional<String> fileName() {
        Path f = file.get();
        return f == null || f.getFileName() == null ? Optional.empty() : Optional.of(f.getFileName().toString());
    }
}
