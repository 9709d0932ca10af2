package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreTimeTest {

    private static final RestoreTime DEFAULT = new RestoreTime(Duration.ofMinutes(45), Duration.ofMinutes(120));

    /** Rows of lognormal_reference.csv (made by lognormal_reference.R, R 4.2.2). */
    static List<String[]> reference(String kind) throws IOException {
        try (InputStream in = RestoreTimeTest.class.getResourceAsStream("lognormal_reference.csv")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",");
                if (f[0].equals(kind)) {
                    rows.add(f);
                }
            }
            assertThat(rows).as("reference rows of kind " + kind).isNotEmpty();
            return rows;
        }
    }

    @Test
    void sigmaComesFromTheMedianAndTheNinetiethPercentile() {
        assertThat(DEFAULT.sigma()).isCloseTo(Math.log(120.0 / 45) / 1.2815515655446004, within(1e-15));
        assertThat(DEFAULT.quantileMinutes(0.5)).isCloseTo(45, within(1e-9));
        assertThat(DEFAULT.quantileMinutes(0.9)).isCloseTo(120, within(1e-7));
        // mean = median · exp(σ²/2)
        assertThat(DEFAULT.meanMinutes()).isCloseTo(45 * Math.exp(DEFAULT.sigma() * DEFAULT.sigma() / 2), within(1e-12));
    }

    @Test
    void equalMedianAndP90MeanAFixedTime() {
        RestoreTime fixed = RestoreTime.fixed(Duration.ofMinutes(30));
        assertThat(fixed.isFixed()).isTrue();
        assertThat(fixed.meanMinutes()).isEqualTo(30);
        assertThat(fixed.limitedMean(20)).isEqualTo(20);
        assertThat(fixed.limitedMean(45)).isEqualTo(30);
        assertThat(fixed.survival(29.9)).isEqualTo(1);
        assertThat(fixed.survival(30)).isEqualTo(0);
    }

    @Test
    void limitedMeanMatchesR() throws IOException {
        // R 4.2.2: integrate(plnorm(x, log(45), s, lower.tail = FALSE), 0, c), rel.tol 1e-13.
        for (String[] row : reference("limited")) {
            double c = Double.parseDouble(row[1]);
            double expected = Double.parseDouble(row[4]);
            assertThat(DEFAULT.limitedMean(c)).as("E[min(X, %s)]", c).isCloseTo(expected, within(1e-9 * expected));
        }
    }

    @Test
    void limitedMeanTendsToTheMean() {
        assertThat(DEFAULT.limitedMean(1e9)).isCloseTo(DEFAULT.meanMinutes(), within(1e-9));
        assertThat(DEFAULT.limitedMean(0)).isZero();
        assertThat(DEFAULT.limitedMean(-5)).isZero();
    }

    @Test
    void aP90BelowTheMedianIsRejectedWithBothValues() {
        assertThatThrownBy(() -> new RestoreTime(Duration.ofMinutes(45), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the 90th percentile restore time (30 minutes) must not be shorter than the median (45 minutes)");
        assertThatThrownBy(() -> RestoreTime.fixed(Duration.ZERO))
                .hasMessageContaining("median restore time must be longer than zero");
    }

    /** Fuzz found: {@code --detect 999999999h} and huge lever factors overflowed (toNanos) deep in the model. */
    @Test
    void timesBeyondAYearAreRefusedWhereTheyAreGivenNotByAnOverflowLater() {
        assertThatThrownBy(() -> new RestoreTime(Duration.ofHours(999_999_999), Duration.ofHours(999_999_999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the median restore time must be at most 366 days, was about 114,079 years");
        assertThatThrownBy(() -> CostAssumptions.defaults().toBuilder().detect(Duration.ofDays(400)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the time to detect must be at most 366 days, was 400 days");
        assertThat(new RestoreTime(Duration.ofDays(366), Duration.ofDays(366)).medianMinutes()).isEqualTo(366 * 1440.0);
        // Scaling: in seconds, no overflow, refused in words beyond the limit.
        assertThatThrownBy(() -> DEFAULT.scaled(1e300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the 366 days a cost model takes");
        assertThat(DEFAULT.scaled(0.5).median()).isEqualTo(Duration.ofSeconds(1350));
        assertThatThrownBy(() -> new Lever("slow", "Slow", 1, 1, 1, 1, 1e300, 1, Source.lowtideDefault("test")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lever slow: the restore multiplier must be at most 100, was 1.0E300");
    }
}
