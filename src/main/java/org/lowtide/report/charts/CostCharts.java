package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowtide.analysis.Quantiles;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.RevenueCurve;
import org.lowtide.cost.ScenarioResult;

/**
 * The cost model's charts, shared by the GUI's Costs screen and the PDF report: revenue per
 * minute over the week (with the expected cost of a change by start time), the cost distribution
 * of a failed change, and the k/h scenarios side by side. Headless-safe: plain JFreeChart objects.
 */
public final class CostCharts {

    static final Color REVENUE = ChartColors.TRAFFIC;
    static final Color CHANGE_COST = new Color(0xd9, 0x48, 0x1c);
    static final Color TROUGH = ChartColors.WINDOW_EDGE;
    static final Color MUTED = new Color(0x57, 0x60, 0x6a);

    private CostCharts() {
    }

    /**
     * Revenue per minute over the local week (a step line, Monday 00:00 at the left), and on a
     * second axis the expected cost of a change started at each slot.
     *
     * @param curve          revenue per minute per slot
     * @param expectedBySlot expected cost of a change by start slot, or {@code null} to leave it out
     */
    public static JFreeChart revenueWeek(RevenueCurve curve, double[] expectedBySlot) {
        return revenueWeek(curve, curve.perMinute(), expectedBySlot);
    }

