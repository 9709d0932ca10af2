package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WallClockGridTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void springForwardLeavesALocalHourEmpty() {
        // 2025-03-30: 02:00 local does not exist.
        Instant start = ZonedDateTime.of(2025, 3, 30, 0, 0, 0, 0, BERLIN).toInstant();
        WallClockGrid grid = WallClockGrid.of(start, Duration.ofHours(1), 6, BERLIN);
        assertThat(grid.identity()).isFalse();
        assertThat(grid.localSize()).isEqualTo(7);
        double[] local = grid.toLocal(new double[] {0, 1, 3, 4, 5, 6});
        assertThat(local[2]).isNaN(); // 02:00
        assertThat(local[3]).isEqualTo(3);
        assertThat(grid.toUtc(new double[] {0, 1, 2, 3, 4, 5, 6})).containsExactly(0, 1, 3, 4, 5, 6);
    }

    @Test
    void fallBackSharesTheRepeatedHour() {
        // 2025-10-26: 02:00 local happens twice.
        Instant start = ZonedDateTime.of(2025, 10, 26, 0, 0, 0, 0, BERLIN).toInstant();
        WallClockGrid grid = WallClockGrid.of(start, Duration.ofHours(1), 6, BERLIN);
        assertThat(grid.localSize()).isEqualTo(5);
        double[] local = grid.toLocal(new double[] {0, 1, 2, 4, 3, 5});
        assertThat(local[2]).isEqualTo(3.0); // mean of the two 02:00 hours
        assertThat(grid.toUtc(local)).containsExactly(0, 1, 3, 3, 3, 5);
    }

    @Test
    void zonesWithoutChangesAndOddStepsAreTheIdentity() {
        Instant start = ZonedDateTime.of(2025, 3, 29, 0, 0, 0, 0, BERLIN).toInstant();
        assertThat(WallClockGrid.of(start, Duration.ofHours(1), 72, ZoneId.of("UTC")).identity()).isTrue();
        assertThat(WallClockGrid.of(start, Duration.ofDays(1), 10, BERLIN).identity()).isTrue();
        assertThat(WallClockGrid.of(start, Duration.ofHours(1), 10, BERLIN).identity()).isTrue(); // no change inside
    }
}
