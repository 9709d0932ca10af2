package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {

    private final TimestampParser utc = new TimestampParser(ZoneId.of("UTC"));

    @ParameterizedTest
    @CsvSource({
        "2025-03-01T12:00:00Z, 2025-03-01T12:00:00Z",
        "2025-03-01T12:00Z, 2025-03-01T12:00:00Z",
        "2025-03-01 12:00:00+01:00, 2025-03-01T11:00:00Z",
        "2025-03-01T12:00:00+0530, 2025-03-01T06:30:00Z",
        "2025-03-01T12:00:00-05, 2025-03-01T17:00:00Z",
        "2025-03-01T12:00:00.123Z, 2025-03-01T12:00:00.123Z",
        "2025-03-01, 2025-03-01T00:00:00Z",
        "2024-02-29 23:59:59, 2024-02-29T23:59:59Z",
        "1709294400, 2024-03-01T12:00:00Z",
        "1709294400.25, 2024-03-01T12:00:00.250Z",
        "1709294400000, 2024-03-01T12:00:00Z",
        "1709294400000000, 2024-03-01T12:00:00Z",
        "1709294400000000000, 2024-03-01T12:00:00Z",
        "31.12.2024 23:59, 2024-12-31T23:59:00Z",
        "31-12-2024 23:59, 2024-12-31T23:59:00Z",
        "12/31/2024 11:59:59 PM, 2024-12-31T23:59:59Z",
        "12/31/2024 12:00:00 AM, 2024-12-31T00:00:00Z",
        "1/13/25 3:04 pm, 2025-01-13T15:04:00Z",
        "2024/03/01 12:00, 2024-03-01T12:00:00Z",
        "1 Mar 2024, 2024-03-01T00:00:00Z",
        "Mar 1 2024 12:00, 2024-03-01T12:00:00Z",
        "01-Mar-2024 12:00:00, 2024-03-01T12:00:00Z",
        "'Fri, 01 Mar 2024 12:00:00 GMT', 2024-03-01T12:00:00Z",
        "'Friday, March 1, 2024 13:00', 2024-03-01T13:00:00Z",
        "2024-03-01 12:00:00 +0100, 2024-03-01T11:00:00Z",
        "2024-03-01 12:00 UTC, 2024-03-01T12:00:00Z",
        "01.03.2024 12:00:00.250, 2024-03-01T12:00:00.250Z",
    })
    void readsCommonShapes(String text, String expected) {
        assertThat(Instant.ofEpochMilli(utc.parse(text, Long.MIN_VALUE))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29 00:00", "2025-13-01", "2025-01-01T24:00", "2025-01-01T12:60",
        "yesterday", "2025-01-01T12:00:00+25:00", "31.13.2025", "2025-01-01T12:00:00 X", "-", "13/13/2025",
        "Jan 32, 2025", "2025-01-01T12:00 PM", "12:00", "1.2.3.4"})
    void rejectsWhatIsNotATimestamp(String text) {
        assertThatThrownBy(() -> utc.parse(text, Long.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("as a timestamp");
    }

    @Test
    void epochDayAgreesWithJavaTimeOverFourCenturies() {
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < 10_000; k++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(-200_000, 200_000));
            assertThat(TimestampParser.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .as("%s", date).isEqualTo(date.toEpochDay());
        }
    }

    @Test
    void localTimesAgreeWithJavaTimeAcrossAYearOfDstChanges() {
        ZoneId zone = ZoneId.of("Australia/Lord_Howe"); // half-hour DST shift
        TimestampParser parser = new TimestampParser(zone);
        long previous = Long.MIN_VALUE;
        for (var t = java.time.LocalDateTime.of(2025, 1, 1, 0, 0); t.getYear() == 2025; t = t.plusMinutes(30)) {
            if (zone.getRules().getValidOffsets(t).size() != 1) {
                continue; // gaps and overlaps are tested separately
            }
            long millis = parser.parse(t.toString().replace('T', ' '), previous);
            assertThat(Instant.ofEpochMilli(millis)).as("%s", t).isEqualTo(t.atZone(zone).toInstant());
            previous = millis;
        }
    }

    @Test
    void anUndecidedOrderReportsWhatEachDateImplies() {
        TimestampParser p = new TimestampParser(ZoneId.of("UTC"));
        p.parse("13/01/2025", Long.MIN_VALUE);
        assertThat(p.lastImpliedOrder()).isEqualTo(DateOrder.DMY);
        p.parse("01/13/2025", Long.MIN_VALUE);
        assertThat(p.lastImpliedOrder()).isEqualTo(DateOrder.MDY);
        p.parse("01/02/2025", Long.MIN_VALUE);
        assertThat(p.lastImpliedOrder()).isNull();
        assertThat(p.lastAmbiguous()).isTrue();
        p.setDateOrder(DateOrder.MDY);
        assertThat(Instant.ofEpochMilli(p.parse("01/02/2025", Long.MIN_VALUE))).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        assertThatThrownBy(() -> p.parse("13/01/2025", Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compactDatesOnlyWhenTheColumnSaysSo() {
        TimestampParser p = new TimestampParser(ZoneId.of("UTC"));
        assertThat(Instant.ofEpochMilli(p.parse("20250131", Long.MIN_VALUE))).isEqualTo(Instant.ofEpochSecond(20_250_131));
        p.setCompactDates(true);
        assertThat(Instant.ofEpochMilli(p.parse("20250131", Long.MIN_VALUE))).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
        assertThat(Instant.ofEpochMilli(p.parse("2025013113", Long.MIN_VALUE))).isEqualTo(Instant.parse("2025-01-31T13:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "7, 25200000", "23, 82800000", "07:30, 27000000", "7:30:15.5, 27015500", "12 AM, 0",
        "12 PM, 43200000", "1:15 pm, 47700000"})
    void timesOfDayForASeparateColumn(String text, int millis) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(TimestampParser.tryParseTimeOfDay(b, 0, b.length)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"24", "7:60", "13 PM", "noon", "7h"})
    void whatIsNotATimeOfDay(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(TimestampParser.tryParseTimeOfDay(b, 0, b.length)).isEqualTo(-1);
    }

    @Test
    void describesTheShapeItRead() {
        TimestampParser p = new TimestampParser(ZoneId.of("Europe/Berlin"));
        assertThat(p.describe("2025-01-01T00:00:00Z")).isEqualTo("yyyy-MM-dd'T'HH:mm:ssZ");
        assertThat(p.describe("31.12.2025 23:00")).isEqualTo("dd.MM.yyyy HH:mm (local time in Europe/Berlin)");
        assertThat(p.describe("1735689600.5")).isEqualTo("epoch seconds with fraction");
        assertThat(p.describe("hello")).isNull();
    }
}
