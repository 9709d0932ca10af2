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
        // Results first (cards, then the chosen start and the charts), the assumptions beside them.
        SplitPane split = new SplitPane(results(), form());
        split.setDividerPositions(0.63);
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
        HistoryDialog dialog = new HistoryDialog(vm, getScene() == null ? null : getScene().getWindow());
        if (getScene() != null) {
            // the app's stylesheet, as the layout check shows the dialog (a dialog has a scene of its own)
            dialog.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        dialog.showAndWait().ifPresent(viewModel::applyLearned);
        vm.cancel(); // a preview still running when the dialog closes is of no use
    }

    /** The assumptions, grouped in collapsible sections; each field under its label, its source wrapped below. */
    private static final java.util.List<java.util.Map.Entry<String, java.util.List<String>>> GROUPS = java.util.List.of(
            java.util.Map.entry("Revenue and currency", java.util.List.of("revenuePerYear", "currency")),
            java.util.Map.entry("Change risk", java.util.List.of("changeFailureRate", "detect", "restoreMedian",
                    "restoreP90", "impact", "recovered", "nightMultiplier", "plannedDowntime", "changesPerYear")),
            java.util.Map.entry("Customers and contracts", java.util.List.of("churnPerOutageHour",
                    "customerLifetimeValue", "slaCreditPerIncident", "slaCreditPerHour")),
            java.util.Map.entry("Slow instead of down (brown-out)", java.util.List.of("extraLatencyMs",
                    "latencyElasticity")),
            java.util.Map.entry("Innovation and error budget", java.util.List.of("innovationPerChange", "sloPercent")));

    private Node form() {
        Label heading = new Label("Assumptions");
        heading.getStyleClass().add("cost-heading");
        javafx.scene.control.Button learn = new javafx.scene.control.Button("Learn from history…");
        learn.setId("learn-from-history");
        learn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        learn.setOnAction(e -> learnFromHistory());
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(12, 6, heading, learn);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox sections = new VBox(8, head);
        sections.setPadding(new Insets(10, 12, 10, 12));
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            VBox body = new VBox(10);
            for (String key : GROUPS.get(g).getValue()) {
                body.getChildren().add(field(viewModel.field(key)));
                placed.add(key);
            }
            if (g == 3) {
                CheckBox degraded = new CheckBox("Failures slow the service (brown-out) instead of taking it down");
                degraded.selectedProperty().bindBidirectional(viewModel.degradedProperty());
                degraded.setWrapText(true);
                body.getChildren().add(degraded);
            }
            if (g == 4) {
                CheckBox planned = new CheckBox("Planned downtime counts against the error budget");
                planned.selectedProperty().bindBidirectional(viewModel.plannedCountsProperty());
                planned.setWrapText(true);
                body.getChildren().add(planned);
            }
            javafx.scene.control.TitledPane section = new javafx.scene.control.TitledPane(GROUPS.get(g).getKey(), body);
            section.setId("assumptions-" + g);
            section.setWrapText(true);
            section.setMinWidth(0); // a long title wraps instead of holding the column wider than its view
            section.setExpanded(g < 2);
            sections.getChildren().add(section);
        }
        // A field no group names (added later) still shows, in a last section.
        VBox others = new VBox(10);
        for (CostViewModel.Field f : viewModel.fields()) {
            if (!placed.contains(f.key())) {
                others.getChildren().add(field(f));
            }
        }
        if (!others.getChildren().isEmpty()) {
            sections.getChildren().add(new javafx.scene.control.TitledPane("Other", others));
        }
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(260);
        return scroll;
    }

    /** One assumption: its label, the field with its unit, its message, and where the default comes from. */
    private static Node field(CostViewModel.Field f) {
        TextField text = new TextField();
        text.setId("field-" + f.key());
        text.setPrefColumnCount(9);
        text.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.textProperty().bindBidirectional(f.textProperty());
        if (f.key().equals("revenuePerYear")) {
            text.setPromptText("e.g. 12,000,000");
        }
        Label label = new Label(f.label());
        label.setLabelFor(text);
        label.setWrapText(true);
        label.getStyleClass().add("cost-label");
        Label unit = new Label(f.unit());
        unit.getStyleClass().add("cost-unit");
        unit.setWrapText(true);
        unit.setMinWidth(0);
        HBox.setHgrow(unit, Priority.ALWAYS);
        HBox line = new HBox(8, text, unit);
        line.setAlignment(Pos.CENTER_LEFT);

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

        Label source = new Label();
        source.setId("source-" + f.key());
        source.getStyleClass().add("cost-source");
        source.textProperty().bind(f.sourceProperty());
        source.setWrapText(true);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(f.sourceProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        source.setTooltip(tip);
        VBox box = new VBox(3, label, line, error, source);
        box.getStyleClass().add("cost-field");
        return box;
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
        Label on = new Label("Cost of a change started on");
        on.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label at = new Label("at");
        at.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setWrapText(true);
        javafx.scene.layout.FlowPane chooser = new javafx.scene.layout.FlowPane(8, 6, on, day, at, hour, spinner,
                status);
        chooser.setAlignment(Pos.CENTER_LEFT);
        Label chosen = summary("chosenSummary", viewModel.chosenSummaryProperty());

        TabPane charts = new TabPane(
                new Tab("$/min over the week", viewer(viewModel.revenueChartProperty(), "revenue-per-minute")),
                new Tab("Cost of a change", viewer(viewModel.histogramChartProperty(), "cost-of-a-change")),
                new Tab("Scenarios", scenarios()));
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("costCharts");
        charts.setMinHeight(300);
        charts.setPrefHeight(420);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox detailsBox = new VBox(8, perMinute, change, budget, brownOut);
        javafx.scene.control.TitledPane details = new javafx.scene.control.TitledPane("Details: revenue per minute, "
                + "cheapest, median and dearest start, error budget, brown-out", detailsBox);
        details.setId("costDetails");
        details.setExpanded(false);
        details.setWrapText(true);
        // Its title's full width was its minimum, which held the whole column wider than the view.
        details.setMinWidth(0);
        VBox box = new VBox(10, error, cards(), chooser, chosen, charts, details);
        box.setPadding(new Insets(10, 12, 10, 12));
        box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(360);
        return scroll;
    }

    /** The result cards, as the report's summary page: a figure each, with a line under it; they reflow. */
    private Node cards() {
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(10, 10);
        pane.setId("costCards");
        Runnable fill = () -> {
            pane.getChildren().clear();
            for (CostViewModel.Card c : viewModel.cardsProperty()) {
                Label title = new Label(c.title());
                title.getStyleClass().add("cost-card-title");
                title.setWrapText(true);
                Label value = new Label(c.value());
                value.getStyleClass().add("cost-card-value");
                value.setWrapText(true);
                Label note = new Label(c.note());
                note.getStyleClass().add("cost-card-note");
                note.setWrapText(true);
                VBox card = new VBox(2, title, value, note);
                card.setId("card-" + c.id());
                card.getStyleClass().add("cost-card");
                card.setPrefWidth(230);
                card.setMinWidth(180);
                pane.getChildren().add(card);
            }
        };
        viewModel.cardsProperty().addListener((javafx.collections.ListChangeListener<CostViewModel.Card>) c -> fill.run());
        fill.run();
        Label empty = new Label();
        empty.textProperty().bind(viewModel.statusProperty());
        empty.getStyleClass().add("cost-unit");
        empty.visibleProperty().bind(viewModel.cardsProperty().emptyProperty());
        empty.managedProperty().bind(empty.visibleProperty());
        empty.setWrapText(true);
        return new VBox(empty, pane);
    }

    private Node scenarios() {
        TableView<ScenarioResult> table = new TableView<>(viewModel.scenariosProperty());
        table.setId("scenarioTable");
        table.getColumns().add(column("Scenario", ScenarioResult::name));
        table.getColumns().add(column("Changes/yr", r -> String.format(Locale.ROOT, "%,.0f", r.changesPerYear())));
        table.getColumns().add(column("Innovation/yr", r -> org.lowtide.report.Texts.number(r.innovationPerYear())));
        table.getColumns().add(column("h (min/change)", r -> String.format(Locale.ROOT, "%.2f",
                r.downtimePerChangeMinutes())));
        table.getColumns().add(column("Downtime min/yr", r -> String.format(Locale.ROOT, "%,.0f",
                r.downtimeMinutesPerYear())));
        table.getColumns().add(column("Cost/change", r -> money(r.costPerChange())));
        table.getColumns().add(column("Downtime cost/yr", r -> rounded(r.downtimeCostPerYear())));
        table.getColumns().add(column("Saved by troughs/yr", r -> rounded(r.troughSavingsPerYear())));
        table.setPrefHeight(150);
        table.setMinHeight(110);
        org.lowtide.ui.common.Tables.fitColumnsToContent(table, false);
        SplitPane split = new SplitPane(table, viewer(viewModel.scenarioChartProperty(), "scenarios"));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        return split;
    }

    private String money(double v) {
        CostReport r = viewModel.reportProperty().get();
        return r == null ? "" : CostViewModel.money(v, r.currency());
    }

    private String rounded(double v) {
        CostReport r = viewModel.reportProperty().get();
        return r == null ? "" : org.lowtide.report.Texts.moneyRounded(v, r.currency().getCurrencyCode());
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
        ChartViewer viewer = new ChartViewer();
        org.lowtide.ui.common.ChartMenus.install(viewer, baseName);
        org.lowtide.ui.common.ChartTheming.showEach(viewer, chart);
        StackPane pane = new StackPane(viewer);
        pane.setMinHeight(200);
        return pane;
    }
}
