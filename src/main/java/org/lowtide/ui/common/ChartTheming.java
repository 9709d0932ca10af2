package org.lowtide.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Keeps every chart viewer in the look of the moment: whatever chart a screen puts in the viewer is
 * restyled by {@link LowtideChartTheme} before it is drawn, and again when the theme changes
 * ({@link Themes#darkProperty()}). Screens need not know: {@link ChartMenus#install} calls
 * {@link #follow}. A viewer has no chart property, so a check before each layout pulse of its scene
 * notices a new chart (one identity comparison). It also keeps the viewer's text in the font it
 * was measured in ({@link CanvasFontReset}).
 */
public final class ChartTheming {

    private static final String KEY = ChartTheming.class.getName();

    private static final String CHART = KEY + ".chart";
    private static final String PALETTE = KEY + ".palette";

    private ChartTheming() {
    }

    /** Styles the viewer's charts now and from now on, in the current look. Idempotent. */
    public static void follow(ChartViewer viewer) {
        if (viewer.getProperties().containsKey(KEY)) {
            return;
        }
        Runnable check = () -> {
            restyle(viewer);
            fitLabels(viewer);
        };
        ChangeListener<Scene> onScene = (o, before, now) -> {
            if (before != null) {
                before.removePreLayoutPulseListener(check);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(check);
                check.run();
            }
        };
        ChangeListener<Boolean> onTheme = (o, before, now) -> check.run();
        viewer.getProperties().put(KEY, new Object[] {check, onScene, onTheme}); // the weak listeners' referents
        viewer.sceneProperty().addListener(onScene);
        Themes.darkProperty().addListener(new WeakChangeListener<>(onTheme));
        if (viewer.getScene() != null) {
            viewer.getScene().addPreLayoutPulseListener(check);
        }
        check.run();
        viewer.getCanvas().addOverlay(CanvasFontReset.INSTANCE); // draws once, leaving the canvas's font in step
    }

    /**
     * Puts {@code chart} in the viewer styled in the current look, drawn once (setting an unstyled
     * chart draws it, and the restyle before the next pulse draws it again: launch time, issue 15;
     * every new plan or cost report on the Windows and Costs tabs: issue 20). Every screen that
     * puts a new chart into a followed viewer goes through here.
     */
    public static void show(ChartViewer viewer, JFreeChart chart) {
        ChartPalette palette = Themes.chartPalette();
        // The chart may be the one on show: styling it must not draw it once per changed property.
        chart.removeChangeListener(viewer.getCanvas());
        LowtideChartTheme.apply(chart, palette);
        viewer.getProperties().put(CHART, chart);
        viewer.getProperties().put(PALETTE, palette);
        viewer.setChart(chart);
    }

    /**
     * Shows {@code charts}' chart in the viewer now and each new one from now on, through {@link
     * #show} (styled, drawn once). A viewer cannot show null: it keeps the last chart, and screens
     * hide it while the property is null.
     */
    public static void showEach(ChartViewer viewer, ObservableValue<JFreeChart> charts) {
        if (charts.getValue() != null) {
            show(viewer, charts.getValue());
        }
        charts.addListener((o, before, now) -> {
            if (now != null) {
                show(viewer, now);
            }
        });
    }

    /** @return whether the viewer's chart is in the current look already (a frame drawn now is final) */
    static boolean styled(ChartViewer viewer) {
        var props = viewer.getProperties();
        return viewer.getChart() != null && props.get(CHART) == viewer.getChart()
                && props.get(PALETTE) == Themes.chartPalette();
    }

    /** Styles {@code chart} in the current look; for charts drawn outside a viewer. */
    public static void style(JFreeChart chart) {
        LowtideChartTheme.apply(chart, Themes.chartPalette());
    }

    /** Moves a value axis label that the last frame cut into a caption (and back), then draws again. */
    private static void fitLabels(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        if (chart == null || viewer.getWidth() <= 0 || viewer.getHeight() <= 0) {
            return;
        }
        org.jfree.chart.fx.ChartCanvas canvas = viewer.getCanvas();
        chart.removeChangeListener(canvas);
        boolean changed;
        try {
            boolean notify = chart.isNotify();
            chart.setNotify(false);
            changed = LowtideChartTheme.fitValueLabels(chart, canvas.getRenderingInfo());
            chart.setNotify(notify);
        } finally {
            chart.addChangeListener(canvas);
        }
        if (changed) {
            canvas.draw();
        }
    }

    /** Restyles the viewer's chart when it is new to the viewer or the look changed (identity, not equals). */
    private static void restyle(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        ChartPalette palette = Themes.chartPalette();
        var props = viewer.getProperties();
        if (chart != null && (props.get(CHART) != chart || props.get(PALETTE) != palette)) {
            // The canvas draws the whole chart at every change event; it listens again after the
            // restyle, so the restyle costs one draw (below), not one per event (launch time, issue 15).
            org.jfree.chart.fx.ChartCanvas canvas = viewer.getCanvas();
            chart.removeChangeListener(canvas);
            try {
                LowtideChartTheme.apply(chart, palette);
            } finally {
                chart.addChangeListener(canvas);
            }
            props.put(CHART, chart);
            props.put(PALETTE, palette);
            viewer.getCanvas().draw(); // the restyle's own frame may have started in a stale font (CanvasFontReset)
        }
    }
}
