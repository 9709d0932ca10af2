package org.lowtide.traffic.imports;

import java.util.Objects;

/**
 * A problem in the input that the importer repaired or skipped, with where it was found.
 *
 * @param line    1-based line number in the file, or 0 where the warning concerns the whole file
 * @param column  1-based column (field) number, or 0 where it concerns the whole line
 * @param message what was found and what was done about it
 */
public record ImportWarning(long line, int column, String message) {

    public ImportWarning {
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    /** @return a warning about the file as a whole */
    public static ImportWarning ofFile(String message) {
        return new ImportWarning(0, 0, message);
    }

    @Override
    public String toString() {
        if (line == 0) {
            return message;
        }
        return column == 0 ? "line " + line + ": " + message : "line " + line + ", column " + column + ": " + message;
    }
}
