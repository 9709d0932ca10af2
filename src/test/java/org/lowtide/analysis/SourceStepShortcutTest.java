package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forecast's wall-clock source step takes the UTC answer where no change of offset lies in
 * between (issue 20), the changes looked up once for a horizon; it must agree with the step-by-step
 * search at every lead time, across spring and autumn changes, for a day and a week, hourly and
 * every 5 minutes.
 */
class SourceStepShortcutTest {

    @ParameterizedTest
    @CsvSource({
        "Europe/Berlin, 2025-01-06T00:00:00Z, 3600, 24",
        "Europe/Berlin, 2025-01-06T00:00:00Z, 3600, 168",
        "Europe/Berlin, 2025-08-04T00:00:00Z, 3600, 168",
        "America/New_York, 2025-01-06T05:00:00Z, 300, 2016",
        "America/New_York, 2025-08-04T04:00:00Z, 300, 288",
        "Australia/Lord_Howe, 2025-02-03T00:00:00Z, 1800, 48",
    })
    void theShortcutAgreesWithTheSearchAtEveryLead(String zone, String start, int stepSeconds, int period) {
        int n = 10 * period;
        double[] zeros = new double[n];
        Decomposition d = new Decomposition(Instant.parse(start), Duration.ofSeconds(stepSeconds), List.of(), zeros,
                zeros, new boolean[n], zeros, new double[0][], zeros, zeros, ZoneId.of(zone));
        int horizon = (int) (Duration.ofDays(40 * 7).getSeconds() / stepSeconds);
        int crossings = 0;
        // One lookup of the changes of offset for the whole horizon, as the forecast makes it.
        Forecaster.Sources sources = new Forecaster.Sources(d, period, n, horizon, true);
        for (int h = 0; h < horizon; h++) {
            int utc = n - period + (h % period);
            int searched = Forecaster.searchWallClock(d, period, n, h, utc);
            assertThat(new Forecaster.Sources(d, period, n, h + 1, true).at(h)).as("lead %d", h).isEqualTo(searched);
            assertThat(sources.at(h)).as("lead %d, one lookup for the horizon", h).isEqualTo(searched);
            if (searched != utc) {
                crossings++;
            }
        }
        assertThat(crossings).as("the horizon crosses a change of offset").isPositive();
    }
}
