package org.lowtide.ui.fleet;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lowtide.ui.prometheus.CredentialsModel;
import org.lowtide.ui.prometheus.PrometheusDialog;
import org.lowtide.ui.prometheus.TokenFiles;

/**
 * File → Open Fleet from Prometheus…: a server, a query returning one series per service, the
 * label whose value names each service, the range and step, and how to sign in (the very
 * credential rows of File → Open from Prometheus…, the token file remembered per server).
 */
public final class FleetPrometheusDialog extends Dialog<FleetViewModel.PrometheusFleet> {

    /** The button that reads and plans the fleet. */
    public static final ButtonType PLAN = new ButtonType("Read and Plan", ButtonBar.ButtonData.OK_DONE);

    private final TextField url = field("fleetPromUrl", "http://localhost:9090");
    private final TextField query = field("fleetPromQuery", "sum by (job) (rate(http_requests_total[5m]))");
    private final TextField label = field("fleetPromLabel", "job");
    private final TextField range = field("fleetPromRange", "90d");
    private final TextField end = field("fleetPromEnd", "");
    private final TextField step = field("fleetPromStep", "5m");
    private final CredentialsModel credentials;

    public FleetPrometheusDialog(TokenFiles memory, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        credentials = new CredentialsModel(memory);
        credentials.recall(url.getText());
        url.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                credentials.recall(url.getText());
            }
        });
        setTitle("Open Fleet from Prometheus");
        setHeaderText("Each series the query returns is one service, named by its value of the label.");
        GridPane grid = org.lowtide.ui.common.Controls.formGrid(true);
        int row = 0;
        grid.addRow(row++, new Label("URL"), url);
        grid.addRow(row++, new Label("Query"), query);
        grid.addRow(row++, new Label("Service label"), label);
        grid.addRow(row++, new Label("Range"), range);
        end.setPromptText("now (or a date, e.g. 2025-01-06, or an instant)");
        grid.addRow(row++, new Label("End"), end);
        grid.addRow(row++, new Label("Step"), step);
        PrometheusDialog.credentialRows(grid, row, credentials, () -> getDialogPane().getScene().getWindow());
        Label hint = new Label("e.g. sum by (job) (rate(http_requests_total[5m])) with the label job; the range reads"
                + " back from the end (90d, 4w), the step is each series' resolution.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox content = new VBox(8, grid, hint);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(680);
        getDialogPane().getButtonTypes().addAll(PLAN, ButtonType.CANCEL);
        getDialogPane().lookupButton(PLAN).setId("fleetPromPlan");
        setResultConverter(b -> {
            if (b != PLAN) {
                return null;
            }
            credentials.remember(url.getText().trim());
            return form();
        });
    }

    /** @return what the fields say */
    public FleetViewModel.PrometheusFleet form() {
        return new FleetViewModel.PrometheusFleet(url.getText(), query.getText(), label.getText(), range.getText(),
                end.getText(), step.getText(), credentials.credentials());
    }

    /** Shows the dialog and waits. @return what to read, or empty when cancelled */
    public Optional<FleetViewModel.PrometheusFleet> ask() {
        return showAndWait();
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        return f;
    }
}
