package org.lowtide.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.lowtide.fleet.Fleet;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.FleetRequest;
import org.lowtide.service.FleetResult;
import org.lowtide.service.FleetService;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RecommendationService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.traffic.sources.PrometheusConnection;
import org.lowtide.traffic.sources.PrometheusQuery;

/**
 * A fleet read from Prometheus (issue #17): reads the query's services ({@link FleetService#readPrometheus})
 * and, with {@code plan}, plans them with the profile outlook on THREADS threads; prints the time,
 * the services and the peak heap after collection (the JVM's own pool peaks). Run under
 * {@code /usr/bin/time -v} for the peak resident memory.
 *
 * <pre>java -Xmx2g -cp target/test-classes:target/classes:CP org.lowtide.bench.PrometheusFleetBench URL QUERY LABEL START END [read|plan] [THREADS]</pre>
 */
public final class PrometheusFleetBench {

    private PrometheusFleetBench() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        String query = args[1];
        String label = args[2];
        Instant start = Instant.parse(args[3]);
        Instant end = Instant.parse(args[4]);
        boolean plan = args.length > 5 && args[5].equals("plan");
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        PlanService plans = new PlanService(new AnalysisService());
        FleetService fleets = new FleetService(plans, new RecommendationService(plans,
                Clock.fixed(end, ZoneOffset.UTC)));
        TrafficSource.Prometheus source = new TrafficSource.Prometheus(PrometheusQuery.between(server, query,
                Duration.ofMinutes(5), start, end), PrometheusConnection.of(PrometheusAuth.NONE));
        long t0 = System.nanoTime();
        Fleet fleet = fleets.readPrometheus(source, label, ProgressListener.NONE, Cancellation.NEVER);
        double read = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "read %d services in %.1f s; peak heap so far %.0f MB%n",
                fleet.members().size(), read, peakHeapMb());
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "heap in use after a collection, the fleet read: %.1f MB (%.1f KB a service)%n",
                live / 1e6, live / 1e3 / fleet.members().size());
        if (plan) {
            FleetRequest request = new FleetRequest(fleet, FleetService.prometheusOptions(source,
                    ImportOptions.inZone(ZoneOffset.UTC)), Optional.empty(), Optional.empty(),
                    FleetRequest.DEFAULT_CANDIDATES, threads, org.lowtide.planning.OutlookChoice.PROFILE);
            FleetResult result = fleets.plan(request, ProgressListener.NONE, Cancellation.NEVER);
            System.out.printf(Locale.ROOT, "planned %d services (%d failed) in %.1f s%n", result.outcomes().size(),
                    result.failed(), (System.nanoTime() - t0) / 1e9 - read);
        } else {
            FleetService.release(fleet);
        }
        System.out.printf(Locale.ROOT, "peak heap %.0f MB%n", peakHeapMb());
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }
}
