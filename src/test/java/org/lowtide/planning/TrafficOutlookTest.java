package org.lowtide.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfile;

class TrafficOutlookTest {

    private static final Instant DATA_END = Instant.parse("2026-03-02T00:00:00Z");   // a Monday
    private static final Duration HOUR = Duration.ofHours(1);

    /** Hourly UTC profile: 100 everywhere, p90 120, peak 100. */
    private static WeeklyProfile profile() {
        double[] expected = new double[168];
        double[] upper = new double[168];
        int[] samples = new int[168];
        Arrays.fill(expected, 100);
        Arrays.fill(upper, 120);
        Arrays.fill(samples, 8);
        return new WeeklyProfile(new WeekSlots(ZoneOffset.UTC, HOUR), expected, upper, samples);
    }

    /** A forecast from DATA_END: mean 150 + step / 10, 80 % band ±30, with a backtest. */
    private static Forecast forecast(int hours, Duration step, double mase, double profileMase) {
        int n = (int) (hours * HOUR.getSeconds() / step.getSeconds());
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = 150 + i / 10.0;
            lo[i] = mean[i] - 30;
            hi[i] = mean[i] + 30;
        }
        return new Forecast(DATA_END, step, mean, lo, hi, lo, hi, 0.98,
                Optional.of(new Forecast.Backtest(3, Duration.ofDays(7), mase, 0.9, profileMase)));
    }

    @Test
    void theForecastReplacesTheProfileOnTheStepsItReachesAndNowhereElse() {
        Instant from = DATA_END.minus(Duration.ofHours(10));
        Instant to = DATA_END.plus(Duration.ofHours(30));
        TrafficOutlook o = TrafficOutlook.of(profile(), Optional.of(forecast(24, HOUR, 0.5, 1.0)), OutlookChoice.AUTO,
                from, to, "requests");

        assertThat(o.forecastFrom()).isEqualTo(10);
        assertThat(o.forecastTo()).isEqualTo(34);
        assertThat(o.forecastSpan().orElseThrow().start()).isEqualTo(DATA_END);
        double[] e = o.traffic().expected();
        double[] u = o.traffic().upper();
        assertThat(e[9]).isEqualTo(100);                  // before the data ends: the profile
        assertThat(u[9]).isEqualTo(120);
        assertThat(e[10]).isEqualTo(150);                 // the forecast's first step
        assertThat(u[10]).isEqualTo(180);                 // its upper 80 % bound: the p90
        assertThat(o.lower()[10]).isEqualTo(120);
        assertThat(e[33]).isCloseTo(152.3, within(1e-9));
        assertThat(e[34]).isEqualTo(100);                 // past its reach: the profile again
        assertThat(o.factors()[10]).isEqualTo(1.5);
        assertThat(o.factors()[9]).isEqualTo(1.0);
        assertThat(o.factors()[34]).isEqualTo(1.0);
        // The p90 limit: forecast steps against the forecast week's peak, the others against the profile's.
        assertThat(o.p90ShareOfPeak()[10]).isCloseTo(180 / 152.3, within(1e-9));
        assertThat(o.p90ShareOfPeak()[9]).isCloseTo(1.2, within(1e-9));
        assertThat(o.note()).contains("ranked on the forecast", "0.50 against 1.00 for the weekly profile",
                "before, where the data still runs", "after, where the forecast ends");
        assertThat(o.forecastAt(DATA_END)).isTrue();
        assertThat(o.forecastAt(DATA_END.minusSeconds(1))).isFalse();
    }

    @Test
    void aFinerForecastIsAveragedOverEachStep() {
        TrafficOutlook o = TrafficOutlook.of(profile(), Optional.of(forecast(4, Duration.ofMinutes(15), 0.5, 1.0)),
                OutlookChoice.AUTO, DATA_END, DATA_END.plus(Duration.ofHours(4)), "requests");
        // The first hour holds forecast steps 0..3: 150, 150.1, 150.2, 150.3.
        assertThat(o.traffic().expected()[0]).isCloseTo(150.15, within(1e-9));
        assertThat(o.traffic().expected()[3]).isCloseTo(151.35, within(1e-9));
        assertThat(o.trafficOver(new org.lowtide.traffic.Interval(DATA_END, DATA_END.plus(Duration.ofHours(2)))))
                .isCloseTo(150.15 + 150.55, within(1e-9));
    }

    @Test
    void autoRanksOnTheForecastOnlyWhenItBeatSeasonalNaive() {
        // Better than the weekly profile (1.5) but not than repeating the last season (0.9).
        TrafficOutlook o = TrafficOutlook.of(profile(), Optional.of(forecast(24, HOUR, 0.95, 1.5)), OutlookChoice.AUTO,
                DATA_END, DATA_END.plus(Duration.ofHours(24)), "requests");
        assertThat(o.usesForecast()).isFalse();
        assertThat(o.note()).isEqualTo("ranked on the weekly profile: in the backtest the forecast (MSTL with damped "
                + "trend) did not beat repeating the last season (MASE 0.95 against 0.90)");
        TrafficOutlook better = TrafficOutlook.of(profile(), Optional.of(forecast(24, HOUR, 0.85, 1.5)),
                OutlookChoice.AUTO, DATA_END, DATA_END.plus(Duration.ofHours(24)), "requests");
        assertThat(better.usesForecast()).isTrue();
        assertThat(better.note()).contains("backtest MASE 0.85 against 1.50 for the weekly profile and 0.90 for "
                + "repeating the last season");
    }

    @Test
    void autoKeepsTheProfileWhenTheForecastLostItsBacktest() {
        TrafficOutlook o = TrafficOutlook.of(profile(), Optional.of(forecast(24, HOUR, 0.85, 0.8)), OutlookChoice.AUTO,
                DATA_END, DATA_END.plus(Duration.ofHours(24)), "requests");
        assertThat(o.usesForecast()).isFalse();
        assertThat(o.traffic().expected()[0]).isEqualTo(100);
        assertThat(o.note()).isEqualTo("ranked on the weekly profile: in the backtest the forecast missed by more "
                + "than the weekly profile (MASE 0.85 against 0.80)");
        // Asked for, the forecast is used all the same.
        TrafficOutlook forced = TrafficOutlook.of(profile(), Optional.of(forecast(24, HOUR, 1.3, 1.1)),
                OutlookChoice.FORECAST, DATA_END, DATA_END.plus(Duration.ofHours(24)), "requests");
        assertThat(forced.usesForecast()).isTrue();
        assertThat(forced.note()).isEqualTo("ranked on the forecast (backtest MASE 1.30 against 1.10 for the "
                + "weekly profile and 0.90 for repeating the last season; method: MSTL with damped trend)");
    }

    @Test
    void aMeasuredHolidayScalesTheForecastOnItsDayOnly() {
        Instant from = DATA_END.minus(Duration.ofHours(24));
        TrafficOutlook o = TrafficOutlook.of(profile(), Optional.of(forecast(72, HOUR, 0.5, 1.0)), OutlookChoice.AUTO,
                from, DATA_END.plus(Duration.ofHours(72)), "requests");
        // A holiday on the forecast's second day at 60 % of a normal day, and one on the profile's day.
        TrafficOutlook h = o.withHolidayEffects(java.util.Map.of(java.time.LocalDate.of(2026, 3, 3), 0.6,
                java.time.LocalDate.of(2026, 3, 1), 0.5), ZoneOffset.UTC, "Test Day 2026-03-03 ×0.60");
        for (int i = 0; i < o.traffic().size(); i++) {
            boolean holiday = i >= 48 && i < 72;
            double factor = holiday ? 0.6 : 1.0;
            assertThat(h.traffic().expected()[i]).as("step %d", i).isEqualTo(o.traffic().expected()[i] * factor);
            assertThat(h.traffic().upper()[i]).isEqualTo(o.traffic().upper()[i] * factor);
        }
        assertThat(h.lower()[50]).isEqualTo(o.lower()[50] * 0.6);
        assertThat(h.traffic().expected()[0]).isEqualTo(100);   // the profile's step: untouched
        assertThat(h.note()).endsWith("; measured holiday effects applied: Test Day 2026-03-03 ×0.60");
        assertThat(o.withHolidayEffects(java.util.Map.of(), ZoneOffset.UTC, "")).isSameAs(o);
    }

    @Test
    void profileAndMissingOrDistantForecastsLeaveTheProfile() {
        Instant from = DATA_END.plus(Duration.ofDays(60));
        TrafficOutlook far = TrafficOutlook.of(profile(), Optional.of(forecast(24, HOUR, 0.5, 1.0)),
                OutlookChoice.FORECAST, from, from.plus(Duration.ofDays(1)), "requests");
        assertThat(far.usesForecast()).isFalse();
        assertThat(far.note()).isEqualTo("ranked on the weekly profile: the data ends 2026-03-01 and the forecast "
                + "reaches 2026-03-02, before the horizon starts");
        TrafficOutlook asked = TrafficOutlook.of(profile(), Optional.of(forecast(24, HOUR, 0.5, 1.0)),
                OutlookChoice.PROFILE, DATA_END, DATA_END.plus(Duration.ofDays(1)), "requests");
        assertThat(asked.usesForecast()).isFalse();
        assertThat(asked.traffic()).isEqualTo(Outlooks.fromProfile(profile(), profile().upper(), DATA_END,
                DATA_END.plus(Duration.ofDays(1)), "requests"));
        TrafficOutlook none = TrafficOutlook.of(profile(), Optional.empty(), OutlookChoice.AUTO, DATA_END,
                DATA_END.plus(Duration.ofDays(1)), "requests");
        assertThat(none.note()).isEqualTo("ranked on the weekly profile: the data gave no forecast");
        assertThat(none.factors()).containsOnly(1.0);
    }
}
