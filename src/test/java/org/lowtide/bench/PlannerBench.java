package org.lowtide.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.analysis.WeeklyProfiles;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Holidays;
import org.lowtide.planning.Outlook;
import org.lowtide.planning.Outlooks;
import org.lowtide.planning.Plan;
import org.lowtide.planning.WindowPlanner;
import org.lowtide.planning.WindowRequest;
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
 * Planning a year's horizon at 5-minute resolution (105,120 candidate starts) with staff hours,
 * blackouts and German holidays; and laying the weekly profile over that year.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlannerBench {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private WeeklyProfile profile;
    private Outlook outlook;
    private WindowRequest request;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        double[] v = new double[8 * 2016];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + 80 * Math.sin(i * 2 * Math.PI / 288) + random.nextDouble(10);
        }
        TrafficSeries history = new TrafficSeries("bench", Instant.parse("2025-01-06T00:00:00Z"), Duration.ofMinutes(5),
                v, BERLIN, "");
        profile = WeeklyProfiles.median(history, BERLIN);
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        outlook = Outlooks.fromProfile(profile, null, from.atStartOfDay(BERLIN).toInstant(),
                to.plusDays(3).atStartOfDay(BERLIN).toInstant(), "requests");
        Constraints constraints = new Constraints(BERLIN,
                List.of(AllowedHours.parse("Mon-Fri 01:00-06:00"), AllowedHours.parse("Sat 00:00-10:00")),
                List.of(Blackout.parse("2026-11-23/2026-11-30=Black Friday freeze", BERLIN),
                        Blackout.parse("2026-12-18/2026-12-31=year-end freeze", BERLIN),
                        Blackout.parse("2026-03-25/2026-04-01=quarter end", BERLIN)),
                Holidays.between("DE", from, to), HolidayPolicy.BLACKOUT);
        request = new WindowRequest(Duration.ofHours(2), Duration.ofHours(1), 52, from, to, Duration.ofDays(5),
                constraints, Optional.of(WindowRequest.Habit.parse("Tue 14:00")));
    }

    @Benchmark
    public Plan planYearAtFiveMinutes() {
        return WindowPlanner.plan(request, outlook, Optional.of(profile));
    }

    @Benchmark
    public Outlook layProfileOverYear() {
        return Outlooks.fromProfile(profile, null, outlook.start(), outlook.end(), "requests");
    }
}
