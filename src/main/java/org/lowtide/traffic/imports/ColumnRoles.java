package org.lowtide.traffic.imports;

import java.util.List;

/**
 * The user's word on the columns of a table, where detection should not decide: which columns
 * make up the timestamp, and which text columns name series (keys of a long, "tidy" export).
 * Text columns that are not keys are attributes: they describe a row and are left alone.
 *
 * @param timeColumns  the columns that make up the timestamp, in order: one date-time column, a date
 *                     and a time-of-day (or hour) column, or year, month, day[, hour[, minute]]; empty to detect
 * @param labelColumns the text columns that name series; empty to detect (unless {@code noLabels})
 * @param noLabels     whether no column names series: every text column is an attribute
 */
public record ColumnRoles(List<String> timeColumns, List<String> labelColumns, boolean noLabels) {

    /** Everything detected. */
    public static final ColumnRoles DETECT = new ColumnRoles(List.of(), List.of(), false);

    public ColumnRoles {
        timeColumns = List.copyOf(timeColumns);
        labelColumns = List.copyOf(labelColumns);
        if (timeColumns.size() > 5) {
            throw new IllegalArgumentException("at most five time columns (year, month, day, hour, minute), got "
                    + timeColumns.size());
        }
        if (noLabels && !labelColumns.isEmpty()) {
            throw new IllegalArgumentException("label columns given together with no labels");
        }
        for (String name : timeColumns) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a time column name must not be blank");
            }
        }
        for (String name : labelColumns) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a label column name must not be blank");
            }
        }
    }

    /** @return these roles with the time columns replaced */
    public ColumnRoles withTimeColumns(List<String> names) {
        return new ColumnRoles(names, labelColumns, noLabels);
    }

    /** @return these roles with the label columns replaced (and labels allowed again) */
    public ColumnRoles withLabelColumns(List<String> names) {
        return new ColumnRoles(timeColumns, names, false);
    }

    /** @return these roles with no column naming series */
    public ColumnRoles withNoLabels() {
        return new ColumnRoles(timeColumns, List.of(), true);
    }

    /** @return whether anything is set by hand */
    public boolean isDetect() {
        return timeColumns.isEmpty() && labelColumns.isEmpty() && !noLabels;
    }
}
