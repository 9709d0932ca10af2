package org.lowtide.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.WindowRequest;
import org.lowtide.report.charts.PlanTimelineChart;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.traffic.imports.ImportOptions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline drawn through JavaFX (FXGraphics2D) stays on white when it is drawn again, as on
 * every resize: the bridge skips a paint equal to the last one, and the viewer resets the canvas
 * between draws, so a chart whose last paint was its background colour came back black.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineRedrawTest {

    private ChartViewer viewer;

    @Start
    void start(Stage stage) throws Exception {
        ZoneId zone = Samples.SHOP.zone();
        WindowRequest request = new WindowRequest(Duration.ofHours(2), Duration.ofHours(1), 4, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31), Duration.ofDays(1), Constraints.none(zone), Optional.empty());
        PlanResult r = new PlanService(new AnalysisService()).plan(new PlanRequest(new AnalysisRequest(Samples.SHOP,
                ImportOptions.inZone(zone), Duration.ofHours(2), 5), request, Optional.of("DE")),
                ProgressListener.NONE, Cancellation.NEVER);
        JFreeChart chart = PlanTimelineChart.create(r.plan(), r.traffic());
        viewer = new ChartViewer(chart);
        stage.setScene(new Scene(viewer, 800, 300));
        stage.show();
    }

    @Test
    void aRedrawKeepsTheWhiteBackground(FxRobot robot) throws Exception {
        for (double width : List.of(780.0, 800.0)) {
            robot.interact(() -> viewer.getScene().getWindow().setWidth(width)); // each resize redraws
        }
        robot.interact(() -> viewer.getChart().fireChartChanged()); // and so does any change of the chart

        WritableImage shot = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> viewer.snapshot(null, null)));

        assertThat(shot.getPixelReader().getColor(3, 3)).isEqualTo(Color.WHITE);
        assertThat(shot.getPixelReader().getColor((int) shot.getWidth() - 4, (int) shot.getHeight() - 4))
                .isEqualTo(Color.WHITE);
    }
}
