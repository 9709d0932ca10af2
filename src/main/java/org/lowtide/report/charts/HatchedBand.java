package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * A band over the whole height of a plot between two domain values, hatched with diagonal lines.
 * Drawn with lines rather than a {@code TexturePaint}, which the JavaFX bridge (FXGraphics2D)
 * cannot fill with, so the band looks the same on screen and in a PDF.
 */
final class HatchedBand extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;

    /** Distance between two hatch lines, in Java2D units. */
    static final double SPACING = 7;

    private final double from;
    private final double to;
    private final Color line;

    /**
     * @param from first domain value (e.g. epoch milliseconds)
     * @param to   last domain value
     * @param line colour of the hatch lines
     */
    HatchedBand(double from, double to, Color line) {
        this.from = from;
        this.to = to;
        this.line = line;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        double x0 = domainAxis.valueToJava2D(from, dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(to, dataArea, plot.getDomainAxisEdge());
        double left = Math.max(dataArea.getMinX(), Math.min(x0, x1));
        double right = Math.min(dataArea.getMaxX(), Math.max(x0, x1));
        if (right <= left) {
            return;
        }
        Rectangle2D band = new Rectangle2D.Double(left, dataArea.getMinY(), right - left, dataArea.getHeight());
        Shape savedClip = g2.getClip();
        Stroke savedStroke = g2.getStroke();
        g2.clip(band);
        g2.setPaint(line);
        g2.setStroke(new BasicStroke(1.0f));
        double height = band.getHeight();
        // Lines from lower left to upper right, on a grid fixed to the data area so bands line up.
        double start = dataArea.getMinX() + Math.floor((left - height - dataArea.getMinX()) / SPACING) * SPACING;
        for (double x = start; x <= right; x += SPACING) {
            g2.draw(new Line2D.Double(x, band.getMaxY(), x + height, band.getMinY()));
        }
        g2.setStroke(savedStroke);
        g2.setClip(savedClip);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HatchedBand && super.equals(o) && ((HatchedBand) o).from == from
                && ((HatchedBand) o).to == to && ((HatchedBand) o).line.equals(line);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(from, to, line);
    }
}
