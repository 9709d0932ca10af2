package org.lowtide.traffic.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a delimited file is laid out, decided once from its first lines ({@link #detect}) and never
 * changed after: the delimiter, where the header and the data start, which columns make up the
 * timestamp ({@link TimeColumns}), the day/month order when the sample settles it, which columns hold
 * numbers and how they are written, which text columns name series (keys of a long export) and
 * which only describe a row (attributes). What the reading itself decides later (a date order
 * proven by a row further down) comes back in the reader's outcome, not here.
 *
 * @param delimiter        the field separator
 * @param headerLine       the header's line, 0 without a header
 * @param firstDataLine    the first line of data
 * @param columns          the column names (generated {@code column1…} without a header)
 * @param time             the columns the timestamp is read from
 * @param compactDates     whether all-digit times are compact dates ({@code 20250131}) rather than epoch numbers
 * @param dateOrder        the day/month order when the sample or the user settled it; null while open
 * @param dateOrderNote    how it was settled (empty while open)
 * @param twelveHourClock  whether the times carry AM/PM (the US convention: month first unless a row proves
 *                         otherwise)
 * @param timestampFormat  how the timestamps are written, in words
 * @param valueColumns     the columns of numbers, in file order
 * @param styles           how each value column writes its numbers
 * @param labelColumns     the text columns that name series (keys)
 * @param attributeColumns the text columns that describe rows
 * @param formatId         {@code csv}, {@code grafana} or {@code graphite-csv}
 * @param notes            file-wide remarks for the warnings
 * @param preambleLines    lines before the header (or data) skipped
 * @param preambleFirst    the first of them
 * @param textCharset      how text fields decode (UTF-8, or Windows-1252 for a file that is not UTF-8)
 * @param excelSystem      1900 or 1904 when the time column holds Excel serial dates, else 0
 */
record CsvLayout(byte delimiter, long headerLine, long firstDataLine, List<String> columns, TimeColumns time,
                 boolean compactDates, DateOrder dateOrder, String dateOrderNote, boolean twelveHourClock,
                 String timestampFormat, int[] valueColumns, List<NumberStyle> styles, int[] labelColumns,
                 int[] attributeColumns, String formatId, List<String> notes, long preambleLines, long preambleFirst,
                 Charset textCharset, int excelSystem) {

    /** How many non-blank lines of the head are examined. */
    static final int SAMPLE_LINES = 500;

    CsvLayout {
        columns = List.copyOf(columns);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dateOrderNote, "dateOrderNote");
        Objects.requireNonNull(timestampFormat, "timestampFormat");
        valueColumns = valueColumns.clone();
        styles = List.copyOf(styles);
        labelColumns = labelColumns.clone();
        attributeColumns = attributeColumns.clone();
        Objects.requireNonNull(formatId, "formatId");
        notes = List.copyOf(notes);
        Objects.requireNonNull(textCharset, "textCharset");
        if (styles.size() != valueColumns.length) {
            throw new IllegalArgumentException("one number style per value column");
        }
    }

    @Override
    public int[] valueColumns() {
        return valueColumns.clone();
    }

    @Override
    public int[] labelColumns() {
        return labelColumns.clone();
    }

    @Override
    public int[] attributeColumns() {
        return attributeColumns.clone();
    }

    /** @return the column's name */
    String name(int column) {
        return column < columns.size() ? columns.get(column) : "column" + (column + 1);
    }

    /** @return whether text columns split the rows into series */
    boolean seriesAsRows() {
        return labelColumns.length > 0;
    }

    /** @return the names of the key columns, joined with ", " */
    String labelNames() {
        return names(labelColumns);
    }

    /** @return the names of the attribute columns, joined with ", " */
    String attributeNames() {
        return names(attributeColumns);
    }

    private String names(int[] cols) {
        StringBuilder sb = new StringBuilder();
        for (int c : cols) {
            sb.append(sb.length() > 0 ? ", " : "").append(name(c).isBlank() ? "column " + (c + 1) : name(c));
        }
        return sb.toString();
    }

    /** @return the time columns' names as the summary shows them, e.g. {@code "Date + Hour"} */
    String timeNames() {
        return time.names(columns);
    }

    /**
     * @param used the value columns that make the result (by name)
     * @return what every column was taken for, in file order
     */
    List<ColumnRole> roles(List<String> used) {
        List<ColumnRole> roles = new ArrayList<>();
        int[] timeCols = time.columns();
        for (int c = 0; c < columns.size(); c++) {
            String name = name(c);
            int t = indexOf(timeCols, c);
            if (t >= 0) {
                roles.add(new ColumnRole(name, ColumnRole.Role.TIME, timePart(t)));
            } else if (indexOf(valueColumns, c) >= 0) {
                boolean isUsed = seriesAsRows() ? c == valueColumns[0] : used.contains(name)
                        || used.stream().anyMatch(u -> u.contains(name));
                roles.add(new ColumnRole(name, isUsed ? ColumnRole.Role.VALUE : ColumnRole.Role.OTHER_VALUE, ""));
            } else if (indexOf(labelColumns, c) >= 0) {
                roles.add(new ColumnRole(name, ColumnRole.Role.SERIES_KEY, ""));
            } else if (indexOf(attributeColumns, c) >= 0) {
                roles.add(new ColumnRole(name, ColumnRole.Role.ATTRIBUTE, ""));
            } else {
                roles.add(new ColumnRole(name, ColumnRole.Role.IGNORED, ""));
            }
        }
        return roles;
    }

    private String timePart(int index) {
        if (time instanceof TimeColumns.Single) {
            return "date and time";
        }
        if (time instanceof TimeColumns.DateAndTime dt) {
            return index == 0 ? "date" : dt.hourEnding() ? "hour of day 1–24" : "time of day";
        }
        TimeColumns.Parts p = (TimeColumns.Parts) time;
        return switch (index) {
            case 0 -> "year";
            case 1 -> "month";
            case 2 -> "day";
            case 3 -> p.hourEnding() ? "hour 1–24" : "hour";
            default -> "minute";
        };
    }

    private static int indexOf(int[] array, int value) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** @return the format in words for the summary */
    String describe(String encoding) {
        String d = delimiter == '\t' ? "tab" : "'" + (char) delimiter + "'";
        StringBuilder sb = new StringBuilder();
        sb.append(formatId.equals("grafana") ? "Grafana panel CSV" : formatId.equals("graphite-csv")
                ? "Graphite render CSV" : "delimited text").append(", ").append(d).append("-separated, ");
        sb.append(headerLine > 0 ? "header on line " + headerLine : "no header");
        if (preambleLines > 0) {
            sb.append(", ").append(preambleLines).append(preambleLines == 1 ? " line" : " lines")
                    .append(" before it skipped");
        }
        if (labelColumns.length > 0) {
            sb.append(", series as rows (by ").append(labelNames()).append(')');
        }
        if (attributeColumns.length > 0) {
            sb.append(", attributes ").append(attributeNames());
        }
        return sb.append(", ").append(encoding).toString();
    }

    /**
     * @param head         the first bytes of the file, UTF-8, without BOM
     * @param headComplete whether the head is the whole file (else its last line may be cut)
     */
    static CsvLayout detect(byte[] head, boolean headComplete, String source, ImportOptions options,
                            Charset textCharset) throws ImportException {
        List<byte[]> lines = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        long firstContent = 0;
        int length = head.length;
        if (!headComplete) { // the head's last line is cut by its end: leave it out
            while (length > 0 && head[length - 1] != '\n' && head[length - 1] != '\r') {
                length--;
            }
            if (length == 0) {
                length = head.length; // one line longer than the head: read what there is
            }
        }
        try {
            LineReader reader = new LineReader(new ByteArrayInputStream(head, 0, length), source,
                    Math.max(16, length + 1)).quoteAware();
            while (lines.size() < SAMPLE_LINES && reader.next()) {
                int s = reader.start();
                int e = reader.end();
                byte[] b = reader.buffer();
                int i = s;
                while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                if (i == e || b[i] == '#') {
                    continue;
                }
                if (firstContent == 0) {
                    firstContent = reader.lineNumber();
                }
                lines.add(Arrays.copyOfRange(b, s, e));
                numbers.add(reader.lineNumber());
            }
        } catch (IOException e) {
            throw new ImportException(source, 0, 0, "cannot read: " + e.getMessage());
        }
        if (!headComplete && lines.size() > 1 && lines.size() < SAMPLE_LINES && oddQuotes(lines.get(lines.size() - 1))) {
            // the head ends inside a quoted field that spans lines: that row is cut, leave it out
            lines.remove(lines.size() - 1);
            numbers.remove(numbers.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new ImportException(source, 0, 0, "no data rows: the file holds only blank or comment lines");
        }
        ImportException firstProblem = null;
        for (byte delimiter : rankDelimiters(lines)) {
            try {
                return new LayoutDetector(lines, numbers, delimiter, source, options, textCharset).detect();
            } catch (ImportException e) {
                if (firstProblem == null) {
                    firstProblem = e;
                }
            }
        }
        if (firstProblem != null) {
            throw firstProblem;
        }
        throw new ImportException(source, firstContent, 0, "expected at least two columns (a timestamp and a value)"
                + " separated by , ; tab or |; found one");
    }

    /** Delimiters that split most lines into one same number (at least two) of fields, best first. */
    private static List<Byte> rankDelimiters(List<byte[]> lines) {
        List<Byte> ranked = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (byte d : DelimitedLine.CANDIDATES) {
            int[] histogram = new int[64];
            for (byte[] line : lines) {
                int n = DelimitedLine.countFields(line, 0, line.length, d);
                if (n >= 2) {
                    histogram[Math.min(63, n)]++;
                }
            }
            int mode = 0;
            for (int n = 2; n < 64; n++) {
                if (histogram[n] > 0 && histogram[n] >= histogram[mode]) {
                    mode = n;
                }
            }
            if (mode == 0) {
                continue;
            }
            double score = (double) histogram[mode] / lines.size();
            int at = 0;
            while (at < scores.size() && scores.get(at) >= score - 0.05) {
                at++;
            }
            ranked.add(at, d);
            scores.add(at, score);
        }
        return ranked;
    }

    /** One sampled line: its bytes and its fields. */
    record Sample(long line, byte[] raw, List<String> fields, int count) {
        String field(int column) {
            return column < count ? fields.get(column) : "";
        }
    }

    /** Whether a text holds a time of day with AM/PM ({@code 9:16 AM}, {@code 1 p.m.}). */
    static final Pattern AM_PM = Pattern.compile("\\d\\s*[ap]\\.?m\\.?$", Pattern.CASE_INSENSITIVE);

    /** The name a header would give a part of a date, for {@link TimeColumns.Parts}. */
    static final Pattern YEAR_NAME = Pattern.compile("^(year|yr|yyyy|jahr|ann[ée]e|a[ñn]o)$", Pattern.CASE_INSENSITIVE);
    static final Pattern MONTH_NAME = Pattern.compile("^(month|mon|mm|monat|mois|mes)$", Pattern.CASE_INSENSITIVE);
    static final Pattern DAY_NAME = Pattern.compile("^(day|dd|dom|day_?of_?month|tag|jour|d[ií]a)$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern HOUR_PART_NAME = Pattern.compile("^(hour|hr|hh|hours?_?of_?day|stunde|heure|hora)$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern MINUTE_NAME = Pattern.compile("^(minute|min|mi|minuten?)$", Pattern.CASE_INSENSITIVE);

    static boolean isNumber(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean oddQuotes(byte[] line) {
        int quotes = 0;
        for (byte c : line) {
            if (c == '"') {
                quotes++;
            }
        }
        return (quotes & 1) == 1;
    }
}
