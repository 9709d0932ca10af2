package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.Outlook;
import org.lowtide.planning.Plan;
import org.lowtide.planning.Rejection;
import org.lowtide.planning.TrafficOutlook;
import org.lowtide.traffic.Interval;

/**
 * The planning horizon as a timeline: the expected traffic (the forecast where the plan used it,
 * else the weekly profile laid over the dates) with its p90, the chosen windows shaded and numbered with their rollback tails, blackouts hatched and
 * holidays grey with their names, and the windows that constraints ruled out marked with a cross.
 * Headless-safe: the GUI shows it in a viewer and the PDF report draws the same object.
 */
public final class PlanTimelineChart {

    /** Most points drawn for the traffic line; longer horizons keep each bucket's low and high. */
    static final int MAX_POINTS = 4000;

    static final Color TAIL_FILL = new Color(0x2e, 0xa0, 0x43, 34);
    static final Color HOLIDAY_FILL = new Color(0x8c, 0x95, 0x9f, 60);
    static final Color HOLIDAY_TEXT = new Color(0x42, 0x4a, 0x53);
    static final Color BLACKOUT_LINES = new Color(0x57, 0x60, 0x6a, 120);
    static final Color BLACKOUT_FILL = new Color(0x57, 0x60, 0x6a, 22);
    static final Color BLACKOUT_TEXT = new Color(0x24, 0x29, 0x2f);
    static final Color REJECTED = new Color(0xcf, 0x22, 0x2e);
    static final Color TRAFFIC_FILL = new Color(0x1f, 0x5f, 0x99, 46);

    /**
     * White for text on the window numbers, one step off pure white on purpose: the JavaFX bridge
     * (FXGraphics2D) skips setting a paint equal to the last one it set, while the viewer restores
     * the canvas state after each redraw, so a chart whose last paint equals its background paint
     * is drawn on black the next time.
     */
    static final Color LABEL_WHITE = new Color(0xfe, 0xfe, 0xfe);

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font HOLIDAY_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font RANK_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private PlanTimelineChart() {
    }

    /**
     * @param plan    the plan
     * @param outlook the expected traffic per step; the part inside the horizon is drawn
     */
    public static JFreeChart create(Plan plan, Outlook outlook) {
        return create(plan, outlook, Optional.empty());
    }

    /**
     * The timeline of the traffic the plan was ranked on: its expected value, its p90 as a dashed
     * line, and where the forecast takes over from the typical week or hands back to it.
     *
     * @param plan    the plan
     * @param traffic the plan's traffic outlook
     */
    public static JFreeChart create(Plan plan, TrafficOutlook traffic) {
        return create(plan, traffic.traffic(), Optional.of(traffic));
    }

    private static JFreeChart create(Plan plan, Outlook outlook, Optional<TrafficOutlook> from) {
        ZoneId zone = plan.request().constraints().zone();
        Interval horizon = horizon(plan);

        XYSeries traffic = trafficSeries(outlook, horizon);
        XYSeries p90 = from.isPresent() ? trafficSeries(new Outlook(outlook.start(), outlook.step(), outlook.upper(),
                outlook.upper(), outlook.unit()), horizon) : new XYSeries("p90", false, true);
        double top = traffic.isEmpty() || !(traffic.getMaxY() > 0) ? 1.0 : traffic.getMaxY();
        if (!p90.isEmpty() && p90.getMaxY() > top) {
            top = p90.getMaxY();
        }
        // Head room above the curve for the window numbers and the holiday and blackout names.
        double ceiling = top * 1.32;

        DateAxis time = new DateAxis("Date (" + zone.getId() + ")");
        time.setTimeZone(TimeZone.getTimeZone(zone));
        time.setLocale(Locale.ENGLISH);
        time.setRange(horizon.start().toEpochMilli(), horizon.end().toEpochMilli());
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        // The line is traffic (the weekly profile), whatever unit the plan ranked in.
        NumberAxis value = new NumberAxis("traffic per step");
        value.setRange(0, ceiling);
        value.setNumberFormatOverride(java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH));

