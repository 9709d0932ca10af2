package org.lowtide.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.traffic.TrafficSeries;

class WeeklyBandsTest {

    /** R 4.2.2, {@code quantile(x, c(0.1, 0.9), type = 7)}; script: weekly_bands_reference.R. */
    @Test
    void quantilesMatchRsTypeSeven() {
        double[] x = {12, 3, 7, 25, 9, 14, 1, 30};
        Arrays.sort(x);
        assertThat(WeeklyBands.quantile(x, 0.1)).isCloseTo(2.4, within(1e-12));
        assertThat(WeeklyBands.quantile(x, 0.9)).isCloseTo(26.5, within(1e-12));
        assertThat(WeeklyBands.quantile(new double[0], 0.5)).isNaN();
    }

    @Test
    void eachSlotBandComesFromItsOwnWeeksInLocalTime() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        WeekSlots slots = new WeekSlots(zone, Duration.ofHours(1));
        // Eight weeks of hourly data starting Monday 00:00 Berlin time: week w has level w+1 in every hour,
        // except one missing step that must not count.
        Instant start = Instant.parse("2025-01-05T23:00:00Z");
        double[] values = new double[8 * 168];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 168 + 1;
        }
        values[5] = Double.NaN;
        WeeklyBands bands = WeeklyBands.of(new TrafficSeries("t", start, Duration.ofHours(1), values, zone, ""), slots);
        assertThat(bands.lower()[0]).isCloseTo(1.7, within(1e-12)); // 1..8: type 7 at 0.1 → 1 + 0.7
        assertThat(bands.upper()[0]).isCloseTo(7.3, within(1e-12));
        assertThat(bands.lower()[5]).isCloseTo(2.6, within(1e-12)); // 2..8 (week 1 missing) → 2 + 0.6
    }

    @Test
    void gapsAreRunsOfMissingSteps() {
        double[] v = {1, Double.NaN, Double.NaN, 4, 5, Double.NaN};
        TrafficSeries s = new TrafficSeries("t", Instant.EPOCH, Duration.ofMinutes(5), v, ZoneId.of("UTC"), "");
        var gaps = ReportModel.gaps(s);
        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0).interval().start()).isEqualTo(Instant.EPOCH.plusSeconds(300));
        assertThat(gaps.get(0).interval().end()).isEqualTo(Instant.EPOCH.plusSeconds(900));
        assertThat(gaps.get(1).interval().end()).isEqualTo(Instant.EPOCH.plusSeconds(1800));
    }
}
