package org.lowtide.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Anomaly;
import org.lowtide.analysis.PatternAnalysis;
import org.lowtide.analysis.Patterns;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;

/** The patterns charts draw headless (the PDF report reuses them) and show what they should. */
class PatternChartsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static TrafficSeries fourWeeks() {
        double[] v = new double[4 * 168];
        for (int i = 0; i < v.length; i++) {
            v[i] = 500 + 400 * Math.sin(2 * Math.PI * i / 24) + ((i / 24) % 7 >= 5 ? -200 : 0) + (i % 7);
        }
        v[300] = 0;
        v[301] = 0;
        return new TrafficSeries("t", Instant.parse("2025-01-06T00:00:00Z"), Duration.ofHours(1), v, BERLIN, "req");
    }

    private static void draws(JFreeChart chart) {
        BufferedImage image = chart.createBufferedImage(900, 500);
        assertThat(image.getWidth()).isEqualTo(900);
    }

    @Test
    void everyChartDrawsHeadless() {
        TrafficSeries s = fourWeeks();
        Patterns p = PatternAnalysis.analyze(s, 2, PatternAnalysis.Progress.NONE, () -> false);
        JFreeChart series = PatternCharts.seriesWithAnomalies(s, p.anomalyList(), BERLIN);
        JFreeChart decomposition = PatternCharts.decomposition(p.decomposition().orElseThrow(), BERLIN);
        JFreeChart strengths = PatternCharts.periodStrengths(p.periods());
        JFreeChart forecast = PatternCharts.forecast(s, p.forecast().orElseThrow(), BERLIN, Duration.ofDays(14));
        PatternCharts.markHolidays(forecast, Map.of(java.time.LocalDate.of(2025, 2, 5), "Test day"), BERLIN, true);
        for (JFreeChart c : List.of(series, decomposition, strengths, forecast)) {
            draws(c);
        }
        // observed, trend, one panel per period, remainder
        assertThat(((CombinedDomainXYPlot) decomposition.getPlot()).getSubplots())
                .hasSize(3 + p.decomposition().orElseThrow().periods().size());
        java.util.Collection<?> markers = ((XYPlot) series.getPlot()).getDomainMarkers(Layer.BACKGROUND);
        assertThat(markers.size()).isEqualTo(p.anomalyList().size());
        assertThat(((XYPlot) forecast.getPlot()).getDataset(1).getSeriesCount()).isEqualTo(2); // 95 % and 80 % bands
    }

    @Test
    void anomalyKindsHaveTheirOwnColours() {
        assertThat(PatternCharts.colour(Anomaly.Kind.OUTAGE)).isNotEqualTo(PatternCharts.colour(Anomaly.Kind.SPIKE));
        assertThat(PatternCharts.colour(Anomaly.Kind.COLLECTION_GAP)).isNotEqualTo(PatternCharts.colour(Anomaly.Kind.DIP));
        TrafficSeries s = fourWeeks();
        Anomaly gap = new Anomaly(new Interval(s.timeAt(10), s.timeAt(20)), Anomaly.Kind.COLLECTION_GAP, 10);
        JFreeChart chart = PatternCharts.seriesWithAnomalies(s, List.of(gap), BERLIN);
        org.jfree.chart.plot.Marker m = (org.jfree.chart.plot.Marker) ((XYPlot) chart.getPlot())
                .getDomainMarkers(Layer.BACKGROUND).iterator().next();
        assertThat(m.getPaint()).isEqualTo(PatternCharts.colour(Anomaly.Kind.COLLECTION_GAP));
    }
}
