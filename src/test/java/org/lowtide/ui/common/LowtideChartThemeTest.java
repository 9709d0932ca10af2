package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.lowtide.report.charts.TrafficChart;
import org.lowtide.traffic.TrafficSeries;

/** Lowtide's chart theme on a chart the report builds: both looks, and back again. */
class LowtideChartThemeTest {

    private static JFreeChart bigTraffic() {
        double[] values = new double[48];
        for (int i = 0; i < values.length; i++) {
            values[i] = 9e9 + 1e9 * Math.sin(i / 4.0);
        }
        return TrafficChart.create(new TrafficSeries("value", Instant.parse("2025-01-06T00:00:00Z"), Duration.ofHours(1),
                values, ZoneOffset.UTC, ""), ZoneOffset.UTC, List.of());
    }

    @Test
    void darkThenLightRestylesEverythingAndRestoresThePrintColours() {
        JFreeChart chart = bigTraffic();
        Color print = (Color) chart.getXYPlot().getRenderer().getSeriesPaint(0);

        LowtideChartTheme.apply(chart, ChartPalette.DARK, Locale.US);
        XYPlot plot = chart.getXYPlot();
        assertThat(chart.getBackgroundPaint()).isEqualTo(ChartPalette.DARK.background());
        assertThat(plot.getBackgroundPaint()).isEqualTo(ChartPalette.DARK.background());
        assertThat(plot.getRangeGridlinePaint()).isEqualTo(ChartPalette.DARK.grid());
        assertThat(plot.getRangeAxis().getTickLabelPaint()).isEqualTo(ChartPalette.DARK.text());
        assertThat(plot.getRangeAxis().getLabelPaint()).isEqualTo(ChartPalette.DARK.text());
        assertThat(plot.getRenderer().getSeriesPaint(0)).isNotEqualTo(print).isEqualTo(new Color(0x58a6ff));

        LowtideChartTheme.apply(chart, ChartPalette.LIGHT, Locale.US);
        assertThat(chart.getBackgroundPaint()).isEqualTo(ChartPalette.LIGHT.background());
        assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(print);
    }

    @Test
    void valueAxisReadsInShortLocaleNumbersWithTheSeriesLabel() {
        JFreeChart chart = bigTraffic();
        LowtideChartTheme.apply(chart, ChartPalette.LIGHT, Locale.US);
        NumberAxis axis = (NumberAxis) chart.getXYPlot().getRangeAxis();
        NumberTickUnit unit = (NumberTickUnit) axis.getStandardTickUnits().getCeilingTickUnit(1e9);
        assertThat(unit.valueToString(9e9)).isEqualTo("9B");
        assertThat(axis.getLabel()).isEqualTo("traffic per hour");

        LowtideChartTheme.apply(chart, ChartPalette.LIGHT, Locale.GERMANY);
        unit = (NumberTickUnit) axis.getStandardTickUnits().getCeilingTickUnit(1e9);
        assertThat(unit.valueToString(9e9).replace('\u00a0', ' ')).isEqualTo("9 Mrd.");
    }

    @Test
    void plainGroupedOverridesGiveWayButPercentagesStay() {
        JFreeChart chart = bigTraffic();
        NumberAxis grouped = (NumberAxis) chart.getXYPlot().getRangeAxis();
        grouped.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ENGLISH));
        NumberAxis percent = new NumberAxis("share");
        percent.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        chart.getXYPlot().setRangeAxis(1, percent);

        LowtideChartTheme.apply(chart, ChartPalette.DARK, Locale.US);
        assertThat(grouped.getNumberFormatOverride()).isNull();
        assertThat(percent.getNumberFormatOverride()).isNotNull();
    }
}
