package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.lowtide.analysis.Anomaly;
import org.lowtide.analysis.Decomposition;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.SeasonalPeriod;
import org.lowtide.traffic.TrafficSeries;

/**
 * Charts of the patterns analysis, shared by the GUI's Patterns screen and the PDF report.
 * Headless-safe; long series are thinned for drawing as in {@link TrafficDataset}.
 */
public final class PatternCharts {

    static final Color OUTAGE = new Color(0xd0, 0x30, 0x30, 90);
    static final Color GAP = new Color(0x80, 0x80, 0x80, 90);
    static final Color DIP = new Color(0xe0, 0x90, 0x20, 80);
    static final Color SPIKE = new Color(0x90, 0x40, 0xc0, 70);
    static final Color FORECAST = new Color(0xd9, 0x48, 0x1c);
    static final Color HOLIDAY = new Color(0xf2, 0xc9, 0x4c, 70);

    private PatternCharts() {
    }

    /** @return the shading colour of an anomaly kind */
    public static Color colour(Anomaly.Kind kind) {
        switch (kind) {
            case OUTAGE:
                return OUTAGE;
            case COLLECTION_GAP:
                return GAP;
            case DIP:
                return DIP;
            default:
                return SPIKE;
        }
    }

    private static DateAxis timeAxis(ZoneId zone) {
        DateAxis time = new DateAxis("Time (" + zone.getId() + ")");
        time.setTimeZone(TimeZone.getTimeZone(zone));
        return time;
    }

