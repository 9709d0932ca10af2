package org.lowtide.report.pdf;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * Sets every text of a chart in the report's fonts ({@link ReportFonts#awt}), sized for paper:
 * JFreeChart then measures text with the very font files the PDF embeds, and a label in a script
 * DejaVu lacks (a service named in Japanese) gets the fallback font.
 */
public final class ChartFonts {

    /** Tick labels, legends and marker labels. */
    static final float SMALL = 7.5f;
    /** Axis labels. */
    static final float LABEL = 8f;

    private ChartFonts() {
    }

    /** Applies the report's fonts to every text element of {@code chart} that this class knows. */
    public static void apply(JFreeChart chart, ReportFonts fonts) {
        if (chart.getTitle() != null) {
            TextTitle t = chart.getTitle();
            t.setFont(fonts.awt(true, 10f, t.getText()));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            title(chart.getSubtitle(i), fonts);
        }
        plot(chart.getPlot(), fonts);
    }

    private static void title(Title title, ReportFonts fonts) {
        if (title instanceof TextTitle) {
            TextTitle t = (TextTitle) title;
            t.setFont(fonts.awt(false, LABEL, t.getText()));
        } else if (title instanceof LegendTitle) {
            LegendTitle legend = (LegendTitle) title;
            StringBuilder all = new StringBuilder();
            for (var source : legend.getSources()) {
                LegendItemCollection items = source.getLegendItems();
                for (int i = 0; i < items.getItemCount(); i++) {
                    LegendItem item = items.get(i);
                    all.append(item.getLabel());
                }
            }
            legend.setItemFont(fonts.awt(false, SMALL, all.toString()));
        } else if (title instanceof PaintScaleLegend) {
            axis(((PaintScaleLegend) title).getAxis(), fonts, "");
        }
    }

    private static void plot(Plot plot, ReportFonts fonts) {
        if (plot instanceof CombinedDomainCategoryPlot) {
            CombinedDomainCategoryPlot combined = (CombinedDomainCategoryPlot) plot;
            categoryAxis(combined.getDomainAxis(), combined.getCategories(), fonts);
            for (Object sub : combined.getSubplots()) {
                plot((Plot) sub, fonts);
            }
            return;
        }
        if (plot instanceof CombinedDomainXYPlot) {
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) plot;
            axis(combined.getDomainAxis(), fonts, "");
            for (Object sub : combined.getSubplots()) {
                plot((Plot) sub, fonts);
            }
            return;
        }
        if (plot instanceof XYPlot) {
            XYPlot xy = (XYPlot) plot;
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), fonts, symbols(xy.getDomainAxis(i)));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), fonts, symbols(xy.getRangeAxis(i)));
            }
            for (XYAnnotation a : xy.getAnnotations()) {
                if (a instanceof XYTextAnnotation) {
                    XYTextAnnotation text = (XYTextAnnotation) a;
                    text.setFont(fonts.awt(text.getFont().isBold(), SMALL, text.getText()));
                }
            }
            markers(xy.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND), fonts);
            markers(xy.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND), fonts);
            markers(xy.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND), fonts);
            markers(xy.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND), fonts);
            for (int i = 0; i < xy.getRendererCount(); i++) {
                XYItemRenderer r = xy.getRenderer(i);
                if (r != null) {
                    r.setDefaultItemLabelFont(fonts.awt(false, SMALL, ""));
                }
            }
        } else if (plot instanceof CategoryPlot) {
            CategoryPlot cat = (CategoryPlot) plot;
            if (cat.getDomainAxis() != null) {
                categoryAxis(cat.getDomainAxis(), cat.getCategories(), fonts);
            }
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                axis(cat.getRangeAxis(i), fonts, "");
            }
            for (int i = 0; i < cat.getRendererCount(); i++) {
                CategoryItemRenderer r = cat.getRenderer(i);
                if (r != null) {
                    r.setDefaultItemLabelFont(fonts.awt(false, SMALL, ""));
                }
            }
        }
    }

    private static void categoryAxis(CategoryAxis axis, List<?> categories, ReportFonts fonts) {
        StringBuilder all = new StringBuilder();
        if (categories != null) {
            for (Object c : categories) {
                all.append(c);
            }
        }
        axis(axis, fonts, all.toString());
    }

    private static String symbols(Axis axis) {
        if (axis instanceof SymbolAxis) {
            return String.join("", ((SymbolAxis) axis).getSymbols());
        }
        return "";
    }

    private static void axis(Axis axis, ReportFonts fonts, String tickText) {
        if (axis == null) {
            return;
        }
        String label = axis.getLabel() == null ? "" : axis.getLabel();
        axis.setLabelFont(fonts.awt(false, LABEL, label));
        axis.setTickLabelFont(fonts.awt(false, SMALL, tickText + "0123456789.,−-%kMbnMonTueWedThuFriSatSun"));
    }

    private static void markers(java.util.Collection<?> markers, ReportFonts fonts) {
        if (markers == null) {
            return;
        }
        List<Marker> list = new ArrayList<>();
        for (Object o : markers) {
            list.add((Marker) o);
        }
        for (Marker m : list) {
            if (m.getLabel() != null) {
                Font f = m.getLabelFont();
                m.setLabelFont(fonts.awt(f != null && f.isBold(), SMALL, m.getLabel()));
            }
        }
    }
}
