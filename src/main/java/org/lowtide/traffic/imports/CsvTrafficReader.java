package org.lowtide.traffic.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads delimited text with a timestamp column and one or more value columns, e.g.
 * <pre>
 * timestamp,requests
 * 2025-01-01T00:00:00+01:00,10231
 * </pre>
 * The layout (delimiter, header, columns, date order, number style) comes from {@link CsvLayout};
 * this class streams the rows into primitive arrays without decoding them to strings: fields are
 * split in place ({@link DelimitedLine}), timestamps read by {@link TimestampParser} and numbers
 * by {@link NumberStyle.Parser} straight from the bytes.
 *
 * <p>A row is never dropped silently: an empty, missing or unreadable value, a row without a
 * timestamp, a repeated header or a totals row is skipped with a warning naming its line; a
 * timestamp that cannot be read in a row of the table is fatal, with file, line and column.
 */
public final class CsvTrafficReader {

    private static final Pattern TOTALS = Pattern.compile("^(grand\\s+)?(totals?|sum|summe|gesamt|total général"
            + "|average|avg|mean|overall|all|min|max|minimum|maximum|median)\\s*:?$", Pattern.CASE_INSENSITIVE);

    private CsvTrafficReader() {
    }

    /** Reads a traffic file of any supported format (see {@link TrafficImporter}); kept for callers of 0.1. */
    public static ImportResult read(Path file, ImportOptions options) throws ImportException, IOException {
        return TrafficImporter.read(file, options);
    }

    /** Reads text of any supported format from a reader; kept for callers of 0.1. */
    public static ImportResult read(Reader reader, String source, ImportOptions options)
            throws ImportException, IOException {
        return TrafficImporter.read(reader, source, options);
    }

    /**
     * What a read produced besides the series in the selector, and what the reading decided that the
     * layout had left open.
     *
     * @param rowsRead        data rows read
     * @param skipped         rows skipped by the reader (each with a warning)
     * @param dateOrder       the day/month order in the end (the layout's, or one a row proved)
     * @param dateOrderNote   how it was settled
     * @param timestampFormat how the timestamps are written, with the order applied
     * @param repeats         rows dropped as repeats of another row's timestamp and value
     */
    record Outcome(long rowsRead, long skipped, Optional<DateOrder> dateOrder, String dateOrderNote,
                   String timestampFormat, SeriesData.Repeats repeats) {
    }

    /**
     * Streams the rows of a delimited file into the selector's series.
     *
     * @param in       the whole file as UTF-8 bytes, without BOM
     * @param capacity an estimate of the rows, to size the arrays once
     */
    static Outcome read(InputStream in, String source, CsvLayout layout, ImportOptions options,
                        SeriesSelector selector, Warnings warnings, int capacity)
            throws ImportException, IOException {
        return new Run(in, source, layout, options, selector, warnings, capacity).run();
    }

    /** One read; holds the per-file state so that the row loop stays in one method. */
    private static final class Run {
        private final String source;
        private final CsvLayout layout;
        private final ImportOptions options;
        private final SeriesSelector selector;
        private final Warnings warnings;
        private final LineReader lines;
        private final DelimitedLine split = new DelimitedLine();
        private final RowTime time;
        private final RowTime alternative;
        private final int[] valueColumns;
        private final int[] labelColumns;
        private final NumberStyle.Parser[] numbers;
        private final int capacity;
        private final int timeColumn;
        private boolean dual;
        private DateOrder order;
        private String orderNote;
        private String timestampFormat;
        private long rowsRead;
        private long skipped;
        private long invalid;
        private long invalidLine;
        private int invalidColumn;
        private String invalidText;
        private long firstAmbiguousLine;
        private String firstAmbiguousText;
        private final List<SeriesData> created = new ArrayList<>();

        Run(InputStream in, String source, CsvLayout layout, ImportOptions options, SeriesSelector selector,
            Warnings warnings, int capacity) {
            this.source = source;
            this.layout = layout;
            this.options = options;
            this.selector = selector;
            this.warnings = warnings;
            this.capacity = capacity;
            this.lines = new LineReader(in, source).quoteAware();
            TimestampParser parser = new TimestampParser(options.zone());
            parser.setCompactDates(layout.compactDates());
            parser.setExcelSerial(layout.excelSystem());
            parser.setDateOrder(layout.dateOrder());
            this.time = new RowTime(parser, layout.time());
            this.dual = layout.dateOrder() == null && !(layout.time() instanceof TimeColumns.Parts);
            TimestampParser other = new TimestampParser(options.zone());
            other.setCompactDates(layout.compactDates());
            other.setExcelSerial(layout.excelSystem());
            other.setDateOrder(DateOrder.MDY);
            this.alternative = new RowTime(other, layout.time());
            this.order = layout.dateOrder();
            this.orderNote = layout.dateOrderNote();
            this.timestampFormat = layout.timestampFormat();
            this.timeColumn = layout.time().first();
            this.valueColumns = layout.valueColumns();
            this.labelColumns = layout.labelColumns();
            this.numbers = new NumberStyle.Parser[valueColumns.length];
            for (int k = 0; k < numbers.length; k++) {
                numbers[k] = new NumberStyle.Parser(layout.styles().get(k));
            }
        }

