package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.service.AppInfo;
import org.lowtide.ui.common.ChartPalette;
import org.lowtide.ui.common.Theme;
import org.lowtide.ui.common.ThemeStore;
import org.lowtide.ui.common.Themes;
import org.lowtide.ui.help.AboutDialog;
import org.lowtide.ui.help.ShortcutsDialog;
import org.lowtide.ui.main.MainView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless: the theme restyles scene and charts live; View, About and Shortcuts. */
@ExtendWith(ApplicationExtension.class)
class ThemeAndHelpTest {

    private LowtideApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new LowtideApp();
        app.start(stage);
        Themes.useStore(ThemeStore.inMemory()); // never the user's saved choice
        Themes.apply(Theme.LIGHT);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> Themes.apply(Theme.LIGHT));
        app.stop();
    }

    @Test
    void switchingThemeRestylesTheWindowAndEveryChartAndBack(FxRobot robot) throws Exception {
        ChartViewer traffic = robot.lookup("#trafficChart").queryAs(ChartViewer.class);
        ChartViewer heatmap = robot.lookup("#heatmapChart").queryAs(ChartViewer.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> traffic.getChart() != null && heatmap.getChart() != null);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ChartPalette.LIGHT.background().equals(traffic.getChart().getBackgroundPaint()));
        Region main = robot.lookup(".main-view").queryAs(Region.class);
        javafx.scene.paint.Paint lightFill = main.getBackground().getFills().get(0).getFill();
        Color lightLine = (Color) traffic.getChart().getXYPlot().getRenderer().getSeriesPaint(0);

        robot.interact(() -> Themes.apply(Theme.DARK));
        for (ChartViewer v : List.of(traffic, heatmap)) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ChartPalette.DARK.background().equals(v.getChart().getBackgroundPaint()));
            JFreeChart chart = v.getChart();
            assertThat(chart.getPlot().getBackgroundPaint()).isEqualTo(ChartPalette.DARK.background());
            assertThat(chart.getXYPlot().getDomainAxis().getTickLabelPaint()).isEqualTo(ChartPalette.DARK.text());
        }
        Color darkLine = (Color) traffic.getChart().getXYPlot().getRenderer().getSeriesPaint(0);
        assertThat(darkLine).isNotEqualTo(lightLine).isEqualTo(ChartPalette.DARK.swap(lightLine));
        javafx.scene.paint.Color darkFill = (javafx.scene.paint.Color) main.getBackground().getFills().get(0).getFill();
        assertThat(darkFill).isNotEqualTo(lightFill);
        assertThat(darkFill.getBrightness()).as("dark window background").isLessThan(0.2);
        assertThat(Themes.isDark()).isTrue();

        robot.interact(() -> Themes.apply(Theme.LIGHT));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ChartPalette.LIGHT.background().equals(traffic.getChart().getBackgroundPaint()));
        assertThat(traffic.getChart().getXYPlot().getRenderer().getSeriesPaint(0)).as("print colour back").isEqualTo(lightLine);
        assertThat(main.getBackground().getFills().get(0).getFill()).isEqualTo(lightFill);
        assertThat(traffic.getAccessibleText()).startsWith("Chart: ");
    }

    @Test
    void viewThemeMenuAndEveryMenuHaveMnemonics(FxRobot robot) {
        MenuBar bar = ((MainView) stage.getScene().getRoot()).menuBar();
        assertThat(bar.getMenus()).extracting(MenuItem::getText).containsExactly("_File", "_View", "_Help");
        Menu theme = (Menu) bar.getMenus().get(1).getItems().stream()
                .filter(i -> "themeMenu".equals(i.getId())).findFirst().orElseThrow();
        assertThat(theme.getText()).isEqualTo("_Theme");
        assertThat(theme.getItems()).allMatch(i -> i instanceof RadioMenuItem)
                .extracting(MenuItem::getText).containsExactly("_Light", "_Dark", "Follow _System");
        assertThat(theme.getItems()).filteredOn(i -> ((RadioMenuItem) i).isSelected())
                .extracting(MenuItem::getId).containsExactly("theme-light");

        robot.interact(() -> theme.getItems().get(1).fire());
        assertThat(Themes.current()).isEqualTo(Theme.DARK);
        assertThat(((RadioMenuItem) theme.getItems().get(1)).isSelected()).isTrue();

        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (!(item instanceof SeparatorMenuItem)) {
                    assertThat(item.getText()).as(menu.getText() + " → " + item.getText()).contains("_");
                    assertThat(item.isMnemonicParsing()).isTrue();
                }
            }
        }
    }

    @Test
    void aboutShowsTheBuildsVersionLicenceAndThirdPartyLibraries(FxRobot robot) {
        List<String> opened = new ArrayList<>();
        AboutDialog[] about = new AboutDialog[1];
        robot.interact(() -> {
            about[0] = new AboutDialog(stage, MainView.stylesheet(), opened::add);
            about[0].show();
        });
        try {
            String version = robot.lookup("#aboutVersion").queryAs(Label.class).getText();
            assertThat(version).isEqualTo("Version " + AppInfo.version()).doesNotContain("unknown").doesNotContain("${");
            assertThat(robot.lookup("#aboutLicence").queryAs(Label.class).getText()).startsWith("Licence: ")
                    .doesNotContain("${");
            TableView<?> libraries = robot.lookup("#thirdPartyTable").queryAs(TableView.class);
            assertThat(libraries.getItems()).hasSizeGreaterThan(10);
        } finally {
            robot.interact(() -> about[0].close());
        }
    }

    @Test
    void shortcutsListEveryAcceleratorOfTheMenus(FxRobot robot) {
        MenuBar bar = ((MainView) stage.getScene().getRoot()).menuBar();
        List<String> accelerators = new ArrayList<>();
        collect(bar.getMenus(), accelerators);
        assertThat(accelerators).as("main actions have keys").hasSizeGreaterThanOrEqualTo(9);

        ShortcutsDialog[] dialog = new ShortcutsDialog[1];
        robot.interact(() -> {
            dialog[0] = new ShortcutsDialog(stage, MainView.stylesheet(), bar);
            dialog[0].show();
        });
        try {
            @SuppressWarnings("unchecked")
            TableView<ShortcutsDialog.Shortcut> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
            assertThat(table.getItems()).extracting(ShortcutsDialog.Shortcut::keys)
                    .containsExactlyInAnyOrderElementsOf(accelerators);
            assertThat(table.getItems()).extracting(ShortcutsDialog.Shortcut::action)
                    .contains("File → Open…", "File → Export Report…", "Help → Keyboard Shortcuts", "View → 2  Patterns")
                    .noneMatch(a -> a.contains("_"));
        } finally {
            robot.interact(() -> dialog[0].close());
        }
    }

    private static void collect(List<? extends MenuItem> items, List<String> into) {
        for (MenuItem item : items) {
            if (item instanceof Menu menu) {
                collect(menu.getItems(), into);
            } else if (item.getAccelerator() != null) {
                into.add(item.getAccelerator().getDisplayText());
            }
        }
    }
}
