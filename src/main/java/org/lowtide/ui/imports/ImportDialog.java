package org.lowtide.ui.imports;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lowtide.traffic.imports.ColumnRole;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.ui.common.Controls;

/**
 * The import dialog: the file's first lines, what was detected, the settings to correct (format,
 * series, zone, step, kind, date order), the outcome and every warning. Import is enabled once
 * the file reads with the current settings; the dialog's result is those settings. Only binds
 * controls to {@link ImportViewModel}.
 */
public final class ImportDialog extends Dialog<ImportOptions> {

    /** The style of the dialog's section captions. */
    private static final String CARD_TITLE = "card-title";

    /** The Import button's type; the dialog returns the options when it is pressed. */
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private final ImportViewModel viewModel;

    /**
     * @param owner      the main window, or null
     * @param stylesheet the app's stylesheet URL, or null
     */
    public ImportDialog(ImportViewModel viewModel, Window owner, String stylesheet) {
        this.viewModel = viewModel;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Import " + viewModel.fileName().orElse("traffic"));
        setHeaderText(null);
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        getDialogPane().setContent(content());
        getDialogPane().setPrefSize(1040, 700); // without the app's stylesheet; with it, its size in ems
        getDialogPane().getStyleClass().add("import-dialog"); // (lowtide.css): it grows with the font
        getDialogPane().getStyleClass().add("form-dialog"); // as wide as its content asks (lowtide.css)
        if (stylesheet != null) {
            getDialogPane().getStylesheets().add(stylesheet);
        }
        Button importButton = (Button) getDialogPane().lookupButton(IMPORT);
        importButton.setId("importButton");
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        setResultConverter(button -> button == IMPORT ? viewModel.options() : null);
        setOnHidden(e -> viewModel.cancel());
    }

    /** Shows the dialog and waits. @return the options to analyse with, or empty when cancelled */
    public Optional<ImportOptions> ask() {
        return showAndWait();
    }

    private Node content() {
        Label detected = new Label();
        detected.setId("detectedLabel");
        detected.getStyleClass().add("import-detected");
        detected.setWrapText(true); // a long file name wraps rather than cutting what was detected
        detected.setMinWidth(0);
        detected.setMinHeight(Region.USE_PREF_SIZE);
        detected.textProperty().bind(viewModel.detectedProperty());

        TextArea preview = new TextArea();
        preview.setId("previewArea");
        preview.setEditable(false);
        preview.setWrapText(false);
        preview.getStyleClass().add("import-preview");
        preview.setPrefRowCount(12);
        Runnable fill = () -> preview.setText(String.join("\n", viewModel.previewLinesProperty()));
        viewModel.previewLinesProperty().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        VBox previewBox = new VBox(4, Controls.wrappingCaption("First lines of the file", preview, CARD_TITLE), preview);
        VBox.setVgrow(preview, Priority.ALWAYS);

        VBox settings = new VBox(10, Controls.wrappingCaption("Settings (correct anything detected wrongly)", null, CARD_TITLE), form(), seriesBox(),
                columnsBox());
        settings.getStyleClass().add("import-settings"); // its width in ems (lowtide.css): it grows with the font

        HBox top = new HBox(14, previewBox, settings);
        HBox.setHgrow(previewBox, Priority.ALWAYS);
        VBox.setVgrow(top, Priority.ALWAYS);

        VBox content = new VBox(10, detected, top, outcome());
        content.setPadding(new Insets(4, 6, 0, 0));
        return content;
    }

