package org.lowtide.ui.prometheus;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportResult;

/**
 * File → Open from Prometheus…: server and credentials, a metric picker (metric, label, value),
 * the PromQL box, range and step, and a preview of the series; Open hands the query to the same
 * analysis as a file. Only binds controls to {@link PrometheusViewModel}.
 */
public final class PrometheusDialog extends Dialog<PrometheusViewModel.Selection> {

    /** The Open button's type. */
    public static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    private static final int PREVIEW_POINTS = 1500;

    private final PrometheusViewModel viewModel;
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());

    /**
     * @param owner      the main window, or null
     * @param stylesheet the app's stylesheet URL, or null
     */
    public PrometheusDialog(PrometheusViewModel viewModel, Window owner, String stylesheet) {
        this.viewModel = viewModel;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Open from Prometheus");
        setHeaderText(null);
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(OPEN, ButtonType.CANCEL);
        getDialogPane().setContent(content());
        // fits a 1280×720 screen with its window decorations and a panel
        getDialogPane().setPrefSize(900, 620);
        if (stylesheet != null) {
            getDialogPane().getStylesheets().add(stylesheet);
        }
        Button open = (Button) getDialogPane().lookupButton(OPEN);
        open.setId("openPrometheusButton");
        open.disableProperty().bind(viewModel.previewProperty().isNull().or(viewModel.busyProperty()));
        setResultConverter(button -> button == OPEN ? viewModel.selection() : null);
        setOnHidden(e -> viewModel.cancel());
        viewModel.previewProperty().addListener((o, a, b) -> showPreview(b));
    }

    /** Shows the dialog and waits. @return what to read, or empty when cancelled */
    public Optional<PrometheusViewModel.Selection> ask() {
        return showAndWait();
    }

    private VBox content() {
        GridPane grid = org.lowtide.ui.common.Controls.formGrid(true);
        int row = 0;

        TextField url = new TextField();
        url.setId("prometheusUrl");
        url.textProperty().bindBidirectional(viewModel.urlProperty());
        Button list = new Button("List metrics");
        list.setId("listMetrics");
        list.setOnAction(e -> viewModel.loadMetrics());
        grid.addRow(row++, new Label("Server URL"), url, list);
        GridPane.setHgrow(url, Priority.ALWAYS);

        row = credentialRows(grid, row, viewModel.credentials(), () -> getDialogPane().getScene().getWindow());

        ComboBox<String> metric = new ComboBox<>(viewModel.metrics());
        metric.setId("metricPicker");
        metric.setEditable(true);
        metric.setPromptText("metric (List metrics first)");
        metric.setMinWidth(Region.USE_PREF_SIZE);
        metric.getEditor().setPrefColumnCount(20); // in characters: it grows with the font
        metric.valueProperty().bindBidirectional(viewModel.metricProperty());
        metric.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank() && viewModel.metrics().contains(b)) {
                viewModel.loadLabels();
            }
        });
        ComboBox<String> label = new ComboBox<>(viewModel.labels());
        label.setPromptText("label");
        label.valueProperty().bindBidirectional(viewModel.labelProperty());
        label.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.isBlank()) {
                viewModel.loadLabelValues();
            }
        });
        ComboBox<String> value = new ComboBox<>(viewModel.labelValues());
        value.setPromptText("value");
        value.valueProperty().bindBidirectional(viewModel.labelValueProperty());
        Button use = new Button("Use in query");
        use.setId("useInQuery");
        use.setOnAction(e -> viewModel.useMetric());
        grid.addRow(row++, new Label("Metric"), new HBox(8, metric, label, value), use);

        TextArea query = new TextArea();
        query.setId("promql");
        query.setPrefRowCount(3);
        query.setWrapText(true);
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        grid.addRow(row++, new Label("PromQL"), query);
        GridPane.setColumnSpan(query, 2);

        TextField range = new TextField();
        range.setId("prometheusRange");
        range.setPrefColumnCount(6);
        range.textProperty().bindBidirectional(viewModel.rangeProperty());
        TextField step = new TextField();
        step.setPrefColumnCount(6);
        step.textProperty().bindBidirectional(viewModel.stepProperty());
        TextField series = new TextField();
        series.setPromptText("series (when several)");
        series.setPrefColumnCount(14);
        series.textProperty().bindBidirectional(viewModel.seriesProperty());
        CheckBox sum = new CheckBox("Add the series up");
        sum.setMinWidth(Region.USE_PREF_SIZE);
        Label stepLabel = new Label("step");
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        sum.selectedProperty().bindBidirectional(viewModel.sumProperty());
        HBox window = new HBox(8, range, stepLabel, step, series, sum);
        window.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, new Label("Last"), window);
        GridPane.setColumnSpan(window, 2);

        Button preview = new Button("Preview");
        preview.setId("previewPrometheus");
        preview.setDefaultButton(false);
        preview.setOnAction(e -> viewModel.preview());
        Label status = new Label();
        status.setId("prometheusStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        Label error = new Label();
        error.setId("prometheusError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(viewModel.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty()); // no blank line above the chart

        chart.setId("prometheusPreview");
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        ((NumberAxis) chart.getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) chart.getXAxis()).setLabel("days from the start");
        VBox.setVgrow(chart, Priority.ALWAYS);
        javafx.scene.control.ProgressBar progress = org.lowtide.ui.common.Controls.progressBar(
                viewModel.progressProperty(), viewModel.busyProperty(), 120, true);
        Button cancel = org.lowtide.ui.common.Controls.cancelButton(viewModel.busyProperty(), viewModel::cancel, true);
        cancel.setText("Stop"); // the dialog's own Cancel closes it
        cancel.setId("cancelPrometheus");
        HBox actions = new HBox(8, preview, progress, cancel, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, grid, actions, error, chart);
        box.setPadding(new Insets(8));
        return box;
    }

    /**
     * The credential choices, as rows of a three-column grid (label, field, button): token file with
     * Browse…, token, user and password with the certificate check, and what blank means. Shared
     * with {@link PrometheusCredentialsDialog}, so every place that signs in offers the same.
     *
     * @return the next free row
     */
    public static int credentialRows(GridPane grid, int row, CredentialsModel model, java.util.function.Supplier<Window> owner) {
        TextField tokenFile = new TextField();
        tokenFile.setId("prometheusTokenFile");
        tokenFile.setPromptText("file with a bearer token (path remembered)");
        tokenFile.textProperty().bindBidirectional(model.tokenFileProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            java.io.File f = new javafx.stage.FileChooser().showOpenDialog(owner.get());
            if (f != null) {
                model.tokenFileProperty().set(f.getAbsolutePath());
            }
        });
        grid.addRow(row++, new Label("Token file"), tokenFile, browse);
        PasswordField token = new PasswordField();
        token.setId("prometheusToken");
        token.setPromptText("or a bearer token typed here (or user and password below)");
        token.textProperty().bindBidirectional(model.tokenProperty());
        grid.addRow(row++, new Label("Token"), token);
        TextField user = new TextField();
        user.setId("prometheusUser");
        user.setPromptText("basic-auth user");
        user.setPrefColumnCount(12);
        user.setMinWidth(Region.USE_PREF_SIZE);
        user.textProperty().bindBidirectional(model.userProperty());
        PasswordField password = new PasswordField();
        password.setPromptText("password");
        password.setPrefColumnCount(9);
        password.setMinWidth(Region.USE_PREF_SIZE);
        password.textProperty().bindBidirectional(model.passwordProperty());
        CheckBox insecure = new CheckBox("Do not check the certificate (insecure)");
        insecure.setMinWidth(Region.USE_PREF_SIZE);
        insecure.selectedProperty().bindBidirectional(model.insecureProperty());
        HBox basic = new HBox(8, user, password, insecure);
        basic.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, new Label("User"), basic);
        GridPane.setColumnSpan(basic, 2);
        Label never = new Label("Typed credentials are used for this session only and never saved with a plan; "
                + "all blank: LOWTIDE_PROMETHEUS_TOKEN (or _USER and _PASSWORD) from the environment.");
        never.getStyleClass().add("hint");
        never.setWrapText(true);
        never.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines instead of being cut
        grid.add(never, 1, row++, 2, 1);
        return row;
    }

    private void showPreview(ImportResult result) {
        chart.getData().clear();
        if (result == null) {
            return;
        }
        TrafficSeries s = result.series();
        double[] values = s.values();
        int every = Math.max(1, values.length / PREVIEW_POINTS);
        double stepDays = s.step().toMillis() / 86_400_000.0;
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        for (int i = 0; i < values.length; i += every) {
            double sum = 0;
            int n = 0;
            for (int j = i; j < Math.min(values.length, i + every); j++) {
                if (!Double.isNaN(values[j])) {
                    sum += values[j];
                    n++;
                }
            }
            if (n > 0) {
                line.getData().add(new XYChart.Data<>(i * stepDays, sum / n));
            }
        }
        chart.getData().add(line);
    }
}
