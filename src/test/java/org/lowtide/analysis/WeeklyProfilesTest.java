package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

class WeeklyProfilesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId UTC = ZoneId.of("UTC");

    /** Hourly series whose value is a function of the local time in {@code zone}. */
    static TrafficSeries hourly(ZonedDateTime start, int hours, ToDoubleFunction<ZonedDateTime> value) {
        double[] v = new double[hours];
        for (int i = 0; i < hours; i++) {
            v[i] = value.applyAsDouble(start.plusHours(i).withZoneSameInstant(start.getZone()));
        }
        return new TrafficSeries("test", start.toInstant(), Duration.ofHours(1), v, start.getZone(), "");
    }

    static double hourOfWeek(ZonedDateTime t) {
        return (t.getDayOfWeek().getValue() - 1) * 24 + t.getHour();
    }

    @Test
    void eachSlotIsTheMedianOfItsWeeks() {
        // Monday 2025-01-06, four weeks; slot value = hour of week + 1000 × week index.
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, UTC);
        TrafficSeries s = hourly(start, 4 * 168, t -> hourOfWeek(t) + 1000 * ((t.getDayOfYear() - 6) / 7));

        WeeklyProfile p = WeeklyProfiles.median(s, UTC);

        assertThat(p.slots().count()).isEqualTo(168);
        assertThat(p.expectedAt(0)).isEqualTo(1500.0); // median of 0, 1000, 2000, 3000
        assertThat(p.expectedAt(167)).isEqualTo(167 + 1500.0);
        assertThat(p.samplesAt(5)).isEqualTo(4);
    }

    @Test
    void oneOutageDoesNotMoveTheProfile() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, UTC);
        TrafficSeries clean = hourly(start, 5 * 168, t -> 100 + hourOfWeek(t));
        double[] v = clean.values();
        v[2 * 168 + 20] = 0; // week 3, Monday 20:00: an outage
        v[2 * 168 + 21] = 0;
        TrafficSeries withOutage = new TrafficSeries("test", clean.start(), clean.step(), v, UTC, "");

        assertThat(WeeklyProfiles.median(withOutage, UTC).expected())
                .containsExactly(WeeklyProfiles.median(clean, UTC).expected());
    }

    @Test
    void missingValuesAreIgnoredAndEmptySlotsAreNaN() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, UTC);
        double[] v = new double[168];
        java.util.Arrays.fill(v, 5);
        v[3] = Double.NaN;
        TrafficSeries s = new TrafficSeries("t", start.toInstant(), Duration.ofHours(1), v, UTC, "");

        WeeklyProfile p = WeeklyProfiles.median(s, UTC);

        assertThat(p.expectedAt(3)).isNaN();
        assertThat(p.samplesAt(3)).isZero();
        assertThat(p.expectedAt(4)).isEqualTo(5);
    }

    @Test
    void slotsFollowTheWallClockAcrossDst() {
        // Traffic follows Berlin wall-clock time: lowest at 04:00 local every day, in winter and summer.
        ZonedDateTime start = ZonedDateTime.of(2025, 3, 3, 0, 0, 0, 0, BERLIN); // four weeks around 30 March
        TrafficSeries s = hourly(start, 4 * 168, t -> t.getHour() == 4 ? 1 : 100);

        WeeklyProfile inBerlin = WeeklyProfiles.median(s, BERLIN);
        for (DayOfWeek d : DayOfWeek.values()) {
            assertThat(inBerlin.expectedAt(inBerlin.slots().indexOf(d, LocalTime.of(4, 0)))).as("%s", d).isEqualTo(1);
            assertThat(inBerlin.expectedAt(inBerlin.slots().indexOf(d, LocalTime.of(3, 0)))).as("%s", d).isEqualTo(100);
        }
    }

    @Test
    void fiveMinuteDataGetsFiveMinuteSlots() {
        TrafficSeries s = new TrafficSeries("t", Instant.parse("2025-01-06T00:00:00Z"), Duration.ofMinutes(5),
                new double[2016 * 2], UTC, "");
        assertThat(WeeklyProfiles.median(s, UTC).slots().count()).isEqualTo(2016);
    }

    @Test
    void dailyDataCannotShowATrough() {
        TrafficSeries s = new TrafficSeries("t", Instant.parse("2025-01-06T00:00:00Z"), Duration.ofDays(1),
                new double[30], UTC, "");
        assertThatThrownBy(() -> WeeklyProfiles.median(s, UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most one hour");
    }

    @Test
    void locatorAgreesWithJavaTimeEveryFifteenMinutesOfAYear() {
        ZoneId zone = ZoneId.of("America/New_York");
        WeekSlots slots = new WeekSlots(zone, Duration.ofMinutes(15));
        WeekSlots.Locator locator = slots.locator();
        for (Instant t = Instant.parse("2025-01-01T00:00:00Z"); t.isBefore(Instant.parse("2026-01-01T00:00:00Z"));
                t = t.plus(Duration.ofMinutes(15))) {
            ZonedDateTime local = t.atZone(zone);
            int expected = slots.indexOf(local.getDayOfWeek(), local.toLocalTime());
            assertThat(locator.slotOf(t.getEpochSecond())).as("%s", local).isEqualTo(expected);
        }
    }
}
