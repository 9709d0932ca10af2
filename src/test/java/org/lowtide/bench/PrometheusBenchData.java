package org.lowtide.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes the Prometheus benchmark's data as OpenMetrics for {@code promtool tsdb
 * create-blocks-from openmetrics}: a counter {@code http_requests_total{job="shop"}} sampled every
 * minute for {@code DAYS} days (default 90: 129,600 samples) ending at {@code END}, with a daily
 * and weekly rhythm, seeded noise and a restart (counter reset) every 10 days.
 *
 * <pre>java -cp target/test-classes org.lowtide.bench.PrometheusBenchData OUT.om [DAYS] [END]</pre>
 */
public final class PrometheusBenchData {

    private PrometheusBenchData() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        Instant end = args.length > 2 ? Instant.parse(args[2]) : Instant.parse("2026-11-30T00:00:00Z");
        int minutes = days * 24 * 60;
        long first = end.getEpochSecond() - 60L * (minutes - 1);
        SplittableRandom random = new SplittableRandom(16);
        long counter = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# TYPE http_requests counter\n");
            for (int i = 0; i < minutes; i++) {
                long t = first + 60L * i;
                double hour = (t % 86_400) / 3600.0;
                int weekday = (int) ((t / 86_400 + 3) % 7); // 0 = Monday (1970-01-01 was a Thursday)
                double perSecond = 40 + 30 * Math.sin((hour - 9) / 24 * 2 * Math.PI) * (weekday >= 5 ? 0.6 : 1.0);
                perSecond *= 1 + 0.05 * (random.nextDouble() - 0.5);
                if (i > 0 && i % (10 * 1440) == 0) {
                    counter = 0; // a restart
                }
                counter += Math.round(perSecond * 60);
                w.write("http_requests_total{job=\"shop\"} " + counter + " " + t + "\n");
            }
            w.write("# EOF\n");
        }
    }
}
