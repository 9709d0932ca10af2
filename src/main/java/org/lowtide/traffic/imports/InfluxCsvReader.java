package org.lowtide.traffic.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads InfluxDB 2 / Flux annotated CSV: {@code #datatype}, {@code #group} and {@code #default}
 * annotation rows, a header that starts with an empty column, and several tables, each of which
 * may have its own columns (a blank line and new annotations start the next). A table of
 * {@code _value} and {@code _field} gives one series per measurement, field and tag set; a pivoted
 * table gives one series per numeric column.
 */
final class InfluxCsvReader {

    private static final Set<String> NOT_TAGS = Set.of("", "result", "table", "_start", "_stop", "_time", "_value",
            "_field", "_measurement");

    private InfluxCsvReader() {
    }

    /** @return the points read, and of those the points of unwanted series */
    static ReadCounts read(InputStream in, String source, ImportOptions options, SeriesSelector selector,
                       Warnings warnings) throws ImportException, IOException {
        LineReader lines = new LineReader(in, source);
        DelimitedLine split = new DelimitedLine();
        TimestampParser times = new TimestampParser(options.zone());
        NumberStyle.Parser number = new NumberStyle.Parser(NumberStyle.PLAIN);
        List<String> datatypes = null;
        List<String> groups = null;
        List<String> defaults = null;
        List<String> header = null;
        int timeCol = -1;
        int valueCol = -1;
        int fieldCol = -1;
        int measurementCol = -1;
        List<Integer> tagCols = new ArrayList<>();
        List<Integer> numericCols = new ArrayList<>();
        Map<String, SeriesData> byName = new HashMap<>();
        long points = 0;
        long skipped = 0;
        long previous = Long.MIN_VALUE;
        while (lines.next()) {
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            long line = lines.lineNumber();
            if (s == e || blank(b, s, e)) {
                header = null;
                datatypes = null;
                groups = null;
                defaults = null;
                continue;
            }
            int n;
            try {
                n = split.split(b, s, e, (byte) ',');
            } catch (DelimitedLine.UnclosedQuoteException ex) {
                throw new ImportException(source, line, ex.column(), ex.getMessage());
            }
            String first = split.text(0);
            if (first.startsWith("#")) {
                List<String> rest = texts(split, n);
                switch (first.toLowerCase(Locale.ROOT)) {
                    case "#datatype":
                        datatypes = rest;
                        header = null;
                        break;
                    case "#group":
                        groups = rest;
                        header = null;
                        break;
                    case "#default":
                        defaults = rest;
                        header = null;
                        break;
                    default:
                        break; // a comment
                }
                continue;
            }
            if (header == null) {
                header = texts(split, n);
                if (header.contains("error") && !header.contains("_time")) {
                    String message = lines.next() ? new String(lines.buffer(), lines.start(),
                            lines.end() - lines.start(), StandardCharsets.UTF_8) : "";
                    throw new ImportException(source, line + 1, 0, "the export holds an error, not data: " + message);
                }
                timeCol = header.indexOf("_time");
                valueCol = header.indexOf("_value");
                fieldCol = header.indexOf("_field");
                measurementCol = header.indexOf("_measurement");
                if (timeCol < 0) {
                    throw new ImportException(source, line, 0, "an InfluxDB table without a _time column (columns: "
                            + String.join(", ", header) + ")");
                }
                tagCols.clear();
                numericCols.clear();
                for (int c = 0; c < header.size(); c++) {
                    String name = header.get(c);
                    String type = datatypes != null && c < datatypes.size() ? datatypes.get(c) : "";
                    boolean group = groups != null && c < groups.size() && groups.get(c).equals("true");
                    boolean numeric = type.equals("double") || type.equals("long") || type.equals("unsignedLong");
                    if (valueCol < 0 && numeric && !name.equals("table") && !group) {
                        numericCols.add(c);
                    } else if (!NOT_TAGS.contains(name) && (group || datatypes == null) && !name.startsWith("_")) {
                        tagCols.add(c);
                    }
                }
                if (valueCol < 0 && numericCols.isEmpty() && datatypes == null) {
                    for (int c = 0; c < header.size(); c++) {
                        if (c != timeCol && !header.get(c).startsWith("_") && !NOT_TAGS.contains(header.get(c))) {
                            numericCols.add(c);
                        }
                    }
                    tagCols.removeAll(numericCols);
                }
                continue;
            }
            String timeText = cell(split, timeCol, defaults);
            byte[] tb = timeText.getBytes(StandardCharsets.UTF_8);
            long t = times.tryParse(tb, 0, tb.length, previous);
            if (t == TimestampParser.FAIL) {
                throw new ImportException(source, line, timeCol + 1, TimestampParser.unreadableMessage(timeText));
            }
            previous = t;
            StringBuilder tags = new StringBuilder();
            for (int c : tagCols) {
                tags.append(' ').append(header.get(c)).append('=').append(cell(split, c, defaults));
            }
            String measurement = measurementCol >= 0 ? cell(split, measurementCol, defaults) : "";
            if (valueCol >= 0) {
                String field = fieldCol >= 0 ? cell(split, fieldCol, defaults) : "_value";
                String name = (measurement.isEmpty() ? "" : measurement + " ") + field + tags;
                points++;
                if (!add(byName, selector, name, number, split, valueCol, t, line, warnings)) {
                    skipped++;
                }
            } else {
                for (int c : numericCols) {
                    String name = (measurement.isEmpty() ? "" : measurement + " ") + header.get(c) + tags;
                    points++;
                    if (!add(byName, selector, name, number, split, c, t, line, warnings)) {
                        skipped++;
                    }
                }
            }
        }
        return new ReadCounts(points, skipped);
    }

    private static boolean add(Map<String, SeriesData> byName, SeriesSelector selector, String name,
                               NumberStyle.Parser number, DelimitedLine split, int column, long t, long line,
                               Warnings warnings) {
        SeriesData data = byName.get(name);
        if (data == null && !byName.containsKey(name)) {
            data = selector.get(name);
            byName.put(name, data);
        } else if (data == null) {
            selector.countOther(1);
        }
        if (data == null) {
            return false;
        }
        double v = column < split.count() ? number.parse(split.buffer(), split.start(column), split.end(column))
                : Double.NaN;
        if (column >= split.count() || number.status() != NumberStyle.Status.NUMBER) {
            warnings.add("empty", line, column + 1, "no number in column " + (column + 1) + " ('"
                    + split.text(column) + "'); the point stays missing");
            v = Double.NaN;
        }
        data.add(t, v, line);
        return true;
    }

    private static String cell(DelimitedLine split, int c, List<String> defaults) {
        String v = split.text(c);
        if (v.isEmpty() && defaults != null && c < defaults.size()) {
            return defaults.get(c);
        }
        return v;
    }

    private static List<String> texts(DelimitedLine split, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(split.text(i));
        }
        return out;
    }

    private static boolean blank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != ',') {
                return false;
            }
        }
        return true;
    }
}
