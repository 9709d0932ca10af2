package org.lowtide.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link Durations#stepStart}, the start of a grid step without Duration's BigDecimal
 * multiplication (issue 20), is the instant {@code start.plus(step.multipliedBy(i))} gives, and
 * fails where that fails.
 */
class StepStartTest {

    private static final Instant START = Instant.parse("2025-03-30T00:59:59.25Z");

    @Test
    void theSameInstantAsDurationArithmeticForWholeSecondAndFractionalSteps() {
        Duration[] steps = {Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(7),
            Duration.ofMillis(250), Duration.ofNanos(1), Duration.ofSeconds(59, 999_999_999)};
        long[] indices = {0, 1, 2, 287, 105_119, 10_000_000, -1, -105_120, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (Duration step : steps) {
            for (long i : indices) {
                assertThat(Durations.stepStart(START, step, i)).as("step %s, i %d", step, i)
                        .isEqualTo(START.plus(step.multipliedBy(i)));
            }
        }
    }

    @Test
    void failsWhereDurationArithmeticFails() {
        Duration step = Duration.ofSeconds(Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> START.plus(step.multipliedBy(3))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Durations.stepStart(START, step, 3)).isInstanceOf(ArithmeticException.class);

        Duration day = Duration.ofDays(1);
        long beyond = 400_000_000_000L; // 1.1 billion years of days: past Instant.MAX
        assertThatThrownBy(() -> START.plus(day.multipliedBy(beyond))).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Durations.stepStart(START, day, beyond)).isInstanceOf(DateTimeException.class);
    }
}
