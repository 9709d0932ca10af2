package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.prefs.PreferencesDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Layouts that fit (issue #15): every tab, inner tab and dialog of the real main window, at
 * 1280×720 and 1920×1080, at 100, 125 and 150 % font size, for every theme, with the bundled
 * sample and with a real series from {@code ../shared/data}. No visible {@link Labeled} (labels,
 * buttons, table headers and cells, choice boxes) shows its text cut with an ellipsis, no text
 * field is too narrow for its text or prompt, and no control or pane lies outside the pane that
 * lays it out. Screenshots of each step go to {@code target/layout-shots/} to be looked at.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutFitTest {

    /** The themes to check: both looks of View → Theme (their fonts are the same, their borders are not). */
    static final List<String> THEMES = List.of("light", "dark");
    static final List<int[]> SIZES = List.of(new int[] {1280, 720}, new int[] {1920, 1080});
    static final List<Integer> FONT_SCALES = List.of(100, 125, 150);

    private static final Path SHOTS = Path.of("target", "layout-shots");
    private static final double SLACK = 1.0;

    private LowtideApp app;
    private Stage stage;
    private final List<String> problems = new ArrayList<>();
    /** Each problem once (the node and its text), with the first step that showed it. */
    private final java.util.Map<String, String> firstSeen = new java.util.LinkedHashMap<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new LowtideApp();
        app.start(stage);
    }

    @AfterEach
    void stop() {
        Platform.runLater(() -> org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT)); // later tests start light
        app.stop();
    }

    @Test
    void theSampleFitsAtEverySizeAndFontScale(FxRobot robot) throws Exception {
        waitForAnalysis(robot);
        checkEverything(robot, "sample");
    }

    @Test
    void aRealSeriesFitsAtEverySizeAndFontScale(FxRobot robot) throws Exception {
        Path real = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic",
                "isp_transatlantic_internet_traffic_5min.csv");
        assumeTrue(Files.isRegularFile(real), "skipped: " + real + " is absent (the shared real data sets)");
        waitForAnalysis(robot);
        robot.interact(() -> app.mainViewModel().load(new TrafficSource.FileSource(real),
                ImportOptions.inZone(java.time.ZoneId.of("UTC"))));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.mainViewModel().getResult() != null
                && app.mainViewModel().getResult().request().source() instanceof TrafficSource.FileSource
                && !app.mainViewModel().isBusy());
        checkEverything(robot, "real");
    }

    /**
     * A series named by its query (a wide table's column, a Prometheus expression): the charts'
     * value-axis label must not be cut by the chart's height (it was, at both ends, on the Overview).
     */
    @Test
    void aLongSeriesNameFitsTheCharts(FxRobot robot) throws Exception {
        waitForAnalysis(robot);
        String name = "sum(rate(http_requests_total{job=\"checkout-frontend\"}[5m]))";
        StringBuilder csv = new StringBuilder("time,\"" + name.replace("\"", "\"\"") + "\"\n");
        java.time.LocalDateTime first = java.time.LocalDateTime.of(2025, 1, 6, 0, 0);
        for (int h = 0; h < 24 * 7 * 6; h++) {
            double daily = 1 + Math.sin(2 * Math.PI * (h % 24) / 24.0);
            csv.append(first.plusHours(h)).append(',').append(Math.round(1000 + 800 * daily + 37 * (h % 7))).append('\n');
        }
        Path file = Files.writeString(Files.createTempFile("layout-long-name", ".csv"), csv);
        robot.interact(() -> app.mainViewModel().load(new TrafficSource.FileSource(file),
                ImportOptions.inZone(java.time.ZoneId.of("UTC"))));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.mainViewModel().getResult() != null
                && app.mainViewModel().getResult().request().source() instanceof TrafficSource.FileSource
                && !app.mainViewModel().isBusy());
        assertThat(app.mainViewModel().getResult().series().name()).isEqualTo(name);
        for (String theme : THEMES) {
            for (int[] size : List.of(SIZES.get(0))) { // the smallest window: the plots are lowest there
                for (int scale : List.of(100, 150)) {
                    String step = "long-name-" + theme + "-" + size[0] + "x" + size[1] + "-" + scale;
                    TabPane tabs = lookAt(robot, theme, size, scale);
                    for (Tab tab : List.copyOf(tabs.getTabs())) {
                        if (!List.of("overviewTab", "patternsTab").contains(tab.getId())) {
                            continue;
                        }
                        robot.interact(() -> tabs.getSelectionModel().select(tab));
                        settle(robot);
                        check(stage.getScene(), step + "-" + tab.getId()); // no screenshots: the other tests take them
                        List<TabPane> inner = new ArrayList<>();
                        collect(tab.getContent(), TabPane.class, inner);
                        for (TabPane pane : inner) {
                            for (Tab t : List.copyOf(pane.getTabs())) {
                                robot.interact(() -> pane.getSelectionModel().select(t));
                                settle(robot);
                                check(stage.getScene(), step + "-" + tab.getId() + "-" + t.getText());
                            }
                            robot.interact(() -> pane.getSelectionModel().selectFirst());
                        }
                    }
                }
            }
        }
        assertNoProblems();
    }

    @Test
    void theWelcomeViewFits(FxRobot robot) throws Exception {
        waitForAnalysis(robot);
        for (String theme : THEMES) {
            for (int[] size : SIZES) {
                for (int scale : FONT_SCALES) {
                    String step = theme + "-" + size[0] + "x" + size[1] + "-" + scale;
                    robot.interact(() -> {
                        applyTheme(stage.getScene(), theme);
                        setSize(size);
                        scaleFonts(stage.getScene().getRoot(), scale);
                        app.mainView().showWelcome(app.newWelcomeView());
                    });
                    settle(robot);
                    check(stage.getScene(), "welcome " + step);
                    shoot(stage.getScene(), "welcome-" + step);
                    robot.interact(() -> app.mainView().hideWelcome());
                }
            }
        }
        assertNoProblems();
    }

    private void checkEverything(FxRobot robot, String data) throws Exception {
        for (String theme : THEMES) {
            for (int[] size : SIZES) {
                for (int scale : FONT_SCALES) {
                    String step = data + "-" + theme + "-" + size[0] + "x" + size[1] + "-" + scale;
                    TabPane tabs = lookAt(robot, theme, size, scale);
                    for (Tab tab : List.copyOf(tabs.getTabs())) {
                        robot.interact(() -> tabs.getSelectionModel().select(tab));
                        settle(robot);
                        visitInnerTabs(robot, tab.getContent(), step + "-" + tab.getId());
                    }
                    if (size == SIZES.get(0)) { // dialogs size to their content, not to the main window
                        checkDialogs(robot, step, theme, scale);
                    }
                }
            }
        }
        assertNoProblems();
    }

    /** Sets the look, the window's size and the font scale; @return the main window's tabs */
    private TabPane lookAt(FxRobot robot, String theme, int[] size, int scale) throws Exception {
        robot.interact(() -> {
            applyTheme(stage.getScene(), theme);
            setSize(size);
            scaleFonts(stage.getScene().getRoot(), scale);
        });
        settle(robot);
        return robot.lookup(".main-tabs").queryAs(TabPane.class);
    }

    /** Checks a tab, then each tab of every tab pane inside it (Costs' charts, Patterns' views). */
    private void visitInnerTabs(FxRobot robot, Node content, String step) throws Exception {
        List<TabPane> inner = new ArrayList<>();
        collect(content, TabPane.class, inner);
        check(stage.getScene(), step);
        shoot(stage.getScene(), step);
        for (TabPane pane : inner) {
            for (Tab t : List.copyOf(pane.getTabs())) {
                if (pane.getSelectionModel().getSelectedItem() == t) {
                    continue;
                }
                robot.interact(() -> pane.getSelectionModel().select(t));
                settle(robot);
                String name = step + "-" + t.getText().replaceAll("[^A-Za-z0-9]+", "_");
                check(stage.getScene(), name);
                shoot(stage.getScene(), name);
            }
            robot.interact(() -> pane.getSelectionModel().selectFirst());
        }
    }

    private void checkDialogs(FxRobot robot, String step, String theme, int scale) throws Exception {
        // Preferences (modal in the app; shown without waiting here).
        openDialog(robot, step + "-preferences", theme, scale, () -> {
            return new PreferencesDialog(app.preferences(), stage, org.lowtide.ui.main.MainView.stylesheet(), p -> { });
        });
        // Help → Keyboard Shortcuts and Help → About Lowtide (its third-party table from the build).
        MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        openDialog(robot, step + "-shortcuts", theme, scale, () -> new org.lowtide.ui.help.ShortcutsDialog(stage,
                org.lowtide.ui.main.MainView.stylesheet(), menus));
        openDialog(robot, step + "-about", theme, scale, () -> new org.lowtide.ui.help.AboutDialog(stage,
                org.lowtide.ui.main.MainView.stylesheet(), url -> { }));
        // File → Open…: the import dialog on a small file of two series.
        Path csv = Files.writeString(Files.createTempFile("layout-sensors", ".csv"),
                "time;north_gate;south_gate\n01.06.2025 00:00;1.204;10\n01.06.2025 01:00;1.580;20\n"
                        + "01.06.2025 02:00;1.377;30\n01.06.2025 03:00;899;40\n01.06.2025 04:00;912;50\n");
        openDialog(robot, step + "-import", theme, scale, () -> {
            org.lowtide.ui.imports.ImportViewModel model = app.mainViewModel().importDialogModel();
            model.open(csv, java.time.ZoneId.of("Europe/Berlin"));
            return new org.lowtide.ui.imports.ImportDialog(model, stage, org.lowtide.ui.main.MainView.stylesheet());
        });
        // File → Open from Prometheus…
        openDialog(robot, step + "-prometheus", theme, scale, () -> new org.lowtide.ui.prometheus.PrometheusDialog(
                new org.lowtide.ui.prometheus.PrometheusViewModel(new org.lowtide.service.PrometheusService(),
                        new org.lowtide.service.ImportService(), java.util.concurrent.ForkJoinPool.commonPool(),
                        org.lowtide.ui.prometheus.TokenFiles.inMemory()), stage, org.lowtide.ui.main.MainView.stylesheet()));
        // Costs → Learn from history…
        openDialog(robot, step + "-history", theme, scale, () -> {
            org.lowtide.ui.cost.HistoryDialog d = new org.lowtide.ui.cost.HistoryDialog(
                    new org.lowtide.ui.cost.HistoryViewModel(new org.lowtide.service.RiskService(),
                            org.lowtide.cost.CostAssumptions::defaults, java.util.Optional::empty,
                            java.time.ZoneId.of("UTC"), Runnable::run), stage);
            d.getDialogPane().getStylesheets().add(org.lowtide.ui.main.MainView.stylesheet());
            return d;
        });
        // File → Export Report…: the dialog and its preview.
        MenuItem export = menuItem(robot, "exportReport");
        int before = Window.getWindows().size();
        robot.interact(export::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().size() > before);
        Stage report = (Stage) Window.getWindows().get(Window.getWindows().size() - 1);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#reportStatus").tryQuery()
                .map(n -> ((Labeled) n).getText().contains("ready to save")).orElse(false));
        robot.interact(() -> {
            applyTheme(report.getScene(), theme);
            scaleFonts(report.getScene().getRoot(), scale);
        });
        settle(robot);
        check(report.getScene(), step + "-report");
        shoot(report.getScene(), step + "-report");
        robot.interact(report::close);
    }

    /** @param make makes the dialog without showing it */
    private void openDialog(FxRobot robot, String step, String theme, int scale, Supplier<Dialog<?>> make)
            throws Exception {
        Dialog<?>[] shown = new Dialog<?>[1];
        robot.interact(() -> {
            shown[0] = make.get(); // not shown yet: the look and the font first, as the app sets them
            applyTheme(shown[0].getDialogPane().getScene(), theme);
            scaleFonts(shown[0].getDialogPane(), scale);
            shown[0].show();
        });
        Scene scene = shown[0].getDialogPane().getScene();
        settle(robot);
        Thread.sleep(300); // a dialog that reads a file in the background (import) fills its preview
        settle(robot);
        check(scene, step);
        noSidewaysScroll(scene, "#thirdPartyTable", step);
        shoot(scene, step);
        robot.interact(() -> {
            shown[0].setResult(null);
            if (!shown[0].getDialogPane().getButtonTypes().contains(ButtonType.CANCEL)) {
                shown[0].getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
            }
            shown[0].close();
        });
    }

    private MenuItem menuItem(FxRobot robot, String id) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().map(Menu::getItems).flatMap(List::stream)
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !item.isDisable());
        return item;
    }

    // ---------------------------------------------------------------- the checks

    /** Records every cut text and overflowing node in the scene's visible part. */
    private void check(Scene scene, String step) {
        visit(scene.getRoot(), step);
    }

    /**
     * A table that must show its rows whole (About's notices): its columns fit, no sideways scroll bar
     * (Primer's 600 px cap on dialog panes had left the licences off to the right).
     */
    private void noSidewaysScroll(Scene scene, String selector, String step) {
        if (scene.getRoot().lookup(selector) instanceof javafx.scene.control.TableView<?> table) {
            for (Node bar : table.lookupAll(".scroll-bar")) {
                if (bar instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                        && b.isVisible()) {
                    problem(step, describe(table) + " scrolls sideways (" + Math.round(table.getWidth()) + " px wide)");
                }
            }
        }
    }

    private void visit(Node node, String step) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            cut(labeled).ifPresent(shown -> problem(step, describe(node) + " shows \"" + shown
                    + "\" of \"" + labeled.getText() + "\""));
        }
        if (node instanceof javafx.scene.control.ListCell<?> cell && cell.getText() != null && !cell.getText().isEmpty()) {
            // A list scrolls sideways rather than cut: its cells' text must end inside the list.
            javafx.scene.control.ListView<?> list = cell.getListView();
            for (Node child : cell.getChildrenUnmodifiable()) {
                if (child instanceof Text text && list != null && isAncestor(list, cell)) {
                    double right = text.localToScene(text.getLayoutBounds()).getMaxX();
                    double listRight = list.localToScene(list.getLayoutBounds()).getMaxX() - list.snappedRightInset();
                    if (right > listRight + SLACK) {
                        problem(step, describe(node) + " runs off its list by " + Math.round(right - listRight) + " px");
                    }
                }
            }
        }
        if (node instanceof TextField field && field.isEditable() && field.getWidth() > 0) {
            String text = field.getText() == null || field.getText().isEmpty() ? field.getPromptText() : field.getText();
            if (text != null && !text.isEmpty()) {
                Text probe = new Text(text);
                probe.setFont(field.getFont());
                double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
                if (probe.getLayoutBounds().getWidth() > room + SLACK) {
                    problem(step, describe(node) + " is too narrow for \"" + text + "\" ("
                            + Math.round(room) + " px for " + Math.round(probe.getLayoutBounds().getWidth()) + ")");
                }
            }
        }
        overflow(node).ifPresent(problem -> problem(step, problem));
        if (node instanceof ScrollPane scroll && scroll.getHbarPolicy() == ScrollPane.ScrollBarPolicy.NEVER
                && scroll.getContent() != null && scroll.getViewportBounds().getWidth() > 0) {
            // Without a sideways bar, content wider than the view is cut at the right edge, wrapped text too
            // (the Costs tab's wrapped summaries ran under the scroll bar: a child's minimum width held it wide).
            double wide = scroll.getContent().getLayoutBounds().getWidth();
            double view = scroll.getViewportBounds().getWidth();
            if (wide > view + SLACK) {
                problem(step, describe(scroll.getContent()) + " is wider than its scroll pane's view and cut at the"
                        + " right (" + Math.round(wide) + " px in " + Math.round(view) + "; held wide by "
                        + widestMinimum(scroll.getContent()) + ")");
            }
        }
        if (node instanceof org.jfree.chart.fx.ChartViewer viewer) {
            valueAxisLabelsFit(viewer, step);
            return; // a canvas and its own handlers
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, step);
            }
        }
    }

    /**
     * A value axis's label is drawn along the plot's height, centred, and cut at both ends where it is
     * longer: it must be no longer than the height of the data area it labels, as last drawn.
     */
    private void valueAxisLabelsFit(org.jfree.chart.fx.ChartViewer viewer, String step) {
        org.jfree.chart.JFreeChart chart = viewer.getChart();
        org.jfree.chart.ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (chart == null || info == null || viewer.getWidth() <= 0 || viewer.getHeight() <= 0) {
            return;
        }
        List<org.jfree.chart.plot.XYPlot> plots = new ArrayList<>();
        List<org.jfree.chart.plot.PlotRenderingInfo> areas = new ArrayList<>();
        if (chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
            for (int i = 0; i < combined.getSubplots().size() && i < info.getPlotInfo().getSubplotCount(); i++) {
                plots.add((org.jfree.chart.plot.XYPlot) combined.getSubplots().get(i));
                areas.add(info.getPlotInfo().getSubplotInfo(i));
            }
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
            plots.add(xy);
            areas.add(info.getPlotInfo());
        }
        java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            for (int p = 0; p < plots.size(); p++) {
                double height = areas.get(p).getDataArea().getHeight();
                for (int a = 0; a < plots.get(p).getRangeAxisCount(); a++) {
                    org.jfree.chart.axis.ValueAxis axis = plots.get(p).getRangeAxis(a);
                    String label = axis == null ? null : axis.getLabel();
                    if (label == null || label.isEmpty() || !(height > 0)) {
                        continue;
                    }
                    double length = g.getFontMetrics(axis.getLabelFont()).stringWidth(label);
                    if (length > height + SLACK) {
                        problem(step, describe(viewer) + "'s value axis label \"" + label + "\" is cut: "
                                + Math.round(length) + " px along a plot " + Math.round(height) + " px high");
                    }
                }
            }
        } finally {
            g.dispose();
        }
    }

    private void problem(String step, String what) {
        String key = what.replaceAll("\\[[^]]*\\] in [0-9.×]+", "");
        if (firstSeen.putIfAbsent(key, step) == null) {
            problems.add(step + ": " + what);
        }
    }

    /** Writes the problems found where they can be read whole, and asserts there are none. */
    private void assertNoProblems() throws java.io.IOException {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("problems-" + System.nanoTime() + ".txt"), problems);
        assertThat(problems).as("cut or overflowing nodes (each once, with the first step that showed it)").isEmpty();
    }

    /** @return the text shown when it is the label's text cut with an ellipsis */
    static java.util.Optional<String> cut(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isBlank()) {
            return java.util.Optional.empty();
        }
        if (labeled.isMnemonicParsing()) {
            full = full.replaceFirst("_(?=[^_])", "");
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.isVisible()) {
                String shown = text.getText();
                if (shown.isEmpty() || isInvisible(text)) {
                    return java.util.Optional.of(shown.isEmpty() ? "" : "(text drawn in a transparent colour)");
                }
                if (!shown.equals(full) && (shown.endsWith("…") || shown.endsWith("...") || shown.startsWith("…")
                        || shown.contains("…") && !full.contains("…"))) {
                    return java.util.Optional.of(shown);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a text is drawn in a fully transparent colour (a theme that lost its text colour). */
    private static boolean isInvisible(Text text) {
        return text.getFill() instanceof javafx.scene.paint.Color c && c.getOpacity() == 0;
    }

    /** A control or pane laid out by a layout pane must lie inside it. */
    private static java.util.Optional<String> overflow(Node node) {
        Parent parent = node.getParent();
        if (!(node instanceof Region) || !node.isManaged() || !(parent instanceof Pane pane)) {
            return java.util.Optional.empty();
        }
        String parentClass = parent.getClass().getName();
        if (!parentClass.startsWith("javafx.scene.layout.") && !parentClass.startsWith("org.lowtide.")) {
            return java.util.Optional.empty(); // a skin's own pane
        }
        if (insideSkinPane(parent)) {
            return java.util.Optional.empty();
        }
        Bounds b = node.getLayoutBounds();
        double x0 = node.getLayoutX() + node.getTranslateX() + b.getMinX();
        double y0 = node.getLayoutY() + node.getTranslateY() + b.getMinY();
        double x1 = x0 + b.getWidth();
        double y1 = y0 + b.getHeight();
        if (x0 < -SLACK || y0 < -SLACK || x1 > pane.getWidth() + SLACK || y1 > pane.getHeight() + SLACK) {
            return java.util.Optional.of(String.format(Locale.ROOT, "%s overflows %s: [%.0f,%.0f – %.0f,%.0f] in %.0f×%.0f",
                    describe(node), describe(parent), x0, y0, x1, y1, pane.getWidth(), pane.getHeight()));
        }
        return java.util.Optional.empty();
    }

    /** The deepest node whose minimum width is the widest, followed down from {@code node}: what holds a pane wide. */
    private static String widestMinimum(Node node) {
        Node at = node;
        while (at instanceof Parent p && !(at instanceof javafx.scene.control.Control)) {
            Node widest = null;
            for (Node c : p.getChildrenUnmodifiable()) {
                if (c.isManaged() && (widest == null || c.minWidth(-1) > widest.minWidth(-1))) {
                    widest = c;
                }
            }
            if (widest == null) {
                break;
            }
            at = widest;
        }
        return describe(at) + " at " + Math.round(at.minWidth(-1)) + " px";
    }

    /** Whether a plain pane belongs to a control's skin (a combo box's arrow, a scroll bar…) rather than to our layout. */
    private static boolean insideSkinPane(Parent pane) {
        Parent p = pane.getParent();
        return p instanceof javafx.scene.control.Control && !(p instanceof ScrollPane)
                && !(pane.getStyleClass().contains("viewport"));
    }

    private static boolean isAncestor(Node ancestor, Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node node) {
        String id = node.getId() == null ? "" : "#" + node.getId();
        String text = node instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
        String where = "";
        for (Parent p = node.getParent(); p != null && where.isEmpty(); p = p.getParent()) {
            if (p.getId() != null) {
                where = " in #" + p.getId();
            }
        }
        return node.getClass().getSimpleName() + id + text + where;
    }

    // ---------------------------------------------------------------- sizes, fonts, themes, shots

    /** Sets the look app-wide, as View → Theme does (on the FX thread). */
    static void applyTheme(Scene scene, String theme) {
        org.lowtide.ui.common.Themes.apply(switch (theme) {
            case "light" -> org.lowtide.ui.common.Theme.LIGHT;
            case "dark" -> org.lowtide.ui.common.Theme.DARK;
            default -> throw new IllegalArgumentException("unknown theme " + theme);
        });
    }

    private void setSize(int[] size) {
        stage.setMaximized(false);
        stage.setWidth(size[0]);
        stage.setHeight(size[1]);
    }

    /** Scales every font under {@code root}: the root's font size, which em sizes follow. */
    static void scaleFonts(Parent root, int percent) {
        double base = Font.getDefault().getSize();
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", base * percent / 100.0));
    }

    private void settle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null) {
                    w.getScene().getRoot().applyCss();
                    w.getScene().getRoot().layout();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForAnalysis(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.mainViewModel().getResult() != null
                && !app.mainViewModel().isBusy());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#statusLabel").queryLabeled().getText().startsWith("Analysed "));
    }

    private static <T> void collect(Node node, Class<T> type, List<T> into) {
        if (type.isInstance(node)) {
            into.add(type.cast(node));
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, type, into);
            }
        }
    }

    /** Saves a PNG of the scene under {@code target/layout-shots/}. */
    private static void shoot(Scene scene, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            image[0] = scene.snapshot(null);
            done.complete(null);
        });
        done.get(30, TimeUnit.SECONDS);
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image[0].getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        Files.createDirectories(SHOTS);
        javax.imageio.ImageIO.write(out, "png", SHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png").toFile());
    }
}
