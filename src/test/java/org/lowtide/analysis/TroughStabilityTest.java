package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;

class TroughStabilityTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void aTroughMissingInOneWeekOfFourIsThreeQuartersStable() {
        ZonedDateTime start = ZonedDateTime.of(2025, 1, 6, 0, 0, 0, 0, UTC); // a Monday
        double[] v = new double[4 * 168];
        for (int i = 0; i < v.length; i++) {
            ZonedDateTime t = start.plusHours(i);
            boolean trough = t.getDayOfWeek() == DayOfWeek.SUNDAY && (t.getHour() == 3 || t.getHour() == 4);
            v[i] = trough ? (i >= 3 * 168 ? 500 : 10) : 100 + t.getHour();
        }
        TrafficSeries s = new TrafficSeries("t", start.toInstant(), Duration.ofHours(1), v, UTC, "");
        WeeklyProfile profile = WeeklyProfiles.median(s, UTC);
        List<Trough> troughs = TroughFinder.find(profile, Duration.ofHours(2), 2);
        assertThat(troughs.get(0).day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(troughs.get(0).start()).isEqualTo(LocalTime.of(3, 0));

        List<TroughStats> stats = TroughStability.assess(s, profile, troughs);

        TroughStats best = stats.get(0);
        assertThat(best.weeks()).isEqualTo(4);
        assertThat(best.stability()).isEqualTo(0.75);
        assertThat(best.lowerQuartile()).isEqualTo(10.0);
        assertThat(best.upperQuartile()).isCloseTo(132.5, within(1e-9)); // type-7 quartile of 10, 10, 10, 500
        // p90 of the slot's four values 10, 10, 10, 500 (type 7): 10 + 0.7·490 = 353
        assertThat(best.upper()).isCloseTo(353.0, within(1e-9));
        // The runner-up (Monday 00:00–02:00 at 100–101) is the quietest window in the one week
        // where Sunday was busy: within 10 % of that week's range there, not elsewhere.
        assertThat(stats.get(1).stability()).isEqualTo(0.25);
    }
}
