package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Trough;
import org.lowtide.traffic.Interval;

/** The recommendation's words: the same in every face, durations as people say them, other days named. */
class RecommendationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Recommendation of(Recommendation.Basis basis, DayOfWeek day, LocalTime start, Trough quietest) {
        RecurringWindow weekly = new RecurringWindow(day, start, Duration.ofHours(2), BERLIN, 100, List.of());
        Instant s = Instant.parse("2026-12-05T22:00:00Z"); // Sat 23:00 CET, ends Sun 01:00
        ChangeWindow first = new ChangeWindow(1, new Interval(s, s.plus(Duration.ofHours(2))),
                s.plus(Duration.ofMinutes(245)), s, 100, 110, 5,
                List.of("rank 1"));
        return new Recommendation(basis, Optional.of(weekly), Optional.of(first), Duration.ofHours(2),
                Duration.ofMinutes(125), Optional.of(quietest), List.of());
    }

    @Test
    void durationsReadAsPeopleSayThemNeverIso() {
        assertThat(Recommendation.words(Duration.ofMinutes(125))).isEqualTo("125 minutes");
        assertThat(Recommendation.words(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(Recommendation.words(Duration.ofHours(30))).isEqualTo("1 day 6 hours");
        assertThat(Recommendation.adjective(Duration.ofMinutes(125))).isEqualTo("125-minute");
        assertThat(Recommendation.adjective(Duration.ofHours(2))).isEqualTo("2-hour");
    }

    @Test
    void aWindowOverMidnightNamesTheDayItEndsOn() {
        Trough quiet = new Trough(DayOfWeek.SATURDAY, LocalTime.of(23, 0), Duration.ofHours(2), BERLIN, 1, 0.1);
        Recommendation r = of(Recommendation.Basis.TRAFFIC_AT_STAKE, DayOfWeek.SATURDAY, LocalTime.of(23, 0), quiet);
        assertThat(r.weeklyText()).contains("Saturdays 23:00–Sunday 01:00 Europe/Berlin");
        assertThat(r.firstText()).contains("Sat 5 Dec 2026 23:00–Sun 01:00 Europe/Berlin");
        assertThat(r.whyDiffers()).as("the same window as the quietest: nothing to explain").isEmpty();
        assertThat(r.headline()).isEqualTo("Recommended: Saturdays 23:00–Sunday 01:00 Europe/Berlin "
                + "(first: Sat 5 Dec 2026 23:00–Sun 01:00 Europe/Berlin)");
    }

    @Test
    void whenTheQuietestWindowIsElsewhereOneSentenceSaysWhy() {
        Trough quiet = new Trough(DayOfWeek.SATURDAY, LocalTime.of(4, 0), Duration.ofHours(2), BERLIN, 1, 0.05);
        Recommendation byTraffic = of(Recommendation.Basis.TRAFFIC_AT_STAKE, DayOfWeek.SATURDAY, LocalTime.of(2, 0),
                quiet);
        assertThat(byTraffic.whyDiffers()).contains("The quietest 2-hour window of the week is Saturdays 04:00–06:00 "
                + "Europe/Berlin (traffic in the window alone); Saturdays 02:00–04:00 Europe/Berlin is recommended "
                + "because it counts the 125 minutes of rollback after the window too: over window and rollback "
                + "together, less traffic is at stake then.");
        assertThat(byTraffic.basisText()).startsWith("ranked by the traffic at stake over the 2-hour window and the "
                + "125-minute rollback");
        Recommendation inMoney = of(Recommendation.Basis.EXPECTED_COST, DayOfWeek.SATURDAY, LocalTime.of(2, 0), quiet);
        assertThat(inMoney.whyDiffers().orElseThrow()).endsWith("a failed change costs less then.");
        assertThat(inMoney.basisText()).startsWith("ranked by the expected cost of a change");
    }
}
