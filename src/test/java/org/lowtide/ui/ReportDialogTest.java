package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export Report… in the real main window: the dialog opens and previews the pages. */
@ExtendWith(ApplicationExtension.class)
class ReportDialogTest {

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
    void exportReportOpensADialogThatPreviewsThePages(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem export = bar.getMenus().stream().map(Menu::getItems).flatMap(List::stream)
                .filter(i -> "exportReport".equals(i.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !export.isDisable());
        assertThat(export.getText()).isEqualTo("Export _Report…"); // Alt+F, R

        for (String id : List.of("#trafficChart", "#heatmapChart")) {
            ChartViewer viewer = robot.lookup(id).queryAs(ChartViewer.class);
            assertThat(viewer.getContextMenu().getItems()).extracting(MenuItem::getText)
                    .containsExactly("Copy", "Save as PNG…", "Save as SVG…");
        }

        robot.interact(export::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage && "Export Report".equals(((Stage) w).getTitle())));
        VBox pages = robot.lookup("#reportPages").queryAs(VBox.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> pages.getChildren().size() > 3);
        Label status = robot.lookup("#reportStatus").queryAs(Label.class);
        // The status follows the last page drawn: wait for it rather than race it.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().contains("ready to save"));
        assertThat(status.getText()).contains("pages, A4: ready to save");
        assertThat(robot.lookup("#reportSave").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#reportCancel").queryButton().isVisible()).isFalse();
    }
}
