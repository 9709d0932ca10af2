package org.lowtide.traffic.imports;

/**
 * What a reader of a simple format counted: every data row (or point) it read, and those it
 * skipped with a warning. The rest went to the series in the {@link SeriesSelector}.
 *
 * @param rowsRead rows or points read
 * @param skipped  of those, skipped by the reader
 */
record ReadCounts(long rowsRead, long skipped) {
    ReadCounts {
        if (rowsRead < 0 || skipped < 0 || skipped > rowsRead) {
            throw new IllegalArgumentException("counts must satisfy 0 ≤ skipped ≤ read, were " + skipped + " of "
                    + rowsRead);
        }
    }
}