    private GridPane form() {
        ComboBox<Choice<ImportFormat>> format = choice("formatBox", List.of(ImportFormat.values()), viewModel.formatProperty(),
                f -> f == ImportFormat.AUTO ? "Detect" : label(f));
        ComboBox<String> zone = zoneBox();
        List<Duration> steps = new ArrayList<>();
        steps.add(null);
        steps.addAll(ImportViewModel.STEP_CHOICES);
        ComboBox<Choice<Duration>> step = choice("stepBox", steps, viewModel.stepProperty(),
                d -> d == null ? "As the data" : "Every " + ImportViewModel.words(d));
        step.setTooltip(new Tooltip("A step coarser than the data resamples it: counts are summed, gauges averaged"));
        List<MetricKind> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(List.of(MetricKind.values()));
        ComboBox<Choice<MetricKind>> kind = choice("kindBox", kinds, viewModel.kindProperty(),
                k -> k == null ? "Detect" : k == MetricKind.COUNT ? "Count (sum values on one step)"
                        : "Gauge (average values on one step)");
        List<DateOrder> orders = new ArrayList<>();
        orders.add(null);
        orders.addAll(List.of(DateOrder.values()));
        ComboBox<Choice<DateOrder>> order = choice("dateOrderBox", orders, viewModel.dateOrderProperty(),
                o -> o == null ? "Decide from the values" : o.words());

        GridPane grid = Controls.formGrid(false);
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Time zone"), zone);
        grid.addRow(2, new Label("Step"), step);
        grid.addRow(3, new Label("Values"), kind);
        grid.addRow(4, new Label("Dates"), order);
        for (Node n : List.of(format, zone, step, kind, order)) {
            ((Region) n).setMaxWidth(Double.MAX_VALUE);
        }
        return grid;
    }

