package org.lowtide.report;

import java.util.Arrays;
import org.lowtide.analysis.Quantiles;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.traffic.TrafficSeries;

/**
 * How much each slot of the local week varies from week to week: the 10th and 90th percentile of
 * the values measured in that slot (R's quantile type 7), so the forecast of the horizon can show
 * a band around the weekly median. An empirical band, not a model: it says "8 weeks in 10 of the
 * history stayed inside", nothing more.
 *
 * @param slots how the week is cut
 * @param lower the 10th percentile per slot, {@code NaN} where no value fell
 * @param upper the 90th percentile per slot, {@code NaN} where no value fell
 */
public record WeeklyBands(WeekSlots slots, double[] lower, double[] upper) {

    /** The lower band edge's probability. */
    public static final double LOWER = 0.1;
    /** The upper band edge's probability. */
    public static final double UPPER = 0.9;

    public WeeklyBands {
        lower = lower.clone();
        upper = upper.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** @return the bands of {@code series}, cut by the local week of {@code slots} */
    public static WeeklyBands of(TrafficSeries series, WeekSlots slots) {
        int n = slots.count();
        int[] counts = new int[n];
        WeekSlots.Locator locator = slots.locator();
        long start = series.start().getEpochSecond();
        long step = series.step().getSeconds();
        int[] slotOf = new int[series.size()];
        for (int i = 0; i < series.size(); i++) {
            slotOf[i] = locator.slotOf(start + i * step);
            if (!Double.isNaN(series.valueAt(i))) {
                counts[slotOf[i]]++;
            }
        }
        double[][] values = new double[n][];
        for (int s = 0; s < n; s++) {
            values[s] = new double[counts[s]];
        }
        int[] filled = new int[n];
        for (int i = 0; i < series.size(); i++) {
            double v = series.valueAt(i);
            if (!Double.isNaN(v)) {
                values[slotOf[i]][filled[slotOf[i]]++] = v;
            }
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int s = 0; s < n; s++) {
            Arrays.sort(values[s]);
            lo[s] = quantile(values[s], LOWER);
            hi[s] = quantile(values[s], UPPER);
        }
        return new WeeklyBands(slots, lo, hi);
    }

    /** {@link Quantiles#type7}, R's default; {@code NaN} for no values. */
    static double quantile(double[] sorted, double p) {
        return Quantiles.type7(sorted, p);
    }
}
