package org.lowtide.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

/**
 * Issue 20 (ten million points): the Overview's traffic chart never hands JFreeChart one point per
 * step of a long series; it draws the minimum and maximum of each bucket, so a one-step spike and a
 * one-step outage still show.
 */
class TrafficChartThinningTest {

    @Test
    void twoMillionStepsAreDrawnAsAtMostTwentyThousandPointsKeepingASpikeAndAGap() {
        int n = 2_000_000;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1000 + 500 * Math.sin(2 * Math.PI * i / 1440.0);
        }
        v[1_234_567] = 99_999; // one spike
        v[765_432] = Double.NaN; // one missing minute
        for (int i = 1_500_000; i < 1_500_000 + 400; i++) {
            v[i] = Double.NaN; // and an outage wider than a bucket
        }
        TrafficSeries series = new TrafficSeries("requests", Instant.parse("2006-01-02T00:00:00Z"),
                Duration.ofMinutes(1), v, ZoneOffset.UTC, "");

        JFreeChart chart = TrafficChart.create(series, ZoneOffset.UTC, List.of());
        XYDataset drawn = ((XYPlot) chart.getPlot()).getDataset();

        int items = drawn.getItemCount(0);
        assertThat(items).isLessThanOrEqualTo(TrafficDataset.MAX_DRAWN_STEPS).isGreaterThan(1_000);
        double max = Double.NEGATIVE_INFINITY;
        int gaps = 0;
        double previousX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < items; i++) {
            double y = drawn.getYValue(0, i);
            max = Math.max(max, Double.isNaN(y) ? max : y);
            gaps += Double.isNaN(y) ? 1 : 0;
            assertThat(drawn.getXValue(0, i)).isGreaterThanOrEqualTo(previousX);
            previousX = drawn.getXValue(0, i);
        }
        assertThat(max).as("the spike is drawn").isEqualTo(99_999);
        assertThat(gaps).as("the outage is drawn as a gap").isPositive();
        assertThat(drawn.getXValue(0, 0)).isEqualTo(series.start().toEpochMilli());
    }
}
