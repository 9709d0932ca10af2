package org.lowtide.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * Expected traffic for every slot of the local week.
 *
 * <p>The expected level of a slot is the <b>median</b> of all measured values that fell in that
 * slot over the weeks of history (missing steps ignored), so a single outage or spike in one week
 * does not move it. A slot no measurement fell in is {@code NaN}.
 *
 * @param slots    how the week is cut
 * @param expected median traffic per slot, in the series' unit per series step
 * @param samples  how many measurements each slot's median was taken over
 */
public record WeeklyProfile(WeekSlots slots, double[] expected, int[] samples) {

    public WeeklyProfile {
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(samples, "samples");
        if (expected.length != slots.count() || samples.length != slots.count()) {
            throw new IllegalArgumentException("a weekly profile needs " + slots.count() + " slots, got "
                    + expected.length + " levels and " + samples.length + " counts");
        }
        expected = expected.clone();
        samples = samples.clone();
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
                && Arrays.equals(expected, other.expected) && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slots, Arrays.hashCode(expected), Arrays.hashCode(samples));
    }

    @Override
    public String toString() {
        return "WeeklyProfile[" + slots + ", peak " + peak() + "]";
    }
}
