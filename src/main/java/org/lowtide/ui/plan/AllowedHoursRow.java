package org.lowtide.ui.plan;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lowtide.planning.AllowedHours;

/**
 * One line of staff hours in the plan form, e.g. {@code Mon-Fri 01:00-06:00}, read with
 * {@link AllowedHours#parse}. A blank line means nothing and is no error.
 */
public final class AllowedHoursRow {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Optional<AllowedHours> value = Optional.empty();

    public AllowedHoursRow(String initial) {
        text.addListener((o, before, now) -> validate());
        text.set(initial == null ? "" : initial);
        validate();
    }

    private void validate() {
        PlanForm.Reading<AllowedHours> r = PlanForm.allowedHours(text.get());
        value = r.value();
        error.set(r.error());
    }

    /** Shows why the line cannot be read ({@link PlanForm#allowedHours}); empty when it can. */
    void showError(String message) {
        error.set(message);
    }

    /** @return whether the line is blank (ignored) */
    boolean isBlank() {
        return text.get() == null || text.get().isBlank();
    }

    /**
     * @return the hours, when the line is filled in and valid. Read afresh: the form's list hears of
     *         an edit (an invalidation) before this row's own change listener has run.
     */
    Optional<AllowedHours> value() {
        validate();
        return value;
    }

    /** What the user typed: {@code "Mon-Fri 01:00-06:00"}, {@code "Sat,Sun 22:00-02:00"}, {@code "daily 02:00-05:00"}. */
    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }

    /** Why the line cannot be read; empty when it can (or is blank). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }
}