        Outcome run() throws ImportException, IOException {
            boolean long_ = labelColumns.length > 0;
            int[] use;
            SeriesData wide = null;
            if (long_) {
                use = new int[] {0};
                if (valueColumns.length > 1) {
                    warnings.addFile("series are told apart by " + layout.labelNames() + "; values from column '"
                            + layout.name(valueColumns[0]) + "' (choose another with --value-column)");
                }
            } else {
                List<String> columnNames = new ArrayList<>();
                for (int k = 0; k < valueColumns.length; k++) {
                    columnNames.add(layout.name(valueColumns[k]));
                }
                List<String> wanted = options.series().isEmpty() ? null : selector.resolveAll(source, columnNames);
                List<Integer> chosen = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (int k = 0; k < columnNames.size(); k++) {
                    String name = columnNames.get(k);
                    boolean offered = selector.offer(name);
                    if (wanted == null ? offered : wanted.contains(name)) {
                        chosen.add(k);
                        names.add(name);
                    }
                }
                if (chosen.size() > 1 && !options.sum()) {
                    throw new ImportException(source, 0, 0, "several series chosen (" + String.join(", ", names)
                            + "): choose one, or add --sum to add them up");
                }
                use = chosen.stream().mapToInt(Integer::intValue).toArray();
                wide = new SeriesData(String.join(" + ", names), capacity);
                selector.adopt(wide, names);
                created.add(wide);
            }
            Map<String, SeriesData> byKey = new HashMap<>();
            StringBuilder key = new StringBuilder();

            byte delimiter = layout.delimiter();
            long firstData = layout.firstDataLine();
            long previous = Long.MIN_VALUE;
            long previousAlt = Long.MIN_VALUE;

            while (lines.next()) {
                long line = lines.lineNumber();
                if (line < firstData) {
                    continue;
                }
                byte[] b = lines.buffer();
                int s = lines.start();
                int e = lines.end();
                int firstChar = s;
                while (firstChar < e && (b[firstChar] == ' ' || b[firstChar] == '\t')) {
                    firstChar++;
                }
                if (firstChar == e || b[firstChar] == '#') {
                    continue;
                }
                int n;
                try {
                    n = split.split(b, s, e, delimiter);
                } catch (DelimitedLine.UnclosedQuoteException ex) {
                    throw new ImportException(source, line, ex.column(), ex.getMessage());
                }
                byte[] f = split.buffer();
                rowsRead++;

                if (split.isEmpty(timeColumn)) {
                    boolean valued = n > 1 && valueColumns.length > 0 && !split.isEmpty(valueColumns[0]);
                    skip("notime", line, timeColumn + 1, n == 1 ? "not a row of the table (no delimiter); skipped"
                            : valued ? "no timestamp (a totals row?); row skipped" : "no timestamp; row skipped");
                    continue;
                }
                long t = time.read(split, previous);
                if (t == TimestampParser.FAIL) {
                    nonTimestampRow(line, n);
                    continue;
                }
                long tAlt = t;
                if (dual) {
                    DateOrder implied = time.parser().lastImpliedOrder();
                    if (implied != null) {
                        String text = split.text(timeColumn);
                        decide(implied, "as '" + text + "' on line " + line + " shows", text);
                    } else if (time.parser().lastAmbiguous()) {
                        tAlt = alternative.read(split, previousAlt);
                        if (firstAmbiguousLine == 0) {
                            firstAmbiguousLine = line;
                            firstAmbiguousText = split.text(timeColumn);
                        }
                    }
                }
                switch (time.parser().lastResolution()) {
                    case GAP:
                        if (warnings.accept("dst")) {
                            warnings.keep("dst", line, timeColumn + 1, "local time " + split.text(timeColumn)
                                    + " does not exist in " + options.zone()
                                    + " (clocks moved forward); read as the time after the gap");
                        }
                        break;
                    case OVERLAP:
                        if (warnings.accept("dst")) {
                            warnings.keep("dst", line, timeColumn + 1, "local time " + split.text(timeColumn)
                                    + " occurs twice in " + options.zone() + " (clocks moved back); settled by row order");
                        }
                        break;
                    default:
                        break;
                }

                SeriesData target = wide;
                if (long_) {
                    key.setLength(0);
                    for (int k = 0; k < labelColumns.length; k++) {
                        int c = labelColumns[k];
                        if (k > 0) {
                            key.append(' ');
                        }
                        if (c < n) {
                            key.append(new String(f, split.start(c), split.end(c) - split.start(c),
                                    layout.textCharset()));
                        }
                    }
                    String name = key.length() == 0 ? "(no " + layout.labelNames() + ")" : key.toString();
                    target = byKey.get(name);
                    if (target == null && !byKey.containsKey(name)) {
                        target = selector.get(name);
                        byKey.put(name, target);
                        if (target != null) {
                            created.add(target);
                        }
                    } else if (target == null) {
                        selector.countOther(1);
                    }
                    if (target == null) {
                        skipped++;
                        continue;
                    }
                }

                double v;
                if (use.length == 1) {
                    v = value(f, n, use[0], line);
                } else {
                    v = Double.NaN;
                    for (int k : use) {
                        double part = value(f, n, k, line);
                        if (!Double.isNaN(part)) {
                            v = Double.isNaN(v) ? part : v + part;
                        }
                    }
                }
                if (dual) {
                    target.addDual(t, tAlt, v, line);
                } else {
                    target.add(t, v, line);
                }
                previous = t;
                previousAlt = tAlt;
            }
            if (dual && firstAmbiguousLine > 0) {
                decideByRegularity();
            }
            if (invalid > 0 && invalid * 2 >= rowsRead) {
                throw new ImportException(source, invalidLine, invalidColumn, "cannot read '" + invalidText
                        + "' as a number" + (invalid > 1 ? " (nor " + (invalid - 1) + " more values of column '"
                        + layout.name(invalidColumn - 1) + "')" : ""));
            }
            SeriesData.Repeats repeats = SeriesData.Repeats.NONE;
            if (layout.attributeColumns().length > 0) {
                for (SeriesData data : created) {
                    repeats = repeats.plus(data.dropRepeats());
                }
            }
            return new Outcome(rowsRead, skipped, Optional.ofNullable(order), orderNote, timestampFormat, repeats);
        }

