package org.lowtide.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.ImportService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.main.MainView;
import org.lowtide.ui.main.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real import dialog, headless, importing on a background thread as in the app. */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private ImportViewModel model;
    private ImportDialog dialog;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = Files.writeString(Files.createTempFile("sensors", ".csv"),
                "time;north_gate;south_gate\n"
                + "01.06.2025 00:00;1.204;10\n01.06.2025 01:00;1.580;20\n01.06.2025 02:00;1.377;30\n"
                + "01.06.2025 03:00;899;40\n01.06.2025 04:00;912;50\n");
        model = new ImportViewModel(new ImportService(), executor);
        model.open(file, ZoneId.of("Europe/Berlin"));
        // An owner of its own: the primary stage is shared with other UI tests and keeps its size.
        Stage owner = new Stage();
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        owner.show();
        dialog = new ImportDialog(model, owner, MainView.stylesheet());
        dialog.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            dialog.close();
            ((Stage) dialog.getOwner()).hide();
        });
        executor.shutdownNow();
    }

    @Test
    void showsTheFileChoosesASeriesAndReturnsTheOptions(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canImportProperty().get());
        TextArea preview = robot.lookup("#previewArea").queryAs(TextArea.class);
        assertThat(preview.getText()).startsWith("time;north_gate;south_gate\n01.06.2025 00:00;1.204;10");
        ListView<?> summary = robot.lookup("#summaryList").queryAs(ListView.class);
        assertThat(summary.getItems()).anySatisfy(line -> assertThat(line.toString())
                .isEqualTo("Rows: 5 read = 5 used + 0 merged + 0 skipped"));

        CheckBox south = robot.lookup(".check-box").match((CheckBox c) -> "south_gate".equals(c.getText()))
                .queryAs(CheckBox.class);
        robot.clickOn(south);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canImportProperty().get()
                && model.getResult().series().name().equals("south_gate"));
        assertThat(model.getResult().series().valueAt(4)).isEqualTo(50);

        Button importButton = robot.lookup("#importButton").queryButton();
        assertThat(importButton.isDisabled()).isFalse();
        robot.clickOn(importButton);
        WaitForAsyncUtils.waitForFxEvents();

        ImportOptions options = dialog.getResult();
        assertThat(options).isNotNull();
        assertThat(options.series()).containsExactly("south_gate");
        assertThat(options.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void theMainWindowAnalysesWithTheDialogsOptions(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.canImportProperty().get());
        MainViewModel main = new MainViewModel(new AnalysisService(), Runnable::run);
        ImportOptions options = model.options().withSeries(java.util.List.of("south_gate"))
                .withStep(Duration.ofHours(1));
        robot.interact(() -> main.load(new TrafficSource.FileSource(file), options));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(main.getResult().series().name()).isEqualTo("south_gate");
        assertThat(main.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        robot.interact(() -> main.setZone(ZoneId.of("UTC")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.getResult().series().name()).as("a zone change keeps the chosen series").isEqualTo("south_gate");
        assertThat(main.getResult().request().options().zone()).isEqualTo(ZoneId.of("UTC"));
    }
}
