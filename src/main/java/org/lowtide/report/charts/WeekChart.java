package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowtide.analysis.WeekSlots;

/**
 * One value per slot of the local week (traffic, or money per minute) as a step line from Monday
 * 00:00 to Sunday 24:00, with windows shaded and moments (the team's habit, the peak) marked.
 * Headless-safe.
 */
public final class WeekChart {

    private static final double HOURS_PER_WEEK = 168;

    private WeekChart() {
    }

    /**
     * @param slots      how the week is cut (its zone labels the axis)
     * @param values     one value per slot, Monday 00:00 first; {@code NaN} where unknown
     * @param valueLabel the value axis label, e.g. "USD per minute"
     * @param money      whether the values are money (axis labels get the compact format)
     * @param marks      windows and moments to mark
     */
    public static JFreeChart create(WeekSlots slots, double[] values, String valueLabel, boolean money,
                                    List<WeekMark> marks) {
        if (values.length != slots.count()) {
            throw new IllegalArgumentException("need " + slots.count() + " values, one per slot, not " + values.length);
        }
        double slotHours = slots.slot().getSeconds() / 3600.0;
        XYSeries series = new XYSeries(valueLabel, false, true);
        for (int i = 0; i < values.length; i++) {
            series.add(i * slotHours, Double.isNaN(values[i]) ? null : values[i]);
        }
        series.add(HOURS_PER_WEEK, Double.isNaN(values[values.length - 1]) ? null : values[values.length - 1]);

        NumberAxis week = new NumberAxis("Day of the week (" + slots.zone().getId() + ")");
        week.setRange(0, HOURS_PER_WEEK);
        week.setTickUnit(new NumberTickUnit(24, new DayFormat()));
        week.setLowerMargin(0);
        week.setUpperMargin(0);
        NumberAxis value = new NumberAxis(valueLabel);
        value.setAutoRangeIncludesZero(true);
        if (money) {
            value.setNumberFormatOverride(new CompactNumberFormat(""));
        }

        XYStepRenderer line = new XYStepRenderer();
        line.setSeriesPaint(0, ChartColors.TRAFFIC);
        line.setSeriesStroke(0, new BasicStroke(1.4f));
        line.setDefaultShapesVisible(false);

        XYPlot plot = new XYPlot(new XYSeriesCollection(series), week, value, line);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.6f));
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        mark(chart, marks);
        return chart;
    }

    /**
     * Marks windows and moments on any chart whose domain axis is the hours of the local week
     * (0 = Monday 00:00, 168 = Sunday 24:00), such as this one or the cost model's revenue week.
     */
    public static void mark(JFreeChart chart, List<WeekMark> marks) {
        XYPlot plot = chart.getXYPlot();
        for (WeekMark mark : marks) {
            addMark(plot, mark);
        }
    }

    private static void addMark(XYPlot plot, WeekMark mark) {
        double start = mark.startHour();
        if (mark.kind() == WeekMark.Kind.WINDOW) {
            double end = start + Math.max(mark.hours(), 0.25);
            shade(plot, start, Math.min(end, HOURS_PER_WEEK), mark.label());
            if (end > HOURS_PER_WEEK) { // wraps into Monday
                shade(plot, 0, end - HOURS_PER_WEEK, "");
            }
            return;
        }
        ValueMarker line = new ValueMarker(start);
        Color colour = mark.kind() == WeekMark.Kind.HABIT ? MarkColors.HABIT : MarkColors.PEAK;
        line.setPaint(colour);
        line.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4f, new float[] {4f, 3f}, 0f));
        label(line, mark.label(), colour.darker(), start);
        if (mark.kind() == WeekMark.Kind.PEAK) {
            // Below the habit's label, in case both stand on the same day.
            line.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(20, 3, 4, 3));
        }
        plot.addDomainMarker(line, Layer.FOREGROUND);
    }

    private static void shade(XYPlot plot, double from, double to, String label) {
        IntervalMarker marker = new IntervalMarker(from, to);
        marker.setPaint(ChartColors.WINDOW_FILL);
        marker.setOutlinePaint(ChartColors.WINDOW_EDGE);
        marker.setOutlineStroke(new BasicStroke(1.0f));
        label(marker, label, ChartColors.WINDOW_EDGE.darker(), from);
        plot.addDomainMarker(marker, Layer.BACKGROUND);
    }

    /** Labels near the top, on the side of the mark with more room. */
    private static void label(org.jfree.chart.plot.Marker marker, String text, Color colour, double at) {
        if (text.isEmpty()) {
            return;
        }
        marker.setLabel(text);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        marker.setLabelPaint(colour);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 215));
        boolean right = at < HOURS_PER_WEEK * 0.8;
        marker.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 3, 4, 3));
        if (marker instanceof IntervalMarker) {
            marker.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        }
    }

    /** Labels the day starts (0, 24, …, 168 hours) with the day's short name. */
    private static final class DayFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            int day = (int) Math.round(number / 24);
            return toAppendTo.append(DayOfWeek.of(Math.floorMod(day, 7) + 1).getDisplayName(TextStyle.SHORT,
                    Locale.ENGLISH));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }
}