        /** A row whose time field is not a timestamp: a repeated header, a totals row, a trailer, or an error. */
        private void nonTimestampRow(long line, int n) throws ImportException {
            int column = timeColumn + 1;
            String text = split.text(timeColumn).trim();
            if (layout.headerLine() > 0 && text.equalsIgnoreCase(layout.name(timeColumn).trim())) {
                skip("header", line, 0, "the header repeated; skipped");
                return;
            }
            if (TOTALS.matcher(text).matches()) {
                skip("totals", line, column, "a totals row ('" + text + "'); skipped");
                return;
            }
            if (n == 1) {
                skip("notime", line, 0, "not a row of the table (no delimiter); skipped");
                return;
            }
            if (!(layout.time() instanceof TimeColumns.Single)) {
                StringBuilder fields = new StringBuilder();
                for (int c : layout.time().columns()) {
                    fields.append(fields.length() > 0 ? "', '" : "").append(split.text(c));
                }
                throw new ImportException(source, line, column, "cannot read '" + fields + "' in columns "
                        + layout.timeNames() + " as a date and time; expected " + expected());
            }
            String message = TimestampParser.unreadableMessage(split.text(timeColumn));
            if (!timestampFormat.isEmpty()) {
                message = "cannot read '" + split.text(timeColumn) + "' as a timestamp; expected "
                        + expected();
            }
            throw new ImportException(source, line, column, message);
        }

        private String expected() {
            DateOrder o = time.parser().dateOrder();
            return timestampFormat + " as from line " + layout.firstDataLine()
                    + (o != null && timestampFormat.contains("/") ? " (" + o.words() + ")" : "");
        }

