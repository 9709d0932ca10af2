package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.AppInfo;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.main.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless (Monocle), with the real background executor. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private LowtideApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new LowtideApp();
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void opensOnTheDefaultSampleAndRecommendsTheServicesBestWindow(FxRobot robot) throws Exception {
        Labeled recommendation = robot.lookup("#recommendation").queryLabeled();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !recommendation.getText().isEmpty());

        TrafficSource.Sample sample = Samples.defaultSample();
        AnalysisResult expected = new AnalysisService().analyze(new AnalysisRequest(sample,
                ImportOptions.inZone(sample.zone()), AnalysisRequest.DEFAULT_WINDOW, MainViewModel.TROUGH_COUNT),
                ProgressListener.NONE, Cancellation.NEVER);
        // The planner's recommendation (as plan and the Windows tab make it), not the quietest trough alone.
        org.lowtide.planning.Recommendation advice = new org.lowtide.service.RecommendationService(
                new org.lowtide.service.PlanService(new AnalysisService()), java.time.Clock.systemDefaultZone())
                .recommend(expected.request(), java.util.Optional.empty(), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(recommendation.getText()).isEqualTo(advice.weeklyText().orElseThrow());
        assertThat(stage.getTitle()).isEqualTo("Lowtide " + AppInfo.version() + " — " + sample.fileName());
        assertThat(robot.lookup("#zoneBox").<ComboBox<String>>query().getValue()).isEqualTo(sample.zone().getId());

        for (String id : new String[] {"#trafficChart", "#heatmapChart"}) {
            ChartViewer viewer = robot.lookup(id).queryAs(ChartViewer.class);
            assertThat(robot.lookup(id).match(NodeQueryUtils.isVisible()).tryQuery()).as(id + " visible").isPresent();
            assertThat(viewer.getChart()).as(id + " chart").isNotNull();
            assertThat(viewer.getWidth()).as(id + " width").isGreaterThan(300);
            assertThat(viewer.getHeight()).as(id + " height").isGreaterThan(100);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#statusLabel").queryLabeled().getText().startsWith("Analysed "));
    }

    @Test
    void everyChartOnEveryTabCanBeCopiedAndSaved(FxRobot robot) throws Exception {
        // Let the opening analysis (and the recommendation it plans) finish before the app closes.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#statusLabel").queryLabeled().getText().startsWith("Analysed "));
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        java.util.Set<ChartViewer> viewers = new java.util.HashSet<>();
        for (int t = 0; t < tabs.getTabs().size(); t++) {
            int index = t;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            viewers.addAll(robot.lookup(node -> node instanceof ChartViewer).queryAllAs(ChartViewer.class));
        }

        // Overview 2, Patterns 5 (series, decomposition, periods, heatmap, forecast), Costs 3, Windows 1.
        assertThat(viewers).hasSizeGreaterThanOrEqualTo(9);
        for (ChartViewer viewer : viewers) {
            assertThat(viewer.getContextMenu().getItems()).as(viewer.getId())
                    .extracting(javafx.scene.control.MenuItem::getText)
                    .containsExactly("Copy", "Save as PNG…", "Save as SVG…");
        }
    }

    @Test
    void anUnknownZoneTypedByTheUserIsMarkedAndChangesNothing(FxRobot robot) throws Exception {
        Labeled recommendation = robot.lookup("#recommendation").queryLabeled();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !recommendation.getText().isEmpty());
        String before = recommendation.getText();
        ComboBox<String> zoneBox = robot.lookup("#zoneBox").query();

        robot.interact(() -> {
            zoneBox.getEditor().setText("Mars/Olympus_Mons");
            zoneBox.getEditor().requestFocus();
        });
        robot.clickOn(zoneBox.getEditor()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(zoneBox.getStyleClass()).contains("invalid");
        assertThat(zoneBox.getTooltip().getText()).contains("Mars/Olympus_Mons");
        assertThat(recommendation.getText()).isEqualTo(before);
    }
}
