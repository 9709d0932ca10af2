package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;

class TroughFinderTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WeekSlots HOURS = new WeekSlots(UTC, Duration.ofHours(1));

    private static WeeklyProfile profile(double[] levels) {
        return new WeeklyProfile(HOURS, levels, new int[levels.length]);
    }

    private static double[] flat(double level) {
        double[] v = new double[168];
        Arrays.fill(v, level);
        return v;
    }

    @Test
    void scoresTheWholeWindowNotItsFirstSlot() {
        double[] v = flat(100);
        v[10] = 0;   // a lone dip: the lowest first slot, but 0 + 100 = 100 over two hours
        v[50] = 30;  // two moderate hours: 30 + 30 = 60 over two hours — the better window
        v[51] = 30;

        Trough best = TroughFinder.find(profile(v), Duration.ofHours(2), 1).get(0);

        assertThat(best.day()).isEqualTo(DayOfWeek.WEDNESDAY); // slot 50 = 2 days + 2 hours
        assertThat(best.start()).isEqualTo(LocalTime.of(2, 0));
        assertThat(best.expected()).isEqualTo(30.0);
        assertThat(best.shareOfPeak()).isEqualTo(0.3);
    }

    @Test
    void wrapsFromSundayNightToMondayMorning() {
        double[] v = flat(100);
        v[167] = 1; // Sunday 23:00
        v[0] = 1;   // Monday 00:00

        Trough best = TroughFinder.find(profile(v), Duration.ofHours(2), 1).get(0);

        assertThat(best.day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(best.start()).isEqualTo(LocalTime.of(23, 0));
        assertThat(best.endDay()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(best.describe()).isEqualTo("Sundays 23:00–Monday 01:00 UTC: 1.0 % of the weekly peak");
    }

    @Test
    void furtherTroughsAreDistinctQuietPeriodsInOrder() {
        SplittableRandom random = new SplittableRandom(7);
        double[] v = new double[168];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(10, 100);
        }

        List<Trough> troughs = TroughFinder.find(profile(v), Duration.ofHours(3), 5);

        assertThat(troughs).hasSize(5);
        for (int i = 1; i < troughs.size(); i++) {
            assertThat(troughs.get(i).expected()).isGreaterThanOrEqualTo(troughs.get(i - 1).expected());
            for (int j = 0; j < i; j++) {
                int a = HOURS.indexOf(troughs.get(i).day(), troughs.get(i).start());
                int b = HOURS.indexOf(troughs.get(j).day(), troughs.get(j).start());
                int distance = Math.floorMod(a - b, 168);
                // At least one window length of clear time between any two 3-hour troughs.
                assertThat(distance >= 6 && distance <= 162).as("troughs %d and %d too close", i, j).isTrue();
            }
        }
    }

    @Test
    void windowsTouchingSlotsWithoutDataAreNotProposed() {
        double[] v = flat(100);
        v[20] = 0;
        v[21] = Double.NaN;

        Trough best = TroughFinder.find(profile(v), Duration.ofHours(2), 1).get(0);

        assertThat(HOURS.indexOf(best.day(), best.start())).isEqualTo(19); // 19–21 holds 100 + 0; 20–22 touches NaN
    }

    @RepeatedTest(50)
    void agreesWithBruteForce(org.junit.jupiter.api.RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        double[] v = new double[168];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.floor(random.nextDouble(0, 1000));
        }
        int k = random.nextInt(1, 12);

        Trough best = TroughFinder.find(profile(v), Duration.ofHours(k), 1).get(0);

        double bestTotal = Double.MAX_VALUE;
        int bestStart = -1;
        for (int s = 0; s < 168; s++) {
            double total = 0;
            for (int j = 0; j < k; j++) {
                total += v[(s + j) % 168];
            }
            if (total < bestTotal) {
                bestTotal = total;
                bestStart = s;
            }
        }
        assertThat(HOURS.indexOf(best.day(), best.start())).isEqualTo(bestStart);
        assertThat(best.expected() * k).isCloseTo(bestTotal, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void dstWeekDoesNotShiftTheTrough() {
        // Traffic lowest 03:00–05:00 Berlin wall clock; six weeks spanning the 30 March 2025 change.
        ZonedDateTime start = ZonedDateTime.of(2025, 3, 10, 0, 0, 0, 0, BERLIN);
        TrafficSeries s = WeeklyProfilesTest.hourly(start, 6 * 168,
                t -> (t.getHour() == 3 || t.getHour() == 4) && t.getDayOfWeek() == DayOfWeek.WEDNESDAY ? 5 : 100);

        Trough best = TroughFinder.find(WeeklyProfiles.median(s, BERLIN), Duration.ofHours(2), 1).get(0);

        assertThat(best.day()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(best.start()).isEqualTo(LocalTime.of(3, 0));
        assertThat(best.shareOfPeak()).isEqualTo(0.05);
    }

    @Test
    void troughMovesWithThePlanZone() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, BERLIN); // winter: Berlin = UTC+1
        TrafficSeries s = WeeklyProfilesTest.hourly(start, 3 * 168, t -> t.getHour() == 4 ? 1 : 100);

        Trough inUtc = TroughFinder.find(WeeklyProfiles.median(s, UTC), Duration.ofHours(1), 1).get(0);

        assertThat(inUtc.start()).isEqualTo(LocalTime.of(3, 0));
        assertThat(inUtc.zone()).isEqualTo(UTC);
    }

    @Test
    void occurrencesAreDatedInTheZoneAcrossDst() {
        Trough t = new Trough(DayOfWeek.SUNDAY, LocalTime.of(4, 0), Duration.ofHours(2), BERLIN, 1, 0.01);

        List<Interval> occurrences = t.occurrences(Instant.parse("2025-03-20T00:00:00Z"),
                Instant.parse("2025-04-10T00:00:00Z"));

        assertThat(occurrences).extracting(Interval::start).containsExactly(
                Instant.parse("2025-03-23T03:00:00Z"), // CET
                Instant.parse("2025-03-30T02:00:00Z"), // CEST from 30 March 02:00
                Instant.parse("2025-04-06T02:00:00Z"));
        assertThat(occurrences).allSatisfy(i -> assertThat(i.duration()).isEqualTo(Duration.ofHours(2)));
    }

    @Test
    void rejectsWindowsThatAreNotWholeSlots() {
        assertThatThrownBy(() -> TroughFinder.find(profile(flat(1)), Duration.ofMinutes(90), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of the profile's 1-hour slots");
    }

    @Test
    void describesWindowsInWords() {
        Trough t = new Trough(DayOfWeek.SUNDAY, LocalTime.of(4, 0), Duration.ofHours(2), BERLIN, 31, 0.031);
        assertThat(t.describe()).isEqualTo("Sundays 04:00–06:00 Europe/Berlin: 3.1 % of the weekly peak");
        Trough toMidnight = new Trough(DayOfWeek.MONDAY, LocalTime.of(22, 0), Duration.ofHours(2), BERLIN, 1, 0.5);
        assertThat(toMidnight.describe()).startsWith("Mondays 22:00–24:00 ");
    }

    /** Fuzz found: a window of 2^31 slots wrapped round to a negative slot count and a negative index. */
    @Test
    void aHugeWindowIsRefusedInWordsNotByANegativeIndex() {
        for (Duration huge : List.of(Duration.ofHours(2_147_483_648L), Duration.ofHours(4_294_967_297L),
                Duration.ofHours(Long.MAX_VALUE / 7200))) {
            assertThatThrownBy(() -> TroughFinder.find(profile(flat(100)), huge, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the window length must be shorter than a week; was ")
                    .hasMessageNotContaining("PT");
        }
    }
}
