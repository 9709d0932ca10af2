package org.lowtide.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Writes the two bundled sample traffic files in {@code sample-data/}.
 *
 * <p>Both files are synthetic and fully deterministic: fixed seeds, explicit zones, no use of the
 * system zone, locale or clock. Floating point in Java 17 is strict and every transcendental call
 * goes through {@link StrictMath}, so the output is byte-identical on every JVM and platform (as
 * long as the JDK's time-zone rules for 2025/2026 do not change). {@code SampleDataTest} fails when
 * the committed files drift from this generator. The model behind each file is described in
 * {@code sample-data/README.md}; keep the two in step.
 *
 * <p>Regenerate with {@code mvn -B test -Dtest=SampleDataTest -Dlowtide.samples.write=true}, or
 * without Maven: {@code javac -d /tmp/gen src/test/java/org/lowtide/samples/SampleDataGenerator.java
 * && java -cp /tmp/gen org.lowtide.samples.SampleDataGenerator sample-data}.
 */
public final class SampleDataGenerator {

    /** File name of the hourly online-shop sample. */
    public static final String SHOP_FILE = "shop-hourly-2025.csv";
    /** File name of the five-minute B2B API sample. */
    public static final String API_FILE = "api-5min-dst-2026.csv";
    /** Header line shared by both files (the importer's contract). */
    public static final String HEADER = "timestamp,requests";
    /** Directory written when {@link #main} gets no argument. */
    public static final String DEFAULT_DIR = "sample-data";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SampleDataGenerator() {
    }

    /**
     * Writes every sample file into a directory.
     *
     * @param args {@code args[0]}: the target directory, default {@value #DEFAULT_DIR}
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : DEFAULT_DIR);
        for (Path written : writeAll(dir).keySet()) {
            System.out.println("wrote " + written);
        }
    }

    /**
     * Writes every sample file into {@code dir}, creating it if needed.
     *
     * @param dir the target directory
     * @return the written paths with their contents, in a stable order
     * @throws IOException if a file cannot be written
     */
    public static Map<Path, String> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<Path, String> written = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : allFiles().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
            written.put(path, file.getValue());
        }
        return written;
    }

    /**
     * The content of every sample file, by file name.
     *
     * @return file name to content, in a stable order
     */
    public static Map<String, String> allFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SHOP_FILE, shopHourly2025());
        files.put(API_FILE, api5MinDst2026());
        return files;
    }

    // ---------------------------------------------------------------------------------------------
    // Online shop, hourly, 2025, Europe/Berlin
    // ---------------------------------------------------------------------------------------------

    /** Zone whose wall clock drives the shop's traffic. */
    public static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Berlin");
    /** First row of the shop file: 2025-01-01T00:00+01:00. */
    public static final ZonedDateTime SHOP_START = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, SHOP_ZONE);
    /** Rows in the shop file: every hour of 2025 in absolute time (the DST hours cancel out). */
    public static final int SHOP_ROWS = 8760;
    private static final Duration SHOP_STEP = Duration.ofHours(1);

    private static final long SHOP_NOISE_SEED = 20250101L;
    private static final long SHOP_OUTAGE_SEED = 20250312L;

    /** Mean requests per hour over the year, before events and outages. */
    private static final double SHOP_BASE_REQUESTS_PER_HOUR = 12_000.0;
    /** Traffic at the end of the year relative to the start (+15 %, linear). */
    private static final double SHOP_GROWTH_OVER_YEAR = 0.15;
    /** Sigma of the multiplicative lognormal noise. */
    private static final double SHOP_NOISE_SIGMA = 0.06;

    /**
     * Daily shape by local hour, relative to the evening peak (20:00 = 1.0): trough at 03–05 at
     * 6–8 % of the peak, a lunch bump at 12–13, the main peak at 19–21. Normalised to mean 1 below.
     */
    private static final double[] SHOP_HOUR_OF_PEAK = {
        0.38, 0.22, 0.12, 0.075, 0.065, 0.075, 0.13, 0.25, // 00–07
        0.40, 0.50, 0.56, 0.62, 0.72, 0.70, 0.60, 0.58,   // 08–15
        0.61, 0.69, 0.83, 0.96, 1.00, 0.94, 0.76, 0.56,   // 16–23
    };
    private static final double[] SHOP_DAILY_SHAPE = normalisedToMeanOne(SHOP_HOUR_OF_PEAK);

    /**
     * Yearly level by month, anchored mid-month and interpolated linearly in between: a summer dip
     * of about 10 % in July and August, rising through November and December. Averages about 1.
     */
    private static final double[] SHOP_MONTH_LEVEL = {
        1.00, 0.98, 1.00, 0.98, 0.96, 0.94, 0.90, 0.90, 0.97, 1.02, 1.10, 1.18,
    };

    private static final LocalDate BLACK_FRIDAY = LocalDate.of(2025, 11, 28);
    private static final LocalDate CYBER_MONDAY = LocalDate.of(2025, 12, 1);
    private static final double BLACK_FRIDAY_FACTOR = 3.0;
    private static final double CYBER_MONDAY_FACTOR = 2.0;
    private static final double CYBER_WEEKEND_FACTOR = 1.4;

    private static final LocalDateTime CHRISTMAS_DIP_START = LocalDateTime.of(2025, 12, 24, 14, 0);
    private static final LocalDateTime CHRISTMAS_DIP_END = LocalDateTime.of(2025, 12, 27, 0, 0);
    private static final double CHRISTMAS_FACTOR = 0.45;
    private static final LocalDateTime NEW_YEARS_EVE_START = LocalDateTime.of(2025, 12, 31, 18, 0);
    private static final LocalDateTime NEW_YEARS_EVE_END = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final double NEW_YEARS_EVE_FACTOR = 0.6;

    /** Shop outages, local wall-clock time, start inclusive, end exclusive. */
    private static final LocalDateTime[][] SHOP_OUTAGES = {
        {LocalDateTime.of(2025, 3, 12, 19, 0), LocalDateTime.of(2025, 3, 12, 21, 0)},
        {LocalDateTime.of(2025, 9, 17, 20, 0), LocalDateTime.of(2025, 9, 17, 21, 0)},
    };
    /** During an outage this share of the expected traffic still trickles in. */
    private static final double SHOP_OUTAGE_MIN_SHARE = 0.01;
    private static final double SHOP_OUTAGE_MAX_SHARE = 0.03;

    /**
     * The hourly online-shop sample: every hour of 2025 in Europe/Berlin.
     *
     * @return the CSV content, header first, LF line endings, ending with a newline
     */
    public static String shopHourly2025() {
        Random noise = new Random(SHOP_NOISE_SEED);
        Random outage = new Random(SHOP_OUTAGE_SEED);
        StringBuilder csv = new StringBuilder(SHOP_ROWS * 34);
        csv.append(HEADER).append('\n');
        Instant start = SHOP_START.toInstant();
        for (int i = 0; i < SHOP_ROWS; i++) {
            ZonedDateTime t = start.plus(SHOP_STEP.multipliedBy(i)).atZone(SHOP_ZONE);
            double expected = shopExpected(t, i);
            // Draw the noise on every row so that the outages do not shift the noise of later rows.
            double value = expected * lognormalNoise(noise, SHOP_NOISE_SIGMA);
            if (isInside(t.toLocalDateTime(), SHOP_OUTAGES)) {
                value = expected * uniform(outage, SHOP_OUTAGE_MIN_SHARE, SHOP_OUTAGE_MAX_SHARE);
            }
            appendRow(csv, t, Math.round(value));
        }
        return csv.toString();
    }

    /** Expected requests in the hour starting at {@code t}, the {@code index}-th row. */
    private static double shopExpected(ZonedDateTime t, int index) {
        LocalDateTime local = t.toLocalDateTime();
        return SHOP_BASE_REQUESTS_PER_HOUR
                * shopGrowth(index)
                * SHOP_DAILY_SHAPE[local.getHour()]
                * shopWeekly(local.getDayOfWeek(), local.getHour())
                * shopYearly(local.toLocalDate())
                * shopSalesEvents(local.toLocalDate())
                * shopHolidays(local);
    }

    /** Linear growth of 15 % over the year, scaled so that its yearly mean is 1. */
    private static double shopGrowth(int index) {
        double yearFraction = index / (double) (SHOP_ROWS - 1);
        return (1.0 + SHOP_GROWTH_OVER_YEAR * yearFraction) / (1.0 + SHOP_GROWTH_OVER_YEAR / 2.0);
    }

    /** Weekly shape: Monday–Thursday alike, Saturday daytime lower, Sunday evening the busiest. */
    private static double shopWeekly(DayOfWeek day, int hour) {
        switch (day) {
            case FRIDAY:
                return 0.96;
            case SATURDAY:
                return hour >= 9 && hour < 18 ? 0.80 : 0.90;
            case SUNDAY:
                return hour >= 16 ? 1.22 : 0.98;
            default:
                return 1.0;
        }
    }

    /** Mild yearly shape: month levels anchored mid-month, flat before 15 Jan and after 15 Dec. */
    private static double shopYearly(LocalDate date) {
        // Position in months, where 0.0 is mid-January and 11.0 is mid-December.
        double position = date.getMonthValue() - 1
                + (date.getDayOfMonth() - 0.5) / date.lengthOfMonth() - 0.5;
        if (position <= 0.0) {
            return SHOP_MONTH_LEVEL[0];
        }
        if (position >= SHOP_MONTH_LEVEL.length - 1) {
            return SHOP_MONTH_LEVEL[SHOP_MONTH_LEVEL.length - 1];
        }
        int lower = (int) position;
        double fraction = position - lower;
        return SHOP_MONTH_LEVEL[lower] * (1.0 - fraction) + SHOP_MONTH_LEVEL[lower + 1] * fraction;
    }

    /** Black Friday for the whole day, Cyber Monday, and the weekend in between. */
    private static double shopSalesEvents(LocalDate date) {
        if (date.equals(BLACK_FRIDAY)) {
            return BLACK_FRIDAY_FACTOR;
        }
        if (date.equals(CYBER_MONDAY)) {
            return CYBER_MONDAY_FACTOR;
        }
        if (date.isAfter(BLACK_FRIDAY) && date.isBefore(CYBER_MONDAY)) {
            return CYBER_WEEKEND_FACTOR;
        }
        return 1.0;
    }

    /** Christmas (24 Dec 14:00 to the end of 26 Dec) and New Year's Eve evening. */
    private static double shopHolidays(LocalDateTime local) {
        if (isInside(local, CHRISTMAS_DIP_START, CHRISTMAS_DIP_END)) {
            return CHRISTMAS_FACTOR;
        }
        if (isInside(local, NEW_YEARS_EVE_START, NEW_YEARS_EVE_END)) {
            return NEW_YEARS_EVE_FACTOR;
        }
        return 1.0;
    }

    // ---------------------------------------------------------------------------------------------
    // B2B API, 5 minutes, 8 weeks around the US DST change of 2026, America/New_York
    // ---------------------------------------------------------------------------------------------

    /** Zone whose wall clock drives the API's traffic. */
    public static final ZoneId API_ZONE = ZoneId.of("America/New_York");
    /** First step of the API file: Monday 2026-02-16T00:00-05:00. */
    public static final ZonedDateTime API_START = ZonedDateTime.of(2026, 2, 16, 0, 0, 0, 0, API_ZONE);
    /** Steps in eight weeks of absolute time, before the collection gap removes some rows. */
    public static final int API_STEPS = 8 * 7 * 288;
    private static final Duration API_STEP = Duration.ofMinutes(5);

    private static final long API_NOISE_SEED = 20260216L;
    private static final long API_OUTAGE_SEED = 20260303L;

    /** Weekday peak, requests per 5 minutes, around 10–11 and 14–16 local. */
    private static final double API_PEAK_REQUESTS_PER_5MIN = 900.0;
    /** Saturday and Sunday relative to a weekday. */
    private static final double API_WEEKEND_FACTOR = 0.25;
    /** Extra requests per 5 minutes from the nightly batch job. */
    private static final double API_BATCH_REQUESTS_PER_5MIN = 150.0;
    private static final LocalTime API_BATCH_START = LocalTime.of(1, 0);
    private static final LocalTime API_BATCH_END = LocalTime.of(1, 30);

    /**
     * Weekday shape relative to the peak, anchored on the full local hour (the last entry is
     * 24:00) and interpolated linearly within the hour: nights at 4–6 % of the peak with the lowest
     * point at 03–05, business hours 08–18 high with a lunch dip, evenings falling.
     */
    private static final double[] API_HOUR_OF_PEAK = {
        0.090, 0.075, 0.060, 0.050, 0.045, 0.050, 0.090, 0.250, // 00–07
        0.550, 0.850, 1.000, 0.980, 0.780, 0.820, 0.970, 1.000, // 08–15
        0.950, 0.750, 0.500, 0.320, 0.240, 0.180, 0.140, 0.110, // 16–23
        0.090,                                                  // 24:00 = next midnight
    };

    /** Collection gap: no rows at all, local wall-clock time, start inclusive, end exclusive. */
    private static final LocalDateTime[][] API_GAPS = {
        {LocalDateTime.of(2026, 3, 24, 13, 0), LocalDateTime.of(2026, 3, 24, 13, 45)},
    };
    /** Outage at peak, local wall-clock time, start inclusive, end exclusive. */
    private static final LocalDateTime[][] API_OUTAGES = {
        {LocalDateTime.of(2026, 3, 3, 10, 0), LocalDateTime.of(2026, 3, 3, 10, 40)},
    };
    /** During the outage each 5-minute step gets 0 to this many requests (health checks, retries). */
    private static final int API_OUTAGE_MAX_REQUESTS = 5;

    /**
     * The five-minute B2B API sample: eight weeks in America/New_York across the 2026 DST change,
     * with one collection gap (rows absent) and one outage.
     *
     * @return the CSV content, header first, LF line endings, ending with a newline
     */
    public static String api5MinDst2026() {
        Random noise = new Random(API_NOISE_SEED);
        Random outage = new Random(API_OUTAGE_SEED);
        StringBuilder csv = new StringBuilder(API_STEPS * 34);
        csv.append(HEADER).append('\n');
        Instant start = API_START.toInstant();
        for (int i = 0; i < API_STEPS; i++) {
            ZonedDateTime t = start.plus(API_STEP.multipliedBy(i)).atZone(API_ZONE);
            LocalDateTime local = t.toLocalDateTime();
            // Draw the noise on every step, even dropped ones, so anomalies do not shift later noise.
            long value = poissonLike(noise, apiExpected(local));
            if (isInside(local, API_GAPS)) {
                continue;
            }
            if (isInside(local, API_OUTAGES)) {
                value = outage.nextInt(API_OUTAGE_MAX_REQUESTS + 1);
            }
            appendRow(csv, t, value);
        }
        return csv.toString();
    }

    /** Expected requests in the 5 minutes starting at local time {@code local}. */
    private static double apiExpected(LocalDateTime local) {
        return API_PEAK_REQUESTS_PER_5MIN * apiDaily(local.toLocalTime()) * apiWeekly(local.getDayOfWeek())
                + apiBatchJob(local.toLocalTime());
    }

    /** Weekday shape at a local time of day, relative to the peak. */
    private static double apiDaily(LocalTime time) {
        int hour = time.getHour();
        double fraction = time.getMinute() / 60.0;
        return API_HOUR_OF_PEAK[hour] * (1.0 - fraction) + API_HOUR_OF_PEAK[hour + 1] * fraction;
    }

    private static double apiWeekly(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? API_WEEKEND_FACTOR : 1.0;
    }

    /** The nightly batch job runs every day, weekends included, so 01:00 is not the trough. */
    private static double apiBatchJob(LocalTime time) {
        return !time.isBefore(API_BATCH_START) && time.isBefore(API_BATCH_END)
                ? API_BATCH_REQUESTS_PER_5MIN
                : 0.0;
    }

    // ---------------------------------------------------------------------------------------------
    // Shared helpers
    // ---------------------------------------------------------------------------------------------

    private static void appendRow(StringBuilder csv, ZonedDateTime t, long value) {
        csv.append(TIMESTAMP.format(t)).append(',').append(value).append('\n');
    }

    /** Mean-one lognormal factor: exp(sigma·z − sigma²/2). */
    private static double lognormalNoise(Random random, double sigma) {
        return StrictMath.exp(sigma * random.nextGaussian() - sigma * sigma / 2.0);
    }

    /** Count noise: normal approximation of Poisson (sd = √mean), rounded, never negative. */
    private static long poissonLike(Random random, double mean) {
        double value = mean + StrictMath.sqrt(mean) * random.nextGaussian();
        return Math.max(0L, Math.round(value));
    }

    private static double uniform(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private static boolean isInside(LocalDateTime local, LocalDateTime[][] intervals) {
        for (LocalDateTime[] interval : intervals) {
            if (isInside(local, interval[0], interval[1])) {
                return true;
            }
        }
        return false;
    }

    /** Start inclusive, end exclusive. */
    private static boolean isInside(LocalDateTime local, LocalDateTime start, LocalDateTime end) {
        return !local.isBefore(start) && local.isBefore(end);
    }

    private static double[] normalisedToMeanOne(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double[] normalised = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            normalised[i] = values[i] / mean;
        }
        return normalised;
    }
}