        XYAreaRenderer area = new TrafficArea();
        area.setSeriesPaint(0, TRAFFIC_FILL);
        area.setOutline(true);
        area.setSeriesOutlinePaint(0, ChartColors.TRAFFIC);
        area.setSeriesOutlineStroke(0, new BasicStroke(1.0f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(traffic), time, value, area);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        List<String> rejectionNotes = new ArrayList<>();
        XYSeries rejected = rejectedSeries(plan, outlook, rejectionNotes);
        XYLineAndShapeRenderer crosses = new RuledOutCrosses();
        crosses.setSeriesPaint(0, REJECTED);
        crosses.setSeriesShape(0, cross(5));
        crosses.setSeriesStroke(0, new BasicStroke(2.0f));
        crosses.setUseOutlinePaint(false);
        crosses.setSeriesShapesFilled(0, false);
        crosses.setDrawOutlines(true);
        crosses.setDefaultToolTipGenerator((dataset, series, item) ->
                item < rejectionNotes.size() ? rejectionNotes.get(item) : null);
        plot.setDataset(1, new XYSeriesCollection(rejected));
        plot.setRenderer(1, crosses);
        if (!p90.isEmpty()) {
            XYLineAndShapeRenderer dashed = new XYLineAndShapeRenderer(true, false);
            dashed.setSeriesPaint(0, ChartColors.P90);
            dashed.setSeriesStroke(0, new BasicStroke(0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {4f, 3f}, 0f));
            plot.setDataset(2, new XYSeriesCollection(p90));
            plot.setRenderer(2, dashed);
        }
        String trafficLabel = "expected traffic";
        if (from.isPresent() && from.get().usesForecast()) {
            TrafficOutlook t = from.get();
            Interval span = t.forecastSpan().orElseThrow();
            boolean before = span.start().isAfter(horizon.start());
            boolean after = span.end().isBefore(horizon.end());
            trafficLabel = before || after ? "expected traffic (forecast from the marked line"
                    + (after ? " to the next" : "") + ", else typical week)" : "expected traffic (forecast)";
            if (before) {
                forecastEdge(plot, span.start(), "forecast from here");
            }
            if (after) {
                forecastEdge(plot, span.end(), "forecast ends");
            }
        } else if (from.isPresent()) {
            trafficLabel = "expected traffic (typical week)";
        }

        for (Holiday h : plan.request().constraints().holidays()) {
            holiday(plot, h, zone, horizon, ceiling);
        }
        for (Blackout b : plan.request().constraints().blackouts()) {
            blackout(plot, b, horizon);
        }
        for (ChangeWindow w : plan.windows()) {
            window(plot, w, ceiling);
        }
        plot.setFixedLegendItems(legend(trafficLabel, !p90.isEmpty()));

        return withLegendBelow(plot);
    }

    /**
     * The expected traffic's filled area, drawn as {@link XYAreaRenderer} draws it but without its
     * per-point hot spots. The stock renderer gives every point a polygon clipped to the data area by
     * {@link java.awt.geom.Area} intersection, whenever the chart is drawn with rendering info, as the
     * app's viewer always does: that was most of the time the Windows tab took to draw a new plan
     * (issue 20). The area has no tool tips, and its hot spots, drawn last, lay over the lower half of
     * each ruled-out cross and hid its tool tip there. Same pixels ({@code PlanTimelineChartTest}).
     */
    static final class TrafficArea extends XYAreaRenderer {

        private static final long serialVersionUID = 1L;

        TrafficArea() {
            super(AREA);
        }