    private static XYLineAndShapeRenderer line(Color colour) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(1.0f));
        r.setDrawSeriesLineAsPath(false);
        return r;
    }

    private static XYPlot plot(TrafficSeries s, DateAxis time, String label, Color colour) {
        NumberAxis value = new NumberAxis(label);
        value.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new TrafficDataset(s), time, value, line(colour));
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setDomainPannable(true);
        return plot;
    }

    private static JFreeChart chart(org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        return chart;
    }


    /**
     * Marks each holiday as a pale band over its local day on a chart made here (the traffic or the
     * forecast), labelled with its name when asked (labels crowd a chart of a whole year).
     *
     * @param chart    a chart from this class with an {@link XYPlot}
     * @param holidays dates and names
     * @param zone     the zone whose days they are
     * @param labelled whether to write the names
     */
    public static void markHolidays(JFreeChart chart, java.util.Map<java.time.LocalDate, String> holidays, ZoneId zone,
                                    boolean labelled) {
        if (!(chart.getPlot() instanceof XYPlot)) {
            return;
        }
        XYPlot plot = (XYPlot) chart.getPlot();
        for (java.util.Map.Entry<java.time.LocalDate, String> h : holidays.entrySet()) {
            long from = h.getKey().atStartOfDay(zone).toInstant().toEpochMilli();
            long to = h.getKey().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            IntervalMarker m = new IntervalMarker(from, to);
            m.setPaint(HOLIDAY);
            m.setOutlinePaint(null);
            if (labelled) {
                m.setLabel(h.getValue());
            }
            m.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 9));
            m.setLabelPaint(new Color(0x8a, 0x6d, 0x00));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
    }

    /** The traffic with every anomaly shaded in its kind's colour. */
    public static JFreeChart seriesWithAnomalies(TrafficSeries series, List<Anomaly> anomalies, ZoneId zone) {
        XYPlot plot = plot(series, timeAxis(zone), TrafficChart.valueLabel(series),
                ChartColors.TRAFFIC);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        for (Anomaly a : anomalies) {
            IntervalMarker m = new IntervalMarker(a.interval().start().toEpochMilli(), a.interval().end().toEpochMilli());
            m.setPaint(colour(a.kind()));
            m.setOutlinePaint(colour(a.kind()).darker());
            m.setOutlineStroke(new BasicStroke(0.8f));
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        return chart(plot, false);
    }

    private static TrafficSeries component(Decomposition d, String name, double[] values, ZoneId zone) {
        return new TrafficSeries(name, d.start(), d.step(), values, zone, "");
    }

    /** Stacked panels sharing the time axis: observed, trend, each seasonal component, remainder. */
    public static JFreeChart decomposition(Decomposition d, ZoneId zone) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis(zone));
        combined.setGap(6);
        DateAxis unused = timeAxis(zone);
        combined.add(plot(component(d, "observed", d.observed(), zone), unused, "observed", ChartColors.TRAFFIC), 2);
        combined.add(plot(component(d, "trend", d.trend(), zone), unused, "trend", new Color(0x2e, 0x7d, 0x32)), 1);
        for (int i = 0; i < d.periods().size(); i++) {
            SeasonalPeriod p = d.periods().get(i);
            combined.add(plot(component(d, p.name(), d.seasonal()[i], zone), unused, "seasonal (" + p.name() + ")",
                    new Color(0x6a, 0x1b, 0x9a)), 1);
        }
        combined.add(plot(component(d, "remainder", d.remainder(), zone), unused, "remainder", Color.GRAY), 1);
        combined.setDomainPannable(true);
        return chart(combined, false);
    }

    /** Seasonal strength of each period as bars (0 = none, 1 = all seasonal). */
    public static JFreeChart periodStrengths(List<SeasonalPeriod> periods) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SeasonalPeriod p : periods) {
            String label = "other".equals(p.name()) ? p.period().toString() : p.name();
            data.addValue(Double.isNaN(p.strength()) ? 0 : p.strength(), "strength", label);
        }
        NumberAxis value = new NumberAxis("seasonal strength");
        value.setRange(0, 1);
        BarRenderer bars = new BarRenderer();
        bars.setSeriesPaint(0, ChartColors.TRAFFIC);
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        bars.setMaximumBarWidth(0.2);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("period"), value, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        return chart(plot, false);
    }

    /**
     * The last weeks of history and the forecast with its 80 % and 95 % bands.
     *
     * @param history     the measured traffic
     * @param forecast    the forecast
     * @param zone        axis zone
     * @param historyShown how much history to draw before the forecast
     */
    public static JFreeChart forecast(TrafficSeries history, Forecast forecast, ZoneId zone, Duration historyShown) {
        DateAxis time = timeAxis(zone);
        int from = (int) Math.max(0, history.size() - historyShown.getSeconds() / Math.max(1,
                history.step().getSeconds()));
        double[] tail = new double[history.size() - from];
        for (int i = 0; i < tail.length; i++) {
            tail[i] = history.valueAt(from + i);
        }
        TrafficSeries recent = new TrafficSeries(history.name(), history.timeAt(from), history.step(), tail, zone,
                history.unit());
        XYPlot plot = plot(recent, time, history.unit().isEmpty() ? history.name() : history.unit(),
                ChartColors.TRAFFIC);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        int n = forecast.size();
        int stride = Math.max(1, n / 4000);
        YIntervalSeries band95 = new YIntervalSeries("95 %");
        YIntervalSeries band80 = new YIntervalSeries("80 %");
        for (int i = 0; i < n; i += stride) {
            double x = forecast.timeAt(i).toEpochMilli();
            band95.add(x, forecast.mean()[i], forecast.lower95()[i], forecast.upper95()[i]);
            band80.add(x, forecast.mean()[i], forecast.lower80()[i], forecast.upper80()[i]);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        DeviationRenderer dev = new DeviationRenderer(true, false);
        dev.setSeriesPaint(0, FORECAST);
        dev.setSeriesFillPaint(0, new Color(0xd9, 0x48, 0x1c, 40));
        dev.setSeriesPaint(1, FORECAST);
        dev.setSeriesFillPaint(1, new Color(0xd9, 0x48, 0x1c, 80));
        dev.setAlpha(1.0f);
        dev.setSeriesStroke(0, new BasicStroke(1.0f));
        dev.setSeriesStroke(1, new BasicStroke(1.0f));
        plot.setDataset(1, bands);
        plot.setRenderer(1, dev);
        IntervalMarker future = new IntervalMarker(forecast.start().toEpochMilli(),
                forecast.timeAt(n).toEpochMilli());
        future.setPaint(new Color(0xf6, 0xf8, 0xfa));
        plot.addDomainMarker(future, Layer.BACKGROUND);
        return chart(plot, true);
    }
}
