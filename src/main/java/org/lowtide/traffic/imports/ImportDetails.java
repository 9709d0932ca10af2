package org.lowtide.traffic.imports;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the importer decided about a source beyond its rows: how it was read, which series it holds
 * and which became the result, the metric kind and how values were combined, and the stretches
 * flagged as likely collection gaps.
 *
 * @param description     the format in words, e.g. {@code "delimited text, ';'-separated, header on line 1"}
 * @param encoding        the text encoding, e.g. {@code "UTF-8"}
 * @param timestampFormat how timestamps were written, e.g. {@code "dd.MM.yyyy HH:mm (local time in Europe/Berlin)"}
 * @param dateOrder       the day/month order used, when the dates needed one
 * @param dateOrderNote   how the order was settled (empty when no order was needed)
 * @param available       every series the source holds, in file order
 * @param selected        the series that make the result (several when summed)
 * @param kind            the metric kind, which decides {@link MetricKind#aggregation()}
 * @param kindReason      why the kind was chosen, e.g. {@code "every value is a whole number"}
 * @param dataSpacing     the median spacing of the rows, when there were at least two
 * @param resampled       empty, or how rows were combined onto a coarser step than their spacing
 * @param gapCount        runs of missing steps in the result
 * @param flagged         zero or flat stretches, in time order
 * @param columnRoles     for a table, what each column was taken for (time, value, series key, attribute…);
 *                        empty for other formats
 */
public record ImportDetails(String description, String encoding, String timestampFormat,
                            Optional<DateOrder> dateOrder, String dateOrderNote, List<String> available,
                            List<String> selected, MetricKind kind, String kindReason, Optional<Duration> dataSpacing,
                            String resampled, int gapCount, List<FlaggedStretch> flagged,
                            List<ColumnRole> columnRoles) {

    public ImportDetails {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        Objects.requireNonNull(dateOrder, "dateOrder");
        Objects.requireNonNull(dateOrderNote, "dateOrderNote");
        available = List.copyOf(available);
        selected = List.copyOf(selected);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindReason, "kindReason");
        Objects.requireNonNull(dataSpacing, "dataSpacing");
        Objects.requireNonNull(resampled, "resampled");
        if (gapCount < 0) {
            throw new IllegalArgumentException("gap count must not be negative");
        }
        flagged = List.copyOf(flagged);
        columnRoles = List.copyOf(columnRoles);
    }

    /** Details without column roles (a source that is not a table). */
    public ImportDetails(String description, String encoding, String timestampFormat, Optional<DateOrder> dateOrder,
                         String dateOrderNote, List<String> available, List<String> selected, MetricKind kind,
                         String kindReason, Optional<Duration> dataSpacing, String resampled, int gapCount,
                         List<FlaggedStretch> flagged) {
        this(description, encoding, timestampFormat, dateOrder, dateOrderNote, available, selected, kind, kindReason,
                dataSpacing, resampled, gapCount, flagged, List.of());
    }

    /** @return details for a result made without them (e.g. by a test) */
    public static ImportDetails unknown() {
        return new ImportDetails("", "UTF-8", "", Optional.empty(), "", List.of(), List.of(), MetricKind.GAUGE, "",
                Optional.empty(), "", 0, List.of());
    }

    /** @return whether the result is the sum of several series */
    public boolean summed() {
        return selected.size() > 1;
    }
}