        private double value(byte[] f, int n, int k, long line) {
            int column = valueColumns[k];
            if (column >= n) {
                if (warnings.accept("short")) {
                    warnings.keep("short", line, column + 1, "the row has " + n + " fields, the header "
                            + layout.columns().size() + "; no value in column '" + layout.name(column)
                            + "'; skipped (the step stays missing)");
                }
                return Double.NaN;
            }
            NumberStyle.Parser p = numbers[k];
            double v = p.parse(f, split.start(column), split.end(column));
            switch (p.status()) {
                case NUMBER:
                    return v;
                case MISSING:
                    if (warnings.accept("empty")) {
                        String text = split.text(column);
                        warnings.keep("empty", line, column + 1, (text.isBlank() ? "empty value" : "'" + text
                                + "' means no value") + "; row skipped (the step stays missing)");
                    }
                    return Double.NaN;
                case INFINITE:
                    if (warnings.accept("infinite")) {
                        warnings.keep("infinite", line, column + 1, "'" + split.text(column)
                                + "' is not a finite number; row skipped (the step stays missing)");
                    }
                    return Double.NaN;
                default:
                    invalid++;
                    if (invalidLine == 0) {
                        invalidLine = line;
                        invalidColumn = column + 1;
                        invalidText = split.text(column);
                    }
                    if (warnings.accept("invalid")) {
                        NumberStyle style = layout.styles().get(k);
                        warnings.keep("invalid", line, column + 1, "cannot read '" + split.text(column)
                                + "' as a number" + (style.isPlain() ? "" : " written like " + style.example())
                                + "; row skipped (the step stays missing)");
                    }
                    return Double.NaN;
            }
        }

        private void skip(String kind, long line, int column, String message) {
            skipped++;
            warnings.add(kind, line, column, message);
        }

        /** Settles the day/month order for the whole file; rows read so far keep the matching reading. */
        private void decide(DateOrder order, String why, String example) {
            for (SeriesData data : created) {
                data.settle(order == DateOrder.MDY);
            }
            time.parser().setDateOrder(order);
            dual = false;
            this.order = order;
            this.orderNote = order.words() + ", " + why;
            String described = time.parser().describe(example);
            if (described != null) {
                timestampFormat = layout.time() instanceof TimeColumns.DateAndTime dt
                        ? described.replace(" (local", " + " + layout.name(dt.time()) + (dt.hourEnding() ? " 1–24" : "")
                        + " (local") : described;
            }
        }

        /**
         * Every date fitted both orders: keep the one whose rows are regularly spaced and in order.
         * Day-first and month-first readings of a daily file differ in exactly that.
         */
        private void decideByRegularity() throws ImportException {
            SeriesData first = created.isEmpty() ? null : created.get(0);
            if (first == null || !first.hasAlternative()) {
                return;
            }
            if (layout.twelveHourClock()) {
                decide(DateOrder.MDY, "because the times use the 12-hour clock (AM/PM), the US convention, and no"
                        + " date says otherwise", firstAmbiguousText);
                warnings.addFile("dates such as '" + firstAmbiguousText + "' (line " + firstAmbiguousLine + ") fit both"
                        + " day/month and month/day; read as month/day/year because the times use AM/PM (the US"
                        + " convention) and no date says otherwise (give --date-order dmy to read them day first)");
                return;
            }
            double dmy = irregularity(first.timesArray(), first.size);
            double mdy = irregularity(first.alternativeTimes(), first.size);
            if (Math.abs(dmy - mdy) < 0.05) {
                throw new ImportException(source, firstAmbiguousLine, timeColumn + 1, "cannot tell whether '"
                        + firstAmbiguousText + "' is day/month/year or month/day/year: every date in the file fits"
                        + " both, and both give an equally regular series; give --date-order dmy or mdy");
            }
            DateOrder order = dmy < mdy ? DateOrder.DMY : DateOrder.MDY;
            DateOrder other = order == DateOrder.DMY ? DateOrder.MDY : DateOrder.DMY;
            decide(order, "because every date fits both orders and only " + order.words()
                    + " gives regularly spaced rows", firstAmbiguousText);
            warnings.addFile("dates such as '" + firstAmbiguousText + "' (line " + firstAmbiguousLine + ") fit both "
                    + "day/month and month/day; read as " + order.words() + " because only that gives regularly "
                    + "spaced rows (give --date-order " + other.id() + " to read them the other way)");
        }

        /** 0 for rows in order on a full regular grid; grows with rows out of order and with unfilled steps. */
        private static double irregularity(long[] times, int n) {
            if (n < 2) {
                return 0;
            }
            int backwards = 0;
            for (int i = 1; i < n; i++) {
                if (times[i] < times[i - 1]) {
                    backwards++;
                }
            }
            long[] sorted = Arrays.copyOf(times, n);
            Arrays.sort(sorted);
            long[] gaps = new long[n - 1];
            int g = 0;
            for (int i = 1; i < n; i++) {
                if (sorted[i] > sorted[i - 1]) {
                    gaps[g++] = sorted[i] - sorted[i - 1];
                }
            }
            if (g == 0) {
                return 1;
            }
            Arrays.sort(gaps, 0, g);
            long median = gaps[g / 2];
            double steps = (double) (sorted[n - 1] - sorted[0]) / median + 1;
            return Math.abs(steps - n) / n + 2.0 * backwards / n;
        }
    }

    /** Decodes UTF-8 text for messages. */
    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
