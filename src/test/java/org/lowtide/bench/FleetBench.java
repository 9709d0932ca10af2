package org.lowtide.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.lowtide.fleet.DependencyGroup;
import org.lowtide.fleet.Fleet;
import org.lowtide.fleet.FleetChecker;
import org.lowtide.fleet.FleetData;
import org.lowtide.fleet.FleetMember;
import org.lowtide.fleet.FleetRules;
import org.lowtide.fleet.GroupKind;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.FleetRequest;
import org.lowtide.service.FleetResult;
import org.lowtide.service.FleetService;
import org.lowtide.service.PlanService;
import org.lowtide.service.RecommendationService;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * The fleet benchmark (issue #17): N services of one year at 5 minutes, analysed and planned on a
 * bounded pool, then placed under fleet rules (never-together groups of three, on-call capacity).
 * The services read D distinct generated files round-robin (each service still imports, analyses
 * and plans its file on its own; nothing is cached between services), so the disk holds D files.
 *
 * <pre>java -Xmx1g -cp target/test-classes:target/classes:$(cat cp.txt) org.lowtide.bench.FleetBench N THREADS [D] [WEEKS] [auto|profile]</pre>
 */
public final class FleetBench {

    private FleetBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int distinct = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int weeks = args.length > 3 ? Integer.parseInt(args[3]) : 52;
        org.lowtide.planning.OutlookChoice outlook = org.lowtide.planning.OutlookChoice.parse(args.length > 4 ? args[4]
                : "auto");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "lowtide-fleet-bench-" + weeks + "w");
        Files.createDirectories(dir);
        for (int d = 0; d < distinct; d++) {
            Path f = dir.resolve("s" + d + ".csv");
            if (!Files.exists(f)) {
                FleetData.write(f, 7_000 + d, Duration.ofMinutes(5), weeks);
            }
        }
        String[] zones = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"};
        List<FleetMember> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(new FleetMember("svc" + i, dir.resolve("s" + (i % distinct) + ".csv"), Optional.empty(),
                    Optional.of(ZoneId.of(zones[i % zones.length])), java.util.OptionalDouble.empty(), Optional.empty(),
                    List.of(), List.of(), Optional.empty(), 1, Optional.empty(), "bench"));
        }
        List<DependencyGroup> groups = new ArrayList<>();
        for (int g = 0; g + 2 < n; g += 10) {
            groups.add(new DependencyGroup("g" + g, GroupKind.NEVER_TOGETHER, List.of("svc" + g, "svc" + (g + 1),
                    "svc" + (g + 2))));
        }
        Fleet fleet = new Fleet(members, new FleetRules(OptionalInt.of(Math.max(1, n / 20)), Duration.ofDays(1), groups,
                List.of(), Optional.empty()), "bench");
        PlanService plans = new PlanService(new AnalysisService());
        FleetService service = new FleetService(plans, new RecommendationService(plans, Clock.systemUTC()));
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.HEAP) {
                        used += p.getUsage().getUsed();
                    }
                }
                peak[0] = Math.max(peak[0], used);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        FleetResult result = service.plan(new FleetRequest(fleet, ImportOptions.inZone(ZoneOffset.UTC), Optional.empty(),
                Optional.empty(), FleetRequest.DEFAULT_CANDIDATES, threads, outlook), (f, m) -> { }, Cancellation.NEVER);
        sampler.interrupt();
        double perService = result.outcomes().stream().mapToDouble(o -> o.seconds()).sum() / n;
        System.out.printf(Locale.ROOT, "%d services x %d weeks at 5 min, outlook %s, %d threads: %.1f s wall, %.2f services/s, "
                        + "%.3f services/s/thread; mean %.2f s per service on its thread; failed %d; optimiser %s; "
                        + "violations %d; peak heap sampled %.0f MB (max %.0f MB)%n",
                n, weeks, outlook.id(), threads, result.seconds(), n / result.seconds(), n / result.seconds() / threads, perService,
                result.failed(), result.solution().method(), FleetChecker.violations(result.problem(), result.solution())
                        .size(), peak[0] / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }
}
