package org.lowtide.fleet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes generated services for fleet tests and the fleet benchmark: {@code timestamp,requests}
 * with ISO-8601 {@code Z} times, a daily and weekly shape whose quietest hour moves with the seed,
 * and seeded noise.
 */
public final class FleetData {

    private FleetData() {
    }

    /**
     * @param file  where to write
     * @param seed  moves the trough (hour of day, quiet weekday) and the noise
     * @param step  sampling step
     * @param weeks how many weeks of history, ending 2026-03-01
     */
    public static void write(Path file, long seed, Duration step, int weeks) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double troughHour = random.nextInt(24);
        int quietDay = random.nextInt(7);
        double level = 1_000 + random.nextInt(100_000);
        Instant end = Instant.parse("2026-03-01T00:00:00Z");
        long n = Duration.ofDays(7L * weeks).getSeconds() / step.getSeconds();
        long start = end.getEpochSecond() - n * step.getSeconds();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("timestamp,requests\n");
            StringBuilder line = new StringBuilder(40);
            for (long i = 0; i < n; i++) {
                long t = start + i * step.getSeconds();
                double hour = (t % 86_400) / 3600.0;
                double day = -Math.cos(2 * Math.PI * (hour - troughHour) / 24); // -1 at the trough
                int weekday = (int) ((t / 86_400 + 3) % 7);
                double week = weekday == quietDay ? 0.6 : 1.0;
                double v = Math.max(0, level * (1.1 + day) * week * (1 + random.nextDouble(-0.03, 0.03)));
                line.setLength(0);
                line.append(java.time.format.DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(t)))
                        .append(',').append(Math.round(v)).append('\n');
                w.write(line.toString());
            }
        }
    }

    /**
     * Writes a long-format fleet CSV ({@code service,timestamp,requests}) of hourly rows from Monday
     * 2026-01-05, each service with a daily shape of its own (the first twice as steep as the others).
     */
    public static void writeLongFormat(Path csv, java.util.List<String> services, int hours) throws IOException {
        StringBuilder text = new StringBuilder("service,timestamp,requests\n");
        java.time.Instant start = java.time.Instant.parse("2026-01-05T00:00:00Z");
        for (int h = 0; h < hours; h++) {
            for (int k = 0; k < services.size(); k++) {
                text.append(services.get(k)).append(',').append(start.plusSeconds(3600L * h)).append(',')
                        .append(100 + (h % 24) * (k == 0 ? 3 : 1)).append('\n');
            }
        }
        java.nio.file.Files.writeString(csv, text);
    }
}
