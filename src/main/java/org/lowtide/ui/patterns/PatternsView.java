package org.lowtide.ui.patterns;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * The Patterns screen: the series with anomalies shaded and listed (select one to zoom to it), the
 * decomposition as stacked panels, the periods' strengths, the weekly heat map with troughs
 * outlined and the forecast with its bands.
 */
public final class PatternsView extends BorderPane {

    private final PatternsViewModel viewModel;
    private final ChartViewer series = viewer("seriesChart", 260);
    private final ChartViewer decomposition = viewer("decompositionChart", 640);
    private final ChartViewer strengths = viewer("strengthChart", 200);
    private final ChartViewer heatmap = viewer("patternsHeatmap", 260);
    private final ChartViewer forecast = viewer("forecastChart", 280);

    public PatternsView(PatternsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("patterns-view");
        setTop(header());
        SplitPane split = new SplitPane(anomalyList(), charts());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.24);
        setCenter(split);
        viewModel.chartsProperty().addListener((obs, old, c) -> show(c));
        show(viewModel.chartsProperty().get());
    }

    private static ChartViewer viewer(String id, double height) {
        ChartViewer v = new ChartViewer();
        v.setId(id);
        org.lowtide.ui.common.ChartMenus.install(v, id.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
        // Inside a scrolling page the wheel scrolls the page; zoom is by dragging a rectangle.
        org.jfree.chart.fx.interaction.MouseHandlerFX wheel = v.getCanvas().getMouseHandler("scroll");
        if (wheel != null) {
            v.getCanvas().removeAuxiliaryMouseHandler(wheel);
        }
        v.setPrefHeight(height);
        v.setMinHeight(height);
        v.setVisible(false);
        v.managedProperty().bind(v.visibleProperty());
        return v;
    }

    private Node header() {
        Label summary = new Label();
        summary.setId("patternsSummary");
        summary.setWrapText(true);
        // Plain words on screen; the statistics (strengths, method, MASE) one hover away.
        summary.textProperty().bind(viewModel.plainSummaryProperty());
        summary.setTooltip(technical(viewModel.summaryProperty()));
        Label forecastText = new Label();
        forecastText.setId("forecastSummary");
        forecastText.setWrapText(true);
        forecastText.textProperty().bind(viewModel.plainForecastProperty());
        forecastText.setTooltip(technical(viewModel.forecastTextProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(24, 24);
        busy.progressProperty().bind(viewModel.progressProperty());
        busy.visibleProperty().bind(viewModel.busyProperty());
        javafx.scene.control.TextField calendar = new javafx.scene.control.TextField();
        calendar.setId("holidayCalendar");
        calendar.setPromptText("e.g. DE-BY, US-NY");
        calendar.setPrefColumnCount(9);
        calendar.textProperty().bindBidirectional(viewModel.holidayCalendarProperty());
        calendar.setOnAction(e -> viewModel.applyHolidays());
        javafx.scene.control.Button apply = new javafx.scene.control.Button("Mark holidays");
        apply.setId("applyHolidays");
        apply.setOnAction(e -> viewModel.applyHolidays());
        Label holidayMessage = new Label();
        holidayMessage.setId("holidayMessage");
        holidayMessage.textProperty().bind(viewModel.holidayMessageProperty());
        holidayMessage.setWrapText(true);
        calendar.setPrefColumnCount(12);
        calendar.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane holidayRow = new javafx.scene.layout.FlowPane(8, 6, new Label("Public holidays:"),
                calendar, apply, holidayMessage);
        holidayRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox text = new VBox(4, summary, forecastText, holidayRow);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(12, text, busy);
        box.setPadding(new Insets(8, 12, 8, 12));
        return box;
    }

    /** A tooltip with the technical text, wrapped, shown without delay (the details behind a plain line). */
    private static javafx.scene.control.Tooltip technical(javafx.beans.value.ObservableStringValue text) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tip.setShowDelay(javafx.util.Duration.millis(200));
        return tip;
    }

    private Node anomalyList() {
        ListView<PatternsViewModel.AnomalyRow> list = new ListView<>(viewModel.anomaliesProperty());
        list.setId("anomalyList");
        list.setPlaceholder(wrapping(new Label("No anomalies")));
        // Each anomaly wraps within the list's width: nothing runs off to the right.
        list.setCellFactory(v -> org.lowtide.ui.common.Controls.wrappingCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PatternsViewModel.AnomalyRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
            }
        }, v));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                zoomTo(row);
            }
        });
        Label title = wrapping(new Label("Anomalies (select to zoom)"));
        title.getStyleClass().add("card-title");
        ListView<String> holidays = new ListView<>(viewModel.holidaysProperty());
        holidays.setId("holidayList");
        holidays.setPrefHeight(150);
        holidays.setPlaceholder(wrapping(new Label("No holiday calendar chosen")));
        Label holidayTitle = new Label("Holidays");
        holidayTitle.getStyleClass().add("card-title");
        VBox box = new VBox(6, title, list, holidayTitle, holidays);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setMinWidth(220);
        box.setPrefWidth(300);
        SplitPane.setResizableWithParent(box, false);
        return box;
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private void zoomTo(PatternsViewModel.AnomalyRow row) {
        JFreeChart chart = series.getChart();
        if (chart == null || !(chart.getPlot() instanceof XYPlot)) {
            return;
        }
        double[] range = PatternsViewModel.zoomRange(row.anomaly());
        ((XYPlot) chart.getPlot()).getDomainAxis().setRange(range[0], range[1]);
    }

    private Node charts() {
        HBox middle = new HBox(8, strengths, heatmap);
        HBox.setHgrow(strengths, Priority.ALWAYS);
        HBox.setHgrow(heatmap, Priority.ALWAYS);
        strengths.setPrefWidth(300);
        heatmap.setPrefWidth(600);
        javafx.scene.control.Hyperlink whole = new javafx.scene.control.Hyperlink("Whole span");
        whole.setId("wholeSpan");
        whole.setOnAction(e -> {
            JFreeChart chart = series.getChart();
            if (chart != null && chart.getPlot() instanceof XYPlot) {
                ((XYPlot) chart.getPlot()).getDomainAxis().setAutoRange(true);
            }
        });
        whole.visibleProperty().bind(series.visibleProperty());
        VBox seriesSection = (VBox) section("Traffic and anomalies (drag to zoom, select an anomaly on the left)",
                "What was measured; shaded: outages, collection gaps, dips and spikes set aside.", null, series);
        seriesSection.getChildren().add(1, whole);
        VBox box = new VBox(10, seriesSection,
                section("Decomposition", "The traffic taken apart: its long-run trend, its daily and weekly rhythms,"
                        + " and what is left over.", "Robust MSTL (Bandara, Hyndman, Bergmeir 2021): STL"
                        + " (Cleveland et al. 1990) once per period, outliers down-weighted.", decomposition),
                middle, section("Forecast", "Expected traffic for the coming weeks, with the range most weeks fall in.",
                        null, forecast));
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** A chart under its title and a plain-words line; {@code technical}, when given, is the line's tooltip. */
    private static Node section(String title, String plain, String technical, ChartViewer viewer) {
        Label label = wrapping(new Label(title));
        label.getStyleClass().add("card-title");
        Label words = new Label(plain);
        words.getStyleClass().add("plain-words");
        wrapping(words);
        if (technical != null) {
            words.setTooltip(new javafx.scene.control.Tooltip(technical));
        }
        viewer.setAccessibleText(title + ": " + plain);
        VBox box = new VBox(4, label, words, viewer);
        for (Node n : List.of(label, words)) {
            n.visibleProperty().bind(viewer.visibleProperty());
            n.managedProperty().bind(viewer.visibleProperty());
        }
        return box;
    }

    private void show(PatternsViewModel.Charts c) {
        set(series, c == null ? null : c.series());
        set(decomposition, c == null ? null : c.decomposition());
        set(strengths, c == null ? null : c.strengths());
        set(heatmap, c == null ? null : c.heatmap());
        set(forecast, c == null ? null : c.forecast());
    }

    private static void set(ChartViewer viewer, JFreeChart chart) {
        // ChartViewer refuses null: keep the last chart and hide the viewer instead.
        if (chart == null) {
            viewer.setVisible(false);
        } else {
            org.lowtide.ui.common.ChartTheming.show(viewer, chart); // styled first: drawn once, not twice
            viewer.setVisible(true);
        }
    }
}
