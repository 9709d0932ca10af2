package org.lowtide.planning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lowtide.traffic.Interval;

/**
 * One dated window recommended for a change.
 *
 * @param rank             1 for the best
 * @param window           the change window
 * @param tailEnd          end of the rollback tail after the window
 * @param latestSafeStart  the latest start from which a failed change is rolled back (p90 restore)
 *                         before traffic rises above the horizon's median level; within the window
 * @param expected         expected value at stake over window and tail (sum of the outlook's steps)
 * @param upper            upper (p90) value at stake over window and tail
 * @param savingsVsMedian  how much less is at stake than in the median candidate window
 * @param reasons          why it was chosen, in plain words
 * @param change           the named change this window is for, when the plan was for a list of changes
 */
public record ChangeWindow(int rank, Interval window, Instant tailEnd, Instant latestSafeStart, double expected,
                           double upper, double savingsVsMedian, List<String> reasons, java.util.Optional<String> change) {

    /** A window not tied to a named change. */
    public ChangeWindow(int rank, Interval window, Instant tailEnd, Instant latestSafeStart, double expected,
                        double upper, double savingsVsMedian, List<String> reasons) {
        this(rank, window, tailEnd, latestSafeStart, expected, upper, savingsVsMedian, reasons,
                java.util.Optional.empty());
    }

    public ChangeWindow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(tailEnd, "tailEnd");
        Objects.requireNonNull(latestSafeStart, "latestSafeStart");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(change, "change");
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1");
        }
        if (tailEnd.isBefore(window.end())) {
            throw new IllegalArgumentException("the rollback tail cannot end before the window");
        }
        if (latestSafeStart.isBefore(window.start()) || latestSafeStart.isAfter(window.end())) {
            throw new IllegalArgumentException("the latest safe start must lie within the window");
        }
    }
}
