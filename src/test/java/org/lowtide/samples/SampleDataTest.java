package org.lowtide.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the bundled files in {@code sample-data/} identical to {@link SampleDataGenerator}, and
 * checks that the generated series still has the shape the README promises.
 *
 * <p>With {@code -Dlowtide.samples.write=true} the files are (re)written instead of compared.
 */
class SampleDataTest {

    static final String REGENERATE_COMMAND =
            "mvn -B test -Dtest=SampleDataTest -Dlowtide.samples.write=true";
    private static final String WRITE_PROPERTY = "lowtide.samples.write";

    private static final Pattern ROW = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2},\\d+");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static String shopCsv;
    private static String apiCsv;
    private static List<Row> shop;
    private static List<Row> api;

    /** One data row; the timestamp's offset is the local offset, so it carries local wall time. */
    record Row(OffsetDateTime time, long value) {
        LocalDateTime local() {
            return time.toLocalDateTime();
        }

        LocalDate date() {
            return time.toLocalDate();
        }

        int hour() {
            return time.getHour();
        }

        boolean isWeekend() {
            DayOfWeek day = time.getDayOfWeek();
            return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        }
    }

    @BeforeAll
    static void generate() {
        shopCsv = SampleDataGenerator.shopHourly2025();
        apiCsv = SampleDataGenerator.api5MinDst2026();
        shop = parse(shopCsv);
        api = parse(apiCsv);
    }

    // --- the committed files ------------------------------------------------------------------------

    @Test
    void committedFilesAreByteIdenticalToTheGenerator() throws IOException {
        Path dir = sampleDataDir();
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            SampleDataGenerator.writeAll(dir);
        }
        for (Map.Entry<String, String> file : SampleDataGenerator.allFiles().entrySet()) {
            Path path = dir.resolve(file.getKey());
            assertThat(Files.isRegularFile(path))
                    .withFailMessage("%s is missing; regenerate the samples with: %s", path, REGENERATE_COMMAND)
                    .isTrue();
            byte[] expected = file.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] actual = Files.readAllBytes(path);
            if (!Arrays.equals(expected, actual)) {
                fail("%s differs from what SampleDataGenerator produces now (%s). If the generator change is"
                                + " intended, regenerate the samples with: %s (and update sample-data/README.md)",
                        path, firstDifference(file.getValue(), new String(actual, StandardCharsets.UTF_8)),
                        REGENERATE_COMMAND);
            }
        }
    }

    @Test
    void generatorDoesNotDependOnTheDefaultZoneOrLocale() {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            assertThat(SampleDataGenerator.shopHourly2025().equals(shopCsv)).isTrue();
            assertThat(SampleDataGenerator.api5MinDst2026().equals(apiCsv)).isTrue();
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void bothFilesFollowTheImporterContract() {
        for (String csv : List.of(shopCsv, apiCsv)) {
            assertThat(csv).startsWith(SampleDataGenerator.HEADER + "\n").endsWith("\n").doesNotContain("\r");
            List<String> lines = csv.lines().skip(1).collect(Collectors.toList());
            assertThat(lines).allMatch(line -> ROW.matcher(line).matches(), "timestamp,non-negative integer");
            // Canonical ISO-8601 with offset: parsing and formatting again gives the same text.
            assertThat(lines).allMatch(line -> {
                String timestamp = line.substring(0, line.indexOf(','));
                return TIMESTAMP.format(OffsetDateTime.parse(timestamp, TIMESTAMP)).equals(timestamp);
            }, "canonical timestamp");
        }
        assertThat(shop).allMatch(row -> row.value() >= 0);
        assertThat(api).allMatch(row -> row.value() >= 0);
    }

    // --- shop-hourly-2025.csv -------------------------------------------------------------------

    @Test
    void shopHasEveryHourOf2025InBerlinTime() {
        assertThat(shop).hasSize(8760);
        assertThat(timestamp(shop.get(0))).isEqualTo("2025-01-01T00:00:00+01:00");
        assertThat(timestamp(shop.get(shop.size() - 1))).isEqualTo("2025-12-31T23:00:00+01:00");
        assertThat(steps(shop)).containsOnlyKeys(Duration.ofHours(1));
        assertThat(shop).allMatch(row -> hasZoneOffset(row, SampleDataGenerator.SHOP_ZONE));
    }

    @Test
    void shopShowsBothDstChangesAsOffsetChanges() {
        assertThat(followingTimestamp(shop, "2025-03-30T01:00:00+01:00")).isEqualTo("2025-03-30T03:00:00+02:00");
        assertThat(followingTimestamp(shop, "2025-10-26T02:00:00+02:00")).isEqualTo("2025-10-26T02:00:00+01:00");
    }

    @Test
    void shopMeanIsAboutTheBaseLevel() {
        assertThat(mean(shop, row -> true)).isBetween(11_000.0, 13_000.0);
    }

    @Test
    void shopOutagesAreTheOnlyHoursFarBelowTheSameHourAWeekApart() {
        Map<Instant, Long> byInstant = new HashMap<>();
        shop.forEach(row -> byInstant.put(row.time().toInstant(), row.value()));
        Duration week = Duration.ofDays(7);
        List<String> farBelow = new ArrayList<>();
        for (Row row : shop) {
            Instant t = row.time().toInstant();
            long reference = Math.min(byInstant.getOrDefault(t.minus(week), Long.MAX_VALUE),
                    byInstant.getOrDefault(t.plus(week), Long.MAX_VALUE));
            if (row.value() < 0.2 * reference) {
                farBelow.add(timestamp(row));
                // A few requests still trickle in: 1–3 % of the expected traffic.
                assertThat(row.value()).as(timestamp(row)).isPositive().isLessThan(reference / 20);
            }
        }
        assertThat(farBelow).containsExactly(
                "2025-03-12T19:00:00+01:00", "2025-03-12T20:00:00+01:00", "2025-09-17T20:00:00+02:00");
        assertThat(value(shop, "2025-03-12T21:00:00+01:00")).isGreaterThan(10_000);
    }

    @Test
    void shopBlackFridayIsTheBusiestDayAndCyberMondayTheSecond() {
        List<LocalDate> busiest = dailyTotals(shop).entrySet().stream()
                .sorted(Map.Entry.<LocalDate, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .limit(2)
                .collect(Collectors.toList());
        assertThat(busiest).containsExactly(LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 1));
        Map<LocalDate, Long> totals = dailyTotals(shop);
        // ×3 against the Friday a week earlier, which has almost the same yearly level.
        assertThat(totals.get(LocalDate.of(2025, 11, 28)) / (double) totals.get(LocalDate.of(2025, 11, 21)))
                .isBetween(2.6, 3.4);
    }

    @Test
    void shopHasTheChristmasDipAndAQuietNewYearsEveEvening() {
        Map<LocalDate, Long> totals = dailyTotals(shop);
        double usualDecemberDay = totals.entrySet().stream()
                .filter(e -> e.getKey().getMonthValue() == 12
                        && e.getKey().getDayOfMonth() >= 8 && e.getKey().getDayOfMonth() <= 19)
                .mapToLong(Map.Entry::getValue)
                .sorted()
                .skip(5)
                .findFirst()
                .orElseThrow();
        assertThat(totals.get(LocalDate.of(2025, 12, 25))).isLessThan((long) (0.6 * usualDecemberDay));
        assertThat(totals.get(LocalDate.of(2025, 12, 26))).isLessThan((long) (0.6 * usualDecemberDay));

        // 24 and 31 Dec 2025 are Wednesdays, like 17 Dec: compare the same hours.
        LocalDate reference = LocalDate.of(2025, 12, 17);
        LocalDate christmasEve = LocalDate.of(2025, 12, 24);
        LocalDate newYearsEve = LocalDate.of(2025, 12, 31);
        assertThat(sumOfHours(shop, christmasEve, 0, 14) / (double) sumOfHours(shop, reference, 0, 14))
                .isGreaterThan(0.85);
        assertThat(sumOfHours(shop, christmasEve, 14, 24) / (double) sumOfHours(shop, reference, 14, 24))
                .isBetween(0.35, 0.55);
        assertThat(sumOfHours(shop, newYearsEve, 0, 18) / (double) sumOfHours(shop, reference, 0, 18))
                .isGreaterThan(0.85);
        assertThat(sumOfHours(shop, newYearsEve, 18, 24) / (double) sumOfHours(shop, reference, 18, 24))
                .isBetween(0.5, 0.7);
    }

    @Test
    void shopDailyShapeHasANightTroughALunchBumpAndAnEveningPeak() {
        double[] byHour = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            int h = hour;
            byHour[hour] = mean(shop, row -> row.hour() == h);
        }
        int trough = indexOfMin(byHour);
        int peak = indexOfMax(byHour);
        assertThat(trough).isBetween(3, 5);
        assertThat(peak).isBetween(19, 21);
        assertThat(byHour[trough] / byHour[peak]).isBetween(0.05, 0.09);
        assertThat(byHour[12]).isGreaterThan(byHour[10]).isGreaterThan(byHour[15]);
    }

    @Test
    void shopWeeklyShapeHasQuietSaturdaysAndBusySundayEvenings() {
        Map<DayOfWeek, Double> evening = new TreeMap<>();
        Map<DayOfWeek, Double> daytime = new TreeMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            evening.put(day, mean(shop, row -> row.time().getDayOfWeek() == day && inHours(row, 19, 22)));
            daytime.put(day, mean(shop, row -> row.time().getDayOfWeek() == day && inHours(row, 9, 18)));
        }
        assertThat(keyOfMax(evening)).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(keyOfMin(daytime)).isEqualTo(DayOfWeek.SATURDAY);
        double monday = daytime.get(DayOfWeek.MONDAY);
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            assertThat(daytime.get(day) / monday).as(day.toString()).isBetween(0.95, 1.05);
        }
    }

    @Test
    void shopYearlyShapeHasASummerDipAndABusyYearEnd() {
        double[] byMonth = new double[13];
        for (int month = 1; month <= 12; month++) {
            int m = month;
            byMonth[month] = mean(shop, row -> row.time().getMonthValue() == m);
        }
        double summer = mean(shop, row -> row.time().getMonthValue() == 7 || row.time().getMonthValue() == 8);
        assertThat(summer).isLessThan(0.92 * byMonth[10]).isLessThan(byMonth[5]);
        for (int month = 1; month <= 10; month++) {
            assertThat(byMonth[month]).as("month %d", month).isLessThan(byMonth[11]).isLessThan(byMonth[12]);
        }
    }

    // --- api-5min-dst-2026.csv ------------------------------------------------------------------

    @Test
    void apiHasEightWeeksOfFiveMinuteStepsInNewYorkTime() {
        assertThat(api).hasSize(8 * 7 * 288 - 9);
        assertThat(timestamp(api.get(0))).isEqualTo("2026-02-16T00:00:00-05:00");
        assertThat(timestamp(api.get(api.size() - 1))).isEqualTo("2026-04-13T00:55:00-04:00");
        assertThat(steps(api)).containsOnlyKeys(Duration.ofMinutes(5), Duration.ofMinutes(50));
        assertThat(steps(api).get(Duration.ofMinutes(50))).isEqualTo(1);
        assertThat(api).allMatch(row -> hasZoneOffset(row, SampleDataGenerator.API_ZONE));
    }

    @Test
    void apiShowsTheDstChangeAsAnOffsetChange() {
        assertThat(followingTimestamp(api, "2026-03-08T01:55:00-05:00")).isEqualTo("2026-03-08T03:00:00-04:00");
    }

    @Test
    void apiCollectionGapRowsAreAbsent() {
        LocalDateTime gapStart = LocalDateTime.of(2026, 3, 24, 13, 0);
        LocalDateTime gapEnd = LocalDateTime.of(2026, 3, 24, 13, 45);
        assertThat(api).noneMatch(row -> !row.local().isBefore(gapStart) && row.local().isBefore(gapEnd));
        assertThat(followingTimestamp(api, "2026-03-24T12:55:00-04:00")).isEqualTo("2026-03-24T13:45:00-04:00");
    }

    @Test
    void apiOutageIsTheOnlyDropInWeekdayBusinessHours() {
        List<String> dropped = api.stream()
                .filter(row -> !row.isWeekend() && inHours(row, 9, 17) && row.value() < 150)
                .map(SampleDataTest::timestamp)
                .collect(Collectors.toList());
        assertThat(dropped).containsExactly(
                "2026-03-03T10:00:00-05:00", "2026-03-03T10:05:00-05:00", "2026-03-03T10:10:00-05:00",
                "2026-03-03T10:15:00-05:00", "2026-03-03T10:20:00-05:00", "2026-03-03T10:25:00-05:00",
                "2026-03-03T10:30:00-05:00", "2026-03-03T10:35:00-05:00");
        assertThat(api).filteredOn(row -> dropped.contains(timestamp(row))).allMatch(row -> row.value() <= 5);
        assertThat(value(api, "2026-03-03T10:40:00-05:00")).isGreaterThan(500);
    }

    @Test
    void apiWeekdayShapeHasBusinessHoursABatchJobAndATroughBeforeDawn() {
        double peak = mean(api, row -> !row.isWeekend() && row.hour() == 10);
        assertThat(peak).isBetween(800.0, 1000.0);
        assertThat(mean(api, row -> !row.isWeekend() && inHours(row, 14, 16))).isBetween(800.0, 1000.0);

        double[] byHalfHour = new double[48];
        for (int slot = 0; slot < 48; slot++) {
            LocalTime from = LocalTime.of(slot / 2, slot % 2 * 30);
            byHalfHour[slot] = mean(api, row -> !row.isWeekend() && inHalfHour(row, from));
        }
        int trough = indexOfMin(byHalfHour);
        assertThat(trough).isBetween(6, 9); // 03:00–05:00
        assertThat(byHalfHour[trough] / peak).isBetween(0.035, 0.065);
        // The batch job at 01:00–01:30 lifts that half-hour well above its neighbours, every day.
        assertThat(byHalfHour[2]).isGreaterThan(byHalfHour[1] + 100).isGreaterThan(byHalfHour[3] + 100);
        double weekendBatch = mean(api, row -> row.isWeekend() && inHalfHour(row, LocalTime.of(1, 0)));
        double weekendBefore = mean(api, row -> row.isWeekend() && inHalfHour(row, LocalTime.of(0, 30)));
        assertThat(weekendBatch).isGreaterThan(weekendBefore + 100);
    }

    @Test
    void apiWeekendsCarryAboutAQuarterOfWeekdayTraffic() {
        Map<LocalDate, Long> rowsPerDay = api.stream().collect(Collectors.groupingBy(Row::date, Collectors.counting()));
        Map<LocalDate, Long> totals = dailyTotals(api);
        // Whole days only (the DST Sunday has 23 hours, the last day only one).
        Predicate<LocalDate> whole = date -> rowsPerDay.get(date) >= 270;
        double weekend = totals.entrySet().stream()
                .filter(e -> whole.test(e.getKey()) && isWeekend(e.getKey()))
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        double weekday = totals.entrySet().stream()
                .filter(e -> whole.test(e.getKey()) && !isWeekend(e.getKey()))
                .mapToLong(Map.Entry::getValue).average().orElseThrow();
        assertThat(weekend / weekday).isBetween(0.2, 0.3);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** {@code sample-data/} of this project; Surefire sets {@code basedir}, an IDE usually runs there. */
    private static Path sampleDataDir() {
        String basedir = System.getProperty("basedir");
        return (basedir == null ? Path.of("") : Path.of(basedir)).resolve(SampleDataGenerator.DEFAULT_DIR);
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] have = actual.split("\n", -1);
        for (int i = 0; i < Math.min(want.length, have.length); i++) {
            if (!want[i].equals(have[i])) {
                return String.format(Locale.ROOT, "first difference on line %d: expected '%s' but the file has '%s'",
                        i + 1, want[i], have[i].replace("\r", "\\r"));
            }
        }
        return String.format(Locale.ROOT, "expected %d lines but the file has %d", want.length - 1, have.length - 1);
    }

    private static List<Row> parse(String csv) {
        return csv.lines().skip(1).map(line -> {
            int comma = line.indexOf(',');
            return new Row(OffsetDateTime.parse(line.substring(0, comma), TIMESTAMP),
                    Long.parseLong(line.substring(comma + 1)));
        }).collect(Collectors.toList());
    }

    private static String timestamp(Row row) {
        return TIMESTAMP.format(row.time());
    }

    private static String followingTimestamp(List<Row> rows, String timestamp) {
        for (int i = 0; i < rows.size() - 1; i++) {
            if (timestamp(rows.get(i)).equals(timestamp)) {
                return timestamp(rows.get(i + 1));
            }
        }
        throw new AssertionError("no row at " + timestamp);
    }

    private static long value(List<Row> rows, String timestamp) {
        return rows.stream().filter(row -> timestamp(row).equals(timestamp)).findFirst()
                .orElseThrow(() -> new AssertionError("no row at " + timestamp)).value();
    }

    private static boolean hasZoneOffset(Row row, ZoneId zone) {
        return zone.getRules().getOffset(row.time().toInstant()).equals(row.time().getOffset());
    }

    /** How often each distance between consecutive rows occurs. */
    private static Map<Duration, Integer> steps(List<Row> rows) {
        Map<Duration, Integer> steps = new TreeMap<>();
        for (int i = 1; i < rows.size(); i++) {
            steps.merge(Duration.between(rows.get(i - 1).time(), rows.get(i).time()), 1, Integer::sum);
        }
        return steps;
    }

    private static double mean(List<Row> rows, Predicate<Row> filter) {
        return rows.stream().filter(filter).mapToLong(Row::value).average().orElseThrow();
    }

    private static Map<LocalDate, Long> dailyTotals(List<Row> rows) {
        return rows.stream()
                .collect(Collectors.groupingBy(Row::date, TreeMap::new, Collectors.summingLong(Row::value)));
    }

    /** Whether the row's local hour is in [fromHour, toHour). */
    private static boolean inHours(Row row, int fromHour, int toHour) {
        return row.hour() >= fromHour && row.hour() < toHour;
    }

    /** Sum of the rows on local {@code date} whose local hour is in [fromHour, toHour). */
    private static long sumOfHours(List<Row> rows, LocalDate date, int fromHour, int toHour) {
        return rows.stream()
                .filter(row -> row.date().equals(date) && inHours(row, fromHour, toHour))
                .mapToLong(Row::value)
                .sum();
    }

    /** Whether the row's local time is in [from, from + 30 min); minutes of the day, so 23:30 works. */
    private static boolean inHalfHour(Row row, LocalTime from) {
        int minute = row.time().getHour() * 60 + row.time().getMinute();
        int start = from.getHour() * 60 + from.getMinute();
        return minute >= start && minute < start + 30;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static int indexOfMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int indexOfMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static <K> K keyOfMax(Map<K, Double> map) {
        return map.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static <K> K keyOfMin(Map<K, Double> map) {
        return map.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
