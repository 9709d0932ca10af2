package org.lowtide.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

/** The traffic chart's value axis says what was counted, never a bare "value". */
class TrafficChartTest {

    private static TrafficSeries series(String name, Duration step, String unit) {
        return new TrafficSeries(name, Instant.parse("2025-01-06T00:00:00Z"), step, new double[] {1, 2, 3}, ZoneOffset.UTC, unit);
    }

    @Test
    void unitThenNameThenWhatOnePointIs() {
        assertThat(TrafficChart.valueLabel(series("value", Duration.ofHours(1), "requests"))).isEqualTo("requests");
        assertThat(TrafficChart.valueLabel(series("orders", Duration.ofHours(1), ""))).isEqualTo("orders");
        assertThat(TrafficChart.valueLabel(series("value", Duration.ofHours(1), ""))).isEqualTo("traffic per hour");
        assertThat(TrafficChart.valueLabel(series("Value", Duration.ofMinutes(5), ""))).isEqualTo("traffic per 5 min");
        assertThat(TrafficChart.valueLabel(series("count", Duration.ofDays(1), ""))).isEqualTo("traffic per day");
    }

    @Test
    void theChartsAxisCarriesTheLabel() {
        var chart = TrafficChart.create(series("value", Duration.ofMinutes(15), ""), ZoneOffset.UTC, List.of());
        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("traffic per 15 min");
    }
}
