package org.lowtide.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * Traffic measured on a regular grid: value {@code i} belongs to the step starting at
 * {@code start + i·step}. {@code NaN} marks a step where nothing was measured.
 *
 * <p>Values live in one primitive array so that ten million points fit in about 80 MB. The array
 * is copied on the way in and on the way out of {@link #values()}; read single values with
 * {@link #valueAt(int)} to avoid the copy.
 *
 * @param name   what was measured, e.g. the file or metric name
 * @param start  start of the first step
 * @param step   grid spacing; positive
 * @param values one value per step, {@code NaN} where missing
 * @param zone   the zone the data is meant to be read in (wall-clock rules, troughs)
 * @param unit   unit of the values, e.g. {@code "requests"}; may be empty
 */
public record TrafficSeries(String name, Instant start, Duration step, double[] values, ZoneId zone, String unit) {

    public TrafficSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(unit, "unit");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, was " + Durations.words(step));
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("a traffic series needs at least one step");
        }
        if (ADOPTED.get() != values) {
            values = values.clone();
        }
    }

    /** The one array {@link #adopt} hands to the constructor on this thread, which keeps it instead of a copy. */
    private static final ThreadLocal<double[]> ADOPTED = new ThreadLocal<>();

    /**
     * A series that keeps {@code values} itself instead of a copy: for the import and the coarsening
     * of long series, where each copy of ten million values is 80 MB of garbage (issue 20). The
     * caller hands the array over and must neither change nor hand it out afterwards.
     */
    public static TrafficSeries adopt(String name, Instant start, Duration step, double[] values, ZoneId zone,
                                      String unit) {
        ADOPTED.set(values);
        try {
            return new TrafficSeries(name, start, step, values, zone, unit);
        } finally {
            ADOPTED.remove();
        }
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return the number of grid steps, measured or not */
    public int size() {
        return values.length;
    }

    /** @return the value of step {@code i}, {@code NaN} where missing */
    public double valueAt(int i) {
        return values[i];
    }

    /** @return the start of step {@code i} */
    public Instant timeAt(int i) {
        return Durations.stepStart(start, step, i);
    }

    /** @return the end of the last step */
    public Instant end() {
        return timeAt(values.length);
    }

    /** @return the span covered by the grid */
    public Interval span() {
        return new Interval(start, end());
    }

    /** @return how many steps are missing ({@code NaN}) */
    public int missingCount() {
        int missing = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                missing++;
            }
        }
        return missing;
    }

    /** @return the same data read in another zone */
    public TrafficSeries withZone(ZoneId newZone) {
        if (newZone.equals(zone)) {
            return this; // immutable: the same data in the same zone needs no copy
        }
        return new TrafficSeries(name, start, step, values, newZone, unit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficSeries other
                && name.equals(other.name) && start.equals(other.start) && step.equals(other.step)
                && Arrays.equals(values, other.values) && zone.equals(other.zone) && unit.equals(other.unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, start, step, Arrays.hashCode(values), zone, unit);
    }

    @Override
    public String toString() {
        return "TrafficSeries[" + name + ", " + start + " + " + values.length + " × " + step + ", " + zone + "]";
    }
}
