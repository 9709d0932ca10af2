package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowtide.risk.LognormalFit;
import org.lowtide.risk.RiskEstimate;

/**
 * The team's own risk against its data (issue #21): the empirical distribution of the measured
 * durations (one dot per incident or outage, at its plotting position (i − 0.5)/n) and the fitted
 * lognormal's distribution function, on a log time axis in minutes; a second line shows the
 * distribution used when thin evidence was blended with the prior. Headless-safe.
 */
public final class RiskCharts {

    static final Color DATA = new Color(0x24, 0x29, 0x2f);
    static final Color FIT = ChartColors.TRAFFIC;
    static final Color USED = ChartColors.P90;

    private RiskCharts() {
    }

    /**
     * @param what     "Time to restore" or "Time to detect"
     * @param estimate the fitted durations
     */
    public static JFreeChart fitted(String what, RiskEstimate.DurationEstimate estimate) {
        double[] x = estimate.minutes();
        Arrays.sort(x);
        XYSeries data = new XYSeries("Your data (" + x.length + ")", true, true);
        for (int i = 0; i < x.length; i++) {
            data.add(Math.max(LognormalFit.FLOOR_MINUTES, x[i]), (i + 0.5) / x.length);
        }
        LognormalFit fit = estimate.fit();
        double used = estimate.median().toMillis() / 60_000.0;
        double usedP90 = estimate.p90().toMillis() / 60_000.0;
        double lo = Math.max(LognormalFit.FLOOR_MINUTES, Math.min(x[0], Math.min(fit.medianMinutes(), used)) / 3);
        double hi = Math.max(x[x.length - 1], Math.max(fit.p90Minutes(), usedP90)) * 3;
        XYSeries fitted = new XYSeries(String.format(java.util.Locale.ROOT, "Fit: median %.0f min, p90 %.0f min",
                fit.medianMinutes(), fit.p90Minutes()), true, false);
        XYSeries blended = new XYSeries(String.format(java.util.Locale.ROOT, "Used (%.0f %% your data): median %.0f min, "
                + "p90 %.0f min", 100 * estimate.dataWeight(), used, usedP90), true, false);
        double sigmaUsed = Math.log(usedP90 / used) / org.lowtide.cost.Citations.Z_90;
        LognormalFit usedFit = new LognormalFit(1, Math.log(used), sigmaUsed, fit.level(), used, used, usedP90, usedP90);
        int steps = 120;
        for (int i = 0; i <= steps; i++) {
            double m = lo * Math.pow(hi / lo, i / (double) steps);
            fitted.add(m, fit.cdf(m));
            blended.add(m, usedFit.cdf(m));
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(data);
        dataset.addSeries(fitted);
        boolean showUsed = estimate.dataWeight() < 1;
        if (showUsed) {
            dataset.addSeries(blended);
        }
        LogAxis time = new LogAxis(what + ", minutes (log scale)");
        time.setSmallestValue(LognormalFit.FLOOR_MINUTES);
        time.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
        time.setRange(lo, hi);
        NumberAxis share = new NumberAxis("Share of incidents done by then");
        share.setRange(0, 1);
        share.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesPaint(0, DATA);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, FIT);
        r.setSeriesStroke(1, new BasicStroke(1.6f));
        r.setSeriesShapesVisible(2, false);
        r.setSeriesPaint(2, USED);
        r.setSeriesStroke(2, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 3f}, 0f));
        XYPlot plot = new XYPlot(dataset, time, share, r);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 14));
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        return chart;
    }
}
