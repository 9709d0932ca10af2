package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
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

/** Costs → Learn from history… in the real main window, headless: preview, then use the values. */
@ExtendWith(ApplicationExtension.class)
class HistoryDialogTest {

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

    private static String fixture(String name) throws Exception {
        return Path.of(HistoryDialogTest.class.getResource("/org/lowtide/risk/" + name).toURI()).toString();
    }

    @Test
    void previewThenUseTheLearnedValues(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Label perMinute = robot.lookup("#perMinuteSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> perMinute.getText().startsWith("Revenue per minute"));
        javafx.scene.control.Button learn = robot.lookup("#learn-from-history").queryAs(javafx.scene.control.Button.class);
        javafx.application.Platform.runLater(learn::fire); // showAndWait: not inside interact, which would wait for it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#history-incidents").tryQuery().isPresent());
        TextField incidents = robot.lookup("#history-incidents").queryAs(TextField.class);
        String inc = fixture("generic_incidents.csv");
        String dep = fixture("deploys.csv");
        robot.interact(() -> {
            incidents.setText(inc);
            robot.lookup("#history-deploys").queryAs(TextField.class).setText(dep);
            robot.lookup("#history-service").queryAs(TextField.class).setText("shop");
        });
        assertThat(robot.lookup("#history-use").query().isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#history-preview").queryAs(javafx.scene.control.Button.class).fire());
        TableView<?> values = robot.lookup("#history-values").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !values.getItems().isEmpty());
        assertThat(robot.lookup("#history-use").query().isDisabled()).isFalse();
        Path png = Path.of("target", "history-dialog.png");
        robot.interact(() -> {
            try {
                var image = incidents.getScene().snapshot(null);
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
            } catch (Exception e) {
                // a picture for people; the assertions below are the test
            }
        });
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#history-use").query()).fire());
        TextField cfr = robot.lookup("#field-changeFailureRate").queryAs(TextField.class);
        assertThat(cfr.getText()).isEqualTo("0.25");
        Label source = robot.lookup("#source-changeFailureRate").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> source.getText().startsWith("from your data: your incidents: 4"));
    }
}
