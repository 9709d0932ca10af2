package org.lowtide.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lowtide.analysis.Trough;
import org.lowtide.analysis.TroughFinder;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.analysis.WeeklyProfiles;
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

/** Median weekly profile and trough search on one year of 5-minute data (105,120 points). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WeeklyProfileBench {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private TrafficSeries year;
    private WeeklyProfile profile;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        double[] v = new double[105_120];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + 80 * Math.sin(i * 2 * Math.PI / 288) + random.nextDouble(10);
        }
        year = new TrafficSeries("bench", Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMinutes(5), v, BERLIN, "");
        profile = WeeklyProfiles.median(year, BERLIN);
    }

    @Benchmark
    public WeeklyProfile medianProfile() {
        return WeeklyProfiles.median(year, BERLIN);
    }

    @Benchmark
    public java.util.List<Trough> troughs() {
        return TroughFinder.find(profile, Duration.ofHours(2), 5);
    }
}
