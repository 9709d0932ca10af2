package org.lowtide.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lowtide.traffic.TrafficSeries;

/**
 * Week-to-week stability of troughs: in how many weeks of history the recurring window really was
 * (close to) the quietest window of that week, and how much its traffic varied.
 *
 * <p>Each step's value goes to its local week and slot (the zone's wall clock). For every week with
 * data, each window of the trough's length is scored by its mean traffic (windows touching a slot
 * without data are skipped). A trough is "within" in a week when its mean lies within
 * {@link #WITHIN} of that week's range (highest minus lowest window mean) above the lowest window.
 */
public final class TroughStability {

    /** Tolerance as a share of the week's range of window means. */
    public static final double WITHIN = 0.10;

    private TroughStability() {
    }

    /**
     * @param series  traffic with anomalies already masked ({@code NaN}); its values are read in
     *                the profile's zone
     * @param profile the weekly profile the troughs come from
     * @param troughs the troughs to assess
     */
    public static List<TroughStats> assess(TrafficSeries series, WeeklyProfile profile, List<Trough> troughs) {
        WeekSlots slots = profile.slots();
        int s = slots.count();
        long slotSeconds = slots.slot().getSeconds();
        WeekSlots.Locator locator = slots.locator();
        Map<Long, double[]> sums = new TreeMap<>();
        Map<Long, int[]> counts = new TreeMap<>();
        long start = series.start().getEpochSecond();
        long step = Math.max(1, series.step().getSeconds());
        // Steps arrive in time order, so a week's arrays are looked up once per run of its steps
        // (not once per step; a step of an earlier week, after a clock set back, is looked up again).
        long lastWeek = Long.MIN_VALUE;
        double[] weekSums = null;
        int[] weekCounts = null;
        for (int i = 0; i < series.size(); i++) {
            double v = series.valueAt(i);
            if (Double.isNaN(v)) {
                continue;
            }
            long t = start + i * step;
            int slot = locator.slotOf(t);
            long week = locator.weekOf(t);
            if (week != lastWeek || weekSums == null) {
                weekSums = sums.computeIfAbsent(week, w -> new double[s]);
                weekCounts = counts.computeIfAbsent(week, w -> new int[s]);
                lastWeek = week;
            }
            weekSums[slot] += v;
            weekCounts[slot]++;
        }
        List<double[]> perTrough = new ArrayList<>();
        int[] within = new int[troughs.size()];
        for (int t = 0; t < troughs.size(); t++) {
            perTrough.add(new double[sums.size()]);
        }
        int[] seen = new int[troughs.size()];
        double[] prefix = new double[2 * s + 1];
        int[] gaps = new int[2 * s + 1];
        for (Map.Entry<Long, double[]> e : sums.entrySet()) {
            double[] sum = e.getValue();
            int[] count = counts.get(e.getKey());
            for (int i = 0; i < 2 * s; i++) {
                int c = count[i % s];
                prefix[i + 1] = prefix[i] + (c == 0 ? 0 : sum[i % s] / c);
                gaps[i + 1] = gaps[i] + (c == 0 ? 1 : 0);
            }
            for (int t = 0; t < troughs.size(); t++) {
                Trough trough = troughs.get(t);
                int k = (int) (trough.duration().getSeconds() / slotSeconds);
                int first = slots.indexOf(trough.day(), trough.start());
                if (gaps[first + k] - gaps[first] > 0) {
                    continue;
                }
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int w = 0; w < s; w++) {
                    if (gaps[w + k] - gaps[w] == 0) {
                        double m = (prefix[w + k] - prefix[w]) / k;
                        min = Math.min(min, m);
                        max = Math.max(max, m);
                    }
                }
                double mean = (prefix[first + k] - prefix[first]) / k;
                perTrough.get(t)[seen[t]++] = mean;
                if (mean - min <= WITHIN * (max - min)) {
                    within[t]++;
                }
            }
        }
        List<TroughStats> result = new ArrayList<>();
        for (int t = 0; t < troughs.size(); t++) {
            Trough trough = troughs.get(t);
            int k = (int) (trough.duration().getSeconds() / slotSeconds);
            int first = slots.indexOf(trough.day(), trough.start());
            double upper = 0;
            for (int j = 0; j < k; j++) {
                upper += profile.upperAt(first + j);
            }
            upper /= k;
            double[] means = Arrays.copyOf(perTrough.get(t), seen[t]);
            Arrays.sort(means);
            double q1 = Quantiles.type7(means, 0.25);
            double q3 = Quantiles.type7(means, 0.75);
            double stability = seen[t] == 0 ? Double.NaN : (double) within[t] / seen[t];
            result.add(new TroughStats(trough, upper, stability, seen[t], q1, q3));
        }
        return result;
    }
}
