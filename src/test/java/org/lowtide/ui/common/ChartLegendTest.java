package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Text;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.overlay.OverlayFX;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import org.jfree.fx.FXGraphics2D;
import org.jfree.fx.FXHints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.EmpiricalTrafficSpread;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.Scenario;
import org.lowtide.report.charts.CostCharts;
import org.lowtide.service.Samples;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * Legends never cover data (issue #15): every chart with a legend, in the screen's theme (light and
 * dark), drawn on a JavaFX canvas as the app's chart viewer draws it, at the sizes the Costs tab
 * gives it at 1280×720 and larger. The legend lies outside the plot's data area (from JFreeChart's
 * rendering info), and each legend item's text, as actually drawn, ends inside its own item (so
 * the next item's marker never sits on it).
 */
class ChartLegendTest {

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test in this JVM
        }
    }

    private static final List<int[]> SIZES = List.of(new int[] {820, 220}, new int[] {1000, 300}, new int[] {1400, 420});

    @Test
    void costChartLegendsStayOutsideTheDataAndItsItemsApart() throws Exception {
        Map<String, JFreeChart> charts = costCharts();
        List<String> problems = new ArrayList<>();
        for (ChartPalette palette : List.of(ChartPalette.LIGHT, ChartPalette.DARK)) {
            for (var e : charts.entrySet()) {
                LowtideChartTheme.apply(e.getValue(), palette, Locale.US);
                for (int[] size : SIZES) {
                    problems.addAll(check(e.getKey() + " " + size[0] + "×" + size[1], e.getValue(), size[0], size[1]));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    static Map<String, JFreeChart> costCharts() throws Exception {
        var sample = Samples.SHOP;
        var series = CsvTrafficReader.read(sample.open(), sample.fileName(), ImportOptions.inZone(sample.zone())).series();
        CostAssumptions a = CostAssumptions.defaults().toBuilder()
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 12_000_000, true)).build();
        CostReport report = CostAnalysis.run(EmpiricalTrafficSpread.shares(series, sample.zone()), a, Scenario.defaults(),
                5_000, 1, () -> false);
        ChangeSimulator.Run run = new ChangeSimulator(report.model()).simulate(600, 5_000, 3);
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("revenue week", CostCharts.revenueWeek(report.curve(), report.expectedBySlot()));
        charts.put("change cost", CostCharts.changeCostHistogram(run.failureCosts(), run.estimate()));
        charts.put("scenarios", CostCharts.scenarios(report.scenarios(), report.currency()));
        return charts;
    }

    /** Draws the chart as the chart viewer does and returns what covers what. */
    static List<String> check(String name, JFreeChart chart, int width, int height) throws Exception {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(drawAndCheck(name, chart, width, height));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static List<String> drawAndCheck(String name, JFreeChart chart, int width, int height) throws Exception {
        ChartViewer viewer = new ChartViewer(chart);
        ChartTheming.follow(viewer);
        ChartCanvas canvas = viewer.getCanvas();
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext gc = canvas.getGraphicsContext2D();
        Recording g2 = new Recording(gc);
        // The hints org.jfree.chart.fx.ChartCanvas sets on its own FXGraphics2D.
        g2.setRenderingHint(FXHints.KEY_USE_FX_FONT_METRICS, true);
        g2.setZeroStrokeWidth(0.1);
        g2.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS, java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        @SuppressWarnings("unchecked")
        List<OverlayFX> overlays = (List<OverlayFX>) overlays(canvas);
        ChartRenderingInfo info = null;
        for (int frame = 0; frame < 3; frame++) { // frames as ChartCanvas.draw() paints them; the later ones are checked
            g2.drawn.clear();
            info = new ChartRenderingInfo();
            gc.save();
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), null, info);
            gc.restore();
            for (OverlayFX overlay : overlays) {
                overlay.paintOverlay(g2, canvas);
            }
        }
        Rectangle2D data = info.getPlotInfo().getDataArea();
        List<String> problems = new ArrayList<>();
        List<LegendItemEntity> items = new ArrayList<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof LegendItemEntity item) {
                items.add(item);
            }
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle legend && legend.isVisible()) {
                assertThat(items).as(name + ": legend items drawn").isNotEmpty();
                Rectangle2D bounds = legend.getBounds();
                if (bounds.intersects(data)) {
                    problems.add(name + ": legend " + bounds + " overlaps the data area " + data);
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Rectangle2D a = items.get(i).getArea().getBounds2D();
                Rectangle2D b = items.get(j).getArea().getBounds2D();
                if (a.createIntersection(b).getWidth() > 1 && a.createIntersection(b).getHeight() > 1) {
                    problems.add(name + ": legend items \"" + items.get(i).getSeriesKey() + "\" and \""
                            + items.get(j).getSeriesKey() + "\" overlap");
                }
            }
        }
        for (LegendItemEntity item : items) {
            Rectangle2D area = item.getArea().getBounds2D();
            if (area.intersects(data)) {
                problems.add(name + ": legend item \"" + item.getSeriesKey() + "\" lies in the data area");
            }
            for (Drawn d : g2.drawn) {
                if (!area.contains(d.x + 1, d.y - 1) || !d.text.equals(label(chart, item))) {
                    continue;
                }
                if (d.x + d.width > area.getMaxX() + 1.0) {
                    problems.add(String.format(Locale.ROOT, "%s: legend text \"%s\" is drawn %.0f px wide but its item "
                            + "ends %.0f px after its start", name, d.text, d.width, area.getMaxX() - d.x));
                }
            }
        }
        return problems;
    }

    /** The overlays the viewer's canvas paints after each frame (not public in ChartCanvas). */
    private static Object overlays(ChartCanvas canvas) throws ReflectiveOperationException {
        java.lang.reflect.Field f = ChartCanvas.class.getDeclaredField("overlays");
        f.setAccessible(true);
        return f.get(canvas);
    }

    private static String label(JFreeChart chart, LegendItemEntity item) {
        return String.valueOf(item.getSeriesKey());
    }

    private record Drawn(String text, double x, double y, double width) {
    }

    /** The chart viewer's Graphics2D, noting each text drawn, where and how wide in the font the canvas draws it in. */
    private static final class Recording extends FXGraphics2D {
        private final GraphicsContext gc;
        final List<Drawn> drawn = new ArrayList<>();

        Recording(GraphicsContext gc) {
            super(gc);
            this.gc = gc;
        }

        @Override
        public void drawString(String str, float x, float y) {
            super.drawString(str, x, y);
            Text probe = new Text(str);
            probe.setFont(gc.getFont());
            AffineTransform t = getTransform();
            double[] p = {x, y};
            t.transform(p, 0, p, 0, 1);
            drawn.add(new Drawn(str, p[0], p[1], probe.getLayoutBounds().getWidth() * t.getScaleX()));
        }
    }
}
