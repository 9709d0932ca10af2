package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.lowtide.traffic.Interval;

/**
 * A fleet's calendar as a timeline: one row per service, its dated windows under the fleet rules
 * as bars over the horizon, and, thinner beneath them, the service's own best window (what it
 * would get with no fleet rule) so a window the rules moved shows at a glance. A service that
 * failed keeps its row, empty, its name marked. Headless-safe; the GUI's Fleet screen shows it.
 */
public final class FleetTimelineChart {

    /** Service names are written on the rows up to this many; beyond, the rows are too thin to read. */
    static final int MAX_LABELLED_ROWS = 80;
    /** The fleet plan's windows: the traffic blue every chart shares. */
    static final Color FLEET = ChartColors.TRAFFIC;
    /** A service's own best window: the warm colour that stands against the blue. */
    static final Color OWN = new Color(0xd9, 0x48, 0x1c);

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private FleetTimelineChart() {
    }

    /**
     * One service's row.
     *
     * @param service its name
     * @param failed  whether it could not be planned (the row stays, empty)
     * @param windows the fleet plan's windows for it
     * @param ownBest its own best window with no fleet rule, when it was planned
     */
    public record Lane(String service, boolean failed, List<Interval> windows, Optional<Interval> ownBest) {
        public Lane {
            Objects.requireNonNull(service, "service");
            windows = List.copyOf(windows);
            Objects.requireNonNull(ownBest, "ownBest");
        }
    }

    /**
     * @param lanes   the rows, top first
     * @param horizon the span drawn
     * @param zone    the zone the dates are shown in
     */
    public static JFreeChart create(List<Lane> lanes, Interval horizon, ZoneId zone) {
        XYIntervalSeries fleet = new XYIntervalSeries("fleet plan's windows");
        XYIntervalSeries own = new XYIntervalSeries("own best window (no fleet rule)");
        String[] names = new String[lanes.size()];
        for (int row = 0; row < lanes.size(); row++) {
            Lane lane = lanes.get(row);
            names[row] = lane.failed() ? lane.service() + " (failed)" : lane.service();
            for (Interval w : lane.windows()) {
                fleet.add(mid(w), w.start().toEpochMilli(), w.end().toEpochMilli(), row, row - 0.32, row + 0.12);
            }
            if (lane.ownBest().isPresent()) {
                Interval w = lane.ownBest().get();
                own.add(mid(w), w.start().toEpochMilli(), w.end().toEpochMilli(), row, row + 0.16, row + 0.32);
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(fleet);
        data.addSeries(own);

        DateAxis time = new DateAxis("Date (" + zone.getId() + ")");
        time.setTimeZone(TimeZone.getTimeZone(zone));
        time.setLocale(Locale.ENGLISH);
        time.setRange(horizon.start().toEpochMilli(), Math.max(horizon.end().toEpochMilli(),
                horizon.start().toEpochMilli() + 3_600_000L));
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        SymbolAxis services = new SymbolAxis(null, names);
        services.setInverted(true); // the first service on top, as in the table
        services.setGridBandsVisible(false);
        services.setRange(-0.5, Math.max(0.5, lanes.size() - 0.5));
        services.setTickLabelsVisible(lanes.size() <= MAX_LABELLED_ROWS);
        services.setTickLabelFont(LABEL_FONT);

        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setSeriesPaint(0, FLEET);
        bars.setSeriesOutlinePaint(0, FLEET);
        bars.setSeriesPaint(1, OWN);
        bars.setSeriesOutlinePaint(1, OWN);
        bars.setSeriesOutlineStroke(0, new BasicStroke(1.0f));
        bars.setSeriesOutlineStroke(1, new BasicStroke(1.0f));
        bars.setDefaultToolTipGenerator((dataset, series, item) -> {
            XYIntervalSeriesCollection d = (XYIntervalSeriesCollection) dataset;
            int row = (int) Math.round(d.getYValue(series, item));
            return names[row] + ": " + (series == 0 ? "fleet window " : "own best ")
                    + span(d.getStartXValue(series, item), d.getEndXValue(series, item), zone);
        });

        XYPlot plot = new XYPlot(data, time, services, bars);
        plot.setBackgroundPaint(ChartColors.BACKGROUND);
        plot.setDomainGridlinePaint(ChartColors.GRID);
        plot.setRangeGridlinePaint(ChartColors.GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        return PlanTimelineChart.withLegendBelow(plot);
    }

    private static String span(double startMillis, double endMillis, ZoneId zone) {
        java.time.format.DateTimeFormatter day = org.lowtide.traffic.TimeFormats.DAY_LOCAL_MINUTE;
        java.time.format.DateTimeFormatter hm = org.lowtide.traffic.TimeFormats.HM;
        return day.format(java.time.Instant.ofEpochMilli((long) startMillis).atZone(zone)) + "–"
                + hm.format(java.time.Instant.ofEpochMilli((long) endMillis).atZone(zone));
    }

    private static double mid(Interval w) {
        return (w.start().toEpochMilli() + w.end().toEpochMilli()) / 2.0;
    }
}
