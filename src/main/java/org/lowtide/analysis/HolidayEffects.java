package org.lowtide.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lowtide.traffic.TrafficSeries;

/**
 * Estimates the traffic effect of holidays from history: a holiday's ratio is the traffic measured
 * on that local day over what the weekly profile expects for the same slots, taken over the slots
 * measured that day (at least 80 % of them); the typical effect is the median ratio.
 */
public final class HolidayEffects {

    /** Share of a day's slots that must be measured for a ratio. */
    static final double MIN_COVERAGE = 0.8;

    private HolidayEffects() {
    }

    /**
     * @param series    traffic with anomalies masked, read in {@code profile}'s zone
     * @param profile   the weekly profile
     * @param holidays  holiday dates and names (history and forecast range)
     * @param forecastEnd end of the forecast horizon (exclusive)
     */
    public static List<HolidayEffect> estimate(TrafficSeries series, WeeklyProfile profile,
                                               Map<LocalDate, String> holidays, Instant forecastEnd) {
        ZoneId zone = profile.slots().zone();
        WeekSlots slots = profile.slots();
        WeekSlots.Locator locator = slots.locator();
        LocalDate firstDay = series.start().atZone(zone).toLocalDate();
        LocalDate lastDay = series.end().minusNanos(1).atZone(zone).toLocalDate();
        LocalDate forecastLast = forecastEnd.minusNanos(1).atZone(zone).toLocalDate();
        List<HolidayEffect> result = new ArrayList<>();
        long start = series.start().getEpochSecond();
        long step = Math.max(1, series.step().getSeconds());
        for (Map.Entry<LocalDate, String> h : holidays.entrySet()) {
            LocalDate date = h.getKey();
            boolean inHistory = !date.isBefore(firstDay) && !date.isAfter(lastDay);
            boolean inForecast = date.isAfter(lastDay) && !date.isAfter(forecastLast);
            double ratio = Double.NaN;
            if (inHistory) {
                long from = date.atStartOfDay(zone).toEpochSecond();
                long to = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
                int i0 = (int) Math.max(0, Math.floorDiv(from - start + step - 1, step));
                int i1 = (int) Math.min(series.size(), Math.floorDiv(to - start + step - 1, step));
                double measured = 0;
                double expected = 0;
                int used = 0;
                for (int i = i0; i < i1; i++) {
                    double v = series.valueAt(i);
                    double e = profile.expectedAt(locator.slotOf(start + i * step));
                    if (!Double.isNaN(v) && !Double.isNaN(e)) {
                        measured += v;
                        expected += e;
                        used++;
                    }
                }
                int total = Math.max(1, i1 - i0);
                if (used >= MIN_COVERAGE * total && expected > 0) {
                    ratio = measured / expected;
                }
            }
            result.add(new HolidayEffect(date, h.getValue(), ratio, inHistory, inForecast));
        }
        return result;
    }

    /** @return the median ratio over the holidays that have one, {@code NaN} if none */
    public static double typicalRatio(List<HolidayEffect> effects) {
        double[] r = effects.stream().mapToDouble(HolidayEffect::ratio).filter(v -> !Double.isNaN(v)).toArray();
        if (r.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(r);
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }
}
