package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ChartMenusTest {

    @TempDir
    Path dir;

    private ChartViewer viewer;
    private Stage own;

    @Start
    void start(Stage stage) {
        XYSeries s = new XYSeries("traffic");
        for (int i = 0; i < 50; i++) {
            s.add(i, Math.sin(i / 5.0) * 10 + 20);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Traffic", "time", "requests", new XYSeriesCollection(s));
        viewer = new ChartViewer(chart);
        ChartMenus.install(viewer, "traffic");
        // A window of its own: the shared primary stage keeps the size other UI tests expect.
        own = new Stage();
        own.setScene(new Scene(viewer, 700, 400));
        own.show();
    }

    @org.junit.jupiter.api.AfterEach
    void close(FxRobot robot) {
        robot.interact(own::close);
    }

    @Test
    void theMenuOffersCopyPngAndSvgAndEachWritesTheChart(FxRobot robot) throws Exception {
        List<String> items = viewer.getContextMenu().getItems().stream().map(MenuItem::getText).toList();
        assertThat(items).containsExactly("Copy", "Save as PNG…", "Save as SVG…");

        Path png = dir.resolve("traffic.png");
        Path svg = dir.resolve("traffic.svg");
        robot.interact(() -> {
            try {
                ChartMenus.save(viewer, png, "png");
                ChartMenus.save(viewer, svg, "svg");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // What you see, twice: the viewer's size (the test stage may be wider than asked) at 2×.
        int w = ChartMenus.width(viewer);
        int h = ChartMenus.height(viewer);
        assertThat(w).isGreaterThanOrEqualTo(700);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * w);
        assertThat(image.getHeight()).isEqualTo(2 * h);
        assertThat(Files.readString(svg)).contains("<svg").contains(">Traffic<");

        robot.interact(() -> ChartMenus.copy(viewer));
        robot.interact(() -> {
            javafx.scene.input.Clipboard clipboard = javafx.scene.input.Clipboard.getSystemClipboard();
            assertThat(clipboard.hasImage()).isTrue();
            assertThat(clipboard.getImage().getWidth()).isEqualTo(2.0 * w);
        });
    }
}
