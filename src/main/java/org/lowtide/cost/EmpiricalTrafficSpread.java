package org.lowtide.cost;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.lowtide.analysis.Quantiles;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfiles;
import org.lowtide.traffic.TrafficSeries;

/**
 * The spread of traffic per slot of the local week, taken from the history: every measured value
 * becomes a sample of its slot, and a slot's distribution is the empirical distribution of its
 * samples ({@code quantile(s, p)} is the sample of rank {@code ⌊p·n⌋} in ascending order, so its
 * integral over p is exactly the sample mean).
 *
 * <p>{@link #shares} divides each value by the mean of its own local week first, so that growth
 * or a busy season does not pass for week-to-week spread: the samples are a slot's level relative
 * to its week. Only weeks with at least 90 % of their slots measured are used (edges and long
 * gaps would bias a week's mean); with no such week the values are divided by the overall mean.
 * {@link #absolute} keeps the values as they are (a revenue column, in currency per minute).
 *
 * <p>A slot without samples is filled by circular linear interpolation between the nearest slots
 * with samples, and a note says how many. Not thread-safe to build; immutable after.
 */
public final class EmpiricalTrafficSpread implements TrafficSpread {

    /** A week counts as measured when at least this share of its slots has a value. */
    static final double COMPLETE_WEEK = 0.9;

    private final WeekSlots slots;
    private final double[][] sorted;
    private final double[] means;
    private final String description;
    private final List<String> notes;

    private EmpiricalTrafficSpread(WeekSlots slots, double[][] samples, String description, List<String> notes) {
        this.slots = slots;
        this.notes = new ArrayList<>(notes);
        int count = slots.count();
        this.sorted = new double[count][];
        this.means = new double[count];
        int empty = 0;
        for (int s = 0; s < count; s++) {
            double[] values = samples[s] == null ? new double[0] : samples[s].clone();
            Arrays.sort(values);
            sorted[s] = values;
            if (values.length == 0) {
                empty++;
                means[s] = Double.NaN;
            } else {
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                means[s] = sum / values.length;
            }
        }
        if (empty == count) {
            throw new IllegalArgumentException("the traffic has no measured value: nothing to spread revenue by");
        }
        if (empty > 0) {
            fillEmpty();
            this.notes.add(String.format(Locale.ROOT, "%d of %d slots of the week had no data; their level is "
                    + "interpolated from the neighbouring slots", empty, count));
        }
        this.description = description;
    }

    /**
     * Levels relative to their week's mean, from a traffic series.
     *
     * @param series traffic (any unit); values must not be negative
     * @param zone   the zone whose local week the slots follow
     */
    public static EmpiricalTrafficSpread shares(TrafficSeries series, ZoneId zone) {
        return build(series, zone, true);
    }

    /**
     * Levels as measured, converted to a rate per minute (value / step length in minutes): for a
     * revenue column in currency per step.
     */
    public static EmpiricalTrafficSpread absolute(TrafficSeries series, ZoneId zone) {
        return build(series, zone, false);
    }

    /** For tests and for spreads computed elsewhere: the given samples per slot, as they are. */
    public static EmpiricalTrafficSpread ofSamples(WeekSlots slots, double[][] samples, String description) {
        if (samples.length != slots.count()) {
            throw new IllegalArgumentException("need samples for " + slots.count() + " slots, got " + samples.length);
        }
        for (double[] s : samples) {
            if (s != null) {
                for (double v : s) {
                    if (!Double.isFinite(v) || v < 0) {
                        throw new IllegalArgumentException("traffic levels must be finite and not negative, found " + v);
                    }
                }
            }
        }
        return new EmpiricalTrafficSpread(slots, samples, description, List.of());
    }

