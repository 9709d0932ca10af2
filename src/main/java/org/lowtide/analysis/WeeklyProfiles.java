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
                    + "this series has steps of " + org.lowtide.traffic.Durations.words(step));
        }
        return step;
    }

    /**
     * Median weekly profile of {@code series} in {@code zone}: each value goes to the slot of the
     * local week its step starts in; each slot's level is the median of its values.
     *
     * <p>When most steps are missing, neighbouring slots pool ({@link #poolFactor}): each slot's
     * level is the median of its pooled group's values.
     *
     * <p>Runs in O(n log(n / slots)): values are bucketed by slot (counting sort), then each
     * bucket is sorted. Values that are {@code NaN} are ignored.
     */
    public static WeeklyProfile median(TrafficSeries series, ZoneId zone) {
        WeekSlots slots = new WeekSlots(zone, slotFor(series.step()));
        int pool = poolFactor(series);
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
            slot -= slot % pool;
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
        if (pool > 1) {
            // Every slot of a pooled group shares the group's level; its count is the group's
            // measurements in weeks' worth of one slot.
            for (int s = 0; s < slotCount; s++) {
                int first = s - s % pool;
                if (s != first) {
                    expected[s] = expected[first];
                    upper[s] = upper[first];
                }
            }
            for (int first = 0; first < slotCount; first += pool) {
                int perSlot = counts[first] / pool;
                for (int s = first; s < Math.min(slotCount, first + pool); s++) {
                    counts[s] = perSlot;
                }
            }
        }
        return new WeeklyProfile(slots, expected, upper, counts);
    }

    /**
     * How many neighbouring slots a sparse series' profile pools into one (issue 18): 1 unless most
     * steps are missing; then the smallest number of slots, dividing an hour, that holds at least
     * one measurement per week on average ({@code k · measured share ≥ 1}), at most an hour's worth.
     * A slot with one value in a week and none in the next would otherwise rank on chance.
     */
    public static int poolFactor(TrafficSeries series) {
        long step = series.step().getSeconds();
        if (series.size() == 0 || series.step().getNano() != 0 || step <= 0 || step >= 3600 || 3600 % step != 0) {
            return 1;
        }
        double measured = 1.0 - (double) series.missingCount() / series.size();
        if (measured >= 0.5) {
            return 1;
        }
        int perHour = (int) (3600 / step);
        for (int k = 2; k <= perHour; k++) {
            if (perHour % k == 0 && k * measured >= 1) {
                return k;
            }
        }
        return perHour;
    }
}
