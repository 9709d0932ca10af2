package org.lowtide.traffic.imports;

import java.util.Objects;

/**
 * What the importer took one column of a table for, for the summary and the import dialog.
 *
 * @param name   the column's name (from the header, or generated)
 * @param role   what it was taken for
 * @param detail a few words on it, e.g. {@code "hour of day 0–23"}; may be empty
 */
public record ColumnRole(String name, Role role, String detail) {

    /** The parts a column can play. */
    public enum Role {
        /** The whole timestamp, or one part of it (date, time of day, year, month, day, hour, minute). */
        TIME("time"),
        /** The values of the series. */
        VALUE("value"),
        /** Another column of numbers, not used (choose it as the value, or add it up). */
        OTHER_VALUE("other value"),
        /** A text column that names series (a long, "tidy" export). */
        SERIES_KEY("series key"),
        /** A text column that describes a row (a weather, a holiday name) and is left alone. */
        ATTRIBUTE("attribute"),
        /** A column not read (a row number, text with too many values, empty). */
        IGNORED("ignored");

        private final String words;

        Role(String words) {
            this.words = words;
        }

        /** @return the role in words, e.g. {@code "series key"} */
        public String words() {
            return words;
        }
    }

    public ColumnRole {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(detail, "detail");
    }
}
