package org.lowtide.traffic.imports;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a traffic file. Everything but the zone is detected when left empty.
 *
 * @param zone      zone of timestamps without an offset, and the zone the series is read in
 * @param step      grid step; empty to infer it from the data (the median spacing). A step coarser
 *                  than the data's spacing resamples: values are summed (counts) or averaged (gauges)
 * @param column    name of the value column of delimited text; empty to take the first after the timestamp
 * @param format    the format, or {@link ImportFormat#AUTO} to detect it
 * @param series    the series to use, by name, when the source holds several; empty for the first
 *                  (or all, with {@code sum})
 * @param sum       whether to add up the chosen series (or all of them) into one
 * @param dateOrder the day/month order of dates like {@code 01/02/2025}; empty to decide from the values
 * @param kind      the metric kind; empty to detect it
 * @param columns   which columns of a table hold the time and name the series; empty to detect them
 * @param excel1904 whether Excel serial dates in a time column count in the 1904 system (else 1900)
 */
public record ImportOptions(ZoneId zone, Optional<Duration> step, Optional<String> column, ImportFormat format,
                            List<String> series, boolean sum, Optional<DateOrder> dateOrder,
                            Optional<MetricKind> kind, ColumnRoles columns, boolean excel1904) {

    public ImportOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(format, "format");
        series = List.copyOf(series);
        Objects.requireNonNull(dateOrder, "dateOrder");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(columns, "columns");
        step.ifPresent(s -> {
            if (s.isNegative() || s.isZero()) {
                throw new IllegalArgumentException("step must be positive, was " + s);
            }
        });
        for (String name : series) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a series name must not be blank");
            }
        }
    }

    /** Options with a zone, a step and a column, everything else detected. */
    public ImportOptions(ZoneId zone, Optional<Duration> step, Optional<String> column) {
        this(zone, step, column, ImportFormat.AUTO, List.of(), false, Optional.empty(), Optional.empty(),
                ColumnRoles.DETECT, false);
    }

    /** Options as before Excel serial dates had a system to choose (the 1900 system is assumed). */
    public ImportOptions(ZoneId zone, Optional<Duration> step, Optional<String> column, ImportFormat format,
                         List<String> series, boolean sum, Optional<DateOrder> dateOrder,
                         Optional<MetricKind> kind, ColumnRoles columns) {
        this(zone, step, column, format, series, sum, dateOrder, kind, columns, false);
    }

    /** @return default options in the given zone */
    public static ImportOptions inZone(ZoneId zone) {
        return new ImportOptions(zone, Optional.empty(), Optional.empty());
    }

    public ImportOptions withStep(Duration newStep) {
        return new ImportOptions(zone, Optional.of(newStep), column, format, series, sum, dateOrder, kind, columns,
                excel1904);
    }

    /** @param newStep the step, or null to infer it */
    public ImportOptions withStepOrInferred(Duration newStep) {
        return new ImportOptions(zone, Optional.ofNullable(newStep), column, format, series, sum, dateOrder, kind,
                columns, excel1904);
    }

    public ImportOptions withColumn(String newColumn) {
        return new ImportOptions(zone, step, Optional.ofNullable(newColumn), format, series, sum, dateOrder, kind,
                columns, excel1904);
    }

    public ImportOptions withZone(ZoneId newZone) {
        return new ImportOptions(newZone, step, column, format, series, sum, dateOrder, kind, columns, excel1904);
    }

    public ImportOptions withFormat(ImportFormat newFormat) {
        return new ImportOptions(zone, step, column, newFormat, series, sum, dateOrder, kind, columns, excel1904);
    }

    public ImportOptions withSeries(List<String> newSeries) {
        return new ImportOptions(zone, step, column, format, newSeries, sum, dateOrder, kind, columns, excel1904);
    }

    public ImportOptions withSum(boolean newSum) {
        return new ImportOptions(zone, step, column, format, series, newSum, dateOrder, kind, columns, excel1904);
    }

    /** @param newOrder the order, or null to decide from the values */
    public ImportOptions withDateOrder(DateOrder newOrder) {
        return new ImportOptions(zone, step, column, format, series, sum, Optional.ofNullable(newOrder), kind,
                columns, excel1904);
    }

    /** @param newColumns which columns hold the time and name the series */
    public ImportOptions withColumns(ColumnRoles newColumns) {
        return new ImportOptions(zone, step, column, format, series, sum, dateOrder, kind, newColumns, excel1904);
    }

    /** @param newKind the kind, or null to detect it */
    public ImportOptions withKind(MetricKind newKind) {
        return new ImportOptions(zone, step, column, format, series, sum, dateOrder, Optional.ofNullable(newKind),
                columns, excel1904);
    }

    /** @param use1904 whether Excel serial dates count from 1904-01-01 (old Mac workbooks) rather than 1900 */
    public ImportOptions withExcel1904(boolean use1904) {
        return new ImportOptions(zone, step, column, format, series, sum, dateOrder, kind, columns, use1904);
    }
}
