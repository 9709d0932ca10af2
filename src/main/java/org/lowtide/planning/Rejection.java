package org.lowtide.planning;

import java.util.Objects;
import org.lowtide.traffic.Interval;

/**
 * A window that would have ranked well but was ruled out, and why.
 *
 * @param window   the window
 * @param expected value at stake there (lower is better)
 * @param reason   e.g. "blackout: Black Friday freeze", "outside staff hours (Mon-Fri 01:00-06:00)"
 */
public record Rejection(Interval window, double expected, String reason) {

    public Rejection {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(reason, "reason");
    }
}
