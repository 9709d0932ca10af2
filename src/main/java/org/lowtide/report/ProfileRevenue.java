package org.lowtide.report;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.cost.RevenueCurve;

/**
 * The cost model's revenue week redrawn on the weekly profile the ranking used: the week's revenue
 * is spread by the profile's expected traffic per slot instead of by the raw mean of each slot's
 * points, so a 5-minute series draws the level the windows were ranked on, not its noise, and "the
 * peak" is the profile's busiest slot, not one spike.
 *
 * @param slots     the profile's slots
 * @param perMinute revenue per minute in each slot; sums (times the slot's minutes) to the curve's week
 * @param peak      the profile's busiest slot
 */
public record ProfileRevenue(WeekSlots slots, double[] perMinute, int peak) {

    public ProfileRevenue {
        perMinute = perMinute.clone();
    }

    /**
     * @return the curve's revenue spread by the profile, when both share a zone and a slot length and
     *         the profile has traffic; empty otherwise (the curve is then drawn as it is)
     */
    public static Optional<ProfileRevenue> of(RevenueCurve curve, WeeklyProfile profile) {
        WeekSlots slots = profile.slots();
        if (!slots.equals(curve.slots())) {
            return Optional.empty();
        }
        double[] expected = profile.expected();
        double sum = 0;
        int peak = 0;
        double top = -1;
        for (int s = 0; s < expected.length; s++) {
            double v = Double.isFinite(expected[s]) ? Math.max(expected[s], 0) : 0;
            sum += v;
            if (v > top) {
                top = v;
                peak = s;
            }
        }
        if (!(sum > 0)) {
            return Optional.empty();
        }
        double scale = curve.weekRevenue() / (sum * curve.slotMinutes());
        double[] perMinute = new double[expected.length];
        for (int s = 0; s < expected.length; s++) {
            perMinute[s] = Double.isFinite(expected[s]) ? Math.max(expected[s], 0) * scale : 0;
        }
        return Optional.of(new ProfileRevenue(slots, perMinute, peak));
    }

    @Override
    public double[] perMinute() {
        return perMinute.clone();
    }

    /** @return the day of the peak slot */
    public DayOfWeek peakDay() {
        return slots.dayOf(peak);
    }

    /** @return the start time of the peak slot */
    public LocalTime peakTime() {
        return slots.timeOf(peak);
    }

    /** @return the lowest, median and highest revenue per minute over the slots */
    public double[] minMedianMax() {
        double[] s = perMinute.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new double[] {s[0], median, s[n - 1]};
    }
}
