package org.lowtide.cost;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The ranges every cost input must lie in, with the messages users see. The records validate
 * with these in their constructors; the GUI shows the same messages next to a field and the CLI
 * names the option.
 */
public final class CostLimits {

    private CostLimits() {
    }

    /** The most Monte Carlo runs per estimate: beyond this the arrays would outgrow a normal heap. */
    public static final int MAX_SIMULATIONS = 10_000_000;

    /** @return a problem if {@code n} is not a number of simulations Lowtide runs (2 to {@link #MAX_SIMULATIONS}) */
    public static Optional<String> simulations(String label, long n) {
        if (n < 2 || n > MAX_SIMULATIONS) {
            return problem("%s must be from 2 to %,d, was %,d", label, MAX_SIMULATIONS, n);
        }
        return Optional.empty();
    }

    /** @return a problem if {@code value} is not a finite number in [0, 1] */
    public static Optional<String> fraction(String label, double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            return problem("%s must be between 0 and 1, was %s", label, value);
        }
        return Optional.empty();
    }

    /** @return a problem if {@code value} is not a finite number ≥ 0 */
    public static Optional<String> nonNegative(String label, double value) {
        if (!Double.isFinite(value) || value < 0) {
            return problem("%s must be zero or more, was %s", label, value);
        }
        return Optional.empty();
    }

    /** @return a problem if {@code value} is not a finite number > 0 */
    public static Optional<String> positive(String label, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            return problem("%s must be more than zero, was %s", label, value);
        }
        return Optional.empty();
    }

    /** @return a problem if {@code value} is not a finite number ≥ 1 */
    public static Optional<String> atLeastOne(String label, double value) {
        if (!Double.isFinite(value) || value < 1) {
            return problem("%s must be 1 or more, was %s", label, value);
        }
        return Optional.empty();
    }

    /**
     * The longest time to detect, restore or plan downtime a cost model takes: a year and a day
     * (DORA's slowest band restores within six months). Longer values are refused where they are
     * given, so that no later sum or scaling of times overflows.
     */
    public static final Duration MAX_TIME = Duration.ofDays(366);

    /** The largest multiplier a lever may put on an input (100 times worse or better is already absurd). */
    public static final double MAX_LEVER_FACTOR = 100;

    /** @return a problem if the duration is negative or longer than {@link #MAX_TIME} */
    public static Optional<String> nonNegative(String label, Duration value) {
        if (value.isNegative()) {
            return problem("%s must not be negative, was %s", label, value);
        }
        return atMostMaxTime(label, value);
    }

    /** @return a problem if the duration is not positive or longer than {@link #MAX_TIME} */
    public static Optional<String> positive(String label, Duration value) {
        if (value.isNegative() || value.isZero()) {
            return problem("%s must be longer than zero, was %s", label, value);
        }
        return atMostMaxTime(label, value);
    }

    private static Optional<String> atMostMaxTime(String label, Duration value) {
        if (value.compareTo(MAX_TIME) > 0) {
            return problem("%s must be at most %d days, was %s", label, MAX_TIME.toDays(), value);
        }
        return Optional.empty();
    }

    /** @return a problem if the p90 restore time is shorter than the median */
    public static Optional<String> p90NotBelowMedian(Duration median, Duration p90) {
        if (p90.compareTo(median) < 0) {
            return problem("the 90th percentile restore time (%s) must not be shorter than the median (%s)", p90,
                    median);
        }
        return Optional.empty();
    }

    /** @return a problem if the SLO is not a percentage in (0, 100) */
    public static Optional<String> slo(double percent) {
        if (!Double.isFinite(percent) || percent <= 0 || percent >= 100) {
            return problem("the SLO must be a percentage above 0 and below 100 (e.g. 99.95), was %s", percent);
        }
        return Optional.empty();
    }

    /** Throws the problem, if any, as an {@link IllegalArgumentException}. */
    static void require(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    private static Optional<String> problem(String format, Object... args) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Double) {
                shown[i] = number((Double) shown[i]);
            } else if (shown[i] instanceof Duration) {
                shown[i] = org.lowtide.traffic.Durations.words((Duration) shown[i]); // never PT2H in a sentence
            }
        }
        return Optional.of(String.format(Locale.ROOT, format, shown));
    }

    /** @return a number as users typed it: {@code 2} rather than {@code 2.0} */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
