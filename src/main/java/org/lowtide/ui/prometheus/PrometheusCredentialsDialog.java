package org.lowtide.ui.prometheus;

import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lowtide.service.PrometheusCredentials;
import org.lowtide.traffic.sources.PrometheusQuery;

/**
 * Asked when a plan made from Prometheus is reopened: the plan names the server and the query but
 * holds no credentials, so this offers the same choices as File → Open from Prometheus… (the token
 * file last used for that server filled in), and gives back what to sign in with.
 */
public final class PrometheusCredentialsDialog extends Dialog<PrometheusCredentials> {

    /** The button that reads the plan's traffic with the chosen credentials. */
    public static final ButtonType READ = new ButtonType("Read and plan", ButtonBar.ButtonData.OK_DONE);

    private final CredentialsModel model;

    /**
     * @param plan   the plan file's name, for the header
     * @param query  the plan's query
     * @param memory where token files are remembered per server
     * @param owner  the main window, or null
     */
    public PrometheusCredentialsDialog(String plan, PrometheusQuery query, TokenFiles memory, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        String server = query.server().toString();
        model = new CredentialsModel(memory);
        model.recall(server);
        setTitle("Sign in to Prometheus");
        setHeaderText(plan + " reads its traffic from " + server + "\nquery " + query.promql());
        GridPane grid = org.lowtide.ui.common.Controls.formGrid(true);
        PrometheusDialog.credentialRows(grid, 0, model, () -> getDialogPane().getScene().getWindow());
        VBox content = new VBox(8, new Label("The plan keeps no credentials. Sign in with:"), grid);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(640);
        getDialogPane().getButtonTypes().addAll(READ, ButtonType.CANCEL);
        getDialogPane().lookupButton(READ).setId("readPlanTraffic");
        setResultConverter(b -> {
            if (b != READ) {
                return null;
            }
            model.remember(server);
            return model.credentials();
        });
    }

    /** @return the credentials' fields (tests fill them) */
    public CredentialsModel model() {
        return model;
    }

    /** Shows the dialog and waits. @return the credentials, or empty when cancelled */
    public Optional<PrometheusCredentials> ask() {
        return showAndWait();
    }
}
