package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;

/** The traffic over time, with recommended windows shaded. Headless-safe. */
public final class TrafficChart {

    private TrafficChart() {
    }

    /**
     * @param series  the traffic
     * @param zone    the zone the time axis is labelled in
     * @param windows intervals to shade (e.g. every occurrence of the recommended window)
     */
    public static JFreeChart create(TrafficSeries series, ZoneId zone, List<Interval> windows) {
        DateAxis time = new DateAxis("Time (" + zone.getId() + ")");
        time.setTimeZone(TimeZone.getTimeZone(zone));
        NumberAxis value = new NumberAxis(valueLabel(series));
        value.setAutoRangeIncludesZero(true);

        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartColors.TRAFFIC);
        line.setSeriesStroke(0, new BasicStroke(1.0f));
        line.setDrawSeriesLineAsPath(false);

        XYPlot plot = new XYPlot(new TrafficDataset(series), time, value, line);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setDomainPannable(true);
        plot.setRangePannable(false);
        for (Interval w : windows) {
            IntervalMarker marker = new IntervalMarker(w.start().toEpochMilli(), w.end().toEpochMilli());
            marker.setPaint(ChartColors.WINDOW_FILL);
            // A 1-pixel outline keeps a 2-hour window visible when a whole year is on screen.
            marker.setOutlinePaint(ChartColors.WINDOW_EDGE_FAINT);
            marker.setOutlineStroke(new BasicStroke(1.0f));
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        return chart;
    }

    /** Column names that say nothing about what was counted: the axis says "traffic per <step>" instead. */
    private static final java.util.Set<String> GENERIC_NAMES = java.util.Set.of("value", "values", "val", "y", "count",
            "metric", "series", "data", "");

    /**
     * The value axis's label: the series' unit ("requests"), else its name ("orders"), else, when the
     * name is a generic column name such as "value", what one point is: "traffic per 5 min".
     */
    public static String valueLabel(org.lowtide.traffic.TrafficSeries series) {
        if (!series.unit().isBlank()) {
            return series.unit();
        }
        if (!GENERIC_NAMES.contains(series.name().strip().toLowerCase(java.util.Locale.ROOT))) {
            return series.name();
        }
        java.time.Duration step = series.step();
        String per = step.equals(java.time.Duration.ofHours(1)) ? "hour"
                : step.equals(java.time.Duration.ofDays(1)) ? "day"
                : step.equals(java.time.Duration.ofMinutes(1)) ? "minute"
                : step.toSeconds() % 3600 == 0 ? step.toHours() + " h"
                : step.toSeconds() % 60 == 0 ? step.toMinutes() + " min" : step.toSeconds() + " s";
        return "traffic per " + per;
    }
}
