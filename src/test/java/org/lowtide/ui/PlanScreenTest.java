package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.plan.PlanRows;
import org.lowtide.ui.plan.PlanViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The Windows screen in the real main window, headless (Monocle), with the real background executor. */
@ExtendWith(ApplicationExtension.class)
class PlanScreenTest {

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
    void theWindowsTabListsTheServicesWindowsForTheSample(FxRobot robot) throws Exception {
        robot.clickOn("Windows");
        TableView<PlanRows.WindowRow> table = robot.lookup("#windowsTable").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());

        // The screen's defaults are the CLI's and the recommendation's: 2 h windows with the cost
        // model's rollback tail, 4 of them, a day apart, the four weeks from tomorrow, any time, in
        // the sample's zone.
        ZoneId zone = Samples.SHOP.zone();
        WindowRequest request = new org.lowtide.service.RecommendationService(null, java.time.Clock.systemDefaultZone())
                .defaultWindows(Duration.ofHours(2), org.lowtide.cost.CostAssumptions.defaults(), zone);
        List<ChangeWindow> expected = new PlanService(new AnalysisService()).plan(new PlanRequest(
                new AnalysisRequest(Samples.SHOP, ImportOptions.inZone(zone), Duration.ofHours(2),
                        AnalysisRequest.DEFAULT_TROUGHS), request, Optional.empty()),
                ProgressListener.NONE, Cancellation.NEVER).plan().windows();

        PlanRows.WindowRow first = table.getItems().get(0);
        assertThat(first.window().start()).isEqualTo(expected.get(0).window().start());
        assertThat(table.getItems()).hasSameSizeAs(expected);
        String shownStart = robot.lookup("#windowsTable .table-row-cell .table-cell").nth(1).queryLabeled().getText();
        assertThat(shownStart).isEqualTo(first.local())
                .contains(String.format("%02d:00", expected.get(0).window().start().atZone(zone).getHour()));

        ChartViewer timeline = robot.lookup("#timelineChart").queryAs(ChartViewer.class);
        assertThat(robot.lookup("#timelineChart").match(NodeQueryUtils.isVisible()).tryQuery()).isPresent();
        assertThat(timeline.getChart()).isNotNull();
        assertThat(timeline.getWidth()).isGreaterThan(300);
        assertThat(timeline.getHeight()).isGreaterThan(100);
        assertThat(robot.lookup("#planSummary").queryLabeled().getText()).startsWith("Best: ");
        // What the traffic stands on is said above the timeline; the choice sits with the rules.
        assertThat(robot.lookup("#outlookNote").queryLabeled().getText()).startsWith("Ranked on the ");
        assertThat(robot.lookup("#outlookNote").match(NodeQueryUtils.isVisible()).tryQuery()).isPresent();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<org.lowtide.planning.OutlookChoice> outlook = robot
                .lookup("#trafficOutlookChoice").queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(outlook.getValue()).isEqualTo(org.lowtide.planning.OutlookChoice.AUTO);
        assertThat(outlook.getConverter().toString(outlook.getValue())).isEqualTo("forecast if it did better");
    }
}
