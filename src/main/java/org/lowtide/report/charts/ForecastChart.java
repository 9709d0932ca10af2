package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.lowtide.traffic.Interval;

/**
 * The expected traffic over the planning horizon with its band (e.g. the 10th to 90th percentile
 * of past weeks), the planned windows shaded green and blocked days grey. Headless-safe.
 */
public final class ForecastChart {

    /** Above this many steps, neighbouring steps are merged for drawing (mean, lowest low, highest high). */
    static final int MAX_DRAWN_STEPS = 4_000;

    private ForecastChart() {
    }

    /**
     * @param start      start of the first step
     * @param step       grid step
     * @param expected   expected value per step
     * @param lower      lower edge of the band per step
     * @param upper      upper edge of the band per step
     * @param zone       the zone the time axis is labelled in
     * @param valueLabel the value axis label
     * @param bandLabel  what the band is, e.g. "10th–90th percentile of past weeks"
     * @param windows    planned windows to shade
     * @param blocked    blackouts and holidays to shade grey
     */
    public static JFreeChart create(Instant start, Duration step, double[] expected, double[] lower, double[] upper,
                                    ZoneId zone, String valueLabel, String bandLabel, List<Interval> windows,
                                    List<LabelledInterval> blocked) {
        int n = expected.length;
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("expected, lower and upper need one value per step each");
        }
        int bucket = Math.max(1, (int) Math.ceil(n / (double) MAX_DRAWN_STEPS));
        YIntervalSeries series = new YIntervalSeries("expected, with " + bandLabel);
        long startMillis = start.toEpochMilli();
        long stepMillis = step.toMillis();
        for (int from = 0; from < n; from += bucket) {
            int to = Math.min(n, from + bucket);
            double sum = 0;
            int count = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(expected[i])) {
                    sum += expected[i];
                    count++;
                }
                if (!Double.isNaN(lower[i])) {
                    lo = Math.min(lo, lower[i]);
                }
                if (!Double.isNaN(upper[i])) {
                    hi = Math.max(hi, upper[i]);
                }
            }
            if (count == 0) {
                continue;
            }
            double mean = sum / count;
            series.add(startMillis + (from + (to - from) / 2.0) * stepMillis, mean,
                    Double.isFinite(lo) ? Math.min(lo, mean) : mean, Double.isFinite(hi) ? Math.max(hi, mean) : mean);
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);

        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, ChartColors.TRAFFIC);
        renderer.setSeriesFillPaint(0, MarkColors.BAND);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f));
        renderer.setAlpha(0.25f);

        DateAxis time = new DateAxis("Date (" + zone.getId() + ")");
        time.setTimeZone(TimeZone.getTimeZone(zone));
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        NumberAxis value = new NumberAxis(valueLabel);
        value.setAutoRangeIncludesZero(true);

        XYPlot plot = new XYPlot(dataset, time, value, renderer);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        TimeMarks.shade(chart, blocked, TimeMarks.Kind.BLOCKED, 0);
        for (Interval w : windows) {
            IntervalMarker marker = new IntervalMarker(w.start().toEpochMilli(),
                    Math.max(w.end().toEpochMilli(), w.start().toEpochMilli() + Duration.ofHours(2).toMillis()));
            marker.setPaint(ChartColors.WINDOW_FILL);
            marker.setOutlinePaint(ChartColors.WINDOW_EDGE);
            marker.setOutlineStroke(new BasicStroke(1.0f));
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
        return chart;
    }
}
