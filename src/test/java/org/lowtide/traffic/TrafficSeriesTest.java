package org.lowtide.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The copies a series makes, and the ones it saves for long series (issue 20). */
class TrafficSeriesTest {

    private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

    @Test
    void theConstructorKeepsACopySoTheCallersArrayCannotChangeIt() {
        double[] v = {1, 2, 3};
        TrafficSeries s = new TrafficSeries("s", START, Duration.ofMinutes(1), v, ZoneOffset.UTC, "");
        v[0] = 99;

        assertThat(s.valueAt(0)).isEqualTo(1);
    }

    @Test
    void adoptKeepsTheArrayHandedOverAndLaterSeriesCopyAgain() {
        double[] v = {1, 2, 3};
        TrafficSeries adopted = TrafficSeries.adopt("s", START, Duration.ofMinutes(1), v, ZoneOffset.UTC, "");
        v[0] = 99; // only to observe the sharing: callers of adopt never do this

        assertThat(adopted.valueAt(0)).isEqualTo(99);
        // the hand-over is for that one construction only
        double[] w = {1, 2, 3};
        TrafficSeries copied = new TrafficSeries("s", START, Duration.ofMinutes(1), w, ZoneOffset.UTC, "");
        w[0] = 99;
        assertThat(copied.valueAt(0)).isEqualTo(1);
    }

    @Test
    void theSameZoneIsTheSameSeriesAndAnotherZoneKeepsTheValues() {
        TrafficSeries s = new TrafficSeries("s", START, Duration.ofMinutes(1), new double[] {1, Double.NaN, 3},
                ZoneOffset.UTC, "requests");

        assertThat(s.withZone(ZoneOffset.UTC)).isSameAs(s);
        TrafficSeries berlin = s.withZone(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.values()).containsExactly(1, Double.NaN, 3);
        assertThat(berlin.withZone(ZoneOffset.UTC)).isEqualTo(s);
    }
}