    private static EmpiricalTrafficSpread build(TrafficSeries series, ZoneId zone, boolean relative) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(zone, "zone");
        WeekSlots slots = new WeekSlots(zone, WeeklyProfiles.slotFor(series.step()));
        int n = series.size();
        int count = slots.count();
        int[] slotOf = new int[n];
        int[] weekOf = new int[n];
        WeekSlots.Locator locator = slots.locator();
        long start = series.start().getEpochSecond();
        long stepNanos = series.step().toNanos();
        int week = 0;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            double v = series.valueAt(i);
            if (!Double.isNaN(v) && (v < 0 || Double.isInfinite(v))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: the value at %s is %s; traffic and revenue cannot be negative or infinite", series.name(),
                        series.timeAt(i), v));
            }
            int slot = locator.slotOf(start + Math.floorDiv(i * stepNanos, 1_000_000_000L));
            // A new local week starts when the slot index jumps back by more than half a week
            // (clocks going back in autumn only step back an hour).
            if (previous >= 0 && slot < previous - count / 2) {
                week++;
            }
            previous = slot;
            slotOf[i] = slot;
            weekOf[i] = week;
        }
        int weeks = week + 1;
        double[] weekSum = new double[weeks];
        int[] weekMeasured = new int[weeks];
        int[] weekSlotsSeen = new int[weeks];
        int lastWeek = -1;
        boolean[] seen = new boolean[count];
        for (int i = 0; i < n; i++) {
            if (weekOf[i] != lastWeek) {
                Arrays.fill(seen, false);
                lastWeek = weekOf[i];
            }
            double v = series.valueAt(i);
            if (!Double.isNaN(v)) {
                weekSum[weekOf[i]] += v;
                weekMeasured[weekOf[i]]++;
                if (!seen[slotOf[i]]) {
                    seen[slotOf[i]] = true;
                    weekSlotsSeen[weekOf[i]]++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        boolean[] useWeek = new boolean[weeks];
        double[] divisor = new double[weeks];
        String description;
        double perMinute = 60.0 / (series.step().toNanos() / 1e9);
        if (relative) {
            int complete = 0;
            for (int w = 0; w < weeks; w++) {
                if (weekSlotsSeen[w] >= COMPLETE_WEEK * count && weekSum[w] > 0) {
                    useWeek[w] = true;
                    divisor[w] = weekSum[w] / weekMeasured[w];
                    complete++;
                }
            }
            if (complete > 0) {
                description = String.format(Locale.ROOT, "share of traffic per slot of the %s week over %d measured "
                        + "week%s of %s", zone.getId(), complete, complete == 1 ? "" : "s", series.name());
            } else {
                double sum = 0;
                long measured = 0;
                for (int w = 0; w < weeks; w++) {
                    sum += weekSum[w];
                    measured += weekMeasured[w];
                }
                if (measured == 0 || sum <= 0) {
                    throw new IllegalArgumentException(series.name()
                            + ": the traffic has no positive measured value: nothing to spread revenue by");
                }
                Arrays.fill(useWeek, true);
                Arrays.fill(divisor, sum / measured);
                description = String.format(Locale.ROOT, "share of traffic per slot of the %s week over all of %s "
                        + "(no week is at least 90 %% measured)", zone.getId(), series.name());
                notes.add("no local week of the data is at least 90 % measured: the traffic spread rests on a partial "
                        + "week and is uncertain");
            }
        } else {
            Arrays.fill(useWeek, true);
            Arrays.fill(divisor, 1 / perMinute);
            description = String.format(Locale.ROOT, "revenue per minute per slot of the %s week, as measured in %s",
                    zone.getId(), series.name());
        }
        int[] counts = new int[count];
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(series.valueAt(i)) && useWeek[weekOf[i]]) {
                counts[slotOf[i]]++;
            }
        }
        double[][] samples = new double[count][];
        for (int s = 0; s < count; s++) {
            samples[s] = new double[counts[s]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < n; i++) {
            double v = series.valueAt(i);
            if (!Double.isNaN(v) && useWeek[weekOf[i]]) {
                samples[slotOf[i]][fill[slotOf[i]]++] = v / divisor[weekOf[i]];
            }
        }
        return new EmpiricalTrafficSpread(slots, samples, description, notes);
    }

    private void fillEmpty() {
        int count = means.length;
        for (int s = 0; s < count; s++) {
            if (!Double.isNaN(means[s])) {
                continue;
            }
            int before = s;
            int back = 0;
            while (Double.isNaN(means[Math.floorMod(before, count)]) || sorted[Math.floorMod(before, count)].length == 0) {
                before--;
                back++;
            }
            int after = s;
            int ahead = 0;
            while (Double.isNaN(means[Math.floorMod(after, count)]) || sorted[Math.floorMod(after, count)].length == 0) {
                after++;
                ahead++;
            }
            double a = means[Math.floorMod(before, count)];
            double b = means[Math.floorMod(after, count)];
            double level = a + (b - a) * back / (double) (back + ahead);
            means[s] = level;
            sorted[s] = new double[] {level};
        }
    }

    @Override
    public WeekSlots slots() {
        return slots;
    }

    @Override
    public double mean(int slot) {
        return means[Math.floorMod(slot, means.length)];
    }

    @Override
    public double quantile(int slot, double p) {
        return Quantiles.inverseEcdf(sorted[Math.floorMod(slot, sorted.length)], p);
    }

    /** @return how many samples slot {@code slot} rests on (1 for an interpolated slot) */
    public int samples(int slot) {
        return sorted[Math.floorMod(slot, sorted.length)].length;
    }

    @Override
    public String description() {
        return description;
    }

    /** @return things the user should know about the spread (thin or interpolated data) */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** @return the step of the slots */
    public Duration slotLength() {
        return slots.slot();
    }
}
