package org.lowtide.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lowtide.traffic.Interval;

/**
 * The windows a plan allows, as the {@code gate} sees them: its dated windows and every occurrence
 * of its weekly rule that the plan's own constraints allow. The planner and the gate are one truth:
 * an occurrence counts only when {@link WindowPlanner#ruleOut} finds nothing against it (staff
 * hours in local wall-clock time, so a DST night that shifts it outside them rules it out;
 * blackouts over the window and its rollback tail; holidays kept as blackouts).
 */
public final class PlanGate {

    private final List<Interval> windows;
    private final Instant[] starts;
    /** The latest end among windows 0..i (windows may overlap), for the binary search. */
    private final Instant[] reach;

    private PlanGate(List<Interval> windows) {
        this.windows = List.copyOf(windows);
        this.starts = new Instant[windows.size()];
        this.reach = new Instant[windows.size()];
        Instant far = Instant.MIN;
        for (int i = 0; i < windows.size(); i++) {
            starts[i] = windows.get(i).start();
            far = windows.get(i).end().isAfter(far) ? windows.get(i).end() : far;
            reach[i] = far;
        }
    }

    /** The gate of {@code plan}. */
    public static PlanGate of(Plan plan) {
        List<Interval> all = new ArrayList<>();
        for (ChangeWindow w : plan.windows()) {
            all.add(w.window());
        }
        plan.recurring().ifPresent(rule -> {
            for (RecurringWindow.Occurrence o : rule.occurrences()) {
                if (allows(plan.request(), o)) {
                    all.add(new Interval(o.start().toInstant(), o.end().toInstant()));
                }
            }
        });
        all.sort(Comparator.comparing(Interval::start).thenComparing(Interval::end));
        return new PlanGate(all);
    }

    /** @return whether the plan's constraints allow this occurrence of its weekly rule */
    public static boolean allows(WindowRequest request, RecurringWindow.Occurrence o) {
        Instant end = o.end().toInstant();
        return WindowPlanner.ruleOut(request.constraints(), o.start().toInstant(), end,
                end.plus(request.rollbackTail())) == null;
    }

    /** @return every allowed window, by start */
    public List<Interval> windows() {
        return windows;
    }

    /** @return the allowed window that holds {@code t} (the one that started last, when several do) */
    public Optional<Interval> windowAt(Instant t) {
        // the last window that starts at or before t
        int lo = 0;
        int hi = starts.length - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!starts[mid].isAfter(t)) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int i = last; i >= 0 && reach[i].isAfter(t); i--) {
            if (windows.get(i).contains(t)) {
                return Optional.of(windows.get(i));
            }
        }
        return Optional.empty();
    }

    /** @return the first allowed window that starts after {@code t} */
    public Optional<Interval> nextAfter(Instant t) {
        return windows.stream().filter(w -> w.start().isAfter(t)).findFirst();
    }
}
