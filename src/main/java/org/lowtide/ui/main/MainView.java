package org.lowtide.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportWarning;
import org.lowtide.ui.common.ChartMenus;
import org.lowtide.ui.common.Controls;
import org.lowtide.ui.imports.ImportDialog;
import org.lowtide.ui.imports.ImportViewModel;

/**
 * The main window's content: menus and tool bar, the recommendation, the two charts and a status
 * bar. Only binds controls to {@link MainViewModel}; all state and validation live there.
 */
public final class MainView extends BorderPane {

    /** The stylesheet every Lowtide scene uses. */
    public static final String STYLESHEET = "/org/lowtide/ui/lowtide.css";

    private final MainViewModel viewModel;
    private final TabPane tabs = new TabPane();
    /** The tabs, and the welcome view over them while it is shown. */
    private final StackPane body = new StackPane(tabs);
    private Menu fileMenu;
    private Menu viewMenu;
    private MenuBar menuBar;
    private java.util.function.Consumer<String> linkOpener = url -> { };
    private File lastDirectory;

    public MainView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("main-view");
        setTop(new VBox(createMenuBar(), toolBar()));
        Tab overview = new Tab("Overview", withLoadingState(center()));
        overview.setId("overviewTab");
        overview.setClosable(false);
        tabs.getTabs().add(overview);
        addGoToTab(overview);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("main-tabs");
        setCenter(body);
        setBottom(statusBar());
        acceptDroppedFiles();
    }

    /** @return the stylesheet's URL, for {@code Scene#getStylesheets()} */
    public static String stylesheet() {
        return MainView.class.getResource(STYLESHEET).toExternalForm();
    }

    /** Adds a screen as a tab after the overview; @return the tab */
    public Tab addTab(String title, String id, Node content) {
        Tab tab = new Tab(title, withLoadingState(content));
        tab.setId(id);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        addGoToTab(tab);
        return tab;
    }

    /**
     * Shows the welcome view over the tabs until a file, the sample or a plan is opened.
     */
    public void showWelcome(WelcomeView welcome) {
        body.getChildren().removeIf(n -> n instanceof WelcomeView);
        body.getChildren().add(welcome);
        tabs.setVisible(false);
        javafx.beans.value.ChangeListener<TrafficSource> hide = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TrafficSource> o, TrafficSource before,
                                TrafficSource now) {
                if (now != null) {
                    hideWelcome();
                    viewModel.sourceProperty().removeListener(this);
                }
            }
        };
        viewModel.sourceProperty().addListener(hide);
    }

    /** Hides the welcome view, if shown, and shows the tabs. */
    public void hideWelcome() {
        body.getChildren().removeIf(n -> n instanceof WelcomeView);
        tabs.setVisible(true);
    }

    /** @return whether the welcome view is shown */
    public boolean welcomeShown() {
        return body.getChildren().stream().anyMatch(n -> n instanceof WelcomeView);
    }

    /**
     * Adds File → Open Recent, listing {@code recent} each time the menu opens (newest first).
     */
    public void setRecentFiles(java.util.function.Supplier<List<String>> recent) {
        Menu menu = new Menu("Open Re_cent");
        menu.setId("openRecent");
        MenuItem none = new MenuItem("(none yet)");
        none.setDisable(true);
        menu.getItems().add(none);
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            for (String name : recent.get()) {
                MenuItem item = new MenuItem(name);
                item.setMnemonicParsing(false);
                item.setOnAction(a -> {
                    try {
                        openFile(Path.of(name));
                    } catch (java.nio.file.InvalidPathException ex) {
                        // listed from the preferences file by hand: nothing to open
                    }
                });
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) {
                menu.getItems().add(none);
            }
        });
        fileMenu.getItems().add(2, menu);
    }

    /** View → the tab's name, with Ctrl+1, Ctrl+2, … for the first nine tabs. */
    private void addGoToTab(Tab tab) {
        int n = tabs.getTabs().indexOf(tab) + 1;
        MenuItem go = new MenuItem(n <= 9 ? "_" + n + "  " + tab.getText() : tab.getText());
        go.setId("goTo-" + tab.getId());
        if (n <= 9) {
            go.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(n)), KeyCombination.SHORTCUT_DOWN));
        }
        go.setOnAction(e -> selectTab(tab));
        viewMenu.getItems().add(go);
    }

    /** Where About's links open: the app's host services (a browser); nothing by default, as in tests. */
    public void setLinkOpener(java.util.function.Consumer<String> opener) {
        linkOpener = opener;
    }

    /** @return the menu bar, whose accelerators Help → Keyboard Shortcuts lists */
    public MenuBar menuBar() {
        return menuBar;
    }

    /** Brings a tab to the front. */
    public void selectTab(Tab tab) {
        tabs.getSelectionModel().select(tab);
    }

    /** Adds items to the File menu, after Open Sample and before Quit. */
    public void addFileMenuItems(List<MenuItem> items) {
        int quitSeparator = fileMenu.getItems().size() - 2;
        fileMenu.getItems().add(quitSeparator, new SeparatorMenuItem());
        fileMenu.getItems().addAll(quitSeparator + 1, items);
    }

    // ---------------------------------------------------------------- top

    private MenuBar createMenuBar() {
        MenuItem open = new MenuItem("_Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseFile());

        Menu samples = new Menu("Open Sa_mple");
        for (TrafficSource.Sample sample : Samples.all()) {
            MenuItem item = new MenuItem(capitalised(sample.description()) + "  (" + sample.fileName() + ")");
            item.setOnAction(e -> viewModel.load(sample));
            samples.getItems().add(item);
        }

        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> javafx.application.Platform.exit());

        Menu file = new Menu("_File", null, open, openFromPrometheus(), samples, new SeparatorMenuItem(), quit);
        fileMenu = file;

        viewMenu = new Menu("_View", null, org.lowtide.ui.common.Themes.menu(), new SeparatorMenuItem());
        viewMenu.setId("viewMenu");

        MenuItem shortcuts = new MenuItem("_Keyboard Shortcuts");
        shortcuts.setId("shortcutsItem");
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN));
        shortcuts.setOnAction(e -> new org.lowtide.ui.help.ShortcutsDialog(window(), stylesheet(), menuBar).show());
        MenuItem about = new MenuItem("_About Lowtide");
        about.setId("aboutItem");
        about.setOnAction(e -> new org.lowtide.ui.help.AboutDialog(window(), stylesheet(), linkOpener).show());
        Menu help = new Menu("_Help", null, shortcuts, new SeparatorMenuItem(), about);

        MenuBar bar = new MenuBar(file, viewMenu, help);
        menuBar = bar;
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        Button open = new Button("Open…");
        open.setOnAction(e -> chooseFile());
        open.setTooltip(new Tooltip("Open a CSV of timestamps and traffic (or drop a file on the window)"));

        ComboBox<Duration> windowBox = new ComboBox<>(FXCollections.observableArrayList(MainViewModel.WINDOW_CHOICES));
        windowBox.setId("windowBox");
        windowBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : Formats.words(d);
            }

            @Override
            public Duration fromString(String text) {
                return null; // not editable
            }
        });
        windowBox.valueProperty().bindBidirectional(viewModel.windowLengthProperty());
        windowBox.setTooltip(new Tooltip("How long the maintenance window has to be"));

        ComboBox<String> zoneBox = zoneBox();

        Button cancel = Controls.cancelButton(viewModel.busyProperty(), viewModel::cancel, true);
        cancel.setId("cancelButton");
        cancel.getStyleClass().add("cancel-button");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, new Separator(Orientation.VERTICAL),
                Controls.caption("Window length", windowBox, "toolbar-caption"), windowBox,
                Controls.caption("Time zone", zoneBox, "toolbar-caption"), zoneBox, spacer, cancel);
    }

    private ComboBox<String> zoneBox() {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(
                ZoneId.getAvailableZoneIds().stream().sorted().toList()));
        box.setId("zoneBox");
        box.setEditable(true);
        box.setVisibleRowCount(16);
        box.setPrefWidth(240);
        box.setValue(viewModel.getZone().getId());
        viewModel.zoneProperty().addListener((o, before, zone) -> {
            if (zone != null) {
                box.setValue(zone.getId());
            }
        });
        box.valueProperty().addListener((o, before, text) -> {
            if (text != null) {
                viewModel.applyZoneText(text);
            }
        });

        Tooltip help = new Tooltip("The zone whose wall clock the weekly window follows (type or pick)");
        Tooltip invalid = new Tooltip();
        invalid.textProperty().bind(viewModel.zoneErrorProperty());
        viewModel.zoneErrorProperty().addListener((o, before, error) -> {
            boolean bad = !error.isEmpty();
            box.getStyleClass().remove("invalid");
            if (bad) {
                box.getStyleClass().add("invalid");
            }
            box.setTooltip(bad ? invalid : help);
        });
        box.setTooltip(help);
        return box;
    }

    // ---------------------------------------------------------------- centre

    private Node center() {
        VBox center = new VBox(errorStrip(), banner(), charts());
        center.getStyleClass().add("center");
        VBox.setVgrow(center.getChildren().get(2), Priority.ALWAYS);
        // The recommendation is never cut: on a short window (or a large font) the page scrolls instead.
        center.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("overview-scroll");
        return scroll;
    }

    private Node errorStrip() {
        Label message = new Label();
        message.setId("errorLabel");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.errorMessageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> viewModel.dismissError());
        HBox strip = new HBox(12, message, dismiss);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getStyleClass().add("error-strip");
        strip.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    private Node banner() {
        Label heading = new Label("Recommended weekly maintenance window");
        heading.getStyleClass().add("banner-heading");

        Label recommendation = new Label();
        recommendation.setId("recommendation");
        recommendation.getStyleClass().add("recommendation");
        recommendation.setWrapText(true);
        recommendation.textProperty().bind(viewModel.recommendationProperty());
        recommendation.managedProperty().bind(recommendation.visibleProperty());

        Label placeholder = new Label("Open a traffic file (File → Open…, or drop a CSV here) to find the quietest window.");
        placeholder.getStyleClass().add("banner-placeholder");
        placeholder.visibleProperty().bind(viewModel.recommendationProperty().isEmpty());
        recommendation.visibleProperty().bind(placeholder.visibleProperty().not());
        placeholder.managedProperty().bind(placeholder.visibleProperty());

        Label next = new Label();
        next.setId("nextOccurrence");
        next.getStyleClass().add("next-occurrence");
        next.textProperty().bind(viewModel.nextOccurrenceProperty());
        next.visibleProperty().bind(next.textProperty().isNotEmpty());
        next.managedProperty().bind(next.visibleProperty());

        Label forecast = new Label();
        forecast.setId("forecastSummary");
        forecast.getStyleClass().add("forecast-summary");
        forecast.setWrapText(true);
        forecast.textProperty().bind(viewModel.forecastSummaryProperty());
        forecast.visibleProperty().bind(forecast.textProperty().isNotEmpty());
        forecast.managedProperty().bind(forecast.visibleProperty());

        VBox runnersUp = new VBox(2);
        runnersUp.setId("runnersUp");
        runnersUp.getStyleClass().add("runners-up");
        VBox notes = new VBox(2);
        notes.getStyleClass().add("notes");
        viewModel.runnersUpProperty().addListener((ListChangeListener<String>) c -> fillRunnersUp(runnersUp));
        viewModel.notesProperty().addListener((ListChangeListener<String>) c -> fillNotes(notes));
        runnersUp.visibleProperty().bind(viewModel.runnersUpProperty().emptyProperty().not());
        runnersUp.managedProperty().bind(runnersUp.visibleProperty());
        notes.visibleProperty().bind(viewModel.notesProperty().emptyProperty().not());
        notes.managedProperty().bind(notes.visibleProperty());

        VBox banner = new VBox(4, heading, placeholder, recommendation, next, forecast, runnersUp, notes);
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        return banner;
    }

    private void fillRunnersUp(VBox box) {
        box.getChildren().clear();
        List<String> others = viewModel.runnersUpProperty();
        for (int i = 0; i < others.size(); i++) {
            Label line = new Label(others.get(i));
            line.getStyleClass().add("runner-up");
            box.getChildren().add(line);
        }
    }

    private void fillNotes(VBox box) {
        box.getChildren().clear();
        for (String note : viewModel.notesProperty()) {
            Label line = new Label("Note: " + note);
            line.setWrapText(true);
            line.getStyleClass().add("note");
            box.getChildren().add(line);
        }
    }

    private Node charts() {
        ChartViewer traffic = new ChartViewer();
        traffic.setId("trafficChart");
        // Zoom the time axis only (wheel or drag); pan with Ctrl+ or Shift+drag as well as Alt+drag.
        traffic.getCanvas().setRangeZoomable(false);
        traffic.getCanvas().addMouseHandler(new PanHandlerFX("pan-ctrl", false, true, false, false));
        traffic.getCanvas().addMouseHandler(new PanHandlerFX("pan-shift", false, false, false, true));

        ChartViewer heatmap = new ChartViewer();
        heatmap.setId("heatmapChart");
        ChartMenus.install(traffic, "traffic");
        ChartMenus.install(heatmap, "typical-week");
        heatmap.getCanvas().setDomainZoomable(false);
        heatmap.getCanvas().setRangeZoomable(false);

        Hyperlink whole = new Hyperlink("Whole span");
        whole.setOnAction(e -> showWholeSpan(traffic));
        Hyperlink lastWeeks = new Hyperlink("Last 2 weeks");
        lastWeeks.setOnAction(e -> showLastWeeks(traffic, 2));
        Node trafficCard = card("Traffic over time",
                "Shaded: every occurrence of the recommended window · scroll or drag to zoom, Ctrl+drag to pan",
                traffic, viewModel.trafficChartProperty(), whole, lastWeeks);
        Node heatmapCard = card("Typical week",
                "Median traffic per slot of the local week · outlined: the quietest windows, the best labelled",
                heatmap, viewModel.heatmapChartProperty());

        SplitPane split = new SplitPane(trafficCard, heatmapCard);
        split.setPrefHeight(380); // grows with the window; below this the overview scrolls
        split.setMinHeight(300);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.52);
        split.getStyleClass().add("charts");
        return split;
    }

    private static void showWholeSpan(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        if (chart != null) {
            chart.getXYPlot().getDomainAxis().setAutoRange(true);
        }
    }

    private void showLastWeeks(ChartViewer viewer, int weeks) {
        JFreeChart chart = viewer.getChart();
        if (chart == null || viewModel.getResult() == null) {
            return;
        }
        TrafficSeries series = viewModel.getResult().series();
        long end = series.end().toEpochMilli();
        long start = Math.max(series.start().toEpochMilli(), end - Duration.ofDays(7L * weeks).toMillis());
        chart.getXYPlot().getDomainAxis().setRange(start, end);
    }

    /**
     * A titled card around a chart viewer that follows {@code chart}; a placeholder while it is null.
     *
     * @param actions links shown at the right of the title line
     */
    private static Node card(String title, String hint, ChartViewer viewer,
                             ReadOnlyObjectProperty<JFreeChart> chart, Node... actions) {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = Controls.cardHeader(title, hint);
        header.getChildren().add(gap);
        header.getChildren().addAll(actions);
        for (Node action : actions) {
            action.getStyleClass().add("card-action");
            if (action instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
            action.disableProperty().bind(chart.isNull());
        }

        Label empty = new Label("No chart: nothing analysed yet, or the data shows no weekly pattern");
        empty.getStyleClass().add("chart-placeholder");
        // ChartViewer refuses null: keep the last chart and hide the viewer instead.
        org.lowtide.ui.common.ChartTheming.showEach(viewer, chart);
        viewer.visibleProperty().bind(chart.isNotNull());
        empty.visibleProperty().bind(viewer.visibleProperty().not());
        viewer.setMinSize(0, 0);
        StackPane body = new StackPane(viewer, empty);
        body.setMinSize(0, 0);
        return Controls.card(header, body, 120);
    }

    /**
     * A tab's content under a loading state: while a file is read and analysed and nothing of it
     * is shown yet, the tab says what is happening, shows grey blocks where the charts will be,
     * the progress and Cancel, instead of its empty-state text.
     */
    private Node withLoadingState(Node content) {
        Label what = new Label();
        what.getStyleClass().add("loading-title");
        what.textProperty().bind(viewModel.loadingProperty());
        what.setWrapText(true);
        Label step = new Label();
        step.getStyleClass().add("loading-step");
        step.textProperty().bind(viewModel.statusMessageProperty());
        step.setWrapText(true);
        ProgressBar progress = Controls.progressBar(viewModel.progressProperty(), viewModel.busyProperty(), 280, false);
        Button cancel = Controls.cancelButton(viewModel.busyProperty(), viewModel::cancel, false);
        HBox progressLine = new HBox(10, progress, cancel);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        Region chartA = new Region();
        chartA.getStyleClass().add("skeleton");
        Region chartB = new Region();
        chartB.getStyleClass().add("skeleton");
        Region line = new Region();
        line.getStyleClass().addAll("skeleton", "skeleton-line");
        line.setMaxWidth(420);
        line.setPrefHeight(22);
        VBox.setVgrow(chartA, Priority.ALWAYS);
        VBox.setVgrow(chartB, Priority.ALWAYS);
        VBox overlay = new VBox(12, what, step, progressLine, line, chartA, chartB);
        overlay.getStyleClass().add("loading-state");
        overlay.setPadding(new javafx.geometry.Insets(20));
        overlay.visibleProperty().bind(viewModel.loadingProperty().isNotEmpty());
        content.visibleProperty().bind(overlay.visibleProperty().not());
        StackPane stack = new StackPane(content, overlay);
        stack.setMinSize(0, 0);
        return stack;
    }

    // ---------------------------------------------------------------- bottom

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(viewModel.statusMessageProperty());
        status.setMinWidth(120);
        status.setWrapText(true);
        // While the loading state fills the tab it says the step (withLoadingState): not twice.
        status.visibleProperty().bind(viewModel.loadingProperty().isEmpty());

        ProgressBar progress = Controls.progressBar(viewModel.progressProperty(), viewModel.busyProperty(), 160, true);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label facts = new Label();
        facts.setId("seriesFacts");
        facts.getStyleClass().add("series-facts");
        facts.textProperty().bind(viewModel.seriesFactsProperty());
        facts.setMinWidth(0);
        facts.setWrapText(true);

        Hyperlink warnings = new Hyperlink();
        warnings.setId("warningsLink");
        warnings.textProperty().bind(Bindings.createStringBinding(
                () -> "Warnings (" + viewModel.warningsProperty().size() + ")", viewModel.warningsProperty()));
        warnings.disableProperty().bind(viewModel.warningsProperty().emptyProperty());
        warnings.visibleProperty().bind(viewModel.resultProperty().isNotNull());
        warnings.setOnAction(e -> showWarnings());
        warnings.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(10, status, progress, spacer, facts, warnings);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---------------------------------------------------------------- dialogs and files

    /** File → Open…: the file chooser, then the import dialog. */
    public void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open traffic history");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Traffic files (CSV, TSV, TXT, JSON, gzip)", "*.csv", "*.CSV",
                        "*.tsv", "*.txt", "*.json", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            openFile(file.toPath());
        }
    }

    /** File → Open from Prometheus…: the dialog of {@code ui/prometheus}, then the same analysis as a file. */
    private MenuItem openFromPrometheus() {
        MenuItem item = new MenuItem("Open from _Prometheus…");
        item.setOnAction(e -> {
            org.lowtide.ui.prometheus.PrometheusViewModel model = new org.lowtide.ui.prometheus.PrometheusViewModel(
                    new org.lowtide.service.PrometheusService(), new org.lowtide.service.ImportService(),
                    work -> {
                        Thread t = new Thread(work, "lowtide-prometheus");
                        t.setDaemon(true);
                        t.start();
                    }, org.lowtide.ui.prometheus.TokenFiles.preferences());
            model.zoneProperty().set(viewModel.getZone());
            new org.lowtide.ui.prometheus.PrometheusDialog(model, window(), stylesheet()).ask()
                    .ifPresent(selection -> viewModel.load(selection.source(), selection.options()));
        });
        return item;
    }

    /** Shows the import dialog for the file; analyses it with the settings the user accepts. */
    public void openFile(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        lastDirectory = parent == null ? null : parent.toFile();
        ImportViewModel importModel = viewModel.importDialogModel();
        importModel.open(path, viewModel.getZone());
        new ImportDialog(importModel, window(), stylesheet()).ask()
                .ifPresent(options -> viewModel.load(new TrafficSource.FileSource(path), options));
    }

    private void acceptDroppedFiles() {
        addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean opened = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                Path dropped = e.getDragboard().getFiles().get(0).toPath();
                javafx.application.Platform.runLater(() -> openFile(dropped)); // the dialog after the drop ends
                opened = true;
            }
            e.setDropCompleted(opened);
            e.consume();
        });
    }

    private void showWarnings() {
        ListView<ImportWarning> list = new ListView<>(viewModel.warningsProperty());
        list.setPrefSize(640, 320);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle("Import warnings");
        var source = viewModel.getResult() == null ? "" : viewModel.getResult().imported().source().name();
        int n = list.getItems().size();
        dialog.setHeaderText(String.format(Locale.ROOT, "%d problem%s in %s %s repaired or skipped on import",
                n, n == 1 ? "" : "s", source, n == 1 ? "was" : "were"));
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(stylesheet());
        dialog.setResizable(true);
        dialog.showAndWait();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
