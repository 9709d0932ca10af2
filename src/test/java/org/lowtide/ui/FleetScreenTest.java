package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.fleet.FleetData;
import org.lowtide.service.TrafficSource;
import org.lowtide.ui.fleet.FleetViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Fleet tab in the real main window, headless (Monocle), with the real background executors. */
@ExtendWith(ApplicationExtension.class)
class FleetScreenTest {

    private LowtideApp app;

    @TempDir
    Path dir;

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
    void theFleetTabListsTheServicesAndOpensTheSelectedOneInTheOrdinaryTabs(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            FleetData.write(dir.resolve("svc" + i + ".csv"), 11 * i + 3, Duration.ofHours(1), 5);
        }
        Files.writeString(dir.resolve("broken.csv"), "timestamp,requests\n2026-01-01T00:00:00Z,12\nnot a time,x\n");
        Path yaml = dir.resolve("fleet.yaml");
        Files.writeString(yaml, """
                services:
                  - name: checkout
                    source: svc0.csv
                    zone: Europe/Berlin
                  - name: search
                    source: svc1.csv
                  - name: billing
                    source: svc2.csv
                  - name: legacy
                    source: broken.csv
                """);
        // Wait for the sample the app opens first, so it cannot land after the service opened below.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.mainViewModel().getResult() != null);
        robot.clickOn("Fleet");
        FleetViewModel fleet = app.fleetViewModel();
        robot.interact(() -> {
            fleet.zoneProperty().set(ZoneId.of("UTC"));
            fleet.open(yaml);
        });
        TableView<FleetViewModel.ServiceRow> table = robot.lookup("#fleetTable").queryTableView();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() == 4
                && !fleet.busyProperty().get());
        assertThat(table.getItems()).extracting(FleetViewModel.ServiceRow::service)
                .containsExactly("checkout", "search", "billing", "legacy");
        assertThat(table.getItems()).extracting(FleetViewModel.ServiceRow::status)
                .containsExactly("planned", "planned", "planned", "failed");
        assertThat(table.getItems().get(3).reasons()).startsWith("broken.csv");
        assertThat(table.getItems().get(0).next()).endsWith("Europe/Berlin");
        // What the table's first row shows in its first column is the service's name (cells are reused
        // by the table, so the cell is found by its row index, not by its place in the scene graph).
        java.util.function.Supplier<java.util.Optional<String>> firstCell = () -> robot.lookup("#fleetTable .table-cell")
                .queryAll().stream().map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getIndex() == 0 && c.getTableColumn() == table.getColumns().get(0) && c.getText() != null)
                .map(javafx.scene.control.TableCell::getText).findFirst();
        // Read on the FX thread (a read from this thread can meet the cells mid-layout, text null),
        // until the first row shows its service: a table that never shows "checkout" there fails.
        java.util.function.Supplier<java.util.Optional<String>> firstCellOnFx = () -> {
            try {
                return WaitForAsyncUtils.asyncFx(firstCell::get).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return java.util.Optional.empty();
            }
        };
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstCellOnFx.get().equals(java.util.Optional.of("checkout")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the table's first row shows " + firstCellOnFx.get() + " in its Service column,"
                    + " not checkout", e);
        }
        ChartViewer timeline = robot.lookup("#fleetTimeline").queryAs(ChartViewer.class);
        assertThat(timeline.getChart()).isNotNull();
        assertThat(timeline.getWidth()).isGreaterThan(300);
        assertThat(robot.lookup("#fleetSaveCalendar").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#fleetOpenInTabs").queryButton().isDisabled()).isTrue();

        // The second row is found by its index too (rows are reused and laid out on a later pulse).
        robot.interact(() -> table.scrollTo(1));
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> secondRow = () -> robot
                .lookup("#fleetTable .table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getIndex() == 1 && r.getItem() != null && r.isVisible())
                .map(javafx.scene.Node.class::cast).findFirst();
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> secondRowOnFx = () -> {
            try {
                return WaitForAsyncUtils.asyncFx(secondRow::get).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return java.util.Optional.empty();
            }
        };
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> secondRowOnFx.get().isPresent());
        robot.clickOn(secondRowOnFx.get().orElseThrow(() -> new AssertionError("no row cell shows the second service")));
        assertThat(table.getSelectionModel().getSelectedItem().service()).isEqualTo("search");
        robot.clickOn("#fleetOpenInTabs");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.mainViewModel().getResult() != null
                && app.mainViewModel().getResult().request().source() instanceof TrafficSource.FileSource f
                && f.path().getFileName().toString().equals("svc1.csv"));
        assertThat(app.mainViewModel().getZone()).isEqualTo(ZoneId.of("UTC"));
        javafx.scene.control.TabPane tabs = robot.lookup(".main-tabs").queryAs(javafx.scene.control.TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("overviewTab");
    }
}
