package org.lowtide.cost;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a team can do to raise k (innovation per change) or lower h (downtime per change),
 * with its effect as multipliers on the inputs of the k/h model. The built-in effects are
 * illustrative starting points, not published effect sizes: every one is editable in the scenario
 * file and the GUI.
 *
 * @param id          a short machine name, e.g. {@code better-alerting}
 * @param name        a human name
 * @param innovation  multiplier on k, the innovation per change
 * @param changes     multiplier on the changes per year
 * @param failureRate multiplier on the change failure rate (the result is capped at 1)
 * @param detect      multiplier on the time to detect
 * @param restore     multiplier on the restore time (median and p90 alike)
 * @param impact      multiplier on the share of users affected (blast radius; capped at 1)
 * @param source      where the effect sizes come from
 */
public record Lever(String id, String name, double innovation, double changes, double failureRate, double detect,
                    double restore, double impact, Source source) {

    public Lever {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a lever id is lower-case letters, digits and dashes, e.g. "
                    + "better-alerting; was '" + id + "'");
        }
        check(id, "innovation", innovation, false);
        check(id, "changes", changes, false);
        check(id, "failureRate", failureRate, false);
        check(id, "detect", detect, false);
        check(id, "restore", restore, true);
        check(id, "impact", impact, false);
    }

    private static void check(String id, String what, double factor, boolean positive) {
        if (!Double.isFinite(factor) || factor < 0 || (positive && factor == 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lever %s: the %s multiplier must be %s, was %s", id, what,
                    positive ? "more than zero" : "zero or more", CostLimits.number(factor)));
        }
        if (factor > CostLimits.MAX_LEVER_FACTOR) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lever %s: the %s multiplier must be at most %s, was %s", id, what,
                    CostLimits.number(CostLimits.MAX_LEVER_FACTOR), CostLimits.number(factor)));
        }
    }

    private static final Source ILLUSTRATIVE = Source.lowtideDefault(
            "an illustrative effect, not a published effect size: set your own");

    /** Test environments close to production: fewer failures, better ideas tried first. */
    public static final Lever TEST_ENVIRONMENTS = new Lever("test-environments", "Test environments",
            1.1, 1, 0.8, 1, 1, 1, ILLUSTRATIVE);
    /** A/B testing: keep what works, so each change is worth more. */
    public static final Lever AB_TESTING = new Lever("ab-testing", "A/B testing", 1.3, 1, 1, 1, 1, 1, ILLUSTRATIVE);
    /** Continuous integration: smaller, more frequent changes that fail less. */
    public static final Lever CONTINUOUS_INTEGRATION = new Lever("ci", "Continuous integration",
            1, 1.5, 0.85, 1, 1, 1, ILLUSTRATIVE);
    /** Fast deploys and rollback: a failure is undone in a fraction of the time. */
    public static final Lever FAST_ROLLBACK = new Lever("fast-rollback", "Fast deploys and rollback",
            1, 1, 1, 1, 0.4, 1, ILLUSTRATIVE);
    /** Better alerting: failures are noticed sooner. */
    public static final Lever BETTER_ALERTING = new Lever("better-alerting", "Better alerting",
            1, 1, 1, 0.5, 1, 1, ILLUSTRATIVE);
    /** Splitting the codebase: a failure takes down a smaller part of the service. */
    public static final Lever SPLIT_CODEBASE = new Lever("split-codebase", "Splitting the codebase",
            1, 1, 1, 1, 1, 0.5, ILLUSTRATIVE);

    /** @return the built-in levers */
    public static List<Lever> builtIn() {
        return List.of(TEST_ENVIRONMENTS, AB_TESTING, CONTINUOUS_INTEGRATION, FAST_ROLLBACK, BETTER_ALERTING,
                SPLIT_CODEBASE);
    }

    /** @return whether the lever raises k (or the number of changes) rather than lowering h */
    public boolean raisesK() {
        return innovation > 1 || changes > 1;
    }
}
