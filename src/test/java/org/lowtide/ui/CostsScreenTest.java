package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Costs tab of the real main window, headless, with the real executor and debounce. */
@ExtendWith(ApplicationExtension.class)
class CostsScreenTest {

    private LowtideApp app;

    @Start
    void start(Stage stage) {
        app = new LowtideApp();
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void costsFollowTheAnalysisAndFieldsValidateAsYouType(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Label perMinute = robot.lookup("#perMinuteSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> perMinute.getText().startsWith("Revenue per minute"));
        // The summary and the table are set in one FX event: let it finish before reading the table.
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#scenarioTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);

        TextField cfr = robot.lookup("#field-changeFailureRate").queryAs(TextField.class);
        robot.interact(() -> cfr.setText("2"));
        Label error = robot.lookup("#error-changeFailureRate").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo("the change failure rate must be between 0 and 1, was 2");
        assertThat(error.isVisible()).isTrue();
        assertThat(cfr.getStyleClass()).contains("invalid");

        Label change = robot.lookup("#changeSummary").queryAs(Label.class);
        String before = change.getText();
        robot.interact(() -> cfr.setText("0.5"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !change.getText().equals(before));
        assertThat(error.isVisible()).isFalse();
        Label source = robot.lookup("#source-changeFailureRate").queryAs(Label.class);
        assertThat(source.getText()).isEqualTo("your input");
    }
}
