package org.lowtide.ui.common;

import javafx.beans.value.ChangeListener;
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
        Runnable check = () -> restyle(viewer);
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

    /** Styles {@code chart} in the current look; for charts drawn outside a viewer. */
    public static void style(JFreeChart chart) {
        LowtideChartTheme.apply(chart, Themes.chartPalette());
    }

    /** Restyles the viewer's chart when it is new to the viewer or the look changed (identity, not equals). */
    private static void restyle(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        ChartPalette palette = Themes.chartPalette();
        var props = viewer.getProperties();
        if (chart != null && (props.get(CHART) != chart || props.get(PALETTE) != palette)) {
            LowtideChartTheme.apply(chart, palette);
            props.put(CHART, chart);
            props.put(PALETTE, palette);
            viewer.getCanvas().draw(); // the restyle's own frame may have started in a stale font (CanvasFontReset)
        }
    }
}
