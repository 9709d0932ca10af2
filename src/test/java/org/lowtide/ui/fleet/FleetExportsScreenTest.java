package org.lowtide.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.fleet.FleetData;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.FleetOutputs;
import org.lowtide.service.FleetService;
import org.lowtide.service.PlanService;
import org.lowtide.service.RecommendationService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Fleet view's enforcement exports (TestFX, headless): the selected service's weekly window
 * for a tool, from the button's menu and from the row's context menu, and every service's into a
 * folder, each file as {@code lowtide fleet --export TOOL} writes it. The save dialogs are answered
 * by the test (no native dialog opens headless).
 */
@ExtendWith(ApplicationExtension.class)
class FleetExportsScreenTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fleet-exports-test");
        t.setDaemon(true);
        return t;
    });
    private FleetViewModel viewModel;
    private FleetView view;
    /** What the save dialogs answer, in order. */
    private final List<Path> answers = new ArrayList<>();
    private final List<String> suggested = new ArrayList<>();

    @Start
    void start(Stage stage) {
        PlanService plans = new PlanService(new AnalysisService());
        viewModel = new FleetViewModel(new FleetService(plans, new RecommendationService(plans, CLOCK)), executor);
        viewModel.zoneProperty().set(ZoneId.of("UTC"));
        view = new FleetView(viewModel);
        view.setChoosers(new FleetView.Choosers() {
            @Override
            public Path saveFile(Window owner, String title, FileChooser.ExtensionFilter filter, String initialName) {
                suggested.add(initialName);
                return answers.remove(0);
            }

            @Override
            public Path folder(Window owner, String title) {
                return answers.remove(0);
            }
        });
        // The app's look (Primer's paddings make the buttons wider than the default look's).
        org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT);
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(org.lowtide.ui.main.MainView.stylesheet());
        stage.setScene(scene);
        stage.sizeToScene(); // the shared test stage may keep an earlier test's size
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void theSelectedServiceAndEveryServiceAreExportedAsTheCommandLineExportsThem(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("fleet"));
        for (int i = 0; i < 3; i++) {
            FleetData.write(folder.resolve("svc" + i + ".csv"), 5 * i + 2, Duration.ofHours(1), 5);
        }
        Files.writeString(folder.resolve("broken.csv"), "timestamp,requests\n2026-01-01T00:00:00Z,12\nnot a time,x\n");
        robot.interact(() -> viewModel.open(folder));
        TableView<FleetViewModel.ServiceRow> table = robot.lookup("#fleetTable").queryTableView();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() == 4
                && !viewModel.busyProperty().get());
        // At 1280×720 every button of both bars shows whole (at its width, inside the window).
        for (String id : List.of("fleetOpenFile", "fleetOpenFolder", "fleetOpenPrometheus", "fleetReplan",
                "fleetOpenInTabs", "fleetSaveCalendar", "fleetSaveReport", "fleetSaveTable", "fleetExportSelected",
                "fleetExportAll")) {
            javafx.scene.control.Control c = robot.lookup("#" + id).queryAs(javafx.scene.control.Control.class);
            javafx.geometry.Bounds b = c.localToScene(c.getLayoutBounds());
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(c.getScene().getWidth() + 0.5);
            assertThat(c.getWidth()).as(id).isGreaterThanOrEqualTo(c.prefWidth(-1) - 0.5);
        }
        MenuButton selected = robot.lookup("#fleetExportSelected").queryAs(MenuButton.class);
        assertThat(selected.isDisabled()).as("nothing selected").isTrue();
        assertThat(robot.lookup("#fleetExportAll").queryAs(MenuButton.class).isDisabled()).isFalse();

        // A failed service has no window to export.
        int broken = rowOf(table, "broken");
        robot.interact(() -> table.getSelectionModel().select(broken));
        assertThat(selected.isDisabled()).as("a failed service").isTrue();

        // The selected service, for kured, from the button's menu.
        int svc1 = rowOf(table, "svc1");
        robot.interact(() -> table.getSelectionModel().select(svc1));
        assertThat(selected.isDisabled()).isFalse();
        Path kured = dir.resolve("chosen-kured.txt");
        answers.add(kured);
        robot.clickOn("#fleetExportSelected");
        robot.clickOn("kured reboot window…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(kured) && !viewModel.busyProperty().get());
        assertThat(suggested).containsExactly("svc1.kured.txt");
        String expected = FleetOutputs.snippet(viewModel.resultProperty().get(), "svc1", ScheduleExports.Target.KURED)
                .orElseThrow();
        assertThat(Files.readString(kured)).isEqualTo(expected).isNotBlank();
        assertThat(viewModel.errorProperty().get()).isEmpty();
        // Another service's window differs: the file is the selected service's, not the first's.
        assertThat(FleetOutputs.snippet(viewModel.resultProperty().get(), "svc0", ScheduleExports.Target.KURED))
                .isPresent();

        // The same from the row's context menu, for Argo CD, replacing nothing else.
        Path argo = dir.resolve("chosen-argocd.txt");
        answers.add(argo);
        // Rows are found by their index (the table reuses row cells, so scene-graph order is not row order).
        javafx.scene.Node row = robot.lookup("#fleetTable .table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == svc1).findFirst().orElseThrow();
        robot.rightClickOn(row);
        if (!table.getContextMenu().isShowing()) {
            // Monocle does not always turn a right click into a context-menu request: show it as that would.
            robot.interact(() -> table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 0, 0));
        }
        robot.clickOn("Argo CD sync window…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(argo) && !viewModel.busyProperty().get());
        assertThat(Files.readString(argo)).isEqualTo(FleetOutputs.snippet(viewModel.resultProperty().get(),
                table.getSelectionModel().getSelectedItem().service(), ScheduleExports.Target.ARGOCD).orElseThrow());

        // Every service into a folder: the very files the command line writes.
        Path out = Files.createDirectories(dir.resolve("exports"));
        answers.add(out);
        robot.clickOn("#fleetExportAll");
        robot.clickOn("GitLab deploy freeze…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count(out) == 3 && !viewModel.busyProperty().get());
        Path cli = Files.createDirectories(dir.resolve("cli"));
        FleetOutputs.exports(viewModel.resultProperty().get(), ScheduleExports.Target.GITLAB, cli, false);
        assertThat(names(out)).containsExactlyInAnyOrder("svc0.gitlab.txt", "svc1.gitlab.txt", "svc2.gitlab.txt")
                .isEqualTo(names(cli));
        for (String name : names(cli)) {
            assertThat(Files.readString(out.resolve(name))).as(name).isEqualTo(Files.readString(cli.resolve(name)));
        }
        assertThat(viewModel.statusProperty().get()).contains("gitlab").contains(out.toString());
    }

    private static int rowOf(TableView<FleetViewModel.ServiceRow> table, String service) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).service().equals(service)) {
                return i;
            }
        }
        throw new AssertionError("no row " + service);
    }

    private static long count(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static List<String> names(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
