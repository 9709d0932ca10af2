package org.lowtide.ui.cost;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleStringProperty;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.lowtide.cost.CostAssumptions;

/**
 * Costs → "Learn from history…" (issue #21): choose an incident export, a deploy log or a git
 * folder and whether the traffic's outages count, press Preview to see what was read, the rule,
 * the warnings and the fitted values next to those in use (with the restore fit drawn against the
 * data), and Use these values to put them into the Costs form. State lives in {@link HistoryViewModel}.
 */
public final class HistoryDialog extends Dialog<CostAssumptions> {

    /** The button that hands the learned values to the form. */
    public static final ButtonType USE = new ButtonType("Use these values", ButtonBar.ButtonData.OK_DONE);

    public HistoryDialog(HistoryViewModel vm, Window owner) {
        setTitle("Learn from history");
        setHeaderText("Your own change failure rate, detection and restore times, from your incidents, your "
                + "deploys and the outages in your traffic");
        if (owner != null) {
            initOwner(owner);
        }
        setResizable(true);
        // Captions and Browse buttons at their width; the fields take the room left.
        GridPane form = org.lowtide.ui.common.Controls.formGrid(true);
        int row = 0;
        row = fileRow(form, row, "Incident export", "incidents", vm.incidentsProperty(), false,
                "PagerDuty/Opsgenie CSV, or start,end[,service][,cause]");
        row = fileRow(form, row, "Deploy log", "deploys", vm.deploysProperty(), false, "CSV of deploy times");
        row = fileRow(form, row, "or git folder", "git", vm.gitDirProperty(), true, "tags, else merge commits");
        TextField service = new TextField();
        service.setId("history-service");
        service.setPromptText("all services");
        service.textProperty().bindBidirectional(vm.serviceProperty());
        form.addRow(row++, new Label("Service"), service);
        TextField window = new TextField();
        window.setId("history-window");
        window.setPrefColumnCount(5);
        window.textProperty().bindBidirectional(vm.windowProperty());
        Label minutes = new Label("minutes: an incident that begins this soon after a change is its failure");
        minutes.setWrapText(true); // a narrow dialog or a large font wraps it rather than cutting it
        minutes.setMinWidth(0);
        minutes.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(minutes, Priority.ALWAYS);
        window.setMinWidth(Region.USE_PREF_SIZE);
        HBox windowRow = new HBox(6, window, minutes);
        windowRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(row++, new Label("Attribution window"), windowRow);
        GridPane.setColumnSpan(windowRow, 2);
        CheckBox outages = new CheckBox("Learn restore times from the outages in the traffic (a dip is not always "
                + "an incident)");
        outages.setId("history-outages");
        outages.setWrapText(true);
        outages.setMinHeight(Region.USE_PREF_SIZE);
        outages.selectedProperty().bindBidirectional(vm.outagesProperty());
        form.add(outages, 0, row++, 3, 1);
        Button preview = new Button("Preview");
        preview.setId("history-preview");
        preview.setOnAction(e -> vm.preview());
        preview.disableProperty().bind(vm.busyProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        Button stop = org.lowtide.ui.common.Controls.cancelButton(vm.busyProperty(), vm::cancel, true);
        stop.setText("Stop"); // the dialog's own Cancel closes it
        stop.setId("history-stop");
        Label error = new Label();
        error.setId("history-error");
        error.getStyleClass().add("cost-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        form.add(new HBox(8, preview, spinner, stop, error), 0, row, 3, 1);

        TableView<HistoryViewModel.Row> table = new TableView<>(vm.rowsProperty());
        table.setId("history-values");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Value", HistoryViewModel.Row::name));
        table.getColumns().add(column("In use now", HistoryViewModel.Row::now));
        table.getColumns().add(column("Learned", HistoryViewModel.Row::learned));
        table.getColumns().add(column("Interval", HistoryViewModel.Row::interval));
        table.setPrefHeight(170);
        table.setPlaceholder(new Label("Preview shows the fitted values here"));
        ListView<String> lines = new ListView<>(vm.linesProperty());
        lines.setId("history-lines");
        lines.setPrefHeight(130);
        StackPane chartPane = new StackPane();
        chartPane.setPrefSize(520, 220);
        vm.chartProperty().addListener((o, a, c) -> chartPane.getChildren().setAll(c == null ? new Label("")
                : themed(new ChartViewer(c))));
        VBox content = new VBox(8, form, table, new Label("What was read"), lines, chartPane);
        content.setPadding(new Insets(8));
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("form-dialog"); // as wide as its content asks (lowtide.css)
        getDialogPane().getButtonTypes().addAll(USE, ButtonType.CANCEL);
        Node use = getDialogPane().lookupButton(USE);
        use.setId("history-use");
        use.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.learned().isEmpty(), vm.resultProperty()));
        setResultConverter(b -> b == USE ? vm.learned().orElse(null) : null);
    }

    private int fileRow(GridPane form, int row, String label, String id, javafx.beans.property.StringProperty path,
                        boolean folder, String prompt) {
        TextField text = new TextField();
        text.setId("history-" + id);
        text.setPrefColumnCount(32);
        text.setPromptText(prompt);
        text.setMinWidth(Region.USE_PREF_SIZE); // 32 columns: room for the prompt at any font size
        text.textProperty().bindBidirectional(path);
        Button browse = new Button("Browse…");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            File f;
            if (folder) {
                f = new DirectoryChooser().showDialog(getDialogPane().getScene().getWindow());
            } else {
                FileChooser chooser = new FileChooser();
                chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.tsv", "*.txt"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            }
            if (f != null) {
                path.set(f.getAbsolutePath());
            }
        });
        form.addRow(row, new Label(label), text, browse);
        GridPane.setHgrow(text, Priority.ALWAYS);
        return row + 1;
    }

    private static TableColumn<HistoryViewModel.Row, String> column(String title,
                                                                    java.util.function.Function<HistoryViewModel.Row, String> f) {
        TableColumn<HistoryViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private static ChartViewer themed(ChartViewer viewer) {
        org.lowtide.ui.common.ChartMenus.install(viewer, "incident-history"); // menus, and the theme's colours
        return viewer;
    }
}
