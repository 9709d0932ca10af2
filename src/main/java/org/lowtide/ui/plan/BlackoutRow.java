package org.lowtide.ui.plan;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lowtide.planning.Blackout;

/**
 * One freeze in the plan form: first and last day ({@code 2026-11-23}, both included) or local
 * date-times ({@code 2026-11-23T18:00}, end excluded), and a reason; read with
 * {@link Blackout#parse} in the plan's zone, as the CLI's {@code --blackout START/END=REASON}.
 * A row whose dates are both blank means nothing and is no error.
 */
public final class BlackoutRow {

    private final StringProperty start = new SimpleStringProperty(this, "start", "");
    private final StringProperty end = new SimpleStringProperty(this, "end", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public BlackoutRow(String start, String end, String reason) {
        this.start.set(start == null ? "" : start);
        this.end.set(end == null ? "" : end);
        this.reason.set(reason == null ? "" : reason);
    }

    /** @return whether both dates are blank (the row is ignored) */
    boolean isBlank() {
        return trimmed(start).isEmpty() && trimmed(end).isEmpty();
    }

    /** Shows why the row cannot be read ({@link PlanForm#blackout}); empty when it can. */
    void showError(String message) {
        error.set(message);
    }

    private static String trimmed(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }

    /** First day, or local start date-time. */
    public StringProperty startProperty() {
        return start;
    }

    /** Last day (included), or local end date-time (excluded). */
    public StringProperty endProperty() {
        return end;
    }

    /** Why there is no change then, e.g. "Black Friday freeze". */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** Why the row cannot be read; empty when it can (or is blank). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }
}
