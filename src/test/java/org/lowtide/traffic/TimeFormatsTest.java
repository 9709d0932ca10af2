package org.lowtide.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The patterns that moved into {@link TimeFormats} (issue 19) print byte for byte what the inline
 * patterns they replace printed, in zones with and without daylight saving time and at a fixed offset.
 */
class TimeFormatsTest {

    private static final List<ZonedDateTime> TIMES = List.of(
            ZonedDateTime.of(2027, 3, 28, 1, 30, 0, 0, ZoneId.of("Europe/Berlin")),
            ZonedDateTime.of(2027, 7, 3, 23, 5, 0, 0, ZoneId.of("Europe/Berlin")),
            ZonedDateTime.of(2025, 11, 22, 3, 0, 0, 0, ZoneId.of("America/New_York")),
            ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of("Z")),
            ZonedDateTime.of(2026, 12, 31, 12, 59, 0, 0, ZoneId.of("+05:30")));

    @Test
    void movedPatternsPrintWhatTheInlineOnesPrinted() {
        for (ZonedDateTime t : TIMES) {
            assertThat(TimeFormats.LONG_DAY.format(t))
                    .isEqualTo(DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH).format(t));
            assertThat(TimeFormats.HM_ZONE.format(t))
                    .isEqualTo(DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH).format(t));
            assertThat(TimeFormats.DAY_LOCAL_MINUTE.format(t))
                    .isEqualTo(DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH).format(t));
            assertThat(TimeFormats.HM.format(t))
                    .isEqualTo(DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(t));
        }
        assertThat(TimeFormats.LONG_DAY.format(TIMES.get(0))).isEqualTo("Sunday 28 March 2027");
        assertThat(TimeFormats.DAY_LOCAL_MINUTE.format(TIMES.get(2))).isEqualTo("Sat 2025-11-22 03:00");
    }
}
