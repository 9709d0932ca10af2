package org.lowtide.ui.common;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.lowtide.report.charts.CompactNumberFormat;

/**
 * Lowtide's chart theme for the screen: restyles a chart built by {@code report.charts} (which draws
 * in print colours, for the PDF) to the look on screen, light or dark: backgrounds, grid, axes, text
 * and fonts from {@link ChartPalette}, each series and mark in the look's hue, value axes in the
 * locale's short numbers ({@link AxisNumbers}). Applying it again with the other palette switches
 * the chart back, so a theme change restyles live. The PDF report never passes through here.
 */
public final class LowtideChartTheme {

    /** Tick labels. */
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Axis labels and legend items. */
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private LowtideChartTheme() {
    }

    /** Restyles {@code chart} in place to {@code palette}; axis numbers in the default locale. */
    public static void apply(JFreeChart chart, ChartPalette palette) {
        apply(chart, palette, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** Restyles {@code chart} in place to {@code palette}, axis numbers in {@code locale}. */
    public static void apply(JFreeChart chart, ChartPalette palette, Locale locale) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            chart.setBackgroundPaint(palette.background());
            chart.setBorderVisible(false);
            if (chart.getTitle() != null) {
                chart.getTitle().setPaint(palette.text());
            }
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                title(chart.getSubtitle(i), palette, locale);
            }
            for (Plot plot : plots(chart.getPlot())) {
                plot(plot, palette, locale);
            }
        } finally {
            chart.setNotify(notify); // notify: JFreeChart's setNotify(true) fires one change event itself
        }
    }

    /**
     * Fits the value axes' labels to the plot heights last drawn ({@code info}): a label is drawn along
     * its axis, centred, and cut at both ends where it is longer than the plot is high (a series named
     * by its query, {@code sum(rate(http_requests_total{job="checkout-frontend"}[5m]))}, on the
     * Overview's 90 px high chart at 1280 × 720). A single plot's label then becomes a caption above
     * the plot, where it wraps, and goes back to the axis when the plot is tall enough again; a
     * combined plot's sub-plot labels ("seasonal (week)") take a smaller font, down to 9 pt.
     *
     * @return whether the chart changed (and must be drawn again)
     */
    static boolean fitValueLabels(JFreeChart chart, org.jfree.chart.ChartRenderingInfo info) {
        if (info == null || info.getPlotInfo() == null) {
            return false;
        }
        boolean changed = false;
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            List<XYPlot> subplots = combined.getSubplots();
            for (int i = 0; i < subplots.size() && i < info.getPlotInfo().getSubplotCount(); i++) {
                double height = info.getPlotInfo().getSubplotInfo(i).getDataArea().getHeight();
                Axis axis = subplots.get(i).getRangeAxis();
                if (axis == null || axis.getLabel() == null || !(height > 0)) {
                    continue;
                }
                float size = LABEL_FONT.getSize2D();
                while (size > 9 && textWidth(axis.getLabel(), LABEL_FONT.deriveFont(size)) > height) {
                    size -= 0.5f;
                }
                if (size != axis.getLabelFont().getSize2D()) {
                    axis.setLabelFont(LABEL_FONT.deriveFont(size));
                    changed = true;
                }
            }
            return changed;
        }
        if (!(chart.getPlot() instanceof XYPlot xy) || xy.getRangeAxis() == null) {
            return false;
        }
        double height = info.getPlotInfo().getDataArea().getHeight();
        if (!(height > 0)) {
            return false;
        }
        Axis axis = xy.getRangeAxis();
        ValueCaption caption = null;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof ValueCaption c) {
                caption = c;
            }
        }
        if (caption == null && axis.getLabel() != null && textWidth(axis.getLabel(), axis.getLabelFont()) > height) {
            ValueCaption moved = new ValueCaption(axis.getLabel(), (Color) axis.getLabelPaint());
            axis.setLabel(null);
            chart.addSubtitle(moved);
            return true;
        }
        // Back on the axis once it fits with room to spare (the caption's line goes to the plot then).
        if (caption != null && axis.getLabel() == null
                && textWidth(caption.getText(), LABEL_FONT) + 2 * LABEL_FONT.getSize2D() < height) {
            chart.removeSubtitle(caption);
            axis.setLabel(caption.getText());
            return true;
        }
        return false;
    }

    /** A value axis's label shown above the plot because the axis is too short for it. */
    private static final class ValueCaption extends TextTitle {
        private static final long serialVersionUID = 1L;

        ValueCaption(String text, Color paint) {
            super(text, LABEL_FONT);
            setPaint(paint);
            setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
            setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            setTextAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            setMargin(2, 4, 0, 4);
        }
    }

    /** @return the width of {@code text} in {@code font}, in pixels (Java 2D's metrics, as the chart lays text out) */
    static double textWidth(String text, Font font) {
        java.awt.Graphics2D g = METRICS.createGraphics();
        try {
            return g.getFontMetrics(font).getStringBounds(text, g).getWidth();
        } finally {
            g.dispose();
        }
    }

    private static final java.awt.image.BufferedImage METRICS =
            new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);

    private static List<Plot> plots(Plot plot) {
        List<Plot> all = new ArrayList<>();
        all.add(plot);
        if (plot instanceof CombinedDomainXYPlot c) {
            all.addAll(c.getSubplots());
        } else if (plot instanceof CombinedRangeXYPlot c) {
            all.addAll(c.getSubplots());
        }
        return all;
    }

    private static void title(Title title, ChartPalette palette, Locale locale) {
        if (title instanceof LegendTitle legend) {
            legend.setBackgroundPaint(palette.background());
            legend.setItemPaint(palette.text());
            legend.setItemFont(LABEL_FONT);
        } else if (title instanceof TextTitle text) {
            text.setPaint(palette.text());
            text.setBackgroundPaint(null);
        } else if (title instanceof PaintScaleLegend scale) {
            scale.setBackgroundPaint(palette.background());
            axis(scale.getAxis(), palette, locale, true);
        }
    }

    private static void plot(Plot plot, ChartPalette palette, Locale locale) {
        plot.setBackgroundPaint(palette.background());
        plot.setOutlinePaint(palette.grid());
        plot.setNoDataMessagePaint(palette.muted());
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(palette.grid());
            xy.setRangeGridlinePaint(palette.grid());
            xy.setDomainZeroBaselinePaint(palette.axisLine());
            xy.setRangeZeroBaselinePaint(palette.axisLine());
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), palette, locale, false);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), palette, locale, true);
            }
            for (int i = 0; i < xy.getRendererCount(); i++) {
                int series = xy.getDataset(i) == null ? 0 : xy.getDataset(i).getSeriesCount();
                renderer((AbstractRenderer) xy.getRenderer(i), series, palette);
            }
            for (int i = 0; i < Math.max(1, xy.getDatasetCount()); i++) {
                markers(xy.getDomainMarkers(i, Layer.BACKGROUND), palette);
                markers(xy.getDomainMarkers(i, Layer.FOREGROUND), palette);
                markers(xy.getRangeMarkers(i, Layer.BACKGROUND), palette);
                markers(xy.getRangeMarkers(i, Layer.FOREGROUND), palette);
            }
            boolean heatmap = xy.getRenderer() instanceof org.jfree.chart.renderer.xy.XYBlockRenderer;
            for (XYAnnotation a : heatmap ? List.<XYAnnotation>of() : xy.getAnnotations()) { // labels on cells keep their colour
                if (a instanceof XYTextAnnotation text && text.getPaint() instanceof Color c) {
                    text.setPaint(textColour(c, palette));
                }
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setDomainGridlinePaint(palette.grid());
            cat.setRangeGridlinePaint(palette.grid());
            for (int i = 0; i < cat.getDomainAxisCount(); i++) {
                axis(cat.getDomainAxis(i), palette, locale, false);
            }
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                axis(cat.getRangeAxis(i), palette, locale, true);
            }
            for (int i = 0; i < cat.getRendererCount(); i++) {
                int series = cat.getDataset(i) == null ? 0 : cat.getDataset(i).getRowCount();
                renderer((AbstractRenderer) cat.getRenderer(i), series, palette);
            }
            markers(cat.getRangeMarkers(Layer.BACKGROUND), palette);
            markers(cat.getRangeMarkers(Layer.FOREGROUND), palette);
        }
    }

    /**
     * Colours and fonts of an axis; a value axis (or one the report already shortens) gets the
     * locale's short numbers unless it formats its own way (days of the week, hours).
     */
    private static void axis(Axis axis, ChartPalette palette, Locale locale, boolean valueAxis) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(palette.text());
        axis.setTickLabelPaint(palette.text());
        axis.setAxisLinePaint(palette.axisLine());
        axis.setTickMarkPaint(palette.axisLine());
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        if (axis instanceof NumberAxis number) {
            boolean shortened = number.getNumberFormatOverride() instanceof CompactNumberFormat
                    || number.getNumberFormatOverride() instanceof AxisNumbers;
            boolean plain = valueAxis && (number.getNumberFormatOverride() == null
                    || number.getNumberFormatOverride() instanceof java.text.DecimalFormat d && isPlainNumber(d));
            if (shortened || plain) {
                number.setNumberFormatOverride(null);
                number.setStandardTickUnits(AxisNumbers.tickUnits(locale));
            }
        }
    }

    /** A grouping pattern such as {@code #,##0}: no percent, no prefix or suffix (those say something). */
    private static boolean isPlainNumber(java.text.DecimalFormat d) {
        String pattern = d.toPattern();
        return pattern.matches("[#,0.]+") && d.getPositivePrefix().isEmpty() && d.getPositiveSuffix().isEmpty();
    }

    private static void renderer(AbstractRenderer renderer, int seriesCount, ChartPalette palette) {
        if (renderer == null) {
            return;
        }
        for (int s = 0; s < seriesCount; s++) {
            if (renderer.getSeriesPaint(s) instanceof Color c) {
                renderer.setSeriesPaint(s, palette.swap(c), false);
            }
            if (renderer.getSeriesFillPaint(s) instanceof Color c) {
                renderer.setSeriesFillPaint(s, palette.swap(c), false);
            }
            if (renderer.getSeriesOutlinePaint(s) instanceof Color c) {
                renderer.setSeriesOutlinePaint(s, palette.swap(c), false);
            }
        }
        if (renderer.getDefaultPaint() instanceof Color c) {
            renderer.setDefaultPaint(palette.swap(c), false);
        }
        renderer.setDefaultItemLabelPaint(palette.text(), false);
        renderer.setDefaultLegendTextPaint(palette.text());
    }

    private static void markers(Collection<?> markers, ChartPalette palette) {
        if (markers == null) {
            return;
        }
        for (Object o : markers) {
            Marker m = (Marker) o;
            m.setPaint(swapped(m.getPaint(), palette));
            if (m.getOutlinePaint() != null) {
                m.setOutlinePaint(swapped(m.getOutlinePaint(), palette));
            }
            m.setLabelPaint(m.getLabelPaint() instanceof Color c ? textColour(c, palette) : palette.text());
            if (m.getLabelBackgroundColor() != null && m.getLabelBackgroundColor().getAlpha() > 0) {
                m.setLabelBackgroundColor(palette.labelBackground());
            }
        }
    }

    /** Black and either look's text colour become this look's text; other colours swap hue. */
    private static Color textColour(Color c, ChartPalette palette) {
        int rgb = c.getRGB() & 0xffffff;
        if (rgb == 0 || rgb == (ChartPalette.LIGHT.text().getRGB() & 0xffffff)
                || rgb == (ChartPalette.DARK.text().getRGB() & 0xffffff)) {
            return palette.text();
        }
        return palette.swap(c);
    }

    private static Paint swapped(Paint paint, ChartPalette palette) {
        return paint instanceof Color c ? palette.swap(c) : paint;
    }
}
