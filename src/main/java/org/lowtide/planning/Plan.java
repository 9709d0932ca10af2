package org.lowtide.planning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to "when should we make this change?".
 *
 * @param request         what was asked
 * @param unit            what the scores measure (traffic unit or currency)
 * @param windows         dated windows, best first
 * @param recurring       the best weekly rule under the constraints, when one exists
 * @param rejections      good windows that constraints ruled out, best first
 * @param medianCandidate value at stake in the median candidate window of the horizon
 * @param habit           value at stake in the team's habitual slot (mean over its occurrences)
 * @param candidates      candidate windows considered
 * @param allowed         candidates that met every constraint
 */
public record Plan(WindowRequest request, String unit, List<ChangeWindow> windows, Optional<RecurringWindow> recurring,
                   List<Rejection> rejections, double medianCandidate, OptionalDouble habit, int candidates,
                   int allowed) {

    public Plan {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(unit, "unit");
        windows = List.copyOf(windows);
        Objects.requireNonNull(recurring, "recurring");
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(habit, "habit");
    }
}
