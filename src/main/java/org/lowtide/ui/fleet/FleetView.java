package org.lowtide.ui.fleet;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.ui.common.ChartMenus;
import org.lowtide.ui.common.ChartTheming;

/**
 * The Fleet screen (issue #17): the services of a fleet with their status and windows, the fleet
 * calendar as a timeline per service, and a service opened in the ordinary tabs. A thin face over
 * {@link FleetViewModel}.
 */
public final class FleetView extends BorderPane {

    /** The tools a service's weekly window is exported for, with their names in menus (as the Windows tab's). */
    private static final java.util.Map<ScheduleExports.Target, String> TOOLS = new java.util.LinkedHashMap<>();

    static {
        TOOLS.put(ScheduleExports.Target.AWS, "AWS Systems Manager maintenance window");
        TOOLS.put(ScheduleExports.Target.RRULE, "RRULE (GKE maintenance window, UTC)");
        TOOLS.put(ScheduleExports.Target.ARGOCD, "Argo CD sync window");
        TOOLS.put(ScheduleExports.Target.GITLAB, "GitLab deploy freeze");
        TOOLS.put(ScheduleExports.Target.KURED, "kured reboot window");
    }

    /** Asks where to save: a file, or a folder. Replaceable in tests, where no native dialog can open. */
    public interface Choosers {
        /** @return the file chosen, or null when the dialog was cancelled */
        Path saveFile(Window owner, String title, FileChooser.ExtensionFilter filter, String initialName);

        /** @return the folder chosen, or null when the dialog was cancelled */
        Path folder(Window owner, String title);
    }

    /** The platform's dialogs. */
    private static final Choosers NATIVE = new Choosers() {
        @Override
        public Path saveFile(Window owner, String title, FileChooser.ExtensionFilter filter, String initialName) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(filter);
            chooser.setInitialFileName(initialName);
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }

