package org.lowtide.ui.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.announce.AnnounceFixtures.berlin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.announce.AnnounceFixtures;
import org.lowtide.service.AnnounceService;
import org.lowtide.ui.common.BackgroundJob;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Announce dialog opens with the preview filled in and follows the fields. */
@ExtendWith(ApplicationExtension.class)
class AnnounceDialogTest {

    @TempDir
    static Path dir;

    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
        primary.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        primary.show();
    }

    @Test
    void thePreviewShowsWhatWillBeSentAndFollowsTheFields(FxRobot robot) throws Exception {
        Path plan = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(2), berlin(3, 28, 1, 30)),
                dir.resolve("dialog.lowtide"));
        AnnounceViewModel vm = new AnnounceViewModel(new AnnounceService(), plan, BackgroundJob.synchronous(),
                Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC));
        AnnounceDialog[] dialog = new AnnounceDialog[1];
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            vm.matchersProperty().set("service=\"shop\"");
            dialog[0] = new AnnounceDialog(vm, stage, null);
            dialog[0].show();
        }));
        WaitForAsyncUtils.waitForFxEvents();
        TextArea silences = robot.lookup("#previewSilences").queryAs(TextArea.class);
        assertThat(silences.getText()).contains("\"startsAt\" : \"2027-03-28T00:30:00Z\"", "\"value\" : \"shop\"");
        TextField zones = robot.lookup("#announceZones").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            zones.setText("Asia/Tokyo");
            vm.preview();
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#previewMarkdown").queryAs(TextArea.class).getText()).contains("(Asia/Tokyo)");
        if (Boolean.getBoolean("lowtide.shot")) {
            javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> img[0] = dialog[0].getDialogPane().snapshot(null, null)));
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png",
                    new java.io.File(System.getProperty("java.io.tmpdir"), "announce-dialog.png"));
        }
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> dialog[0].close()));
    }
}
