package org.lowtide.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.lowtide.analysis.PatternAnalysis;
import org.lowtide.analysis.Patterns;
import org.lowtide.traffic.TrafficSeries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole patterns pipeline (periods, anomalies, fill, robust MSTL, strengths, 8-week forecast
 * and backtest) on a 5-minute year, in UTC and in Europe/Berlin (where the DST grid applies).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PatternsBench {

    private TrafficSeries utc;
    private TrafficSeries berlin;

    @Setup
    public void setUp() {
        double[] y = MstlBench.series(105_120, 288);
        y[50_000] = 0; // an outage and a spike, so that masking and filling run too
        y[50_001] = 0;
        y[70_000] *= 5;
        utc = new TrafficSeries("bench", Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMinutes(5), y,
                ZoneId.of("UTC"), "");
        berlin = utc.withZone(ZoneId.of("Europe/Berlin"));
    }

    @Benchmark
    public Patterns fiveMinuteYearUtc() {
        return PatternAnalysis.analyze(utc, 8, PatternAnalysis.Progress.NONE, () -> false);
    }

    @Benchmark
    public Patterns fiveMinuteYearBerlin() {
        return PatternAnalysis.analyze(berlin, 8, PatternAnalysis.Progress.NONE, () -> false);
    }
}
