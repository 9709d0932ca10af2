package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** One policy for impossible values at the end of every import (issue #14). */
class ValuePolicyTest {

    private static ImportResult read(int rows, IntFunction<String> value) throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        Instant t = Instant.parse("2025-01-06T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            csv.append(t.plusSeconds(300L * i)).append(',').append(value.apply(i)).append('\n');
        }
        return TrafficImporter.read(new StringReader(csv.toString()), "t.csv", ImportOptions.inZone(ZoneOffset.UTC));
    }

    @Test
    void aFewNegativeOrAbsurdValuesBecomeMissingWithAWarning() throws Exception {
        ImportResult r = read(600, i -> i == 10 || i == 11 ? "-5" : i == 20 ? "1e308" : String.valueOf(100 + i % 7));

        double[] v = ValuePolicy.negativesAsMissing(r).series().values();
        assertThat(v[10]).isNaN();
        assertThat(v[11]).isNaN();
        assertThat(v[20]).isNaN();
        assertThat(v[12]).isEqualTo(105);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("negative"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("1 value infinite or beyond 10^15"));
        for (double x : v) {
            assertThat(Double.isInfinite(x)).isFalse();
        }
    }

    @Test
    void aSignedGaugeIsImportedAsItIsWithAWarningButRefusedAsTraffic() throws Exception {
        ImportResult r = read(600, i -> String.format(java.util.Locale.ROOT, "%.1f", -3.5 + i % 5));

        assertThat(r.series().values()[0]).isEqualTo(-3.5);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("negative values"));
        assertThatThrownBy(() -> ValuePolicy.negativesAsMissing(r)).isInstanceOf(ImportException.class)
                .hasMessageContaining("measured values are negative: this is not traffic");
    }

    @Test
    void allZeroTrafficIsRefused() {
        assertThatThrownBy(() -> read(600, i -> "0")).isInstanceOf(ImportException.class)
                .hasMessageContaining("every measured value is zero");
    }

    @Test
    void hugeValuesAreRefusedWhenTheyAreAll() {
        assertThatThrownBy(() -> read(600, i -> "1.5e308")).isInstanceOf(ImportException.class)
                .hasMessageContaining("beyond 10^15");
    }

    @Test
    void aSawtoothIsNotCalledARunningTotalButACounterIs() throws Exception {
        // 95 % of steps rise, then a fall back every 20 steps: a cycle, not a counter
        ImportResult saw = read(600, i -> String.valueOf(100 + (i % 20) * 10));
        assertThat(saw.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("running total"));

        // a counter that grows and restarts once, to near zero
        ImportResult counter = read(600, i -> String.valueOf(i < 300 ? 1000 + 37L * i : 3L * (i - 300)));
        assertThat(counter.warnings()).anySatisfy(w -> assertThat(w.message()).contains("running total"));
    }
}