    /**
     * The same chart with the revenue per minute given per slot of the curve's week (the report
     * draws it on the weekly profile's levels, see {@code ProfileRevenue}).
     */
    public static JFreeChart revenueWeek(RevenueCurve curve, double[] perMinute, double[] expectedBySlot) {
        String code = curve.currency().getCurrencyCode();
        XYSeries revenue = new XYSeries("Revenue per minute (" + code + ")", true, false);
        double slotHours = curve.slotMinutes() / 60;
        for (int s = 0; s < perMinute.length; s++) {
            revenue.add(s * slotHours, perMinute[s]);
        }
        revenue.add(perMinute.length * slotHours, perMinute[perMinute.length - 1]);
        NumberAxis week = weekAxis(curve.slots().zone().getId());
        NumberAxis money = new NumberAxis(code + " per minute");
        money.setAutoRangeIncludesZero(true);
        XYStepRenderer line = new XYStepRenderer();
        line.setSeriesPaint(0, REVENUE);
        line.setSeriesStroke(0, new BasicStroke(1.4f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(revenue), week, money, line);
        style(plot);
        if (expectedBySlot != null) {
            XYSeries cost = new XYSeries("Expected cost of a change started then (" + code + ")", true, false);
            for (int s = 0; s < expectedBySlot.length; s++) {
                cost.add(s * slotHours, expectedBySlot[s]);
            }
            cost.add(expectedBySlot.length * slotHours, expectedBySlot[expectedBySlot.length - 1]);
            NumberAxis costAxis = new NumberAxis(code + " per change");
            costAxis.setAutoRangeIncludesZero(true);
            plot.setRangeAxis(1, costAxis);
            plot.setDataset(1, new XYSeriesCollection(cost));
            plot.mapDatasetToRangeAxis(1, 1);
            XYStepRenderer costLine = new XYStepRenderer();
            costLine.setSeriesPaint(0, CHANGE_COST);
            costLine.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {5f, 3f}, 0f));
            plot.setRenderer(1, costLine);
        }
        return chart(plot, true);
    }

    /**
     * The cost of a failed change started at one time: a histogram of the simulated failures,
     * with the mean, p90 and p99 over all simulated changes marked.
     *
     * @param failureCosts the cost of each simulated change that failed
     * @param estimate     the summary over all simulated changes
     */
    public static JFreeChart changeCostHistogram(double[] failureCosts, CostEstimate estimate) {
        String code = estimate.currency().getCurrencyCode();
        HistogramDataset data = new HistogramDataset();
        double[] shown = failureCosts;
        if (shown.length == 0) {
            shown = new double[] {0};
        }
        double max = 0;
        for (double v : shown) {
            max = Math.max(max, v);
        }
        double cap = Math.max(estimate.p99(), percentile(shown, 0.99));
        if (cap > 0 && max > cap) {
            // The long tail is cut at the 99th percentile so the bulk stays readable.
            double[] clipped = new double[shown.length];
            for (int i = 0; i < shown.length; i++) {
                clipped[i] = Math.min(shown[i], cap);
            }
            shown = clipped;
        }
        data.addSeries(String.format(Locale.ROOT, "Cost of a failed change (%s): %,d failures in %,d simulated "
                + "changes; all changes together average %s", code, failureCosts.length, estimate.simulations(),
                amount(estimate.mean(), estimate.currency())), shown, 40);
        NumberAxis x = new NumberAxis(code + " per failed change (tail beyond the 99th percentile piled at the right)");
        NumberAxis y = new NumberAxis("Simulated failures");
        XYBarRenderer bars = new XYBarRenderer(0.05);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, REVENUE);
        XYPlot plot = new XYPlot(data, x, y, bars);
        style(plot);
        if (failureCosts.length > 0) {
            double sum = 0;
            for (double v : failureCosts) {
                sum += v;
            }
            double mean = sum / failureCosts.length;
            marker(plot, Math.min(mean, cap), "mean if it fails: " + amount(mean, estimate.currency()), CHANGE_COST,
                    RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT);
            double p90 = percentile(failureCosts, 0.9);
            marker(plot, Math.min(p90, cap), "9 in 10 failures cost less than " + amount(p90, estimate.currency()), MUTED,
                    RectangleAnchor.CENTER, TextAnchor.CENTER_LEFT);
        }
        return chart(plot, true);
    }

    /**
     * The k/h scenarios side by side: downtime cost per year with changes at random business
     * hours, and the same changes scheduled in the trough.
     */
    public static JFreeChart scenarios(List<ScenarioResult> results, Currency currency) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String businessHours = "Downtime cost per year, changes in business hours";
        String troughs = "… changes in the trough";
        for (ScenarioResult r : results) {
            data.addValue(r.downtimeCostPerYear(), businessHours, r.name());
            data.addValue(r.costPerChangeInTrough() * r.changesPerYear(), troughs, r.name());
        }
        CategoryAxis names = new CategoryAxis(null);
        NumberAxis money = new NumberAxis(currency.getCurrencyCode() + " per year");
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, CHANGE_COST);
        bars.setSeriesPaint(1, TROUGH);
        bars.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator());
        CategoryPlot plot = new CategoryPlot(data, names, money, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        legendAtTop(chart);
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        return chart;
    }

    /** An axis over the 168 hours of the week labelled with day names at midnight. */
    static NumberAxis weekAxis(String zone) {
        NumberAxis axis = new NumberAxis("Local time of week (" + zone + ")");
        axis.setRange(0, 168);
        axis.setTickUnit(new NumberTickUnit(24, new DayFormat()));
        axis.setMinorTickCount(4);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** Labels hour 0, 24, 48 … as Mon, Tue, Wed … */
    private static final class DayFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            int day = (int) Math.round(number / 24);
            if (Math.abs(number - day * 24) < 1e-6 && day >= 0 && day <= 7) {
                return to.append(DayOfWeek.of(day % 7 + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            }
            return to.append(new DecimalFormat("0").format(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }

    private static void marker(XYPlot plot, double at, String label, Color color, RectangleAnchor anchor,
                               TextAnchor textAnchor) {
        ValueMarker m = new ValueMarker(at, color, new BasicStroke(1.2f));
        m.setLabel(label);
        m.setLabelPaint(color);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
        plot.addDomainMarker(m);
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setOutlineVisible(false);
    }

    private static JFreeChart chart(XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        if (legend) {
            legendAtTop(chart);
        }
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        // Room on the right for the domain axis's last tick label ("3,000,000" was cut to "3,000,00").
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 16));
        return chart;
    }

    private static void legendAtTop(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(ChartColors.BACKGROUND);
            // Room after each item, so that the next item's line marker never covers this item's text.
            legend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 18));
        }
    }

    /** {@link Quantiles#type7} of unsorted values (the chart's markers state the same figures as the tables). */
    private static double percentile(double[] sortedOrNot, double p) {
        double[] s = sortedOrNot.clone();
        java.util.Arrays.sort(s);
        return Quantiles.type7(s, p);
    }

    private static String amount(double v, Currency currency) {
        return String.format(Locale.ROOT, "%,.0f %s", v, currency.getCurrencyCode());
    }
}