        @Override
        public Path folder(Window owner, String title) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File f = chooser.showDialog(owner);
            return f == null ? null : f.toPath();
        }
    };

    private final FleetViewModel viewModel;
    private final TableView<FleetViewModel.ServiceRow> table = new TableView<>();
    private Runnable onOpened = () -> {
    };
    private Choosers choosers = NATIVE;

    /** @param replacement how to ask where to save (tests answer without a native dialog) */
    public void setChoosers(Choosers replacement) {
        choosers = java.util.Objects.requireNonNull(replacement, "replacement");
    }

    public FleetView(FleetViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("fleet-view");
        setTop(top());
        setCenter(body());
        setBottom(bottom());
    }

    /** @param action runs after a service was opened in the ordinary tabs (to bring the Overview forward) */
    public void setOnOpened(Runnable action) {
        onOpened = action;
    }

    /** File → Open Fleet…: a fleet file (YAML or JSON) or a long-format CSV; Open Fleet Folder…: a folder of traffic files. */
    public java.util.List<MenuItem> fileMenuItems(Runnable show) {
        MenuItem file = new MenuItem("Open Flee_t…");
        file.setId("openFleet");
        file.setOnAction(e -> {
            show.run();
            chooseFleetFile();
        });
        MenuItem folder = new MenuItem("Open Fleet Fol_der…");
        folder.setId("openFleetFolder");
        folder.setOnAction(e -> {
            show.run();
            chooseFleetFolder();
        });
        MenuItem prometheus = new MenuItem("Open Fleet from Pro_metheus…");
        prometheus.setId("openFleetPrometheus");
        prometheus.setOnAction(e -> {
            show.run();
            chooseFleetPrometheus();
        });
        return java.util.List.of(file, folder, prometheus);
    }

    /** Asks for a Prometheus server and a query returning one series per service, and plans that fleet. */
    public void chooseFleetPrometheus() {
        new FleetPrometheusDialog(org.lowtide.ui.prometheus.TokenFiles.preferences(), window()).ask()
                .ifPresent(viewModel::openPrometheus);
    }

    /** Asks for a fleet file (or a long-format CSV) and plans it. */
    public void chooseFleetFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a fleet");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Fleet files (YAML, JSON)", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("Long-format CSV (service,timestamp,value)", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(window());
        if (f != null) {
            viewModel.open(f.toPath());
        }
    }

    /** Asks for a folder of traffic files (one service each) and plans it. */
    public void chooseFleetFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of traffic files (one service each)");
        File f = chooser.showDialog(window());
        if (f != null) {
            viewModel.open(f.toPath());
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    // ---------------------------------------------------------------- top

    private VBox top() {
        Button openFile = new Button("Open Fleet…");
        openFile.setId("fleetOpenFile");
        openFile.setOnAction(e -> chooseFleetFile());
        Button openFolder = new Button("Open Folder…");
        openFolder.setId("fleetOpenFolder");
        openFolder.setOnAction(e -> chooseFleetFolder());
        Button openPrometheus = new Button("From Prometheus…");
        openPrometheus.setId("fleetOpenPrometheus");
        openPrometheus.setTooltip(new Tooltip("A Prometheus query returning one series per service, each named by a"
                + " label's value"));
        openPrometheus.setOnAction(e -> chooseFleetPrometheus());
        Label habitLabel = new Label("Habit:");
        TextField habit = new TextField();
        habit.setId("fleetHabit");
        habit.setPromptText("Tue 14:00");
        habit.setPrefColumnCount(7);
        habit.setTooltip(new Tooltip("When the teams change today, for the savings column (blank: against the "
                + "median window)"));
        habit.textProperty().bindBidirectional(viewModel.habitProperty());
        habitLabel.setLabelFor(habit);
        habitLabel.setMinWidth(Region.USE_PREF_SIZE);
        var outlook = org.lowtide.ui.common.Controls.outlookChoice("fleetOutlook", viewModel.outlookProperty());
        outlook.setTooltip(new Tooltip("Which traffic ranks every service's windows (fleet --traffic-outlook): the "
                + "forecast where its backtest did better than the typical week, as a single plan does; or the typical "
                + "week alone, several times faster on a big fleet. Plan Again to apply."));
        outlook.setMinWidth(Region.USE_PREF_SIZE);
        Label outlookLabel = new Label("Rank on:");
        outlookLabel.setLabelFor(outlook);
        outlookLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button replan = new Button("Plan Again");
        replan.setId("fleetReplan");
        replan.disableProperty().bind(viewModel.inputProperty().isEmpty().or(viewModel.busyProperty()));
        replan.setOnAction(e -> viewModel.replan());
        ProgressBar bar = new ProgressBar();
        bar.setId("fleetProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setPrefWidth(140);
        Button cancel = new Button("Cancel");
        cancel.setId("fleetCancel");
        cancel.getStyleClass().add("cancel-button");
        cancel.visibleProperty().bind(viewModel.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        Label source = new Label();
        source.setId("fleetInput");
        source.getStyleClass().add("toolbar-caption");
        source.textProperty().bind(viewModel.inputProperty());
        source.setMinWidth(0);
        HBox.setHgrow(source, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        // The buttons keep their whole text; only the input's caption gives way on a narrow window.
        for (Button b : java.util.List.of(openFile, openFolder, openPrometheus, replan, cancel)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar1 = new HBox(8, openFile, openFolder, openPrometheus, bar, cancel, source);
        bar1.setAlignment(Pos.CENTER_LEFT);
        // How the fleet is planned, on a row of its own: one row held the inputs and these only at 1x fonts.
        habit.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar2 = new HBox(8, habitLabel, habit, outlookLabel, outlook, replan);
        bar2.setAlignment(Pos.CENTER_LEFT);
        VBox bars = new VBox(6, bar1, bar2);
        bars.getStyleClass().add("tool-bar");

        Label error = new Label();
        error.setId("fleetError");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(viewModel.errorProperty());
        HBox strip = new HBox(error);
        strip.getStyleClass().add("error-strip");
        strip.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        strip.managedProperty().bind(strip.visibleProperty());

        Label summary = new Label();
        summary.setId("fleetSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.visibleProperty().bind(viewModel.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        VBox box = new VBox(6, bars, strip, summary);
        VBox.setMargin(strip, new Insets(0, 12, 0, 12));
        VBox.setMargin(summary, new Insets(0, 12, 0, 12));
        return box;
    }

    // ---------------------------------------------------------------- body

    private SplitPane body() {
        table.setId("fleetTable");
        table.setItems(viewModel.rows());
        table.setPlaceholder(org.lowtide.ui.common.Controls.wrapping(
                "No fleet yet: open a fleet file, a folder of traffic files or a Prometheus query above."));
        table.getColumns().add(column("Service", FleetViewModel.ServiceRow::service, 140));
        table.getColumns().add(column("Status", FleetViewModel.ServiceRow::status, 80));
        table.getColumns().add(column("Weekly window", FleetViewModel.ServiceRow::weekly, 220));
        table.getColumns().add(column("Next window", FleetViewModel.ServiceRow::next, 230));
        table.getColumns().add(column("At stake", FleetViewModel.ServiceRow::atStake, 110));
        table.getColumns().add(column("Savings", FleetViewModel.ServiceRow::savings, 170));
        table.getColumns().add(column("Vs own best", FleetViewModel.ServiceRow::gap, 90));
        table.getColumns().add(column("Why", FleetViewModel.ServiceRow::reasons, 320));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Columns as wide as their header and cells at any font size; "Why" takes the room left.
        org.lowtide.ui.common.Tables.fitColumnsToContent(table, true);
        viewModel.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.setRowFactory(t -> {
            TableRow<FleetViewModel.ServiceRow> row = new TableRow<>() {
                @Override
                protected void updateItem(FleetViewModel.ServiceRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"),
                            !empty && item != null && item.failed());
                    setTooltip(empty || item == null || item.reasons().isEmpty() ? null : new Tooltip(item.reasons()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open();
            }
        });
        table.setMinHeight(0);
        javafx.scene.control.ContextMenu rowMenu = new javafx.scene.control.ContextMenu();
        MenuItem openItem = new MenuItem("Open in Tabs");
        openItem.setOnAction(e -> open());
        rowMenu.getItems().add(openItem);
        rowMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        rowMenu.getItems().addAll(selectedExportItems());
        table.setContextMenu(rowMenu);

        ChartViewer viewer = new ChartViewer();
        viewer.setId("fleetTimeline");
        ChartMenus.install(viewer, "fleet-timeline");
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setMinSize(0, 0);
        ChartTheming.showEach(viewer, viewModel.timelineChartProperty());
        viewer.visibleProperty().bind(viewModel.timelineChartProperty().isNotNull());
        Label empty = new Label("The fleet calendar shows here: one row per service, its windows as bars.");
        empty.getStyleClass().add("chart-placeholder");
        empty.setWrapText(true);
        empty.visibleProperty().bind(viewer.visibleProperty().not());
        StackPane chartPane = new StackPane(viewer, empty);
        chartPane.setMinSize(0, 0);
        SplitPane split = new SplitPane(table, chartPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    private static TableColumn<FleetViewModel.ServiceRow, String> column(String title,
            Function<FleetViewModel.ServiceRow, String> value, double width) {
        TableColumn<FleetViewModel.ServiceRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    // ---------------------------------------------------------------- bottom

    private HBox bottom() {
        Button open = new Button("Open in Tabs");
        open.setId("fleetOpenInTabs");
        open.setDefaultButton(false);
        open.setTooltip(new Tooltip("Load the selected service's traffic into the Overview, Windows, Costs and "
                + "Patterns tabs (or double-click its row)"));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        open.setOnAction(e -> open());
        open.setMinWidth(Region.USE_PREF_SIZE);
        Button ics = exportButton("Save Calendar…", "fleetSaveCalendar", "Save the fleet calendar",
                new FileChooser.ExtensionFilter("iCalendar (.ics)", "*.ics"), "fleet.ics", viewModel::exportCalendar);
        Button pdf = exportButton("Save Report…", "fleetSaveReport", "Save the fleet report",
                new FileChooser.ExtensionFilter("PDF", "*.pdf"), "fleet-report.pdf", viewModel::exportReport);
        Button csv = exportButton("Save Table…", "fleetSaveTable", "Save the fleet table",
                new FileChooser.ExtensionFilter("CSV", "*.csv"), "fleet.csv", viewModel::exportTable);
        MenuButton exportSelected = new MenuButton("Export Selected for…");
        exportSelected.setId("fleetExportSelected");
        exportSelected.setMinWidth(Region.USE_PREF_SIZE);
        exportSelected.setTooltip(new Tooltip("Save the selected service's weekly window for the tool that enforces "
                + "its change windows (as lowtide fleet --export TOOL writes it)"));
        exportSelected.getItems().addAll(selectedExportItems());
        exportSelected.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            FleetViewModel.ServiceRow row = table.getSelectionModel().getSelectedItem();
            return row == null || row.failed() || viewModel.busyProperty().get();
        }, table.getSelectionModel().selectedItemProperty(), viewModel.busyProperty()));
        MenuButton exportAll = new MenuButton("Export All for…");
        exportAll.setId("fleetExportAll");
        exportAll.setMinWidth(Region.USE_PREF_SIZE);
        exportAll.setTooltip(new Tooltip("Save every planned service's weekly window for a tool into a folder, one "
                + "file per service (SERVICE.TOOL.txt, as lowtide fleet --export TOOL --export-dir DIR)"));
        TOOLS.forEach((target, label) -> {
            MenuItem item = new MenuItem(label + "…");
            item.setOnAction(e -> {
                Path folder = choosers.folder(window(), "Save every service's " + label + " into a folder");
                if (folder != null) {
                    viewModel.exportAll(target, folder);
                }
            });
            exportAll.getItems().add(item);
        });
        exportAll.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.resultProperty().get() == null
                || viewModel.busyProperty().get(), viewModel.resultProperty(), viewModel.busyProperty()));
        Label status = new Label();
        status.setId("fleetStatus");
        status.getStyleClass().add("toolbar-caption");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true); // a long status wraps onto a second line instead of being cut
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(viewModel.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox box = new HBox(8, open, ics, pdf, csv, exportSelected, exportAll, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("tool-bar");
        return box;
    }

    /** One item per tool: saves the selected service's weekly window for it. */
    private java.util.List<MenuItem> selectedExportItems() {
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        TOOLS.forEach((target, label) -> {
            MenuItem item = new MenuItem(label + "…");
            item.setOnAction(e -> {
                FleetViewModel.ServiceRow row = table.getSelectionModel().getSelectedItem();
                if (row == null) {
                    return;
                }
                Path file = choosers.saveFile(window(), "Save " + row.service() + "'s " + label,
                        new FileChooser.ExtensionFilter("Text", "*.txt"), viewModel.selectedExportName(target));
                if (file != null) {
                    viewModel.exportSelected(target, file);
                }
            });
            items.add(item);
        });
        return items;
    }

    private Button exportButton(String text, String id, String title, FileChooser.ExtensionFilter filter, String name,
                                Consumer<Path> write) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.resultProperty().get() == null
                || viewModel.busyProperty().get(), viewModel.resultProperty(), viewModel.busyProperty()));
        b.setOnAction(e -> {
            Path f = choosers.saveFile(window(), title, filter, name);
            if (f != null) {
                write.accept(f);
            }
        });
        return b;
    }

    private void open() {
        if (viewModel.openSelected()) {
            onOpened.run();
        }
    }
}
