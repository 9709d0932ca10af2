package org.lowtide.ui.common;

import java.awt.Font;
import java.awt.Graphics2D;
import org.jfree.chart.event.OverlayChangeListener;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.overlay.OverlayFX;

/**
 * Keeps a chart viewer's text in the font it was measured in, so legend items (and every other
 * label) never run into their neighbours. The viewer's canvas draws each frame between a save and a
 * restore of its JavaFX graphics context, which puts the context's font back to the JavaFX default
 * (System 13) while the canvas's {@code FXGraphics2D} still believes the last AWT font it was given
 * is set; a frame's first text in that font is then measured in it but drawn in System 13, a few
 * per cent wider: the legend's text ran under the next item's marker (Costs → Scenarios). Painted
 * last in every frame as an overlay, this sets a font no chart uses, so the next frame's first
 * {@code setFont} always reaches the context.
 */
public final class CanvasFontReset implements OverlayFX {

    /** One tiny font that no chart draws text in. */
    static final Font UNUSED = new Font(Font.DIALOG, Font.PLAIN, 1);

    static final CanvasFontReset INSTANCE = new CanvasFontReset();

    private CanvasFontReset() {
    }

    @Override
    public void paintOverlay(Graphics2D g2, ChartCanvas canvas) {
        g2.setFont(UNUSED);
    }

    @Override
    public void paintOverlay(Graphics2D g2, org.jfree.chart.ChartPanel panel) {
        // Swing charts are not drawn on a JavaFX canvas
    }

    @Override
    public void addChangeListener(OverlayChangeListener listener) {
        // never changes
    }

    @Override
    public void removeChangeListener(OverlayChangeListener listener) {
        // never changes
    }
}
