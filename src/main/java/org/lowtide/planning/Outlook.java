package org.lowtide.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.lowtide.traffic.Durations;

/**
 * What is at stake at every step of the planning horizon, and an upper value (p90) for the
 * uncertainty. Two kinds:
 * <ul>
 *   <li>{@link Kind#AT_STAKE}: traffic (or money) exposed during the step; a window scores the
 *       <b>sum</b> over its steps and its rollback tail;</li>
 *   <li>{@link Kind#COST_OF_CHANGE}: the expected cost of a change that goes live in the step
 *       (the cost model already follows the incident past the window); a window scores the
 *       <b>mean</b> over its steps, the expected cost of a change made at any moment of it.</li>
 * </ul>
 * Either way scoring a window is two prefix-sum lookups.
 *
 * @param start    start of the first step
 * @param step     grid step; positive
 * @param expected expected value per step, {@code NaN} where unknown
 * @param upper    upper (p90) value per step; same length, at least {@code expected}
 * @param unit     what the values measure, e.g. "requests" or "USD"
 * @param kind     how a window's score is made from its steps
 */
public record Outlook(Instant start, Duration step, double[] expected, double[] upper, String unit, Kind kind) {

    /** How the values of the steps make a window's score. */
    public enum Kind {
        /** Summed over the window and its rollback tail. */
        AT_STAKE,
        /** Averaged over the window's steps. */
        COST_OF_CHANGE
    }

    /** An {@link Kind#AT_STAKE} outlook. */
    public Outlook(Instant start, Duration step, double[] expected, double[] upper, String unit) {
        this(start, step, expected, upper, unit, Kind.AT_STAKE);
    }

    public Outlook {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, was " + org.lowtide.traffic.Durations.words(step));
        }
        if (expected.length != upper.length) {
            throw new IllegalArgumentException("expected and upper need one value per step each");
        }
        expected = expected.clone();
        upper = upper.clone();
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** @return the number of steps */
    public int size() {
        return expected.length;
    }

    double expectedAt(int i) {
        return expected[i];
    }

    double upperAt(int i) {
        return upper[i];
    }

    /** @return the start of step {@code i} */
    public Instant timeAt(int i) {
        return Durations.stepStart(start, step, i); // a planner asks this for every start
    }

    /** @return the end of the last step */
    public Instant end() {
        return timeAt(expected.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outlook other && start.equals(other.start) && step.equals(other.step)
                && Arrays.equals(expected, other.expected) && Arrays.equals(upper, other.upper) && unit.equals(other.unit)
                && kind == other.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, step, Arrays.hashCode(expected), Arrays.hashCode(upper), unit, kind);
    }

    @Override
    public String toString() {
        return "Outlook[" + start + " + " + expected.length + " × " + step + ", " + unit + ", " + kind + "]";
    }
}
