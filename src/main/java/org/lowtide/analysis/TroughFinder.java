package org.lowtide.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lowtide.traffic.TrafficSeries;

/**
 * Finds recurring weekly windows of lowest expected traffic.
 *
 * <p>A window of {@code k} slots is scored by the <b>total</b> expected traffic over all its slots,
 * not by its first slot, and windows wrap round the week (Sunday 23:00 to Monday 01:00 is a
 * window). Circular prefix sums make the scan O(slots). Windows that touch a slot without data are
 * not proposed. The best window comes first; further troughs are the next best windows that keep at
 * least one window length clear of every trough already chosen, so that each names a distinct quiet
 * period rather than the same night shifted by a slot.
 */
public final class TroughFinder {

    private TroughFinder() {
    }

    /**
     * @param profile  the weekly profile
     * @param duration window length; a positive multiple of the profile's slot, shorter than a week
     * @param maxCount how many troughs at most
     * @return troughs, lowest expected traffic first; ties go to the earlier slot in the week
     */
    public static List<Trough> find(WeeklyProfile profile, Duration duration, int maxCount) {
        WeekSlots slots = profile.slots();
        long slotSeconds = slots.slot().getSeconds();
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0
                || duration.getSeconds() % slotSeconds != 0) {
            throw new IllegalArgumentException("the window length must be a positive multiple of the profile's "
                    + org.lowtide.traffic.Durations.adjective(slots.slot()) + " slots; was "
                    + org.lowtide.traffic.Durations.words(duration));
        }
        int n = slots.count();
        // Compared as a long: a huge window's slot count must not wrap round to a negative int.
        long slotsInWindow = duration.getSeconds() / slotSeconds;
        if (slotsInWindow >= n) {
            throw new IllegalArgumentException("the window length must be shorter than a week; was "
                    + org.lowtide.traffic.Durations.words(duration));
        }
        int k = (int) slotsInWindow;
        if (maxCount < 1) {
            throw new IllegalArgumentException("ask for at least one trough, not " + maxCount);
        }
        // prefix[i] = sum of slots 0..i-1 of the week laid out twice, so windows may wrap.
        double[] prefix = new double[2 * n + 1];
        int[] missingPrefix = new int[2 * n + 1];
        for (int i = 0; i < 2 * n; i++) {
            double v = profile.expectedAt(i);
            boolean missing = Double.isNaN(v);
            prefix[i + 1] = prefix[i] + (missing ? 0 : v);
            missingPrefix[i + 1] = missingPrefix[i] + (missing ? 1 : 0);
        }
        double[] totals = new double[n];
        Integer[] order = new Integer[n];
        int candidates = 0;
        for (int s = 0; s < n; s++) {
            if (missingPrefix[s + k] - missingPrefix[s] > 0) {
                continue;
            }
            totals[s] = prefix[s + k] - prefix[s];
            order[candidates++] = s;
        }
        // Totals that differ only by rounding in the prefix sums are ties: the earlier slot wins.
        Arrays.sort(order, 0, candidates, (a, b) -> {
            double scale = Math.max(Math.abs(totals[a]), Math.abs(totals[b]));
            int byTotal = Math.abs(totals[a] - totals[b]) <= 1e-9 * scale ? 0 : Double.compare(totals[a], totals[b]);
            return byTotal != 0 ? byTotal : Integer.compare(a, b);
        });

        double peak = profile.peak();
        boolean[] taken = new boolean[n];
        int[] samples = profile.samples();
        List<Trough> troughs = new ArrayList<>();
        for (int c = 0; c < candidates && troughs.size() < maxCount; c++) {
            int s = order[c];
            if (overlapsTaken(taken, s - k, 3 * k)) { // the window itself plus one window length either side
                continue;
            }
            for (int j = 0; j < k; j++) {
                taken[(s + j) % n] = true;
            }
            double mean = totals[s] / k;
            double share = peak > 0 ? mean / peak : Double.NaN;
            int weeks = Integer.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                weeks = Math.min(weeks, samples[(s + j) % n]);
            }
            troughs.add(new Trough(slots.dayOf(s), slots.timeOf(s), duration, slots.zone(), mean, share, weeks));
        }
        return troughs;
    }

    /**
     * What the user must know about the evidence behind the troughs (issue 18): that a sparse
     * series' profile pooled slots, and that the lowest window rests on fewer than
     * {@link Trough#MIN_WEEKS} weeks of measurements.
     *
     * @param series  the traffic the profile was built from
     * @param troughs the troughs found, lowest first
     */
    public static List<String> evidenceNotes(TrafficSeries series, List<Trough> troughs) {
        List<String> notes = new ArrayList<>();
        int pool = WeeklyProfiles.poolFactor(series);
        if (pool > 1) {
            long minutes = series.step().toMinutes();
            notes.add(String.format(java.util.Locale.ROOT, "most steps are missing (%.0f %% measured): the weekly "
                    + "profile pools %d-minute slots into %d-minute ones",
                    100.0 * (series.size() - series.missingCount()) / series.size(), minutes, minutes * pool));
        }
        if (!troughs.isEmpty() && troughs.get(0).tentative()) {
            int w = troughs.get(0).weeksOfData();
            notes.add(String.format(java.util.Locale.ROOT, "the recommended window rests on only %d week%s of "
                    + "measured data (fewer than %d): tentative; collect more weeks before relying on it",
                    w, w == 1 ? "" : "s", Trough.MIN_WEEKS));
        }
        return notes;
    }

    private static boolean overlapsTaken(boolean[] taken, int start, int length) {
        for (int j = 0; j < length; j++) {
            if (taken[Math.floorMod(start + j, taken.length)]) {
                return true;
            }
        }
        return false;
    }
}
