package org.lowtide.traffic.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a delimited file is laid out, decided from its first lines ({@link #detect}): the delimiter,
 * where the header and the data start, which column holds the timestamps (and, for a date column,
 * which holds the time of day), how dates are ordered, which columns hold numbers and how they are
 * written, and which text columns name series (a file with series as rows).
 */
final class CsvLayout {

    /** How many non-blank lines of the head are examined. */
    static final int SAMPLE_LINES = 500;

    byte delimiter;
    long headerLine;
    long firstDataLine;
    List<String> columns = List.of();
    String header = "";
    int timeColumn;
    int hourColumn = -1;
    /** Whether the hour column counts 1–24 (the hour ending) rather than 0–23. */
    boolean hourEnding;
    boolean compactDates;
    DateOrder dateOrder;
    String dateOrderNote = "";
    String timestampFormat = "";
    int[] valueColumns = new int[0];
    NumberStyle[] styles = new NumberStyle[0];
    int[] labelColumns = new int[0];
    String formatId = "csv";
    final List<String> notes = new ArrayList<>();
    long preambleLines;
    long preambleFirst;
    Charset textCharset = StandardCharsets.UTF_8;

    /** @return the column's name */
    String name(int column) {
        return column < columns.size() ? columns.get(column) : "column" + (column + 1);
    }

    /** One sampled line, split. */
    private record Sample(long line, List<String> fields, int count) {
    }

    private static final Pattern TIME_NAME = Pattern.compile("(time|date|day|^ds$|^t$|^ts$|epoch|period|hour|when"
            + "|zeit|datum|fecha|heure|tijd|^_time$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOUR_NAME = Pattern.compile("(hour|time|^hh$|uhrzeit|^stunde$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX_NAME = Pattern.compile("^(|index|idx|id|#|no\\.?|nr\\.?|row|unnamed.*)$",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param head         the first bytes of the file, UTF-8, without BOM
     * @param headComplete whether the head is the whole file (else its last line may be cut)
     */
    static CsvLayout detect(byte[] head, boolean headComplete, String source, ImportOptions options,
                            Charset textCharset) throws ImportException {
        List<byte[]> lines = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        long firstContent = 0;
        try {
            LineReader reader = new LineReader(new ByteArrayInputStream(head), source, Math.max(16, head.length + 1));
            while (lines.size() < SAMPLE_LINES && reader.next()) {
                int s = reader.start();
                int e = reader.end();
                if (!headComplete && e == head.length) {
                    break; // a line cut by the end of the head
                }
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
                byte[] copy = new byte[e - s];
                System.arraycopy(b, s, copy, 0, copy.length);
                lines.add(copy);
                numbers.add(reader.lineNumber());
            }
        } catch (IOException e) {
            throw new ImportException(source, 0, 0, "cannot read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new ImportException(source, 0, 0, "no data rows: the file holds only blank or comment lines");
        }
        ImportException firstProblem = null;
        for (byte delimiter : rankDelimiters(lines)) {
            try {
                CsvLayout layout = new CsvLayout();
                layout.textCharset = textCharset;
                layout.delimiter = delimiter;
                layout.examine(lines, numbers, source, options);
                return layout;
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

    private void examine(List<byte[]> raw, List<Long> numbers, String source, ImportOptions options)
            throws ImportException {
        DelimitedLine splitter = new DelimitedLine();
        List<Sample> samples = new ArrayList<>();
        int width = 0;
        for (int k = 0; k < raw.size(); k++) {
            byte[] line = raw.get(k);
            int n;
            try {
                n = splitter.split(line, 0, line.length, delimiter);
            } catch (DelimitedLine.UnclosedQuoteException e) {
                throw new ImportException(source, numbers.get(k), e.column(), e.getMessage());
            }
            List<String> fields = new ArrayList<>(n);
            for (int f = 0; f < n; f++) {
                fields.add(new String(splitter.buffer(), splitter.start(f), splitter.end(f) - splitter.start(f),
                        textCharset));
            }
            samples.add(new Sample(numbers.get(k), fields, n));
            width = Math.max(width, n);
        }

        TimestampParser parser = new TimestampParser(options.zone());
        options.dateOrder().ifPresent(parser::setDateOrder);
        int[] firstTimeRow = new int[width];
        boolean[] textShape = new boolean[width];
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int col = 0; col < width; col++) {
            firstTimeRow[col] = -1;
            int ok = 0;
            int tried = 0;
            int text = 0;
            for (int r = 0; r < samples.size(); r++) {
                Sample s = samples.get(r);
                if (col >= s.count || s.fields.get(col).isEmpty()) {
                    continue;
                }
                String value = s.fields.get(col);
                boolean parses = parsesAsTime(parser, value);
                if (parses && firstTimeRow[col] < 0) {
                    firstTimeRow[col] = r;
                }
                if (firstTimeRow[col] >= 0) {
                    tried++;
                    if (parses) {
                        ok++;
                        if (!isNumber(value)) {
                            text++;
                        }
                    }
                }
            }
            // Most values must read as times; a couple of bad ones in a short head are the reader's to report.
            if (tried == 0 || (ok < 0.9 * tried && !(tried - ok <= 2 && ok * 2 >= tried))) {
                continue;
            }
            textShape[col] = text > ok / 2;
            String hint = headerHint(samples, col, firstTimeRow[col]);
            if (!textShape[col] && !epochPlausible(samples, col, firstTimeRow[col], hint, parser)) {
                continue;
            }
            int score = (textShape[col] ? 1000 : 0) + (TIME_NAME.matcher(hint).find() ? 100 : 0) - col;
            if (score > bestScore) {
                bestScore = score;
                best = col;
            }
        }
        if (best < 0 && samples.size() == 1) {
            throw new ImportException(source, 0, 0, "no data rows: expected a header line and rows of timestamp,value");
        }
        if (best < 0) {
            Sample first = samples.get(0);
            throw new ImportException(source, first.line, 0, "no column of timestamps found (columns: "
                    + String.join(", ", first.fields) + "); expected ISO-8601 (2024-03-01T12:00:00Z), a local time"
                    + " (2024-03-01 12:00, 01.03.2024 12:00, 3/1/2024 12:00 PM) or epoch seconds/milliseconds");
        }
        timeColumn = best;
        int dataRow = firstTimeRow[best];
        boolean hasHeader = dataRow > 0 && samples.get(dataRow - 1).count >= 2;
        if (hasHeader) {
            Sample h = samples.get(dataRow - 1);
            headerLine = h.line;
            List<String> names = new ArrayList<>(h.fields);
            for (int c = names.size(); c < width; c++) {
                names.add("column" + (c + 1));
            }
            columns = names;
            header = String.join(String.valueOf((char) delimiter), h.fields);
        } else {
            List<String> names = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                names.add("column" + (c + 1));
            }
            columns = names;
        }
        int preambleEnd = hasHeader ? dataRow - 1 : dataRow;
        if (preambleEnd > 0) {
            preambleLines = preambleEnd;
            preambleFirst = samples.get(0).line;
        }
        firstDataLine = samples.get(dataRow).line;
        List<Sample> data = samples.subList(dataRow, samples.size());
        compactDates = parser.dateOrder() == null && compactShape(data, best, headerHint(samples, best, dataRow));
        parser.setCompactDates(compactDates);

        decideDateOrder(parser, data, source, options);
        parser.setDateOrder(dateOrder);
        boolean dateOnly = true;
        String example = null;
        for (Sample s : data) {
            if (best < s.count && !s.fields.get(best).isEmpty()) {
                byte[] b = s.fields.get(best).getBytes(StandardCharsets.UTF_8);
                if (parser.tryParse(b, 0, b.length, Long.MIN_VALUE) != TimestampParser.FAIL) {
                    dateOnly &= parser.lastDateOnly();
                    if (example == null) {
                        example = s.fields.get(best);
                    }
                }
            }
        }
        timestampFormat = example == null ? "" : Optional.ofNullable(parser.describe(example)).orElse("");
        if (dateOnly) {
            hourColumn = findHourColumn(data, best);
            if (hourColumn >= 0) {
                timestampFormat = timestampFormat.replace(" (local", " + " + name(hourColumn)
                        + (hourEnding ? " 1–24" : "") + " (local");
            }
            if (hourEnding) {
                notes.add("column '" + name(hourColumn) + "' counts hours 1 to 24: read as the hour ending, so hour 1"
                        + " is 00:00–01:00");
            }
        }

        List<Integer> values = new ArrayList<>();
        List<NumberStyle> valueStyles = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Optional<String> chosen = options.column();
        int chosenIndex = -1;
        if (chosen.isPresent()) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).trim().equalsIgnoreCase(chosen.get().trim())) {
                    chosenIndex = c;
                    break;
                }
            }
            if (chosenIndex < 0) {
                throw new ImportException(source, headerLine, 0, "no column named '" + chosen.get() + "'; columns are "
                        + String.join(", ", columns));
            }
            if (chosenIndex == timeColumn || chosenIndex == hourColumn) {
                throw new ImportException(source, headerLine, chosenIndex + 1, "column '" + chosen.get()
                        + "' holds the timestamps, not values");
            }
        }
        for (int c = 0; c < width; c++) {
            if (c == timeColumn || c == hourColumn) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Sample s : data) {
                if (c < s.count && !s.fields.get(c).isEmpty()) {
                    cells.add(s.fields.get(c));
                }
            }
            if (cells.isEmpty()) {
                if (c == chosenIndex) {
                    values.add(c);
                    valueStyles.add(NumberStyle.PLAIN);
                }
                continue;
            }
            NumberStyle style = NumberStyle.detect(cells, delimiter);
            NumberStyle.Parser p = new NumberStyle.Parser(style);
            int numeric = 0;
            int missing = 0;
            for (String cell : cells) {
                byte[] b = cell.getBytes(StandardCharsets.UTF_8);
                p.parse(b, 0, b.length);
                if (p.status() == NumberStyle.Status.NUMBER) {
                    numeric++;
                } else if (p.status() != NumberStyle.Status.INVALID) {
                    missing++;
                }
            }
            boolean isNumeric = numeric > 0 && numeric >= 0.5 * (cells.size() - missing);
            if (c == chosenIndex || (isNumeric && chosenIndex < 0 && !isIndex(c, cells) && !isTimeLike(parser, cells))) {
                values.add(c);
                valueStyles.add(style);
                if (!style.assumption().isEmpty()) {
                    notes.add("column '" + name(c) + "': " + style.assumption());
                }
            } else if (!isNumeric && !isTimeLike(parser, cells)) {
                Set<String> distinct = new HashSet<>(cells);
                if (distinct.size() <= Math.max(1, cells.size() / 2) && distinct.size() <= 1000) {
                    labels.add(c);
                }
            }
        }
        if (values.isEmpty()) {
            throw new ImportException(source, headerLine > 0 ? headerLine : firstDataLine, 0,
                    "no column of numbers next to the timestamps (columns: " + String.join(", ", columns) + ")");
        }
        valueColumns = values.stream().mapToInt(Integer::intValue).toArray();
        styles = valueStyles.toArray(new NumberStyle[0]);
        labelColumns = labels.stream().mapToInt(Integer::intValue).toArray();
        formatId = formatId();
    }

    private String formatId() {
        if (headerLine > 0 && columns.size() == 3 && columns.get(0).equals("Series") && columns.get(1).equals("Time")
                && columns.get(2).equals("Value")) {
            return "grafana";
        }
        if (headerLine > 0 && columns.get(0).equals("Time") && timeColumn == 0 && delimiter == ';') {
            return "grafana";
        }
        if (headerLine == 0 && timeColumn == 1 && labelColumns.length == 1 && labelColumns[0] == 0
                && valueColumns.length == 1 && valueColumns[0] == 2 && columns.size() == 3) {
            return "graphite-csv";
        }
        return "csv";
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
            sb.append(", series as rows (by ");
            for (int i = 0; i < labelColumns.length; i++) {
                sb.append(i > 0 ? ", " : "").append(name(labelColumns[i]));
            }
            sb.append(')');
        }
        return sb.append(", ").append(encoding).toString();
    }

    /** @return the name a header would give the column: the field above its first timestamp */
    private static String headerHint(List<Sample> samples, int col, int firstRow) {
        if (firstRow <= 0) {
            return "";
        }
        Sample above = samples.get(firstRow - 1);
        return col < above.count ? above.fields.get(col) : "";
    }

    private static boolean parsesAsTime(TimestampParser parser, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        if (parser.tryParse(b, 0, b.length, Long.MIN_VALUE) != TimestampParser.FAIL) {
            return true;
        }
        DateOrder order = parser.dateOrder();
        if (order == null) {
            parser.setDateOrder(DateOrder.MDY);
            boolean mdy = parser.tryParse(b, 0, b.length, Long.MIN_VALUE) != TimestampParser.FAIL;
            parser.setDateOrder(null);
            return mdy;
        }
        return false;
    }

    private static boolean isNumber(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Numbers read as epoch times only when they fall between 1990 and 2100 and the column is
     * named like a time, or is the first column and rises.
     */
    private static boolean epochPlausible(List<Sample> samples, int col, int from, String hint,
                                          TimestampParser parser) {
        long previous = Long.MIN_VALUE;
        int rising = 0;
        int n = 0;
        for (int r = from; r < samples.size(); r++) {
            Sample s = samples.get(r);
            if (col >= s.count || s.fields.get(col).isEmpty()) {
                continue;
            }
            String v = s.fields.get(col);
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            long t = parser.tryParse(b, 0, b.length, Long.MIN_VALUE);
            if (t == TimestampParser.FAIL) {
                continue;
            }
            boolean compactCandidate = v.length() == 8 && compactValid(v);
            if ((t < 631_152_000_000L || t > 4_102_444_800_000L) && !compactCandidate) {
                return false;
            }
            if (previous != Long.MIN_VALUE && t >= previous) {
                rising++;
            }
            previous = t;
            n++;
        }
        return n > 0 && (TIME_NAME.matcher(hint).find() || (col == 0 && rising >= 0.9 * (n - 1)));
    }

    private static boolean compactValid(String v) {
        if (v.length() < 8 || !v.substring(0, 8).chars().allMatch(Character::isDigit)) {
            return false;
        }
        int y = Integer.parseInt(v.substring(0, 4));
        int m = Integer.parseInt(v.substring(4, 6));
        int d = Integer.parseInt(v.substring(6, 8));
        return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }

    /** All-digit dates: {@code yyyyMMdd} always; 10–14 digits only under a date-like column name. */
    private static boolean compactShape(List<Sample> data, int col, String hint) {
        int n = 0;
        int len = -1;
        for (Sample s : data) {
            if (col >= s.count || s.fields.get(col).isEmpty()) {
                continue;
            }
            String v = s.fields.get(col);
            if (!v.chars().allMatch(Character::isDigit) || (len >= 0 && v.length() != len)) {
                return false;
            }
            len = v.length();
            if (len < 8 || !compactValid(v.substring(0, 8))) {
                return false;
            }
            n++;
        }
        if (n == 0) {
            return false;
        }
        return len == 8 || ((len == 10 || len == 12 || len == 14) && TIME_NAME.matcher(hint).find()
                && !hint.toLowerCase(Locale.ROOT).contains("epoch"));
    }

    private void decideDateOrder(TimestampParser parser, List<Sample> data, String source, ImportOptions options)
            throws ImportException {
        if (options.dateOrder().isPresent()) {
            dateOrder = options.dateOrder().get();
            dateOrderNote = "chosen with --date-order " + dateOrder.id();
            return;
        }
        parser.setDateOrder(null);
        Sample dmy = null;
        Sample mdy = null;
        boolean ambiguous = false;
        for (Sample s : data) {
            if (timeColumn >= s.count) {
                continue;
            }
            byte[] b = s.fields.get(timeColumn).getBytes(StandardCharsets.UTF_8);
            if (parser.tryParse(b, 0, b.length, Long.MIN_VALUE) == TimestampParser.FAIL) {
                parser.setDateOrder(DateOrder.MDY);
                if (parser.tryParse(b, 0, b.length, Long.MIN_VALUE) != TimestampParser.FAIL && mdy == null) {
                    mdy = s;
                }
                parser.setDateOrder(null);
                continue;
            }
            if (parser.lastImpliedOrder() == DateOrder.DMY && dmy == null) {
                dmy = s;
            } else if (parser.lastImpliedOrder() == DateOrder.MDY && mdy == null) {
                mdy = s;
            }
            ambiguous |= parser.lastAmbiguous();
        }
        if (dmy != null && mdy != null) {
            throw new ImportException(source, mdy.line, timeColumn + 1, "dates mix day-first ('"
                    + dmy.fields.get(timeColumn) + "' on line " + dmy.line + ") and month-first ('"
                    + mdy.fields.get(timeColumn) + "') order; give --date-order dmy or mdy");
        }
        if (dmy == null && mdy == null && timestampFormat(parser, data).startsWith("dd.MM")) {
            dateOrder = DateOrder.DMY;
            dateOrderNote = "day.month.year (dates written with dots are day first)";
            return;
        }
        Sample decisive = dmy != null ? dmy : mdy;
        if (decisive != null) {
            dateOrder = dmy != null ? DateOrder.DMY : DateOrder.MDY;
            dateOrderNote = dateOrder.words() + ", as '" + decisive.fields.get(timeColumn) + "' on line "
                    + decisive.line + " shows";
        } else if (ambiguous) {
            dateOrder = null; // settled while reading, or by the regularity of the result
        }
    }

    private String timestampFormat(TimestampParser parser, List<Sample> data) {
        for (Sample s : data) {
            if (timeColumn < s.count && !s.fields.get(timeColumn).isEmpty()) {
                String d = parser.describe(s.fields.get(timeColumn));
                if (d != null) {
                    return d;
                }
            }
        }
        return "";
    }

    /** A column of times of day beside a column of dates: named like an hour, or holding "HH:mm". */
    private int findHourColumn(List<Sample> data, int dateColumn) {
        int found = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (c == dateColumn) {
                continue;
            }
            boolean named = HOUR_NAME.matcher(name(c)).find();
            boolean colon = true;
            int ok = 0;
            int n = 0;
            int minHour = Integer.MAX_VALUE;
            int maxHour = Integer.MIN_VALUE;
            for (Sample s : data) {
                if (c >= s.count || s.fields.get(c).isEmpty()) {
                    continue;
                }
                n++;
                String text = s.fields.get(c).trim();
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                if (TimestampParser.tryParseTimeOfDay(b, 0, b.length) >= 0 || text.equals("24")) {
                    ok++;
                }
                if (text.matches("\\d{1,2}")) {
                    int h = Integer.parseInt(text);
                    minHour = Math.min(minHour, h);
                    maxHour = Math.max(maxHour, h);
                } else {
                    minHour = Integer.MIN_VALUE; // not whole hours
                }
                colon &= text.indexOf(':') > 0;
            }
            if (n > 0 && ok == n && (named || (colon && c == dateColumn + 1))) {
                // Hours counted 1–24 (energy and some analytics exports): hour 1 is 00:00–01:00.
                hourEnding = named && minHour >= 1 && maxHour == 24;
                found = c;
                break;
            }
        }
        return found;
    }

    private boolean isIndex(int c, List<String> cells) {
        if (!INDEX_NAME.matcher(name(c).trim()).matches() || (headerLine == 0 && c != 0) || cells.size() < 2) {
            return false;
        }
        long previous = Long.MIN_VALUE;
        for (String cell : cells) {
            long v;
            try {
                v = Long.parseLong(cell.trim());
            } catch (NumberFormatException e) {
                return false;
            }
            if (previous != Long.MIN_VALUE && v != previous + 1) {
                return false;
            }
            previous = v;
        }
        return true;
    }

    private static boolean isTimeLike(TimestampParser parser, List<String> cells) {
        int ok = 0;
        for (String cell : cells) {
            if (!isNumber(cell) && parsesAsTime(parser, cell)) {
                ok++;
            }
        }
        return ok >= 0.9 * cells.size();
    }
}
