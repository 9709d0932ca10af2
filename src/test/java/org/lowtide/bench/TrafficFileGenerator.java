package org.lowtide.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes benchmark inputs: {@code timestamp,requests} with ISO-8601 {@code Z} timestamps every
 * minute from 2025-01-01 and a seeded daily/weekly traffic shape. 525,600 rows make one year
 * (14.7 MB); the importer's throughput bench and the 10-million-row check use these files.
 *
 * <pre>java -cp target/test-classes:target/classes org.lowtide.bench.TrafficFileGenerator /tmp/year.csv 525600</pre>
 */
public final class TrafficFileGenerator {

    private TrafficFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/lowtide-year-1min.csv");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 525_600;
        write(out, rows);
        System.out.println(out + ": " + rows + " rows, " + Files.size(out) + " bytes");
    }

    /** Writes {@code rows} minutes of traffic to {@code file}, unless it already holds exactly that. */
    public static void write(Path file, long rows) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(2025);
        long start = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            o.write("timestamp,requests\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder(40);
            for (long i = 0; i < rows; i++) {
                long t = start + 60 * i;
                double day = Math.sin(2 * Math.PI * ((t % 86_400) / 86_400.0 - 0.25));
                double week = (t / 86_400 + 3) % 7 >= 5 ? 0.7 : 1.0;
                long requests = Math.max(0, Math.round((120_000 + 90_000 * day) * week + random.nextDouble(-2_000, 2_000)));
                line.setLength(0);
                line.append(iso.format(Instant.ofEpochSecond(t))).append(',').append(requests).append('\n');
                o.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Writes a wide table as data portals export it (issue 13): 50 columns, the date ({@code dd/MM/yyyy})
     * first, the value second, the time of day ({@code HH:mm}) fifth, 44 further columns of numbers
     * (whole and with one decimal) and three text attributes; one row a minute from 2020-01-01.
     */
    public static void writeWide(Path file, long rows) throws IOException {
        if (Files.exists(file) && Files.size(file) > rows * 100) {
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(13);
        long start = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder("Date,Requests,Season,Holiday,Time");
            for (int c = 0; c < 44; c++) {
                header.append(",m").append(c);
            }
            header.append(",Weather\n");
            o.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            String[] seasons = {"Winter", "Spring", "Summer", "Autumn"};
            String[] weather = {"clear", "cloudy", "rain", "snow", "fog"};
            StringBuilder line = new StringBuilder(256);
            String day = "";
            long dayNumber = -1;
            for (long i = 0; i < rows; i++) {
                long t = start + 60 * i;
                if (t / 86_400 != dayNumber) {
                    dayNumber = t / 86_400;
                    day = date.format(Instant.ofEpochSecond(t));
                }
                int minuteOfDay = (int) (t % 86_400 / 60);
                line.setLength(0);
                line.append(day).append(',').append(1_000 + random.nextInt(9_000)).append(',')
                        .append(seasons[(int) (dayNumber / 91 % 4)]).append(',')
                        .append(dayNumber % 30 == 0 ? "Holiday" : "No Holiday").append(',');
                int h = minuteOfDay / 60;
                int m = minuteOfDay % 60;
                line.append(h < 10 ? "0" : "").append(h).append(':').append(m < 10 ? "0" : "").append(m);
                for (int c = 0; c < 44; c++) {
                    line.append(',');
                    if (c % 2 == 0) {
                        line.append(random.nextInt(100));
                    } else {
                        line.append(random.nextInt(30)).append('.').append(random.nextInt(10));
                    }
                }
                line.append(',').append(weather[(int) (i / 180 % 5)]).append('\n');
                o.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
    }
}
