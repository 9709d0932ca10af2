package org.lowtide.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Outlook;
import org.lowtide.planning.Plan;
import org.lowtide.planning.WindowPlanner;
import org.lowtide.planning.WindowRequest;
import org.lowtide.traffic.Interval;

class PlanTimelineChartTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Hourly traffic with a quiet hour at 03:00 every day, over December 2026 and a little after. */
    private static Outlook outlook(Duration step, int days) {
        Instant start = LocalDate.of(2026, 12, 1).atStartOfDay(BERLIN).toInstant();
        int n = (int) (Duration.ofDays(days).getSeconds() / step.getSeconds());
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            int hour = start.plus(step.multipliedBy(i)).atZone(BERLIN).getHour();
            expected[i] = hour == 3 ? 5 : 100 + 10 * hour;
        }
        return new Outlook(start, step, expected, expected, "requests");
    }

    private static Plan plan(Outlook outlook, LocalDate to) {
        Blackout freeze = Blackout.parse("2026-12-10/2026-12-12=release freeze", BERLIN);
        List<Holiday> holidays = List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas Day"));
        WindowRequest request = new WindowRequest(Duration.ofHours(1), Duration.ofHours(1), 3, LocalDate.of(2026, 12, 1),
                to, Duration.ofDays(2), new Constraints(BERLIN, List.of(AllowedHours.parse("daily 00:00-24:00")),
                        List.of(freeze), holidays, HolidayPolicy.BLACKOUT), Optional.empty());
        return WindowPlanner.plan(request, outlook, Optional.empty());
    }

    @Test
    void showsWindowsBlackoutsHolidaysAndRuledOutWindows() {
        Outlook outlook = outlook(Duration.ofHours(1), 40);
        Plan plan = plan(outlook, LocalDate.of(2026, 12, 31));

        JFreeChart chart = PlanTimelineChart.create(plan, outlook);

        XYPlot xy = chart.getXYPlot();
        Interval horizon = PlanTimelineChart.horizon(plan);
        assertThat(xy.getDomainAxis().getLowerBound()).isEqualTo(horizon.start().toEpochMilli());
        assertThat(xy.getDomainAxis().getUpperBound()).isEqualTo(horizon.end().toEpochMilli());
        XYDataset traffic = xy.getDataset(0);
        assertThat(traffic.getItemCount(0)).as("one point per hour of the 31 days").isEqualTo(31 * 24);
        assertThat(traffic.getXValue(0, 0)).isEqualTo(horizon.start().toEpochMilli());

        List<String> texts = xy.getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation)
                .map(a -> ((XYTextAnnotation) a).getText().trim()).toList();
        assertThat(texts).contains("1", "2", "3", "Christmas Day");
        long hatched = xy.getAnnotations().stream().filter(a -> a instanceof HatchedBand).count();
        assertThat(hatched).isEqualTo(1);
        List<String> markerLabels = ((java.util.Collection<?>) xy.getDomainMarkers(Layer.BACKGROUND)).stream()
                .map(m -> ((Marker) m).getLabel()).filter(l -> l != null).toList();
        assertThat(markerLabels).containsExactly("release freeze");
        assertThat(plan.rejections()).isNotEmpty();
        assertThat(xy.getDataset(1).getItemCount(0)).isEqualTo(plan.rejections().size());
        assertThat(xy.getFixedLegendItems().getItemCount()).isEqualTo(6);
    }

    @Test
    void drawsHeadlessAndOnWhite() {
        Outlook outlook = outlook(Duration.ofHours(1), 40);
        JFreeChart chart = PlanTimelineChart.create(plan(outlook, LocalDate.of(2026, 12, 31)), outlook);
        BufferedImage image = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 900, 300));
        g.dispose();
        assertThat(image.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(897, 297) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void longHorizonsAreThinnedButKeepTheQuietestPoints() {
        Outlook outlook = outlook(Duration.ofMinutes(5), 367);
        Interval horizon = new Interval(outlook.start(), outlook.end().minus(Duration.ofDays(1)));

        var series = PlanTimelineChart.trafficSeries(outlook, horizon);

        assertThat(series.getItemCount()).isLessThanOrEqualTo(PlanTimelineChart.MAX_POINTS);
        assertThat(series.getMinY()).isEqualTo(5);
        assertThat(series.getMaxY()).isEqualTo(100 + 10 * 23);
    }

    @Test
    void outlinesNothingOutsideTheHorizon() {
        Outlook outlook = outlook(Duration.ofHours(1), 12);
        Plan plan = plan(outlook, LocalDate.of(2026, 12, 8)); // the freeze (10–12 Dec) and Christmas lie after it

        XYPlot xy = PlanTimelineChart.create(plan, outlook).getXYPlot();

        List<XYAnnotation> annotations = xy.getAnnotations();
        assertThat(annotations).noneMatch(a -> a instanceof HatchedBand);
        assertThat(annotations).noneMatch(a -> a instanceof XYTextAnnotation
                && ((XYTextAnnotation) a).getText().equals("Christmas Day"));
    }

    /**
     * Drawn with rendering info, as the app's viewer always draws, the traffic area gives no per-point
     * hot spots (each was clipped by {@code Area} intersection: most of drawing a new plan, issue 20),
     * and every ruled-out cross answers the pointer with its reason (a cross has no inside, and the
     * area's hot spots lay over it: no tool tip showed before).
     */
    @Test
    void drawsTheAreaWithoutHotSpotsAndTheCrossesShowTheirReasons() {
        Outlook outlook = outlook(Duration.ofHours(1), 40);
        Plan plan = plan(outlook, LocalDate.of(2026, 12, 31));
        JFreeChart chart = PlanTimelineChart.create(plan, outlook);
        XYPlot xy = chart.getXYPlot();
        ChartRenderingInfo info = new ChartRenderingInfo();

        draw(chart, info);

        XYDataset traffic = xy.getDataset(0);
        long areaSpots = info.getEntityCollection().getEntities().stream()
                .filter(e -> e instanceof XYItemEntity && ((XYItemEntity) e).getDataset() == traffic).count();
        assertThat(areaSpots).isZero();
        XYDataset crosses = xy.getDataset(1);
        Rectangle2D data = info.getPlotInfo().getDataArea();
        assertThat(crosses.getItemCount(0)).isPositive();
        for (int i = 0; i < crosses.getItemCount(0); i++) {
            double x = xy.getDomainAxis().valueToJava2D(crosses.getXValue(0, i), data, xy.getDomainAxisEdge());
            double y = xy.getRangeAxis().valueToJava2D(crosses.getYValue(0, i), data, xy.getRangeAxisEdge());
            for (double[] d : new double[][] {{0, 0}, {3, 3}, {-3, 2}}) { // on the cross and off its strokes
                ChartEntity under = info.getEntityCollection().getEntity(x + d[0], y + d[1]);
                assertThat(under).as("cross %d at (%+.0f, %+.0f)", i, d[0], d[1]).isNotNull();
                assertThat(under.getToolTipText()).startsWith("ruled out: ");
            }
        }
    }

    /** The traffic area without hot spots draws the very pixels of the stock renderer set up alike. */
    @Test
    void theAreaWithoutHotSpotsDrawsTheSamePixels() {
        Outlook outlook = outlook(Duration.ofHours(1), 40);
        Plan plan = plan(outlook, LocalDate.of(2026, 12, 31));
        JFreeChart ours = PlanTimelineChart.create(plan, outlook);
        JFreeChart stock = PlanTimelineChart.create(plan, outlook);
        XYAreaRenderer mine = (XYAreaRenderer) ours.getXYPlot().getRenderer(0);
        XYAreaRenderer plain = new XYAreaRenderer(XYAreaRenderer.AREA);
        plain.setSeriesPaint(0, mine.getSeriesPaint(0));
        plain.setOutline(mine.isOutline());
        plain.setSeriesOutlinePaint(0, mine.getSeriesOutlinePaint(0));
        plain.setSeriesOutlineStroke(0, mine.getSeriesOutlineStroke(0));
        stock.getXYPlot().setRenderer(0, plain);
        assertThat(mine.getClass()).isNotEqualTo(XYAreaRenderer.class);

        int[] a = draw(ours, new ChartRenderingInfo());
        int[] b = draw(stock, new ChartRenderingInfo());

        assertThat(a).isEqualTo(b);
    }

    private static int[] draw(JFreeChart chart, ChartRenderingInfo info) {
        BufferedImage image = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 900, 300), info);
        g.dispose();
        return image.getRGB(0, 0, 900, 300, null, 0, 900);
    }
}