        @Override
        public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
                                              PlotRenderingInfo info) {
            // No rendering info for this renderer's state: no entity collection, so no hot spots.
            return super.initialise(g2, dataArea, plot, data, null);
        }
    }

    /**
     * The crosses of the windows that constraints ruled out, each with its reason as a tool tip. A
     * cross is two strokes with no inside, so the stock hot spot (the shape drawn) contains no point
     * and the tool tip never showed: the hot spot is the disc around the cross instead.
     */
    static final class RuledOutCrosses extends XYLineAndShapeRenderer {

        private static final long serialVersionUID = 1L;

        RuledOutCrosses() {
            super(false, true);
            setDefaultEntityRadius(7);
        }

        @Override
        protected void addEntity(EntityCollection entities, Shape hotspot, XYDataset dataset, int series, int item,
                                 double entityX, double entityY) {
            super.addEntity(entities, null, dataset, series, item, entityX, entityY); // null: the default disc
        }
    }

    /** A timeline chart around {@code plot}: no title, the plot's legend below it (the fleet timeline too). */
    static JFreeChart withLegendBelow(XYPlot plot) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(ChartColors.BACKGROUND);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL_FONT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(ChartColors.BACKGROUND);
        chart.addSubtitle(legend);
        return chart;
    }

    /** @return the horizon's instants: the first day's midnight to the midnight after the last day */
    static Interval horizon(Plan plan) {
        ZoneId zone = plan.request().constraints().zone();
        return new Interval(plan.request().from().atStartOfDay(zone).toInstant(),
                plan.request().to().plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The outlook's expected values inside the horizon; beyond {@link #MAX_POINTS} each bucket keeps
     * its lowest and highest value (in time order), so a quiet night stays visible at any length.
     */
    static XYSeries trafficSeries(Outlook outlook, Interval horizon) {
        XYSeries series = new XYSeries("expected traffic", false, true);
        double[] expected = outlook.expected();
        long stepMillis = outlook.step().toMillis();
        long startMillis = outlook.start().toEpochMilli();
        int first = (int) Math.max(0, ceilDiv(horizon.start().toEpochMilli() - startMillis, stepMillis));
        int end = (int) Math.min(expected.length, ceilDiv(horizon.end().toEpochMilli() - startMillis, stepMillis));
        int n = end - first;
        if (n <= 0) {
            return series;
        }
        int bucket = Math.max(1, (int) Math.ceil(n / (MAX_POINTS / 2.0)));
        for (int b = first; b < end; b += bucket) {
            int last = Math.min(end, b + bucket);
            int lo = -1;
            int hi = -1;
            for (int i = b; i < last; i++) {
                if (Double.isNaN(expected[i])) {
                    continue;
                }
                if (lo < 0 || expected[i] < expected[lo]) {
                    lo = i;
                }
                if (hi < 0 || expected[i] > expected[hi]) {
                    hi = i;
                }
            }
            if (lo < 0) {
                series.add(startMillis + (long) b * stepMillis, (Number) null); // a gap in the line
                continue;
            }
            int a = Math.min(lo, hi);
            int z = Math.max(lo, hi);
            series.add(startMillis + (long) a * stepMillis, expected[a]);
            if (z != a) {
                series.add(startMillis + (long) z * stepMillis, expected[z]);
            }
        }
        return series;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Ruled-out windows as points on the curve at their middle; {@code notes} gets their reasons. */
    private static XYSeries rejectedSeries(Plan plan, Outlook outlook, List<String> notes) {
        XYSeries series = new XYSeries("ruled out", true, true);
        List<Rejection> sorted = new ArrayList<>(plan.rejections());
        sorted.sort((a, b) -> a.window().start().compareTo(b.window().start()));
        double[] expected = outlook.expected();
        long stepMillis = outlook.step().toMillis();
        for (Rejection r : sorted) {
            Instant mid = r.window().start().plus(r.window().duration().dividedBy(2));
            int i = (int) Math.floorDiv(mid.toEpochMilli() - outlook.start().toEpochMilli(), stepMillis);
            double level = i >= 0 && i < expected.length && !Double.isNaN(expected[i]) ? expected[i] : 0;
            series.add(mid.toEpochMilli(), level);
        }
        // XYSeries sorts by x; read the notes back in the same order.
        for (int i = 0; i < series.getItemCount(); i++) {
            long x = series.getX(i).longValue();
            for (Rejection r : sorted) {
                Instant mid = r.window().start().plus(r.window().duration().dividedBy(2));
                if (mid.toEpochMilli() == x) {
                    notes.add("ruled out: " + r.reason());
                    break;
                }
            }
        }
        return series;
    }

    private static void window(XYPlot plot, ChangeWindow w, double ceiling) {
        long start = w.window().start().toEpochMilli();
        long end = w.window().end().toEpochMilli();
        if (w.tailEnd().isAfter(w.window().end())) {
            IntervalMarker tail = new IntervalMarker(end, w.tailEnd().toEpochMilli());
            tail.setPaint(TAIL_FILL);
            tail.setOutlinePaint(null);
            plot.addDomainMarker(tail, Layer.BACKGROUND);
        }
        IntervalMarker shade = new IntervalMarker(start, end);
        shade.setPaint(ChartColors.WINDOW_FILL);
        shade.setOutlinePaint(ChartColors.WINDOW_EDGE);
        shade.setOutlineStroke(new BasicStroke(1.5f));
        plot.addDomainMarker(shade, Layer.BACKGROUND);
        // A short window is a hair's width on a month: the number above it says where it is.
        XYTextAnnotation rank = new XYTextAnnotation(" " + w.rank() + " ", (start + end) / 2.0, ceiling * 0.965);
        rank.setFont(RANK_FONT);
        rank.setPaint(LABEL_WHITE);
        rank.setBackgroundPaint(ChartColors.WINDOW_EDGE);
        rank.setTextAnchor(TextAnchor.TOP_CENTER);
        rank.setToolTipText("window " + w.rank());
        plot.addAnnotation(rank);
    }

    private static void blackout(XYPlot plot, Blackout b, Interval horizon) {
        if (!b.interval().overlaps(horizon)) {
            return;
        }
        long start = Math.max(b.interval().start().toEpochMilli(), horizon.start().toEpochMilli());
        long end = Math.min(b.interval().end().toEpochMilli(), horizon.end().toEpochMilli());
        IntervalMarker band = new IntervalMarker(start, end);
        band.setPaint(BLACKOUT_FILL);
        band.setOutlinePaint(BLACKOUT_LINES);
        band.setOutlineStroke(new BasicStroke(1.0f));
        band.setLabel(b.reason());
        band.setLabelFont(LABEL_FONT);
        band.setLabelPaint(BLACKOUT_TEXT);
        band.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        band.setLabelOffset(new RectangleInsets(22, 4, 4, 4));
        plot.addDomainMarker(band, Layer.BACKGROUND);
        plot.addAnnotation(new HatchedBand(start, end, BLACKOUT_LINES), false);
    }

    private static void holiday(XYPlot plot, Holiday h, ZoneId zone, Interval horizon, double ceiling) {
        LocalDate day = h.date();
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (!new Interval(start, end).overlaps(horizon)) {
            return;
        }
        IntervalMarker band = new IntervalMarker(start.toEpochMilli(), end.toEpochMilli());
        band.setPaint(HOLIDAY_FILL);
        band.setOutlinePaint(null);
        plot.addDomainMarker(band, Layer.BACKGROUND);
        // The name runs down the band, from just under the window numbers.
        XYTextAnnotation name = new XYTextAnnotation(h.name(), (start.toEpochMilli() + end.toEpochMilli()) / 2.0,
                ceiling * 0.97);
        name.setFont(HOLIDAY_FONT);
        name.setPaint(HOLIDAY_TEXT);
        name.setRotationAngle(Math.PI / 2);
        name.setRotationAnchor(TextAnchor.CENTER_LEFT);
        name.setTextAnchor(TextAnchor.CENTER_LEFT);
        name.setBackgroundPaint(new Color(255, 255, 255, 200));
        name.setToolTipText("holiday: " + h.name() + " (" + day + ")");
        plot.addAnnotation(name);
    }

    /** A vertical line where the forecast starts or stops covering the horizon. */
    private static void forecastEdge(XYPlot plot, Instant at, String label) {
        org.jfree.chart.plot.ValueMarker edge = new org.jfree.chart.plot.ValueMarker(at.toEpochMilli());
        edge.setPaint(ChartColors.TRAFFIC);
        edge.setStroke(new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f},
                0f));
        edge.setLabel(label);
        edge.setLabelFont(LABEL_FONT);
        edge.setLabelPaint(ChartColors.TRAFFIC);
        edge.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        edge.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(edge, Layer.FOREGROUND);
    }

    private static LegendItemCollection legend(String trafficLabel, boolean withP90) {
        LegendItemCollection items = new LegendItemCollection();
        Rectangle2D box = new Rectangle2D.Double(-6, -5, 12, 10);
        items.add(item(trafficLabel, box, TRAFFIC_FILL, ChartColors.TRAFFIC));
        if (withP90) {
            LegendItem p90 = new LegendItem("p90", null, null, null, false, box, false, ChartColors.P90, false,
                    ChartColors.P90, new BasicStroke(1f), true, new Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f),
                    ChartColors.P90);
            p90.setLabelFont(LABEL_FONT);
            items.add(p90);
        }
        items.add(item("chosen window (numbered by rank)", box, ChartColors.WINDOW_FILL, ChartColors.WINDOW_EDGE));
        items.add(item("rollback tail", box, TAIL_FILL, ChartColors.WINDOW_EDGE));
        items.add(item("blackout", hatchedBox(box), BLACKOUT_FILL, BLACKOUT_LINES.darker()));
        items.add(item("holiday", box, HOLIDAY_FILL, HOLIDAY_FILL.darker()));
        LegendItem cross = new LegendItem("ruled out although quiet", null, null, null, true, cross(4.5), false,
                REJECTED, true, REJECTED, new BasicStroke(2.0f), false, new Line2D.Double(), new BasicStroke(1.0f),
                REJECTED);
        cross.setLabelFont(LABEL_FONT);
        items.add(cross);
        return items;
    }

    private static LegendItem item(String label, Shape shape, Paint fill, Paint outline) {
        LegendItem item = new LegendItem(label, null, null, null, true, shape, true, fill, true, outline,
                new BasicStroke(1.0f), false, new Line2D.Double(), new BasicStroke(1.0f), outline);
        item.setLabelFont(LABEL_FONT);
        return item;
    }

    /** A box with diagonal lines inside, for the legend's blackout swatch. */
    private static Shape hatchedBox(Rectangle2D box) {
        Path2D.Double path = new Path2D.Double();
        path.append(box, false);
        for (double x = box.getMinX() - box.getHeight() + 4; x < box.getMaxX(); x += 4) {
            double x0 = Math.max(x, box.getMinX());
            double y0 = box.getMaxY() - (x0 - x);
            double x1 = Math.min(x + box.getHeight(), box.getMaxX());
            double y1 = box.getMaxY() - (x1 - x);
            path.append(new Line2D.Double(x0, y0, x1, y1), false);
        }
        return path;
    }

    /** An "×" drawn as an outline. */
    private static Shape cross(double r) {
        Path2D.Double path = new Path2D.Double();
        path.append(new Line2D.Double(-r, -r, r, r), false);
        path.append(new Line2D.Double(-r, r, r, -r), false);
        return path;
    }
}
