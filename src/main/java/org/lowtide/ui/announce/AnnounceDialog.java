package org.lowtide.ui.announce;

import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Windows → Announce…: silences, maintenance windows and a status-page notice for the saved plan's
 * windows, with a preview of exactly what will be sent; Export writes the files without any network,
 * Send talks to the services (credentials from the environment). Only binds controls to
 * {@link AnnounceViewModel}.
 */
public final class AnnounceDialog extends Dialog<Void> {

    private final AnnounceViewModel viewModel;

    /**
     * @param owner      the main window, or null
     * @param stylesheet the app's stylesheet URL, or null
     */
    public AnnounceDialog(AnnounceViewModel viewModel, Window owner, String stylesheet) {
        this.viewModel = viewModel;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Announce the windows of " + viewModel.planFile().getFileName());
        setHeaderText(null);
        setResizable(true);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(content());
        getDialogPane().setPrefSize(980, 640);
        if (stylesheet != null) {
            getDialogPane().getStylesheets().add(stylesheet);
        }
        setOnHidden(e -> viewModel.cancel());
        setOnShown(e -> viewModel.preview());
    }

    private VBox content() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        TextArea matchers = new TextArea();
        matchers.setId("announceMatchers");
        matchers.setPrefRowCount(3);
        matchers.setPromptText("service=\"shop\"\nenv=~\"prod|staging\"");
        matchers.textProperty().bindBidirectional(viewModel.matchersProperty());
        form.addRow(row++, new Label("Matchers"), matchers);
        form.addRow(row++, new Label("Title"), field("announceTitle", viewModel.titleProperty(), "Planned maintenance"));
        form.addRow(row++, new Label("Created by"), field("announceCreatedBy", viewModel.createdByProperty(), ""));
        form.addRow(row++, new Label("Readers' zones"), field("announceZones", viewModel.readerZonesProperty(),
                "Europe/Berlin, America/New_York"));
        CheckBox tail = new CheckBox("Include the rollback tail");
        tail.selectedProperty().bindBidirectional(viewModel.withTailProperty());
        form.add(tail, 1, row++);
        form.addRow(row++, new Label("Alertmanager"), field("announceAlertmanager", viewModel.alertmanagerProperty(),
                "http://alertmanager:9093 (empty: no silences sent)"));
        form.addRow(row++, new Label("PagerDuty services"), field("announcePagerDuty",
                viewModel.pagerDutyServicesProperty(), "PIJ90N7, P2ABCDE"));
        form.addRow(row++, new Label("PagerDuty user email"), field("announcePagerDutyFrom",
                viewModel.pagerDutyFromProperty(), "you@example.com (the From header)"));
        CheckBox pd = new CheckBox("Send to PagerDuty");
        pd.setTooltip(new Tooltip("The API token is read from LOWTIDE_PAGERDUTY_TOKEN"));
        pd.selectedProperty().bindBidirectional(viewModel.sendPagerDutyProperty());
        form.add(pd, 1, row++);
        form.addRow(row++, new Label("Statuspage page id"), field("announceStatuspage", viewModel.statuspagePageProperty(),
                "kctbh9vrtdwd"));
        form.addRow(row++, new Label("Statuspage components"), field("announceComponents",
                viewModel.statuspageComponentsProperty(), "8kbf7d35c070"));
        CheckBox sp = new CheckBox("Send to Statuspage");
        sp.setTooltip(new Tooltip("The API key is read from LOWTIDE_STATUSPAGE_TOKEN"));
        sp.selectedProperty().bindBidirectional(viewModel.sendStatuspageProperty());
        form.add(sp, 1, row++);
        Label credentials = new Label("Credentials are read from the environment (LOWTIDE_ALERTMANAGER_TOKEN or"
                + " _USER/_PASSWORD, LOWTIDE_PAGERDUTY_TOKEN, LOWTIDE_STATUSPAGE_TOKEN) and never saved.");
        credentials.setWrapText(true);
        form.add(credentials, 0, row++, 2, 1);

        TabPane previews = new TabPane(preview("Alertmanager silences", "previewSilences",
                viewModel.silencesPreviewProperty()), preview("PagerDuty", "previewPagerDuty",
                viewModel.pagerDutyPreviewProperty()), preview("Statuspage", "previewStatuspage",
                viewModel.statuspagePreviewProperty()), preview("Markdown", "previewMarkdown",
                viewModel.markdownPreviewProperty()));
        previews.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        previews.setPrefWidth(520);

        HBox.setHgrow(previews, Priority.ALWAYS);
        form.setPrefWidth(420);
        HBox body = new HBox(12, form, previews);
        VBox.setVgrow(body, Priority.ALWAYS);

        Button refresh = new Button("Preview");
        refresh.setId("announcePreview");
        refresh.setTooltip(new Tooltip("Show exactly what would be sent, with the fields as they are"));
        refresh.setOnAction(e -> viewModel.preview());
        Button export = new Button("Export files…");
        export.setId("announceExport");
        export.setTooltip(new Tooltip("Write amtool JSON, PagerDuty and Statuspage bodies, Markdown and HTML into a"
                + " folder; no network"));
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the announcement files");
            File parent = viewModel.planFile().toAbsolutePath().getParent() == null ? null
                    : viewModel.planFile().toAbsolutePath().getParent().toFile();
            if (parent != null && parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
            File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (dir != null) {
                viewModel.export(dir.toPath());
            }
        });
        Button send = new Button("Send…");
        send.setId("announceSend");
        send.setTooltip(new Tooltip("Create or update the silences and windows; ids are kept in the plan file so that"
                + " sending again updates instead of repeating"));
        send.setOnAction(e -> {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Send the previewed silences and announcements"
                    + " now? Re-sending later updates them.", ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(getDialogPane().getScene().getWindow());
            confirm.setHeaderText(null);
            if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
                viewModel.send();
            }
        });
        for (Button b : new Button[] {refresh, export, send}) {
            b.disableProperty().bind(viewModel.busyProperty());
        }
        Label status = new Label();
        status.setId("announceStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(8, status, refresh, export, send);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, body, actions);
        root.setPadding(new Insets(4));
        return root;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static Tab preview(String title, String id, javafx.beans.value.ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setStyle("-fx-font-family: monospace;");
        area.textProperty().bind(text);
        return new Tab(title, area);
    }
}
