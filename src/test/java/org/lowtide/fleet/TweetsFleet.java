package org.lowtide.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.lowtide.traffic.sources.PrometheusServer;

/**
 * A fleet of three real series both in a real Prometheus and as files, for the tests of a fleet
 * read from a query: the NAB Twitter-volume series of {@code ../shared/data} as
 * {@code tweets{symbol="AAPL"|"FB"|"GOOG"}}, over the range all three cover, and the same points as
 * {@code SYMBOL.csv} in a folder. Skips the calling test, saying why, without Prometheus or the data.
 *
 * @param server the started server (close it after use)
 * @param files  the folder of the three files
 */
public record TweetsFleet(PrometheusServer server, Path files) implements AutoCloseable {

    public static final String[] SYMBOLS = {"AAPL", "FB", "GOOG"};
    /** The first point of all three series, and the last of the shortest (FB), on the 5-minute grid (UTC). */
    public static final String FIRST = "2015-02-26 21:40:00";
    public static final String LAST = "2015-04-22 21:00:00";
    /** The last original time kept (FB's last point). */
    private static final String LAST_ORIGINAL = "2015-04-22 21:02:53";
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Backfills the series into a Prometheus started under {@code dir}, and writes the files. */
    public static TweetsFleet start(Path dir) throws Exception {
        PrometheusServer.assumeInstalled();
        Path data = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic");
        Assumptions.assumeTrue(Files.isRegularFile(data.resolve("nab_twitter_volume_AAPL.csv")),
                "../shared/data absent: the Prometheus fleet test is skipped");
        Path files = Files.createDirectories(dir.resolve("files"));
        StringBuilder om = new StringBuilder("# TYPE tweets gauge\n");
        for (String symbol : SYMBOLS) {
            List<String> lines = Files.readAllLines(data.resolve("nab_twitter_volume_" + symbol + ".csv"),
                    StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>(List.of(lines.get(0)));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                if (line.isBlank() || cells[0].compareTo(LAST_ORIGINAL) > 0) {
                    continue;
                }
                // Prometheus evaluates a range on multiples of the step since the epoch (issue 16), so the points
                // are stamped on them (…:42:53 becomes …:40:00), here and in the files alike.
                long t = LocalDateTime.parse(cells[0], NAIVE).toEpochSecond(ZoneOffset.UTC) / 300 * 300;
                kept.add(NAIVE.format(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC)) + "," + cells[1].trim());
                om.append("tweets{symbol=\"").append(symbol).append("\"} ").append(cells[1].trim()).append(' ')
                        .append(t).append('\n');
            }
            // The same points as a file of their own (a temporary copy: the range every series covers).
            Files.write(files.resolve(symbol + ".csv"), kept, StandardCharsets.UTF_8);
        }
        return new TweetsFleet(PrometheusServer.start(dir.resolve("prom"), om.append("# EOF\n").toString(), null),
                files);
    }

    /** @return a naive time of the data as the instant it is in UTC */
    public static Instant utc(String naive) {
        return LocalDateTime.parse(naive, NAIVE).toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        server.close();
    }
}
