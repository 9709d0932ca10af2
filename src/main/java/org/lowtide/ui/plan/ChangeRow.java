package org.lowtide.ui.plan;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

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

    /** Shows why the row cannot be read ({@link PlanForm#change}); empty when it can. */
    void showError(String message) {
        error.set(message);
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
