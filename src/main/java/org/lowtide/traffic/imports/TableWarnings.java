package org.lowtide.traffic.imports;

import java.util.List;
import java.util.Locale;

/**
 * The warnings on how a table's columns were taken, said after reading when the numbers are known:
 * a choice of columns that leaves most rows unused comes first, with the numbers and the
 * alternative; rows kept once as repeats are counted.
 */
final class TableWarnings {

    private TableWarnings() {
    }

    static void addAfterReading(CsvLayout layout, CsvTrafficReader.Outcome outcome, GridBuilder.Grid grid,
                                long rowsRead, SeriesSelector selector, Warnings warnings) {
        SeriesData.Repeats repeats = outcome.repeats();
        if (repeats.count() > 0) {
            warnings.add("repeats", repeats.firstLine(), 0, count(repeats.count()) + (repeats.count() == 1
                    ? " row repeats" : " rows repeat") + " the timestamp and value of another row and differ"
                    + " only in " + layout.attributeNames() + ": kept once, not added up (the first is on this line)");
        }
        long used = grid.rowsUsed() + grid.rowsMerged();
        long merged = grid.rowsMerged() + repeats.count();
        List<String> available = selector.available();
        if (layout.seriesAsRows() && available.size() > 1 && used * 2 < rowsRead) {
            warnings.addHeadline("only " + count(used) + " of " + count(rowsRead) + " rows (" + percent(used, rowsRead)
                    + ") are used: the text columns " + layout.labelNames() + " split the file into "
                    + available.size() + " series and only " + String.join(" + ", selector.usedNames())
                    + " is read; if these columns describe the rows rather than name series, give --no-labels"
                    + " (or add the series up with --sum)");
        } else if (!layout.seriesAsRows() && merged * 2 > rowsRead && grid.resampled().isEmpty()
                && (layout.attributeColumns().length > 0 || !(layout.time() instanceof TimeColumns.Single)
                || grid.spacing().map(d -> d.toHours() >= 24).orElse(false))) {
            String alternative = layout.attributeColumns().length > 0
                    ? "if " + layout.attributeNames() + " name series, give --label-column "
                    + layout.name(layout.attributeColumns()[0])
                    : layout.time() instanceof TimeColumns.Single
                    ? "if the time of day is in a column of its own, name the time columns with --time-column, once"
                    + " per column in order (date, then time)"
                    : "check the time columns (--time-column)";
            warnings.addHeadline(count(merged) + " of " + count(rowsRead) + " rows (" + percent(merged, rowsRead)
                    + ") share a step with another row and were merged into it; " + alternative);
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * part / Math.max(1, whole));
    }
}
