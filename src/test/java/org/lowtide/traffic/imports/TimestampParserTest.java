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
}
