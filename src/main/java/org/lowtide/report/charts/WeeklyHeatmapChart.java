package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.lowtide.analysis.Trough;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfile;

/**
 * The weekly profile as a day × hour heat map (Monday at the top), with troughs outlined.
 * Headless-safe.
 */
public final class WeeklyHeatmapChart {

    private WeeklyHeatmapChart() {
    }

    /**
     * @param profile the weekly profile
     * @param troughs windows to outline; the first is drawn strongest and labelled "best"
     */
    public static JFreeChart create(WeeklyProfile profile, List<Trough> troughs) {
        return create(profile, troughs, java.util.Optional.empty());
    }

    /**
     * @param profile     the weekly profile
     * @param troughs     the quietest windows (traffic in the window alone), outlined thin; the first
     *                    labelled "quietest" when it is not the recommended window
     * @param recommended the recommended window, drawn strongest and labelled "recommended"; without
     *                    it the first trough is drawn strongest and labelled "best"
     */
    public static JFreeChart create(WeeklyProfile profile, List<Trough> troughs,
                                    java.util.Optional<Trough> recommended) {
        WeekSlots slots = profile.slots();
        int n = slots.count();
        double slotHours = slots.slot().getSeconds() / 3600.0;
        double[][] data = new double[3][n];
        for (int i = 0; i < n; i++) {
            data[0][i] = (i % slots.perDay()) * slotHours + slotHours / 2;
            data[1][i] = 6 - i / slots.perDay(); // Monday on top
            data[2][i] = profile.expectedAt(i);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("expected", data);

        double peak = profile.peak();
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(slotHours);
        renderer.setBlockHeight(1.0);
        PaintScale scale = new RampScale(Double.isNaN(peak) || peak <= 0 ? 1.0 : peak);
        renderer.setPaintScale(scale);

        NumberAxis hours = new NumberAxis("Hour of day (" + slots.zone().getId() + ")");
        hours.setRange(0, 24);
        hours.setTickUnit(new NumberTickUnit(3));
        hours.setLowerMargin(0);
        hours.setUpperMargin(0);
        String[] days = new String[7];
        for (int d = 0; d < 7; d++) {
            days[6 - d] = DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }
        SymbolAxis dayAxis = new SymbolAxis(null, days);
        dayAxis.setGridBandsVisible(false);
        dayAxis.setRange(-0.5, 6.5);

        XYPlot plot = new XYPlot(dataset, hours, dayAxis, renderer);
        plot.setBackgroundPaint(new Color(0xee, 0xee, 0xee));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (recommended.isEmpty()) {
            for (int t = troughs.size() - 1; t >= 0; t--) {
                outline(plot, troughs.get(t), slots, t == 0, t == 0 ? "best" : null);
            }
        } else {
            Trough r = recommended.get();
            for (int t = troughs.size() - 1; t >= 0; t--) {
                Trough q = troughs.get(t);
                boolean same = q.day() == r.day() && q.start().equals(r.start()) && q.duration().equals(r.duration());
                if (!same) {
                    outline(plot, q, slots, false, t == 0 ? "quietest" : null);
                }
            }
            outline(plot, r, slots, true, "recommended");
        }

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        NumberAxis legendAxis = new NumberAxis("expected per step");
        legendAxis.setRange(0, scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 8, 4, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Draws the window as one rectangle per local day it touches (a window may cross midnight). */
    private static void outline(XYPlot plot, Trough trough, WeekSlots slots, boolean best, String name) {
        double startHour = trough.start().toSecondOfDay() / 3600.0;
        double remaining = trough.duration().getSeconds() / 3600.0;
        int dayIndex = trough.day().getValue() - 1;
        BasicStroke stroke = new BasicStroke(best ? 2.5f : 1.2f);
        Paint edge = best ? ChartColors.WINDOW_EDGE : new Color(0x1a, 0x7f, 0x37, 150);
        boolean labelled = false;
        while (remaining > 1e-9) {
            double length = Math.min(remaining, 24 - startHour);
            double y = 6 - (dayIndex % 7);
            plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(startHour, y - 0.5, length, 1.0),
                    stroke, edge, null));
            if (name != null && !labelled) {
                // The recommended window's label sits low in its row, the quietest's high: side by side they stay apart.
                XYTextAnnotation label = new XYTextAnnotation(name, startHour + length / 2, best ? y - 0.22 : y + 0.3);
                label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
                label.setPaint(best ? ChartColors.WINDOW_EDGE.darker() : new Color(0x1a, 0x7f, 0x37));
                if (!best) {
                    label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
                }
                label.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(label);
                labelled = true;
            }
            remaining -= length;
            startHour = 0;
            dayIndex++;
        }
    }

    /** Maps [0, peak] onto the shared colour ramp; missing slots grey. */
    private static final class RampScale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double upper;

        RampScale(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return new Color(0xcc, 0xcc, 0xcc);
            }
            return ChartColors.ramp(value / upper);
        }
    }
}
