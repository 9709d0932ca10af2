package org.lowtide.ui.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.sources.PrometheusServer;
import org.lowtide.ui.LowtideApp;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Open from Prometheus… in the real main window, headless, against a real Prometheus
 * (Debian's 2.42, started as {@code PrometheusSourceTest} does) holding four weeks of a
 * five-minute gauge up to an hour ago: type the URL, list and pick the metric, preview, open, and
 * the main window analyses the series. Skipped, saying why, where Prometheus is not installed.
 */
@ExtendWith(ApplicationExtension.class)
class PrometheusDialogTest {

    private static final int DAYS = 28;
    private static final int STEPS_PER_DAY = 288;

    @TempDir
    static Path dir;
    private static PrometheusServer server;
    private LowtideApp app;

    @BeforeAll
    static void startServer() throws Exception {
        PrometheusServer.assumeInstalled();
        long end = Instant.now().getEpochSecond() / 300 * 300 - 3600;
        long start = end - (long) DAYS * STEPS_PER_DAY * 300;
        StringBuilder om = new StringBuilder("# TYPE shop_requests gauge\n");
        StringBuilder other = new StringBuilder("# TYPE shop_temperature gauge\n");
        for (long t = start; t <= end; t += 300) {
            double hourOfDay = (t % 86_400) / 3600.0;
            // busy by day, quiet at night: a daily pattern the planner can find a window in
            double v = 500 + 400 * Math.sin((hourOfDay - 9) / 24 * 2 * Math.PI);
            om.append(String.format(Locale.ROOT, "shop_requests{shop=\"eu\"} %.3f %d%n", v, t));
            other.append(String.format(Locale.ROOT, "shop_temperature 21 %d%n", t));
        }
        server = PrometheusServer.start(dir, om.append(other).append("# EOF\n").toString(), null);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

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
    void typeUrlPickMetricPreviewAndOpen(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem open = bar.getMenus().get(0).getItems().stream()
                .filter(i -> "Open from Prometheus…".equals(i.getText().replace("_", ""))) // "_P": its mnemonic
                .findFirst().orElseThrow();
        Platform.runLater(open::fire); // showAndWait: not inside interact, which would wait for it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#prometheusUrl").tryQuery().isPresent());

        TextField url = robot.lookup("#prometheusUrl").queryAs(TextField.class);
        robot.interact(url::clear);
        robot.clickOn(url).write(server.url());
        assertThat(url.getText()).isEqualTo(server.url());
        robot.interact(() -> robot.lookup("#listMetrics").queryButton().fire());
        ComboBox<String> metric = robot.lookup("#metricPicker").queryComboBox();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> metric.getItems().contains("shop_requests"));
        assertThat(metric.getItems()).contains("shop_temperature");
        robot.interact(() -> metric.setValue("shop_requests"));
        robot.interact(() -> robot.lookup("#useInQuery").queryButton().fire());
        TextArea query = robot.lookup("#promql").queryAs(TextArea.class);
        assertThat(query.getText()).isEqualTo("sum(shop_requests)");
        TextField range = robot.lookup("#prometheusRange").queryAs(TextField.class);
        robot.interact(() -> range.setText(DAYS - 1 + "d"));

        Button openButton = robot.lookup("#openPrometheusButton").queryButton();
        assertThat(openButton.isDisabled()).as("Open before a preview").isTrue();
        robot.interact(() -> robot.lookup("#previewPrometheus").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !openButton.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#prometheusStatus").queryLabeled().getText();
        assertThat(status).as(status).startsWith("the query: ").contains("points every 5 min");
        assertThat(robot.lookup("#prometheusError").queryLabeled().getText()).isEmpty();
        LineChart<?, ?> chart = robot.lookup("#prometheusPreview").queryAs(LineChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getData()).isNotEmpty();

        DialogPane pane = (DialogPane) url.getScene().getRoot();
        assertThat(pane.getScene().getWindow().getHeight()).as("fits a 1280×720 screen").isLessThanOrEqualTo(720);
        assertThat(pane.getScene().getWindow().getWidth()).as("fits a 1280×720 screen").isLessThanOrEqualTo(1280);
        for (String id : new String[] {"#prometheusUrl", "#listMetrics", "#metricPicker", "#useInQuery", "#promql",
                "#prometheusRange", "#previewPrometheus", "#prometheusPreview", "#openPrometheusButton"}) {
            Node node = robot.lookup(id).query();
            var b = node.localToScene(node.getLayoutBounds());
            assertThat(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= pane.getWidth() + 0.5
                    && b.getMaxY() <= pane.getHeight() + 0.5).as(id + " inside the dialog: " + b).isTrue();
            assertThat(b.getWidth() > 0 && b.getHeight() > 0).as(id + " has a size").isTrue();
        }
        Path png = Path.of("target", "prometheus-dialog.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            try {
                var image = pane.getScene().snapshot(null);
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
            } catch (Exception e) {
                // a picture for people; the assertions are the test
            }
        });

        robot.interact(openButton::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#statusLabel").queryLabeled().getText().startsWith("Analysed "));
        String analysed = robot.lookup("#statusLabel").queryLabeled().getText();
        assertThat(analysed).as(analysed).contains("sum(shop_requests)");
        assertThat(robot.lookup("#recommendation").queryLabeled().getText()).isNotEmpty();
    }
}
