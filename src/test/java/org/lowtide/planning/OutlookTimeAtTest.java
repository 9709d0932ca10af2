package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link Outlook#timeAt} takes whole-second steps by long arithmetic (issue 17): the instant must be
 * the one {@code start.plus(step.multipliedBy(i))} gives, for every step length and index, and an
 * index past the instant range must still fail.
 */
class OutlookTimeAtTest {

    @Test
    void sameInstantAsDurationArithmetic() {
        Instant start = Instant.parse("2026-03-29T00:55:00Z");
        for (Duration step : new Duration[] {Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofMinutes(7), Duration.ofMillis(1500), Duration.ofDays(1)}) {
            Outlook o = new Outlook(start, step, new double[3], new double[3], "");
            for (int i : new int[] {0, 1, 2, 3, 287, 288, 105_120, 1 << 20, Integer.MAX_VALUE}) {
                assertThat(o.timeAt(i)).as("%s × %d", step, i).isEqualTo(start.plus(step.multipliedBy(i)));
            }
        }
    }

    @Test
    void beyondTheInstantRangeFailsAsBefore() {
        Outlook o = new Outlook(Instant.MAX.minusSeconds(10), Duration.ofDays(100_000), new double[1], new double[1], "");
        assertThatThrownBy(() -> o.timeAt(Integer.MAX_VALUE)).isInstanceOf(RuntimeException.class);
    }
}
