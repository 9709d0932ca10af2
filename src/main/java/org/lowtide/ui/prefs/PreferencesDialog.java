package org.lowtide.ui.prefs;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lowtide.project.Preferences;
import org.lowtide.service.PreferencesService;

/**
 * Edit → Preferences… (Ctrl+,): the first-run questions again, saved as the preferences file. A
 * damaged preferences file is named, and replaced only when the user says so.
 */
public final class PreferencesDialog extends Dialog<Preferences> {

    /**
     * @param service    where the preferences are kept
     * @param onSaved    told the preferences saved (the app applies them: Costs defaults, zone)
     */
    public PreferencesDialog(PreferencesService service, Window owner, String stylesheet, Consumer<Preferences> onSaved) {
        initOwner(owner);
        setTitle("Preferences");
        setHeaderText("What money needs to rank windows, and where your team works");
        PreferencesService.Loaded loaded = service.load();
        PreferencesViewModel model = new PreferencesViewModel(loaded.preferences());
        Label intro = new Label("Amounts on the Costs tab and the report use this revenue and currency; plans follow "
                + "the wall clock of this zone. Saved in " + service.file() + ".");
        intro.setWrapText(true);
        intro.setId("prefIntro");
        VBox content = new VBox(12, intro, new PreferencesForm(model));
        loaded.problem().ifPresent(p -> {
            Label problem = new Label(p + ". Saving replaces it.");
            problem.setWrapText(true);
            problem.getStyleClass().add("field-error");
            content.getChildren().add(0, problem);
        });
        content.getStyleClass().add("preferences-content"); // its width in ems (lowtide.css)
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("form-dialog"); // as wide as its content asks (lowtide.css)
        getDialogPane().getStylesheets().add(stylesheet);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        setResizable(true);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("prefSave");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            Optional<Preferences> made = model.toPreferences(loaded.preferences());
            if (made.isEmpty()) {
                e.consume(); // keep the dialog open: the fields say what is wrong
                return;
            }
            try {
                if (loaded.problem().isPresent()) {
                    service.replace(made.get()); // the dialog said saving replaces the damaged file
                } else {
                    service.save(made.get());
                }
                setResult(made.get());
                onSaved.accept(made.get());
            } catch (IOException ex) {
                e.consume();
                Alert alert = new Alert(Alert.AlertType.ERROR, ex.getMessage(), ButtonType.OK);
                alert.initOwner(getDialogPane().getScene().getWindow());
                alert.setHeaderText("The preferences were not saved");
                alert.showAndWait();
            }
        });
        setResultConverter(button -> button == save ? model.toPreferences(loaded.preferences()).orElse(null) : null);
    }
}
