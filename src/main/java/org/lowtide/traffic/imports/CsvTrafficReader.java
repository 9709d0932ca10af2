package org.lowtide.traffic.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads delimited text with one timestamp column and one or more value columns, e.g.
 * <pre>
 * timestamp,requests
 * 2025-01-01T00:00:00+01:00,10231
 * </pre>
 * The delimiter ({@code , ; tab |}) and the header are detected from the first lines; {@code #}
 * lines are comments. Rows are streamed into primitive arrays and then placed on a regular grid by
 * {@link GridBuilder}. A timestamp or value that cannot be read is fatal, with file, line and column
 * in the message; an empty value is skipped with a warning.
 */
public final class CsvTrafficReader {

    private CsvTrafficReader() {
    }

    /** Reads a UTF-8 file; the user's file is only ever opened for reading. */
    public static ImportResult read(Path file, ImportOptions options) throws ImportException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, name, options);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, 0, 0, "file not found: " + file.toAbsolutePath());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ImportException(name, 0, 0, "not UTF-8 text (is it a binary file?)");
        }
    }

    /**
     * Reads from any reader.
     *
     * @param source the name used in messages, usually the file name
     */
    public static ImportResult read(Reader reader, String source, ImportOptions options)
            throws ImportException, IOException {
        BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        Warnings warnings = new Warnings();
        TimestampParser timestamps = new TimestampParser(options.zone());

        String line;
        long lineNo = 0;
        char delimiter = ',';
        List<String> columns = null;
        int timeCol = -1;
        int valueCol = -1;
        long rowsRead = 0;
        GridBuilder grid = new GridBuilder(source, options.zone(), warnings);
        long previousMillis = Long.MIN_VALUE;

        while ((line = in.readLine()) != null) { // readLine ends lines at LF, CRLF and a lone CR
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // UTF-8 byte-order mark
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (columns == null) {
                delimiter = DelimitedLine.detectDelimiter(line);
                List<String> first = split(line, delimiter, source, lineNo);
                if (first.size() < 2) {
                    throw new ImportException(source, lineNo, 0, "expected at least two columns (a timestamp and a value)"
                            + " separated by , ; tab or |; found " + first.size());
                }
                timeCol = firstTimestampColumn(first, options);
                if (timeCol < 0) {
                    columns = first; // a header: the columns are named by it
                    timeCol = timeColumnByName(first);
                    valueCol = valueColumn(first, timeCol, options, source, lineNo);
                    continue;
                }
                columns = generatedNames(first.size());
                valueCol = valueColumn(columns, timeCol, options, source, lineNo);
            }

            List<String> fields = split(line, delimiter, source, lineNo);
            rowsRead++;
            if (fields.size() <= Math.max(timeCol, valueCol)) {
                throw new ImportException(source, lineNo, fields.size() + 1, "expected " + columns.size()
                        + " columns as in the header, found " + fields.size());
            }
            long millis;
            try {
                millis = timestamps.parse(fields.get(timeCol), previousMillis);
            } catch (IllegalArgumentException e) {
                throw new ImportException(source, lineNo, timeCol + 1, e.getMessage());
            }
            switch (timestamps.lastResolution()) {
                case GAP:
                    warnings.add("dst", lineNo, timeCol + 1, "local time " + fields.get(timeCol)
                            + " does not exist in " + options.zone() + " (clocks moved forward); read as the time after the gap");
                    break;
                case OVERLAP:
                    warnings.add("dst", lineNo, timeCol + 1, "local time " + fields.get(timeCol)
                            + " occurs twice in " + options.zone() + " (clocks moved back); settled by row order");
                    break;
                default:
                    break;
            }
            String valueText = fields.get(valueCol).trim();
            double value;
            if (valueText.isEmpty()) {
                warnings.add("empty", lineNo, valueCol + 1, "empty value; row skipped (the step stays missing)");
                value = Double.NaN;
            } else {
                value = parseValue(valueText, source, lineNo, valueCol + 1);
                if (Double.isNaN(value)) {
                    warnings.add("nan", lineNo, valueCol + 1, "value is NaN; row skipped (the step stays missing)");
                }
            }
            // A row without a value still says when a step was: it helps find the grid, adds no value.
            grid.add(millis, value, lineNo);
            previousMillis = millis;
        }

        if (columns == null || rowsRead == 0) {
            throw new ImportException(source, 0, 0, "no data rows: expected a header line and rows of timestamp,value");
        }
        String seriesName = columns.get(valueCol);
        GridBuilder.Grid result = grid.build(options.step(), seriesName);
        SourceInfo info = new SourceInfo(source, "csv", columns, columns.get(timeCol), seriesName,
                rowsRead, result.rowsUsed(), result.rowsMerged(), result.rowsSkipped());
        return new ImportResult(result.series(), info, warnings.list());
    }

    private static List<String> split(String line, char delimiter, String source, long lineNo) throws ImportException {
        try {
            return DelimitedLine.split(line, delimiter);
        } catch (DelimitedLine.UnclosedQuoteException e) {
            throw new ImportException(source, lineNo, e.column(), e.getMessage());
        }
    }

    /** @return the index of the first field that reads as a timestamp, or -1 (then the line is a header) */
    private static int firstTimestampColumn(List<String> fields, ImportOptions options) {
        TimestampParser probe = new TimestampParser(options.zone());
        for (int i = 0; i < fields.size(); i++) {
            try {
                probe.parse(fields.get(i), Long.MIN_VALUE);
                return i;
            } catch (IllegalArgumentException notATimestamp) {
                // try the next column
            }
        }
        return -1;
    }

    private static int timeColumnByName(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (name.contains("time") || name.contains("date") || name.equals("ds") || name.equals("t")) {
                return i;
            }
        }
        return 0;
    }

    private static int valueColumn(List<String> header, int timeCol, ImportOptions options, String source, long lineNo)
            throws ImportException {
        Optional<String> wanted = options.column();
        if (wanted.isPresent()) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(wanted.get().trim())) {
                    return i;
                }
            }
            throw new ImportException(source, lineNo, 0, "no column named '" + wanted.get() + "'; columns are "
                    + String.join(", ", header));
        }
        return timeCol == 0 ? 1 : 0;
    }

    private static List<String> generatedNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add("column" + i);
        }
        return names;
    }

    private static double parseValue(String text, String source, long lineNo, int column) throws ImportException {
        try {
            double value = Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ImportException(source, lineNo, column, "cannot read '" + text + "' as a number");
        }
    }
}