    private Node seriesBox() {
        ListView<String> list = new ListView<>(viewModel.availableProperty());
        list.setId("seriesList");
        list.setPrefHeight(130);
        list.setCellFactory(v -> new ListCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setMnemonicParsing(false); // series names have underscores
                box.setOnAction(e -> {
                    if (getItem() != null) {
                        viewModel.setChosen(getItem(), box.isSelected());
                        box.setSelected(viewModel.chosen().contains(getItem()));
                    }
                });
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                box.setText(item);
                box.setSelected(viewModel.chosen().contains(item));
                setGraphic(box);
            }
        });
        viewModel.chosen().addListener((ListChangeListener<String>) c -> list.refresh());
        CheckBox sum = new CheckBox("Add up the checked series");
        sum.setId("sumBox");
        sum.selectedProperty().bindBidirectional(viewModel.sumProperty());
        sum.disableProperty().bind(Bindings.size(viewModel.availableProperty()).lessThan(2));
        return new VBox(4, Controls.wrappingCaption("Series in the file", list, CARD_TITLE), list, sum);
    }

    /** The table's columns with what each was taken for; choosing another role imports again. */
    private Node columnsBox() {
        ListView<ColumnRole> list = new ListView<>(viewModel.columnRolesProperty());
        list.setId("columnRoles");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final ComboBox<ColumnRole.Role> role = new ComboBox<>(FXCollections.observableArrayList(
                    ColumnRole.Role.TIME, ColumnRole.Role.VALUE, ColumnRole.Role.SERIES_KEY,
                    ColumnRole.Role.ATTRIBUTE));
            private final HBox row = new HBox(8, name, role);
            private boolean updating;

            {
                row.setAlignment(Pos.CENTER_LEFT);
                name.setPrefWidth(160);
                name.setMinWidth(Region.USE_PREF_SIZE);
                name.setWrapText(true);
                name.setMinHeight(Region.USE_PREF_SIZE);
                role.setConverter(new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(ColumnRole.Role r) {
                        return r == null ? "" : r == ColumnRole.Role.TIME ? "time part" : r.words();
                    }

                    @Override
                    public ColumnRole.Role fromString(String text) {
                        return null;
                    }
                });
                role.valueProperty().addListener((o, before, now) -> {
                    if (!updating && now != null && getItem() != null && now != getItem().role()) {
                        viewModel.setRole(getItem().name(), now);
                    }
                });
            }

            @Override
            protected void updateItem(ColumnRole item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                updating = true;
                try {
                    name.setText(item.name() + (item.detail().isEmpty() ? "" : " (" + item.detail() + ")"));
                    role.setValue(item.role());
                    role.setPromptText(item.role().words());
                } finally {
                    updating = false;
                }
                setGraphic(row);
            }
        });
        Button detect = new Button("Detect again");
        detect.setId("detectRoles");
        detect.setOnAction(e -> viewModel.detectRoles());
        VBox box = new VBox(4, Controls.wrappingCaption("Columns (what each was taken for)", list, CARD_TITLE), list, detect);
        box.visibleProperty().bind(Bindings.isNotEmpty(viewModel.columnRolesProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node outcome() {
        ListView<String> summary = new ListView<>(viewModel.summaryProperty());
        summary.setId("summaryList");
        summary.setPrefHeight(150);
        summary.getStyleClass().add("import-summary");
        summary.setCellFactory(v -> wrapping(v));

        ListView<ImportWarning> warnings = new ListView<>(viewModel.warningsProperty());
        warnings.setId("warningsList");
        warnings.setPrefHeight(150);
        warnings.setCellFactory(v -> wrapping(v));
        Label warningsCaption = Controls.wrappingCaption("", warnings, CARD_TITLE);
        warningsCaption.textProperty().bind(Bindings.createStringBinding(
                () -> "Warnings (" + viewModel.warningsProperty().size() + ")", viewModel.warningsProperty()));

        Label error = new Label();
        error.setId("importError");
        error.setWrapText(true);
        error.getStyleClass().add("import-error");
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setMaxWidth(Double.MAX_VALUE);

        ProgressBar progress = Controls.progressBar(viewModel.progressProperty(), viewModel.busyProperty(), 220, false);
        Button cancel = Controls.cancelButton(viewModel.busyProperty(), viewModel::cancel, false);
        cancel.setText("Cancel import");
        cancel.setId("cancelImport");
        cancel.getStyleClass().add("cancel-button");
        Label reading = new Label("Reading…");
        HBox running = new HBox(8, reading, progress, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(viewModel.busyProperty());
        running.managedProperty().bind(running.visibleProperty());

        VBox left = new VBox(4, Controls.wrappingCaption("What was read", summary, CARD_TITLE), summary);
        VBox right = new VBox(4, warningsCaption, warnings);
        HBox lists = new HBox(14, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(500);
        right.setPrefWidth(500);
        return new VBox(8, running, error, lists);
    }

    private ComboBox<String> zoneBox() {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(
                ZoneId.getAvailableZoneIds().stream().sorted().toList()));
        box.setId("importZoneBox");
        box.setEditable(true);
        box.setVisibleRowCount(14);
        box.setValue(viewModel.zoneProperty().get().getId());
        box.setTooltip(new Tooltip("Zone of timestamps written without an offset"));
        viewModel.zoneProperty().addListener((o, before, now) -> {
            if (now != null && !now.getId().equals(box.getValue())) {
                box.setValue(now.getId());
            }
        });
        box.valueProperty().addListener((o, before, text) -> {
            if (text == null) {
                return;
            }
            try {
                ZoneId parsed = ZoneId.of(text.trim());
                box.getStyleClass().remove("invalid");
                viewModel.zoneProperty().set(parsed);
            } catch (java.time.DateTimeException e) {
                if (!box.getStyleClass().contains("invalid")) {
                    box.getStyleClass().add("invalid");
                }
            }
        });
        return box;
    }

    /** One entry of a choice box: a value (null meaning "detect") and how it reads. */
    private record Choice<T>(T value, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A choice box bound both ways to {@code property}, whose items may include null ("detect"). */
    private static <T> ComboBox<Choice<T>> choice(String id, List<T> items, ObjectProperty<T> property,
                                                  Function<T, String> text) {
        List<Choice<T>> choices = new ArrayList<>();
        for (T item : items) {
            choices.add(new Choice<>(item, text.apply(item)));
        }
        ComboBox<Choice<T>> box = new ComboBox<>(FXCollections.observableArrayList(choices));
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        Runnable select = () -> {
            for (Choice<T> c : choices) {
                if (java.util.Objects.equals(c.value(), property.get())) {
                    box.setValue(c);
                    return;
                }
            }
        };
        select.run();
        property.addListener((o, before, now) -> select.run());
        box.valueProperty().addListener((o, before, now) -> {
            if (now != null && !java.util.Objects.equals(now.value(), property.get())) {
                property.set(now.value());
            }
        });
        return box;
    }

    private static String label(ImportFormat f) {
        switch (f) {
            case CSV:
                return "Delimited text (CSV)";
            case GRAPHITE:
                return "Graphite (csv, json, raw)";
            case PROMETHEUS:
                return "Prometheus query_range JSON";
            case CLOUDWATCH:
                return "CloudWatch JSON";
            case DATADOG:
                return "Datadog JSON";
            case INFLUX:
                return "InfluxDB annotated CSV";
            case GRAFANA:
                return "Grafana panel CSV";
            default:
                return f.id();
        }
    }

    /** A list cell whose text wraps to the list's width instead of scrolling sideways. */
    private static <T> ListCell<T> wrapping(ListView<T> list) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
            }
        };
        return Controls.wrappingCell(cell, list);
    }
}
