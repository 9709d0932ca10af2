package org.lowtide.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large fleet as OpenMetrics for {@code promtool tsdb create-blocks-from openmetrics}: a
 * gauge {@code fleet_rps{service="svc-0000"…}} per service, every 5 minutes for {@code DAYS} days
 * ending at {@code END}, each with its own level, daily and weekly rhythm, phase and seeded noise.
 *
 * <pre>java -cp target/test-classes org.lowtide.bench.PrometheusFleetBenchData OUT.om SERVICES [DAYS] [END]</pre>
 */
public final class PrometheusFleetBenchData {

    private PrometheusFleetBenchData() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int services = Integer.parseInt(args[1]);
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Instant end = args.length > 3 ? Instant.parse(args[3]) : Instant.parse("2026-11-30T00:00:00Z");
        int steps = days * 24 * 12;
        long first = end.getEpochSecond() - 300L * (steps - 1);
        try (BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            w.write("# TYPE fleet_rps gauge\n");
            for (int s = 0; s < services; s++) {
                SplittableRandom random = new SplittableRandom(1_000 + s);
                double level = 5 + 500 * random.nextDouble();
                double phase = random.nextDouble() * 6;
                String series = String.format(Locale.ROOT, "fleet_rps{service=\"svc-%04d\"} ", s);
                for (int i = 0; i < steps; i++) {
                    long t = first + 300L * i;
                    double hour = (t % 86_400) / 3600.0;
                    int weekday = (int) ((t / 86_400 + 3) % 7); // 0 = Monday
                    double v = level * (1 + 0.7 * Math.sin((hour - 9 - phase) / 24 * 2 * Math.PI))
                            * (weekday >= 5 ? 0.6 : 1.0) * (1 + 0.1 * (random.nextDouble() - 0.5));
                    w.write(series);
                    w.write(String.format(Locale.ROOT, "%.3f %d%n", v, t));
                }
            }
            w.write("# EOF\n");
        }
    }
}
