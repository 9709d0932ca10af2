package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

/**
 * Issue 20: {@link PatternAnalysis#analyze} backtests the forecast alongside the final
 * decomposition. The forecast must be the one made afterwards on the finished decomposition (as
 * {@link PatternAnalysis#reforecast} makes it), to the last bit, and a failure of the decomposition
 * must reach the caller as itself.
 */
class AlongsideForecastTest {

    /** Ten weeks of 15-minute traffic in Berlin across the spring DST change, with a gap and an outage. */
    private static TrafficSeries series() {
        int n = 10 * 7 * 96;
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(20);
        for (int t = 0; t < n; t++) {
            double day = Math.sin(2 * Math.PI * (t % 96) / 96.0);
            double week = (t / 96) % 7 >= 5 ? 0.6 : 1.0;
            v[t] = (1000 + 600 * day) * week + random.nextDouble(-40, 40);
        }
        for (int t = 3000; t < 3040; t++) {
            v[t] = Double.NaN;
        }
        for (int t = 5000; t < 5012; t++) {
            v[t] = 0;
        }
        return new TrafficSeries("t", Instant.parse("2026-02-09T00:00:00Z"), Duration.ofMinutes(15), v,
                ZoneId.of("Europe/Berlin"), "requests");
    }

    @Test
    void theForecastMadeAlongsideIsTheOneMadeOnTheFinishedDecomposition() {
        TrafficSeries s = series();
        Patterns alongside = PatternAnalysis.analyze(s, 3, PatternAnalysis.Progress.NONE, () -> false);
        Patterns after = PatternAnalysis.reforecast(alongside, s, 3, () -> false);
        Forecast a = alongside.forecast().orElseThrow();
        Forecast b = after.forecast().orElseThrow();
        assertThat(a.backtest()).isPresent();
        assertThat(a.backtest()).isEqualTo(b.backtest());
        assertThat(a.method()).isEqualTo(b.method());
        assertThat(a.mean()).isEqualTo(b.mean());
        assertThat(a.lower95()).isEqualTo(b.lower95());
        assertThat(a.upper80()).isEqualTo(b.upper80());
        assertThat(alongside.decomposition()).isPresent();
        assertThat(alongside.periods()).isEqualTo(alongside.decomposition().get().periods());
    }

    @Test
    void aFailingDecompositionReachesTheCallerAsItself() {
        TrafficSeries s = series();
        Patterns p = PatternAnalysis.analyze(s, 0, PatternAnalysis.Progress.NONE, () -> false);
        double[] masked = p.anomalies().mask(s.values());
        assertThatThrownBy(() -> ForecastSelection.forecast(s, p.periods(), s.values(), masked, 96 * 7, () -> false,
                () -> {
                    throw new IllegalArgumentException("no decomposition today");
                })).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no decomposition today");
    }
}
