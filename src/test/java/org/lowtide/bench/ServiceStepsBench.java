package org.lowtide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.lowtide.analysis.AnomalyDetector;
import org.lowtide.analysis.AnomalyScan;
import org.lowtide.analysis.PeriodDetector;
import org.lowtide.analysis.SeasonalPeriod;
import org.lowtide.analysis.Trough;
import org.lowtide.analysis.TroughFinder;
import org.lowtide.analysis.TroughStability;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.analysis.WeeklyProfiles;
import org.lowtide.fleet.FleetData;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ImportService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * The per-service steps of a fleet plan other than the robust MSTL (issue 17, wave 6): import,
 * periods, anomalies, weekly profile, troughs and their stability, on FleetBench's generated
 * 5-minute years in five zones, one thread, each step timed on its own after warm-up rounds.
 *
 * <pre>java -Xmx1g -cp target/test-classes:target/classes:target/lowtide.jar org.lowtide.bench.ServiceStepsBench [ROUNDS] [WARMUP]</pre>
 *
 * Prints the mean milliseconds per service of each step over the measured rounds (five services a round).
 */
public final class ServiceStepsBench {

    private ServiceStepsBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "lowtide-fleet-bench-52w");
        Files.createDirectories(dir);
        String[] zones = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"};
        Path[] files = new Path[zones.length];
        for (int d = 0; d < files.length; d++) {
            files[d] = dir.resolve("s" + d + ".csv");
            if (!Files.exists(files[d])) {
                FleetData.write(files[d], 7_000 + d, Duration.ofMinutes(5), 52);
            }
        }
        String[] names = {"import", "periods", "anomalies", "weekly profile", "troughs", "stability"};
        long[] nanos = new long[names.length];
        ImportService imports = new ImportService();
        long sink = 0;
        for (int r = 0; r < warmup + rounds; r++) {
            if (r == warmup) {
                java.util.Arrays.fill(nanos, 0);
            }
            for (int d = 0; d < files.length; d++) {
                ZoneId zone = ZoneId.of(zones[d]);
                long t0 = System.nanoTime();
                TrafficSeries s = imports.importTraffic(new TrafficSource.FileSource(files[d]), ImportOptions.inZone(zone),
                        ProgressListener.NONE, Cancellation.NEVER).series().withZone(zone);
                long t1 = System.nanoTime();
                List<SeasonalPeriod> periods = PeriodDetector.detect(s.values(), s.step());
                long t2 = System.nanoTime();
                AnomalyScan scan = AnomalyDetector.detect(s, periods);
                long t3 = System.nanoTime();
                TrafficSeries masked = new TrafficSeries(s.name(), s.start(), s.step(), scan.mask(s.values()), zone,
                        s.unit());
                WeeklyProfile profile = WeeklyProfiles.median(masked, zone);
                long t4 = System.nanoTime();
                List<Trough> troughs = TroughFinder.find(profile, AnalysisRequest.DEFAULT_WINDOW,
                        AnalysisRequest.DEFAULT_TROUGHS);
                long t5 = System.nanoTime();
                sink += TroughStability.assess(masked, profile, troughs).size();
                long t6 = System.nanoTime();
                long[] at = {t0, t1, t2, t3, t4, t5, t6};
                for (int k = 0; k < names.length; k++) {
                    nanos[k] += at[k + 1] - at[k];
                }
            }
        }
        double total = 0;
        for (int k = 0; k < names.length; k++) {
            double ms = nanos[k] / 1e6 / (rounds * files.length);
            total += ms;
            System.out.printf(Locale.ROOT, "%-15s %7.2f ms per service%n", names[k], ms);
        }
        System.out.printf(Locale.ROOT, "%-15s %7.2f ms per service (%d rounds of %d services after %d warm-up rounds; %d)%n",
                "all", total, rounds, files.length, warmup, sink);
    }
}
