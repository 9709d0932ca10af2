package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import java.awt.Graphics2D;
import java.time.Clock;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.event.OverlayChangeListener;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.overlay.OverlayFX;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanService;
import org.lowtide.service.Samples;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.cost.CostView;
import org.lowtide.ui.cost.CostViewModel;
import org.lowtide.ui.plan.PlanView;
import org.lowtide.ui.plan.PlanViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every frame the Windows and Costs tabs' chart viewers draw is of a chart already in the current
 * look: a new plan or cost report draws each chart once, not first unstyled and then again when the
 * restyle before the next pulse finds it (issue 20: the Windows tab's timeline was drawn twice for
 * every plan, the Costs tab's charts twice for every report).
 */
@ExtendWith(ApplicationExtension.class)
class ChartFramesTest {

    /** Counts a canvas's frames, and those drawn of a chart not yet in the current look. */
    private static final class Frames implements OverlayFX {
        private final ChartViewer viewer;
        int all;
        int unstyled;

        Frames(ChartViewer viewer) {
            this.viewer = viewer;
        }

        @Override
        public void paintOverlay(Graphics2D g2, ChartCanvas canvas) {
            all++;
            if (!ChartTheming.styled(viewer)) {
                unstyled++;
            }
        }

        @Override
        public void paintOverlay(Graphics2D g2, ChartPanel panel) {
        }

        @Override
        public void addChangeListener(OverlayChangeListener listener) {
        }

        @Override
        public void removeChangeListener(OverlayChangeListener listener) {
        }
    }

    private Stage own;
    private PlanViewModel plans;
    private CostViewModel costs;
    private PlanView planView;
    private CostView costView;

    @Start
    void start(Stage stage) {
        // Work on the calling thread: each edit below has planned and costed when it returns.
        plans = new PlanViewModel(new PlanService(new AnalysisService()), Runnable::run, Clock.systemDefaultZone(),
                Duration.ZERO);
        costs = new CostViewModel(new CostService(), Runnable::run, Duration.ZERO);
        planView = new PlanView(plans);
        costView = new CostView(costs);
        own = new Stage(); // a window of its own: the shared primary stage keeps the size other tests expect
        own.setScene(new Scene(new HBox(planView, costView), 1600, 720));
        own.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(own::close);
    }

    @Test
    void aNewPlanAndANewReportDrawEachChartOnceInTheCurrentLook() throws Exception {
        var sample = Samples.SHOP;
        TrafficSeries shop = CsvTrafficReader.read(sample.open(), sample.fileName(), ImportOptions.inZone(sample.zone()))
                .series();
        onFx(() -> {
            plans.setTraffic(sample, ImportOptions.inZone(sample.zone()));
            costs.setTraffic(shop, sample.zone());
        });
        settle();
        Map<ChartViewer, Frames> frames = new IdentityHashMap<>();
        onFx(() -> {
            for (Node n : own.getScene().getRoot().lookupAll("*")) {
                if (n instanceof ChartViewer viewer) {
                    Frames f = new Frames(viewer);
                    frames.put(viewer, f);
                    viewer.getCanvas().addOverlay(f);
                }
            }
        });
        assertThat(frames).as("the timeline and the Costs tab's three charts").hasSize(4);
        ChartViewer timeline = (ChartViewer) planView.lookup("#timelineChart");
        var before = onFx(() -> timeline.getChart());

        onFx(() -> {
            plans.inputs().staffCostProperty().set("120");
            costs.field("changeFailureRate").textProperty().set("0.2");
        });
        settle();

        assertThat(onFx(() -> timeline.getChart())).as("a new plan, a new timeline").isNotSameAs(before);
        assertThat(frames.get(timeline).all).as("the new timeline drawn").isPositive();
        int drawn = 0;
        for (Frames f : frames.values()) {
            assertThat(f.unstyled).as("frames drawn before the chart was styled").isZero();
            drawn += f.all;
        }
        assertThat(drawn).as("frames of the Costs tab's charts too").isGreaterThan(frames.get(timeline).all);
    }

    /** Waits for the events the work posted and for the pulses that lay out and draw them. */
    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
    }
}
