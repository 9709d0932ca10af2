package org.lowtide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RecommendationService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The interactive re-plan path of issue 20 at the service layer: an edit that changes the window
 * request (here the count of windows and the rollback tail, as an edited restore time does) is
 * planned on the analysis made already ({@code PlanService.plan(request, Optional.of(analysis))}:
 * outlook, ranking; no import, no decomposition), for a year of hourly data (the bundled sample)
 * and a generated year of 5-minute data, in Europe/Berlin; and an edit of the window length, which
 * finds the troughs again in that analysis.
 *
 * <pre>java -cp target/test-classes:target/classes:JMH_AND_DEPS org.openjdk.jmh.Main ReplanBench</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReplanBench {

    @Param({"hourly-year", "5min-year"})
    public String series;

    private PlanService plans;
    private AnalysisResult analysed;
    private PlanRequest[] edits;
    private PlanRequest[] lengths;
    private int next;

    @Setup
    public void setUp() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Path file = series.equals("hourly-year") ? Path.of("sample-data/shop-hourly-2025.csv") : fiveMinuteYear();
        AnalysisService analysis = new AnalysisService();
        plans = new PlanService(analysis);
        AnalysisRequest request = new AnalysisRequest(new TrafficSource.FileSource(file), ImportOptions.inZone(berlin),
                AnalysisRequest.DEFAULT_WINDOW, AnalysisRequest.DEFAULT_TROUGHS);
        PlanRequest first = planRequest(request, 4, Duration.ZERO);
        analysed = analysis.analyze(PlanService.analysisFor(first), ProgressListener.NONE, Cancellation.NEVER);
        edits = new PlanRequest[] {planRequest(request, 5, Duration.ofMinutes(30)),
            planRequest(request, 4, Duration.ofMinutes(60)), planRequest(request, 3, Duration.ZERO)};
        lengths = new PlanRequest[] {planRequest(withWindow(request, Duration.ofHours(3)), 4, Duration.ZERO),
            planRequest(withWindow(request, Duration.ofHours(1)), 4, Duration.ZERO),
            planRequest(withWindow(request, Duration.ofHours(4)), 4, Duration.ZERO)};
    }

    private static PlanRequest planRequest(AnalysisRequest request, int count, Duration longerRestore) {
        WindowRequest w = new RecommendationService(null, Clock.systemUTC()).defaultWindows(request.window(),
                CostAssumptions.defaults(), request.options().zone());
        WindowRequest edited = new WindowRequest(w.duration(), w.rollbackTail().plus(longerRestore), count, w.from(),
                w.to(), w.minGap(), w.constraints(), w.habit());
        return new PlanRequest(request, edited, Optional.empty(), Optional.empty(), PlanRules.NONE);
    }

    private static AnalysisRequest withWindow(AnalysisRequest r, Duration window) {
        return new AnalysisRequest(r.source(), r.options(), window, r.troughCount());
    }

    private static Path fiveMinuteYear() throws IOException {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "lowtide-year-5min.csv");
        if (Files.exists(file)) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(2025);
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 105_120; i++, t = t.plusSeconds(300)) {
            long s = t.getEpochSecond();
            double day = Math.sin(2 * Math.PI * ((s % 86_400) / 86_400.0 - 0.25));
            double week = (s / 86_400 + 3) % 7 >= 5 ? 0.7 : 1.0;
            csv.append(t).append(',').append(Math.round((120_000 + 90_000 * day) * week
                    + random.nextDouble(-2_000, 2_000))).append('\n');
        }
        Files.writeString(file, csv);
        return file;
    }

    @Benchmark
    public PlanResult replanOnTheAnalysis() throws Exception {
        PlanRequest edit = edits[next++ % edits.length];
        return plans.plan(edit, Optional.of(analysed), ProgressListener.NONE, Cancellation.NEVER);
    }

    /**
     * An edit of the window length (3 h, 1 h, 4 h in turn, against the 2 h analysed): the troughs
     * and their stability are found again in the analysis made ({@code AnalysisService.reuse}),
     * then the windows are ranked.
     */
    @Benchmark
    public PlanResult reRankAnotherWindowLength() throws Exception {
        PlanRequest edit = lengths[next++ % lengths.length];
        return plans.plan(edit, Optional.of(analysed), ProgressListener.NONE, Cancellation.NEVER);
    }
}
