package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PeriodDetectorTest {

    private static List<String> names(double[] y, Duration step) {
        return PeriodDetector.detect(y, step).stream().map(SeasonalPeriod::name).collect(Collectors.toList());
    }

    @Test
    void dailyAndWeeklyTrafficShowsBoth() {
        SplittableRandom r = new SplittableRandom(1);
        double[] y = new double[6 * 168];
        for (int i = 0; i < y.length; i++) {
            double weekend = (i / 24) % 7 >= 5 ? 0.5 : 1.0;
            y[i] = 100 + 80 * weekend * Math.sin(2 * Math.PI * i / 24) + 40 * weekend + r.nextGaussian() * 5;
        }
        assertThat(names(y, Duration.ofHours(1))).containsExactly("day", "week");
    }

    @Test
    void aDailyCycleAloneInventsNoWeek() {
        SplittableRandom r = new SplittableRandom(2);
        double[] y = new double[6 * 168];
        double weather = 0;
        for (int i = 0; i < y.length; i++) {
            weather = 0.98 * weather + r.nextGaussian(); // slow random drift, as temperatures
            y[i] = 20 + 8 * Math.sin(2 * Math.PI * i / 24) + weather;
        }
        assertThat(names(y, Duration.ofHours(1))).containsExactly("day");
    }

    @Test
    void aPeriodNeedsTwoFullCycles() {
        double[] y = new double[24 * 10]; // ten days: a week fits once
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 + 50 * Math.sin(2 * Math.PI * i / 24) + ((i / 24) % 7 >= 5 ? -30 : 0);
        }
        assertThat(names(y, Duration.ofHours(1))).containsExactly("day");
    }

    @Test
    void dailyDataHasNoDailyPeriod() {
        double[] y = new double[3 * 365];
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 365.0) + (i % 7 >= 5 ? -15 : 0);
        }
        assertThat(names(y, Duration.ofDays(1))).containsExactly("week", "year");
    }

    @Test
    void aStrongNonCalendarPeriodIsReportedAsOther() {
        SplittableRandom r = new SplittableRandom(3);
        double[] y = new double[4 * 168 * 12]; // four weeks of 5-minute steps
        for (int i = 0; i < y.length; i++) {
            // A batch job every 7 hours, no daily cycle.
            y[i] = 50 + ((i % 84) < 12 ? 200 : 0) + r.nextGaussian() * 3;
        }
        List<SeasonalPeriod> found = PeriodDetector.detect(y, Duration.ofMinutes(5));
        assertThat(found).anyMatch(p -> p.name().equals("other")
                && Math.abs(p.period().toMinutes() - 7 * 60) <= 15);
        assertThat(found).noneMatch(p -> p.name().equals("week"));
    }

    @Test
    void noDataNoPeriods() {
        double[] y = new double[100];
        java.util.Arrays.fill(y, Double.NaN);
        assertThat(PeriodDetector.detect(y, Duration.ofHours(1))).isEmpty();
    }
}
