package org.lowtide.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * Expected traffic for every slot of the local week.
 *
 * <p>The expected level of a slot is the <b>median</b> of all measured values that fell in that
 * slot over the weeks of history (missing steps ignored), so a single outage or spike in one week
 * does not move it. The upper level is the 90th percentile of the same values (R's default
 * quantile, type 7): what a busy week looks like in that slot. A slot no measurement fell in is
 * {@code NaN}.
 *
 * @param slots    how the week is cut
 * @param expected median traffic per slot, in the series' unit per series step
 * @param upper    90th percentile per slot, same unit
 * @param samples  how many measurements each slot's median was taken over
 */
public record WeeklyProfile(WeekSlots slots, double[] expected, double[] upper, int[] samples) {

    /** The quantile {@link #upper()} holds. */
    public static final double UPPER_QUANTILE = 0.9;

    public WeeklyProfile {
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(samples, "samples");
        if (expected.length != slots.count() || upper.length != slots.count() || samples.length != slots.count()) {
            throw new IllegalArgumentException("a weekly profile needs " + slots.count() + " slots, got "
                    + expected.length + " levels, " + upper.length + " upper levels and " + samples.length + " counts");
        }
        expected = expected.clone();
        upper = upper.clone();
        samples = samples.clone();
    }

    /**
     * A profile whose upper level equals its expected level (when only one value per slot is known).
     *
     * @param slots    how the week is cut
     * @param expected median traffic per slot
     * @param samples  how many measurements each slot rests on
     */
    public WeeklyProfile(WeekSlots slots, double[] expected, int[] samples) {
        this(slots, expected, expected, samples);
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** @return the 90th percentile of slot {@code index} (wrapping round the week) */
    public double upperAt(int index) {
        return upper[Math.floorMod(index, upper.length)];
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public int[] samples() {
        return samples.clone();
    }

    /** @return the expected level of slot {@code index} (wrapping round the week) */
    public double expectedAt(int index) {
        return expected[Math.floorMod(index, expected.length)];
    }

    /** @return the number of measurements behind slot {@code index} */
    public int samplesAt(int index) {
        return samples[Math.floorMod(index, samples.length)];
    }

    /** @return the highest expected level of the week, {@code NaN} if no slot has data */
    public double peak() {
        double peak = Double.NaN;
        for (double v : expected) {
            if (!Double.isNaN(v) && (Double.isNaN(peak) || v > peak)) {
                peak = v;
            }
        }
        return peak;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyProfile other && slots.equals(other.slots)
                && Arrays.equals(expected, other.expected) && Arrays.equals(upper, other.upper)
                && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slots, Arrays.hashCode(expected), Arrays.hashCode(upper), Arrays.hashCode(samples));
    }

    @Override
    public String toString() {
        return "WeeklyProfile[" + slots + ", peak " + peak() + "]";
    }
}
