package org.lowtide.analysis;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import org.lowtide.traffic.TrafficSeries;

/** Builds {@link WeeklyProfile}s from traffic series. */
public final class WeeklyProfiles {

    private WeeklyProfiles() {
    }

    /**
     * The slot width for a series: its step when the step is between a minute and an hour and
     * divides a day (so a slot holds one value per week); one minute for finer data.
     *
     * @throws IllegalArgumentException when the step is longer than an hour or does not divide a
     *                                  day: such data cannot show a daily trough
     */
    public static Duration slotFor(Duration step) {
        long seconds = step.getSeconds();
        if (step.compareTo(Duration.ofMinutes(1)) < 0) {
            return Duration.ofMinutes(1);
        }
        if (step.getNano() != 0 || step.compareTo(Duration.ofHours(1)) > 0 || WeekSlots.SECONDS_PER_DAY % seconds != 0) {
            throw new IllegalArgumentException("a weekly profile needs steps of at most one hour that divide a day; "
                    + "this series has steps of " + step);
        }
        return step;
    }

    /**
     * Median weekly profile of {@code series} in {@code zone}: each value goes to the slot of the
     * local week its step starts in; each slot's level is the median of its values.
     *
     * <p>Runs in O(n log(n / slots)): values are bucketed by slot (counting sort), then each
     * bucket is sorted. Values that are {@code NaN} are ignored.
     */
    public static WeeklyProfile median(TrafficSeries series, ZoneId zone) {
        WeekSlots slots = new WeekSlots(zone, slotFor(series.step()));
        int n = series.size();
        int slotCount = slots.count();
        int[] slotOf = new int[n];
        int[] counts = new int[slotCount];
        WeekSlots.Locator locator = slots.locator();
        long startSecond = series.start().getEpochSecond();
        long stepSeconds = series.step().getSeconds();
        long stepNanos = series.step().getNano();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(series.valueAt(i))) {
                slotOf[i] = -1;
                continue;
            }
            long second = startSecond + i * stepSeconds + (stepNanos == 0 ? 0 : (i * stepNanos) / 1_000_000_000L);
            int slot = locator.slotOf(second);
            slotOf[i] = slot;
            counts[slot]++;
        }
        int[] offsets = new int[slotCount + 1];
        for (int s = 0; s < slotCount; s++) {
            offsets[s + 1] = offsets[s] + counts[s];
        }
        double[] bucketed = new double[offsets[slotCount]];
        int[] fill = Arrays.copyOf(offsets, slotCount);
        for (int i = 0; i < n; i++) {
            if (slotOf[i] >= 0) {
                bucketed[fill[slotOf[i]]++] = series.valueAt(i);
            }
        }
        double[] expected = new double[slotCount];
        double[] upper = new double[slotCount];
        for (int s = 0; s < slotCount; s++) {
            int from = offsets[s];
            int to = offsets[s + 1];
            if (from == to) {
                expected[s] = Double.NaN;
                upper[s] = Double.NaN;
                continue;
            }
            Arrays.sort(bucketed, from, to);
            int len = to - from;
            int mid = from + len / 2;
            expected[s] = len % 2 == 1 ? bucketed[mid] : (bucketed[mid - 1] + bucketed[mid]) / 2.0;
            upper[s] = Quantiles.type7(bucketed, from, len, WeeklyProfile.UPPER_QUANTILE);
        }
        return new WeeklyProfile(slots, expected, upper, counts);
    }
}
