package org.lowtide.ui.cost;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.ScenarioResult;

/**
 * The Costs screen: the assumptions form on the left (each field with its unit, its source and
 * its validation message), the numbers and charts on the right. Binds controls to
 * {@link CostViewModel}; all state and validation live there.
 */
public final class CostView extends BorderPane {

    private final CostViewModel viewModel;

    public CostView(CostViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("cost-view");
        SplitPane split = new SplitPane(form(), results());
        split.setDividerPositions(0.36);
        setCenter(split);
    }

    /** Costs → Learn from history… (issue #21): the dialog previews, the form takes what the user accepts. */
    private void learnFromHistory() {
        HistoryViewModel vm = new HistoryViewModel(new org.lowtide.service.RiskService(),
                () -> java.util.Optional.ofNullable(viewModel.assumptionsProperty().get())
                        .orElse(org.lowtide.cost.CostAssumptions.defaults()),
                viewModel::traffic, viewModel.zone().orElse(java.time.ZoneId.systemDefault()), work -> {
                    Thread t = new Thread(work, "lowtide-history");
                    t.setDaemon(true);
                    t.start();
                });
        new HistoryDialog(vm, getScene() == null ? null : getScene().getWindow()).showAndWait()
                .ifPresent(viewModel::applyLearned);
        vm.cancel(); // a preview still running when the dialog closes is of no use
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("cost-form");
        grid.setHgap(8);
        grid.setVgap(2);
        grid.setPadding(new Insets(10, 12, 10, 12));
        int row = 0;
        Label heading = new Label("Assumptions");
        heading.getStyleClass().add("cost-heading");
        javafx.scene.control.Button learn = new javafx.scene.control.Button("Learn from history…");
        learn.setId("learn-from-history");
        learn.setOnAction(e -> learnFromHistory());
        HBox head = new HBox(12, heading, learn);
        head.setAlignment(Pos.CENTER_LEFT);
        grid.add(head, 0, row++, 3, 1);
        for (CostViewModel.Field f : viewModel.fields()) {
            Label label = new Label(f.label());
            TextField text = new TextField();
            text.setId("field-" + f.key());
            text.setPrefColumnCount(7);
            text.textProperty().bindBidirectional(f.textProperty());
            if (f.key().equals("revenuePerYear")) {
                text.setPromptText("e.g. 12000000");
            }
            Label unit = new Label(f.unit());
            unit.getStyleClass().add("cost-unit");
            unit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(label, 0, row);
            grid.add(text, 1, row);
            grid.add(unit, 2, row++);

            Label error = new Label();
            error.setId("error-" + f.key());
            error.getStyleClass().add("cost-error");
            error.textProperty().bind(f.errorProperty());
            error.visibleProperty().bind(f.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            error.setWrapText(true);
            f.errorProperty().addListener((o, a, b) -> {
                if (b.isEmpty()) {
                    text.getStyleClass().remove("invalid");
                } else if (!text.getStyleClass().contains("invalid")) {
                    text.getStyleClass().add("invalid");
                }
            });
            grid.add(error, 1, row++, 2, 1);

            Label source = new Label();
            source.setId("source-" + f.key());
            source.getStyleClass().add("cost-source");
            source.textProperty().bind(f.sourceProperty());
            source.setWrapText(false);
            source.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            source.setMaxWidth(340);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(f.sourceProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            source.setTooltip(tip);
            grid.add(source, 0, row++, 3, 1);
        }
        CheckBox degraded = new CheckBox("Failures slow the service (brown-out) instead of taking it down");
        degraded.selectedProperty().bindBidirectional(viewModel.degradedProperty());
        degraded.setWrapText(true);
        grid.add(degraded, 0, row++, 3, 1);
        CheckBox planned = new CheckBox("Planned downtime counts against the error budget");
        planned.selectedProperty().bindBidirectional(viewModel.plannedCountsProperty());
        planned.setWrapText(true);
        grid.add(planned, 0, row, 3, 1);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(300);
        return scroll;
    }

    private Node results() {
        Label perMinute = summary("perMinuteSummary", viewModel.perMinuteSummaryProperty());
        Label change = summary("changeSummary", viewModel.changeSummaryProperty());
        Label budget = summary("budgetSummary", viewModel.budgetSummaryProperty());
        Label brownOut = summary("brownOutSummary", viewModel.brownOutSummaryProperty());
        Label error = new Label();
        error.setId("costError");
        error.getStyleClass().add("cost-error");
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ComboBox<DayOfWeek> day = new ComboBox<>(FXCollections.observableArrayList(DayOfWeek.values()));
        day.setId("chosenDay");
        day.valueProperty().bindBidirectional(viewModel.chosenDayProperty());
        day.setConverter(new StringConverter<>() {
            @Override
            public String toString(DayOfWeek d) {
                return d == null ? "" : d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
            }

            @Override
            public DayOfWeek fromString(String s) {
                return null;
            }
        });
        ComboBox<Integer> hour = new ComboBox<>();
        hour.setId("chosenHour");
        for (int h = 0; h < 24; h++) {
            hour.getItems().add(h);
        }
        hour.valueProperty().bindBidirectional(viewModel.chosenHourProperty());
        hour.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer h) {
                return h == null ? "" : String.format(Locale.ROOT, "%02d:00", h);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(viewModel.busyProperty());
        Label status = new Label();
        status.getStyleClass().add("cost-unit");
        status.textProperty().bind(viewModel.statusProperty());
        HBox chooser = new HBox(8, new Label("Cost of a change started on"), day, new Label("at"), hour, spinner,
                status);
        chooser.setAlignment(Pos.CENTER_LEFT);
        Label chosen = summary("chosenSummary", viewModel.chosenSummaryProperty());

        TabPane charts = new TabPane(
                new Tab("$/min over the week", viewer(viewModel.revenueChartProperty(), "revenue-per-minute")),
                new Tab("Cost of a change", viewer(viewModel.histogramChartProperty(), "cost-of-a-change")),
                new Tab("Scenarios", scenarios()));
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("costCharts");
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox box = new VBox(8, error, perMinute, change, chooser, chosen, budget, brownOut, charts);
        box.setPadding(new Insets(10, 12, 10, 12));
        return box;
    }

    private Node scenarios() {
        TableView<ScenarioResult> table = new TableView<>(viewModel.scenariosProperty());
        table.setId("scenarioTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Scenario", ScenarioResult::name));
        table.getColumns().add(column("Changes/yr", r -> String.format(Locale.ROOT, "%,.0f", r.changesPerYear())));
        table.getColumns().add(column("Innovation/yr", r -> String.format(Locale.ROOT, "%,.1f", r.innovationPerYear())));
        table.getColumns().add(column("h (min/change)", r -> String.format(Locale.ROOT, "%.2f",
                r.downtimePerChangeMinutes())));
        table.getColumns().add(column("Downtime min/yr", r -> String.format(Locale.ROOT, "%,.0f",
                r.downtimeMinutesPerYear())));
        table.getColumns().add(column("Cost/change", r -> money(r.costPerChange())));
        table.getColumns().add(column("Downtime cost/yr", r -> money(r.downtimeCostPerYear())));
        table.getColumns().add(column("Saved by troughs/yr", r -> money(r.troughSavingsPerYear())));
        table.setPrefHeight(150);
        table.setMinHeight(110);
        SplitPane split = new SplitPane(table, viewer(viewModel.scenarioChartProperty(), "scenarios"));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        return split;
    }

    private String money(double v) {
        CostReport r = viewModel.reportProperty().get();
        return r == null ? "" : CostViewModel.money(v, r.currency());
    }

    private static TableColumn<ScenarioResult, String> column(String title, Function<ScenarioResult, String> value) {
        TableColumn<ScenarioResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private static Label summary(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().add("cost-summary");
        return l;
    }

    private static Node viewer(ReadOnlyObjectProperty<JFreeChart> chart, String baseName) {
        ChartViewer viewer = new ChartViewer(chart.get());
        org.lowtide.ui.common.ChartMenus.install(viewer, baseName);
        chart.addListener((o, a, b) -> viewer.setChart(b));
        StackPane pane = new StackPane(viewer);
        pane.setMinHeight(200);
        return pane;
    }
}
