package org.lowtide.traffic.imports;

import java.util.List;
import java.util.Objects;

/**
 * What the importer found in a source and how many rows went where. Every row read is either
 * used, merged into another row's grid step, or skipped: {@code read = used + merged + skipped}.
 *
 * @param name        the source's name (usually the file name)
 * @param format      the detected or forced format, e.g. {@code "csv"}
 * @param columns     the column names, as in the header (or generated when there is none)
 * @param timeColumn  the column the timestamps were read from
 * @param valueColumn the column the values were read from
 * @param rowsRead    data rows read (header, blank and comment lines not counted)
 * @param rowsUsed    rows that became a grid value on their own
 * @param rowsMerged  rows that fell on a grid step already taken and were merged into it
 * @param rowsSkipped rows that were left out, each with a warning
 */
public record SourceInfo(String name, String format, List<String> columns, String timeColumn, String valueColumn,
                         long rowsRead, long rowsUsed, long rowsMerged, long rowsSkipped) {

    public SourceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        columns = List.copyOf(columns);
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(valueColumn, "valueColumn");
        if (rowsRead < 0 || rowsUsed < 0 || rowsMerged < 0 || rowsSkipped < 0) {
            throw new IllegalArgumentException("row counts must not be negative");
        }
        if (rowsUsed + rowsMerged + rowsSkipped != rowsRead) {
            throw new IllegalArgumentException("rows read (" + rowsRead + ") must equal used + merged + skipped ("
                    + rowsUsed + " + " + rowsMerged + " + " + rowsSkipped + ")");
        }
    }
}
