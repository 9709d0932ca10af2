package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AllowedHoursTest {

    @Test
    void parsesDayRangesListsAndWords() {
        assertThat(AllowedHours.parse("Mon-Fri 01:00-06:00").days()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
        assertThat(AllowedHours.parse("Sat,Sun 22:00-02:00").days()).containsOnly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(AllowedHours.parse("Fri-Mon 00:00-24:00").days()).containsOnly(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(AllowedHours.parse("daily 02:00-05:00").days()).hasSize(7);
        assertThat(AllowedHours.parse("weekends 02:00-05:00").toString()).isEqualTo("Sat,Sun 02:00-05:00");
    }

    @Test
    void spansOverMidnightBelongToTheirStartDay() {
        AllowedHours sat = AllowedHours.parse("Sat 22:00-02:00");
        assertThat(sat.contains(LocalDateTime.parse("2025-06-07T23:00"), LocalDateTime.parse("2025-06-08T01:00"))).isTrue();
        assertThat(sat.contains(LocalDateTime.parse("2025-06-08T23:00"), LocalDateTime.parse("2025-06-09T01:00"))).isFalse();
        assertThat(sat.contains(LocalDateTime.parse("2025-06-08T00:30"), LocalDateTime.parse("2025-06-08T02:00"))).isTrue();
        assertThat(sat.contains(LocalDateTime.parse("2025-06-08T01:30"), LocalDateTime.parse("2025-06-08T02:30"))).isFalse();
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> AllowedHours.parse("Mon-Fri 1-6")).hasMessageContaining("expected DAYS HH:MM-HH:MM");
        assertThatThrownBy(() -> AllowedHours.parse("Funday 01:00-02:00")).hasMessageContaining("'funday'");
        assertThatThrownBy(() -> AllowedHours.parse("Mon 25:00-26:00")).hasMessageContaining("not a time of day");
    }

    @Test
    void blackoutDatesIncludeTheirLastDay() {
        Blackout b = Blackout.parse("2025-11-24/2025-11-30=Black Friday freeze", ZoneId.of("Europe/Berlin"));
        assertThat(b.reason()).isEqualTo("Black Friday freeze");
        assertThat(b.interval().end().toString()).isEqualTo("2025-11-30T23:00:00Z");
        assertThatThrownBy(() -> Blackout.parse("2025-11-30/2025-11-24", ZoneId.of("UTC"))).hasMessageContaining("ends before");
        assertThatThrownBy(() -> Blackout.parse("soon/later", ZoneId.of("UTC"))).hasMessageContaining("not an ISO date");
    }

    @Test
    void habitsReadLikePeopleWriteThem() {
        assertThat(WindowRequest.Habit.parse("Tuesdays 14:00").toString()).isEqualTo("Tuesdays 14:00");
        assertThat(WindowRequest.Habit.parse("tue 9:30").day()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void holidaysComeFromJollyday() {
        assertThat(Holidays.between("DE", java.time.LocalDate.of(2025, 12, 1), java.time.LocalDate.of(2025, 12, 31)))
                .extracting(Holiday::date).contains(java.time.LocalDate.of(2025, 12, 25), java.time.LocalDate.of(2025, 12, 26));
        assertThat(Holidays.between("DE-BY", java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 1, 31)))
                .extracting(Holiday::date).contains(java.time.LocalDate.of(2025, 1, 6)); // Epiphany in Bavaria only
        assertThat(Holidays.between("DE", java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 1, 31)))
                .extracting(Holiday::date).doesNotContain(java.time.LocalDate.of(2025, 1, 6));
        assertThatThrownBy(() -> Holidays.between("XX", java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 1, 2)))
                .hasMessageContaining("no holiday calendar for 'XX'");
    }
}
