package org.lowtide.ui.plan;

import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lowtide.planning.PlanRules;

/**
 * One named change in the plan form, e.g. "Database migration" with a window of {@code 4 h} (read
 * with {@link DurationText}, as the form's window length) when the form is validated. A row whose
 * name and length are both blank means nothing and is no error.
 */
public final class ChangeRow {

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty length = new SimpleStringProperty(this, "length", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public ChangeRow(String name, String length) {
        this.name.set(name == null ? "" : name);
        this.length.set(length == null ? "" : length);
    }

    /**
     * Reads the row and sets {@link #errorProperty()}.
     *
     * @return the change, when the row is filled in and valid
     */
    Optional<PlanRules.Change> validate() {
        String n = trimmed(name);
        String l = trimmed(length);
        if (n.isEmpty() && l.isEmpty()) {
            error.set("");
            return Optional.empty();
        }
        if (n.isEmpty()) {
            error.set("Give the change a name, e.g. Database migration.");
            return Optional.empty();
        }
        Duration d;
        try {
            d = DurationText.parse(l);
        } catch (IllegalArgumentException e) {
            error.set(Messages.sentence(e.getMessage()));
            return Optional.empty();
        }
        if (d.isZero()) {
            error.set("The window of a change must last longer than 0.");
            return Optional.empty();
        }
        if (d.compareTo(Duration.ofDays(7)) > 0) {
            error.set("A window of more than a week is no window; use at most 7 d.");
            return Optional.empty();
        }
        try {
            PlanRules.Change change = new PlanRules.Change(n, d);
            error.set("");
            return Optional.of(change);
        } catch (IllegalArgumentException e) {
            error.set(Messages.sentence(e.getMessage()));
            return Optional.empty();
        }
    }

    private static String trimmed(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }

    /** @return whether name and length are both blank (the row is ignored) */
    boolean isBlank() {
        return trimmed(name).isEmpty() && trimmed(length).isEmpty();
    }

    /** What the change is, e.g. "Database migration". */
    public StringProperty nameProperty() {
        return name;
    }

    /** How long its window must be, e.g. "4 h" or "90 min". */
    public StringProperty lengthProperty() {
        return length;
    }

    /** Why the row cannot be read; empty when it can (or is blank). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }
}
