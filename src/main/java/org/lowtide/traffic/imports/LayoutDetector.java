package org.lowtide.traffic.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides a {@link CsvLayout} for one delimiter from the sampled head of a file. Works through the
 * questions in order, each answer a local value handed to the next: where the time is (one column,
 * a date plus a time-of-day column, or year/month/day… columns; or the user's {@code timeColumns}),
 * where the header and the data start, how dates are ordered, which columns are numbers, and
 * whether text columns name series (a long export: the timestamps repeat across their values) or
 * only describe rows.
 */
final class LayoutDetector {

    private static final Pattern TIME_NAME = Pattern.compile("(time|date|day|^ds$|^t$|^ts$|epoch|period|hour|when"
            + "|zeit|datum|fecha|heure|tijd|^_time$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOUR_NAME = Pattern.compile("(hour|time|^hh$|^hr$|uhrzeit|^stunde$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX_NAME = Pattern.compile("^(|index|idx|id|#|no\\.?|nr\\.?|row|unnamed.*)$",
            Pattern.CASE_INSENSITIVE);

    private final byte delimiter;
    private final String source;
    private final ImportOptions options;
    private final Charset textCharset;
    private final List<CsvLayout.Sample> samples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final TimestampParser parser;
    private int width;

    LayoutDetector(List<byte[]> raw, List<Long> numbers, byte delimiter, String source, ImportOptions options,
                   Charset textCharset) throws ImportException {
        this.delimiter = delimiter;
        this.source = source;
        this.options = options;
        this.textCharset = textCharset;
        this.parser = new TimestampParser(options.zone());
        options.dateOrder().ifPresent(parser::setDateOrder);
        DelimitedLine splitter = new DelimitedLine();
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
            samples.add(new CsvLayout.Sample(numbers.get(k), line, fields, n));
            width = Math.max(width, n);
        }
    }

    /** Where the time is and where the data start. */
    private record Found(TimeColumns time, int dataRow) {
    }

    CsvLayout detect() throws ImportException {
        Found found = options.columns().timeColumns().isEmpty() ? findTime() : timeByName();
        int dataRow = found.dataRow();
        boolean hasHeader = dataRow > 0 && samples.get(dataRow - 1).count() >= 2;
        long headerLine = 0;
        List<String> names = new ArrayList<>();
        if (hasHeader) {
            CsvLayout.Sample h = samples.get(dataRow - 1);
            headerLine = h.line();
            names.addAll(h.fields());
        }
        for (int c = names.size(); c < width; c++) {
            names.add("column" + (c + 1));
        }
        long preambleLines = 0;
        long preambleFirst = 0;
        int preambleEnd = hasHeader ? dataRow - 1 : dataRow;
        if (preambleEnd > 0) {
            preambleLines = preambleEnd;
            preambleFirst = samples.get(0).line();
        }
        long firstDataLine = samples.get(dataRow).line();
        List<CsvLayout.Sample> data = samples.subList(dataRow, samples.size());

        TimeColumns time = found.time();
        int dateColumn = time instanceof TimeColumns.Parts ? -1 : time.first();
        boolean compact = dateColumn >= 0 && parser.dateOrder() == null
                && compactShape(data, dateColumn, hasHeader ? names.get(dateColumn) : "");
        parser.setCompactDates(compact);
        int excel = 0;
        if (dateColumn >= 0 && !compact && time instanceof TimeColumns.Single
                && excelShape(data, dateColumn, hasHeader ? names.get(dateColumn) : "",
                !options.columns().timeColumns().isEmpty())) {
            excel = options.excel1904() ? 1904 : 1900;
            parser.setExcelSerial(excel);
            notes.add("column '" + names.get(dateColumn) + "' holds Excel serial dates: read in the " + excel
                    + " date system" + (excel == 1900
                    ? " (Excel for Windows; day 60 is Excel's 29 February 1900); use --excel-1904 for a workbook"
                    + " saved in the 1904 system (old Excel for Mac), which reads 4 years and 1 day later"
                    : " (--excel-1904)"));
        }
        boolean twelveHour = dateColumn >= 0 && twelveHourClock(data, time);
        Order order = dateColumn >= 0 ? decideDateOrder(data, dateColumn, twelveHour) : new Order(null, "");
        parser.setDateOrder(order.order());

        // A date alone: is there a time-of-day column beside it?
        String format = "";
        if (time instanceof TimeColumns.Single single) {
            boolean dateOnly = true;
            String example = null;
            for (CsvLayout.Sample s : data) {
                String v = s.field(single.column());
                if (!v.isEmpty()) {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    if (parser.tryParse(b, 0, b.length, Long.MIN_VALUE) != TimestampParser.FAIL) {
                        dateOnly &= parser.lastDateOnly();
                        if (example == null) {
                            example = v;
                        }
                    }
                }
            }
            format = example == null ? "" : Optional.ofNullable(parser.describe(example)).orElse("");
            if (dateOnly && options.columns().timeColumns().isEmpty()) {
                TimeColumns withHour = findHourColumn(data, single.column(), names);
                if (withHour != null) {
                    time = withHour;
                }
            }
        } else if (time instanceof TimeColumns.DateAndTime dt) {
            format = dateFormat(data, dt.date());
        }
        format = describeTime(time, format, names);
        if (time instanceof TimeColumns.DateAndTime dt && dt.hourEnding()) {
            notes.add("column '" + names.get(dt.time()) + "' counts hours 1 to 24: read as the hour ending, so hour 1"
                    + " is 00:00–01:00");
        }
        if (time instanceof TimeColumns.Parts p && p.hourEnding()) {
            notes.add("column '" + names.get(p.hour()) + "' counts hours 1 to 24: read as the hour ending, so hour 1"
                    + " is 00:00–01:00");
        }

        Columns cols = valueAndTextColumns(data, time, names, headerLine, firstDataLine);
        Keys keys = decideKeys(data, time, cols.text(), names, headerLine);
        String formatId = formatId(headerLine, names, time, keys.labels(), cols.values(), delimiter);
        return new CsvLayout(delimiter, headerLine, firstDataLine, names, time, compact, order.order(), order.note(),
                twelveHour, format, toArray(cols.values()), cols.styles(), toArray(keys.labels()),
                toArray(keys.attributes()), formatId, notes, preambleLines, preambleFirst, textCharset, excel);
    }

    // ------------------------------------------------------------------ where the time is

    private Found findTime() throws ImportException {
        int[] firstTimeRow = new int[width];
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int col = 0; col < width; col++) {
            firstTimeRow[col] = -1;
            int ok = 0;
            int tried = 0;
            int text = 0;
            for (int r = 0; r < samples.size(); r++) {
                String value = samples.get(r).field(col);
                if (value.isEmpty()) {
                    continue;
                }
                boolean parses = parsesAsTime(parser, value);
                if (parses && firstTimeRow[col] < 0) {
                    firstTimeRow[col] = r;
                }
                if (firstTimeRow[col] >= 0) {
                    tried++;
                    if (parses) {
                        ok++;
                        if (!CsvLayout.isNumber(value)) {
                            text++;
                        }
                    }
                }
            }
            // Most values must read as times; a couple of bad ones in a short head are the reader's to report.
            if (tried == 0 || (ok < 0.9 * tried && !(tried - ok <= 2 && ok * 2 >= tried))) {
                continue;
            }
            boolean textShape = text > ok / 2;
            String hint = headerHint(col, firstTimeRow[col]);
            if (!textShape && !epochPlausible(col, firstTimeRow[col], hint)
                    && !excelShape(samples.subList(firstTimeRow[col], samples.size()), col, hint, false)) {
                continue;
            }
            int score = (textShape ? 1000 : 0) + (TIME_NAME.matcher(hint).find() ? 100 : 0) - col;
            if (score > bestScore) {
                bestScore = score;
                best = col;
            }
        }
        if (best >= 0) {
            return new Found(new TimeColumns.Single(best), firstTimeRow[best]);
        }
        Found parts = findParts();
        if (parts != null) {
            return parts;
        }
        if (samples.size() == 1) {
            throw new ImportException(source, 0, 0, "no data rows: expected a header line and rows of timestamp,value");
        }
        CsvLayout.Sample first = samples.get(0);
        throw new ImportException(source, first.line(), 0, "no column of timestamps found (columns: "
                + String.join(", ", first.fields()) + "); expected ISO-8601 (2024-03-01T12:00:00Z), a local time"
                + " (2024-03-01 12:00, 01.03.2024 12:00, 3/1/2024 12:00 PM), epoch seconds/milliseconds, or"
                + " year, month, day[, hour] columns; name the time columns with --time-column");
    }

    /** Year, month, day (and hour, minute) columns named so in a header, holding whole numbers in range. */
    private Found findParts() {
        for (int h = 0; h < Math.min(10, samples.size() - 1); h++) {
            List<String> names = samples.get(h).fields();
            int year = find(names, CsvLayout.YEAR_NAME);
            int month = find(names, CsvLayout.MONTH_NAME);
            int day = find(names, CsvLayout.DAY_NAME);
            if (year < 0 || month < 0 || day < 0) {
                continue;
            }
            int hour = find(names, CsvLayout.HOUR_PART_NAME);
            int minute = hour < 0 ? -1 : find(names, CsvLayout.MINUTE_NAME);
            List<CsvLayout.Sample> data = samples.subList(h + 1, samples.size());
            if (!inRange(data, year, 1000, 9999) || !inRange(data, month, 1, 12) || !inRange(data, day, 1, 31)) {
                continue;
            }
            boolean hourEnding = false;
            if (hour >= 0) {
                int[] range = range(data, hour);
                if (range == null || range[0] < 0 || range[1] > 24) {
                    hour = -1;
                    minute = -1;
                } else {
                    hourEnding = range[0] >= 1 && range[1] == 24;
                }
            }
            if (minute >= 0 && !inRange(data, minute, 0, 59)) {
                minute = -1;
            }
            return new Found(new TimeColumns.Parts(year, month, day, hour, minute, hourEnding), h + 1);
        }
        return null;
    }

    /** The user's {@code --time-column} names, in order. */
    private Found timeByName() throws ImportException {
        List<String> wanted = options.columns().timeColumns();
        for (int h = 0; h < samples.size() - 1; h++) {
            List<String> names = samples.get(h).fields();
            int[] cols = new int[wanted.size()];
            boolean all = true;
            for (int k = 0; k < cols.length; k++) {
                cols[k] = indexOfName(names, wanted.get(k));
                all &= cols[k] >= 0;
            }
            if (!all) {
                continue;
            }
            for (int k = 0; k < cols.length; k++) {
                for (int j = k + 1; j < cols.length; j++) {
                    if (cols[k] == cols[j]) {
                        throw new ImportException(source, samples.get(h).line(), cols[k] + 1, "time column '"
                                + wanted.get(k) + "' is named twice");
                    }
                }
            }
            List<CsvLayout.Sample> data = samples.subList(h + 1, samples.size());
            TimeColumns time;
            switch (cols.length) {
                case 1:
                    time = new TimeColumns.Single(cols[0]);
                    break;
                case 2: {
                    int[] range = range(data, cols[1]);
                    boolean ending = range != null && range[0] >= 1 && range[1] == 24;
                    time = new TimeColumns.DateAndTime(cols[0], cols[1], ending);
                    break;
                }
                default: {
                    int hour = cols.length > 3 ? cols[3] : -1;
                    int[] range = hour < 0 ? null : range(data, hour);
                    boolean ending = range != null && range[0] >= 1 && range[1] == 24;
                    time = new TimeColumns.Parts(cols[0], cols[1], cols[2], hour, cols.length > 4 ? cols[4] : -1,
                            ending);
                    break;
                }
            }
            return new Found(time, h + 1);
        }
        List<String> first = samples.get(0).fields();
        for (String name : wanted) {
            if (indexOfName(first, name) < 0) {
                throw new ImportException(source, samples.get(0).line(), 0, "no column named '" + name
                        + "' for the time; columns are " + String.join(", ", first));
            }
        }
        throw new ImportException(source, samples.get(0).line(), 0, "no rows below the header");
    }

    private static int indexOfName(List<String> names, String name) {
        for (int c = 0; c < names.size(); c++) {
            if (names.get(c).trim().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        return -1;
    }

    private static int find(List<String> names, Pattern pattern) {
        for (int c = 0; c < names.size(); c++) {
            if (pattern.matcher(names.get(c).trim()).matches()) {
                return c;
            }
        }
        return -1;
    }

    private boolean inRange(List<CsvLayout.Sample> data, int col, int min, int max) {
        int[] range = range(data, col);
        return range != null && range[0] >= min && range[1] <= max;
    }

    /** @return {min, max} of a column of whole numbers, or null when a value is not one */
    private static int[] range(List<CsvLayout.Sample> data, int col) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (CsvLayout.Sample s : data) {
            String v = s.field(col).trim();
            if (v.isEmpty()) {
                continue;
            }
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            int n = RowTime.number(b, 0, b.length);
            if (n < 0) {
                return null;
            }
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        return min == Integer.MAX_VALUE ? null : new int[] {min, max};
    }

    /**
     * A column of times of day beside a column of dates: named like an hour or a time, holding
     * "HH:mm" right after the date, or, whatever its name, whole hours 0–23 that count up
     * within each date while the date repeats (a date that repeats 24 times a day beside a column
     * cycling through the hours).
     */
    private TimeColumns findHourColumn(List<CsvLayout.Sample> data, int dateColumn, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            if (c == dateColumn) {
                continue;
            }
            boolean named = HOUR_NAME.matcher(names.get(c)).find();
            boolean colon = true;
            int ok = 0;
            int n = 0;
            for (CsvLayout.Sample s : data) {
                String text = s.field(c).trim();
                if (text.isEmpty()) {
                    continue;
                }
                n++;
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                if (TimestampParser.tryParseTimeOfDay(b, 0, b.length) >= 0 || text.equals("24")) {
                    ok++;
                }
                colon &= text.indexOf(':') > 0;
            }
            if (n == 0 || ok != n) {
                continue;
            }
            int[] range = range(data, c);
            boolean cycling = range != null && range[0] == 0 && range[1] == 23
                    && countsUpWithinDates(data, dateColumn, c);
            if (named || (colon && c == dateColumn + 1) || cycling) {
                // Hours counted 1–24 (energy and some analytics exports): hour 1 is 00:00–01:00.
                boolean ending = range != null && range[0] >= 1 && range[1] == 24;
                return new TimeColumns.DateAndTime(dateColumn, c, ending);
            }
        }
        return null;
    }

    /**
     * Whether a column of whole numbers steps up by one within each run of one date (an hour repeated
     * on consecutive rows, as in a long export, is passed over).
     */
    private static boolean countsUpWithinDates(List<CsvLayout.Sample> data, int dateColumn, int col) {
        int steps = 0;
        int pairs = 0;
        int runs = 0;
        String previousDate = null;
        int previous = -1;
        for (CsvLayout.Sample s : data) {
            String date = s.field(dateColumn);
            byte[] b = s.field(col).trim().getBytes(StandardCharsets.UTF_8);
            int v = RowTime.number(b, 0, b.length);
            if (date.equals(previousDate) && v == previous) {
                continue; // the same hour again: another series of a long export
            }
            if (date.equals(previousDate)) {
                pairs++;
                if (v == previous + 1) {
                    steps++;
                }
            } else {
                runs++;
            }
            previousDate = date;
            previous = v;
        }
        return pairs >= 6 && runs >= 1 && steps >= 0.9 * pairs && pairs >= 3 * runs;
    }

    private String describeTime(TimeColumns time, String dateFormat, List<String> names) {
        String zone = " (local time in " + options.zone().getId() + ")";
        if (time instanceof TimeColumns.Single) {
            return dateFormat;
        }
        if (time instanceof TimeColumns.DateAndTime dt) {
            String part = names.get(dt.time()) + (dt.hourEnding() ? " 1–24" : "");
            return dateFormat.contains(" (local") ? dateFormat.replace(" (local", " + " + part + " (local")
                    : dateFormat + " + " + part + zone;
        }
        TimeColumns.Parts p = (TimeColumns.Parts) time;
        StringBuilder sb = new StringBuilder("year, month, day");
        if (p.hour() >= 0) {
            sb.append(p.hourEnding() ? ", hour 1–24" : ", hour");
        }
        if (p.minute() >= 0) {
            sb.append(", minute");
        }
        return sb.append(" columns").append(zone).toString();
    }

    private String dateFormat(List<CsvLayout.Sample> data, int col) {
        for (CsvLayout.Sample s : data) {
            String v = s.field(col);
            if (!v.isEmpty()) {
                String d = parser.describe(v);
                if (d != null) {
                    return d;
                }
            }
        }
        return "";
    }

    // ------------------------------------------------------------------ the date order

    private record Order(DateOrder order, String note) {
    }

    private static boolean twelveHourClock(List<CsvLayout.Sample> data, TimeColumns time) {
        int col = time instanceof TimeColumns.DateAndTime dt ? dt.time() : time.first();
        for (CsvLayout.Sample s : data) {
            String v = s.field(col).trim();
            if (!v.isEmpty()) {
                return CsvLayout.AM_PM.matcher(v).find();
            }
        }
        return false;
    }

    private Order decideDateOrder(List<CsvLayout.Sample> data, int dateColumn, boolean twelveHour)
            throws ImportException {
        if (options.dateOrder().isPresent()) {
            DateOrder order = options.dateOrder().get();
            return new Order(order, "chosen with --date-order " + order.id());
        }
        parser.setDateOrder(null);
        CsvLayout.Sample dmy = null;
        CsvLayout.Sample mdy = null;
        for (CsvLayout.Sample s : data) {
            if (dateColumn >= s.count()) {
                continue;
            }
            byte[] b = s.fields().get(dateColumn).getBytes(StandardCharsets.UTF_8);
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
        }
        if (dmy != null && mdy != null) {
            throw new ImportException(source, mdy.line(), dateColumn + 1, "dates mix day-first ('"
                    + dmy.fields().get(dateColumn) + "' on line " + dmy.line() + ") and month-first ('"
                    + mdy.fields().get(dateColumn) + "') order; give --date-order dmy or mdy");
        }
        if (dmy == null && mdy == null && dateFormat(data, dateColumn).startsWith("dd.MM")) {
            return new Order(DateOrder.DMY, "day.month.year (dates written with dots are day first)");
        }
        CsvLayout.Sample decisive = dmy != null ? dmy : mdy;
        if (decisive != null) {
            DateOrder order = dmy != null ? DateOrder.DMY : DateOrder.MDY;
            return new Order(order, order.words() + ", as '" + decisive.fields().get(dateColumn) + "' on line "
                    + decisive.line() + " shows");
        }
        return new Order(null, ""); // settled while reading, by AM/PM, or by the regularity of the result
    }

    // ------------------------------------------------------------------ values and text

    private record Columns(List<Integer> values, List<NumberStyle> styles, List<Integer> text) {
    }

    private Columns valueAndTextColumns(List<CsvLayout.Sample> data, TimeColumns time, List<String> names,
                                        long headerLine, long firstDataLine) throws ImportException {
        List<Integer> values = new ArrayList<>();
        List<NumberStyle> styles = new ArrayList<>();
        List<Integer> text = new ArrayList<>();
        Optional<String> chosen = options.column();
        int chosenIndex = -1;
        if (chosen.isPresent()) {
            chosenIndex = indexOfName(names, chosen.get());
            if (chosenIndex < 0) {
                throw new ImportException(source, headerLine, 0, "no column named '" + chosen.get() + "'; columns are "
                        + String.join(", ", names));
            }
            if (time.uses(chosenIndex)) {
                throw new ImportException(source, headerLine, chosenIndex + 1, "column '" + chosen.get()
                        + "' holds the timestamps, not values");
            }
        }
        Set<String> labelled = new HashSet<>();
        options.columns().labelColumns().forEach(l -> labelled.add(l.trim().toLowerCase(Locale.ROOT)));
        for (int c = 0; c < width; c++) {
            if (time.uses(c)) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (CsvLayout.Sample s : data) {
                String v = s.field(c);
                if (!v.isEmpty()) {
                    cells.add(v);
                }
            }
            if (labelled.contains(names.get(c).trim().toLowerCase(Locale.ROOT)) && c != chosenIndex) {
                text.add(c);
                continue;
            }
            if (cells.isEmpty()) {
                if (c == chosenIndex) {
                    values.add(c);
                    styles.add(NumberStyle.PLAIN);
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
            if (c == chosenIndex || (isNumeric && chosenIndex < 0 && !isIndex(c, cells, names, headerLine)
                    && !isTimeLike(cells))) {
                values.add(c);
                styles.add(style);
                if (!style.assumption().isEmpty()) {
                    notes.add("column '" + names.get(c) + "': " + style.assumption());
                }
            } else if (!isNumeric && !isTimeLike(cells)) {
                Set<String> distinct = new HashSet<>(cells);
                if (distinct.size() <= Math.max(1, cells.size() / 2) && distinct.size() <= 1000) {
                    text.add(c);
                }
            }
        }
        if (values.isEmpty()) {
            throw new ImportException(source, headerLine > 0 ? headerLine : firstDataLine, 0,
                    "no column of numbers next to the timestamps (columns: " + String.join(", ", names) + ")");
        }
        return new Columns(values, styles, text);
    }

    private record Keys(List<Integer> labels, List<Integer> attributes) {
    }

    /**
     * Text columns name series only when they behave like keys of a long export: the timestamps
     * repeat in the sample, and the column tells the repeated rows apart. Otherwise (each timestamp
     * once) they describe the rows: attributes. A Graphite CSV's first column is its series name.
     */
    private Keys decideKeys(List<CsvLayout.Sample> data, TimeColumns time, List<Integer> text, List<String> names,
                            long headerLine) throws ImportException {
        ColumnRoles roles = options.columns();
        if (roles.noLabels()) {
            return new Keys(List.of(), text);
        }
        if (!roles.labelColumns().isEmpty()) {
            List<Integer> labels = new ArrayList<>();
            for (String name : roles.labelColumns()) {
                int c = indexOfName(names, name);
                if (c < 0) {
                    throw new ImportException(source, headerLine, 0, "no column named '" + name + "' to name series;"
                            + " columns are " + String.join(", ", names));
                }
                if (time.uses(c)) {
                    throw new ImportException(source, headerLine, c + 1, "column '" + name + "' holds the timestamps;"
                            + " it cannot name series");
                }
                labels.add(c);
            }
            List<Integer> attributes = new ArrayList<>(text);
            attributes.removeAll(labels);
            return new Keys(labels, attributes);
        }
        if (text.isEmpty()) {
            return new Keys(List.of(), List.of());
        }
        if (headerLine == 0 && width == 3 && time.equals(new TimeColumns.Single(1)) && text.equals(List.of(0))) {
            return new Keys(text, List.of()); // Graphite render CSV: target,time,value
        }
        RowTime rowTime = new RowTime(parser, time);
        DelimitedLine split = new DelimitedLine();
        List<Long> times = new ArrayList<>();
        List<CsvLayout.Sample> rows = new ArrayList<>();
        for (CsvLayout.Sample s : data) {
            try {
                split.split(s.raw(), 0, s.raw().length, delimiter);
            } catch (DelimitedLine.UnclosedQuoteException e) {
                continue;
            }
            long t = rowTime.read(split, Long.MIN_VALUE);
            if (t != TimestampParser.FAIL) {
                times.add(t);
                rows.add(s);
            }
        }
        Set<Long> distinctTimes = new HashSet<>(times);
        if (distinctTimes.size() >= 0.95 * times.size()) {
            return new Keys(List.of(), text); // every timestamp once: the text describes the rows
        }
        // Add the columns that tell repeated timestamps apart, best first, while they help.
        List<Integer> labels = new ArrayList<>();
        List<Integer> remaining = new ArrayList<>(text);
        int distinct = distinctTimes.size();
        while (!remaining.isEmpty() && distinct < times.size()) {
            int bestColumn = -1;
            int bestDistinct = distinct;
            for (int c : remaining) {
                List<Integer> trial = new ArrayList<>(labels);
                trial.add(c);
                int d = distinctPairs(rows, times, trial);
                if (d > bestDistinct) {
                    bestDistinct = d;
                    bestColumn = c;
                }
            }
            if (bestColumn < 0) {
                break;
            }
            labels.add(bestColumn);
            remaining.remove(Integer.valueOf(bestColumn));
            distinct = bestDistinct;
        }
        // Keys must explain most of the repeats; a column that only splits a few is an attribute.
        if (labels.isEmpty() || distinct - distinctTimes.size() < 0.5 * (times.size() - distinctTimes.size())) {
            return new Keys(List.of(), text);
        }
        labels.sort(Integer::compare);
        return new Keys(labels, remaining);
    }

    private static int distinctPairs(List<CsvLayout.Sample> rows, List<Long> times, List<Integer> columns) {
        Map<String, Set<Long>> byKey = new HashMap<>();
        StringBuilder key = new StringBuilder();
        int n = 0;
        for (int r = 0; r < rows.size(); r++) {
            key.setLength(0);
            for (int c : columns) {
                key.append(rows.get(r).field(c)).append('\u0001');
            }
            if (byKey.computeIfAbsent(key.toString(), k -> new HashSet<>()).add(times.get(r))) {
                n++;
            }
        }
        return n;
    }

    private static String formatId(long headerLine, List<String> columns, TimeColumns time, List<Integer> labels,
                                   List<Integer> values, byte delimiter) {
        if (headerLine > 0 && columns.size() == 3 && columns.get(0).equals("Series") && columns.get(1).equals("Time")
                && columns.get(2).equals("Value")) {
            return "grafana";
        }
        if (headerLine > 0 && columns.get(0).equals("Time") && time.equals(new TimeColumns.Single(0))
                && delimiter == ';') {
            return "grafana";
        }
        if (headerLine == 0 && time.equals(new TimeColumns.Single(1)) && labels.equals(List.of(0))
                && values.equals(List.of(2)) && columns.size() == 3) {
            return "graphite-csv";
        }
        return "csv";
    }

    // ------------------------------------------------------------------ helpers

    /** @return the name a header would give the column: the field above its first timestamp */
    private String headerHint(int col, int firstRow) {
        if (firstRow <= 0) {
            return "";
        }
        return samples.get(firstRow - 1).field(col);
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

    /**
     * Numbers read as epoch times only when they fall between 1990 and 2100 and the column is
     * named like a time, or is the first column and rises.
     */
    private boolean epochPlausible(int col, int from, String hint) {
        long previous = Long.MIN_VALUE;
        int rising = 0;
        int n = 0;
        for (int r = from; r < samples.size(); r++) {
            String v = samples.get(r).field(col);
            if (v.isEmpty()) {
                continue;
            }
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

    /**
     * Excel serial dates: every value a number between 20000 (1954) and 80000 (2119), under a column
     * named like a time or date (or named by hand with --time-column), and not named like an epoch.
     */
    private static boolean excelShape(List<CsvLayout.Sample> data, int col, String hint, boolean named) {
        if (!named && (!TIME_NAME.matcher(hint).find() || hint.toLowerCase(Locale.ROOT).contains("epoch"))) {
            return false;
        }
        int n = 0;
        for (CsvLayout.Sample s : data) {
            String v = s.field(col);
            if (v.isEmpty()) {
                continue;
            }
            if (!v.matches("\\d{5}(\\.\\d+)?")) {
                return false;
            }
            double d = Double.parseDouble(v);
            if (d < 20_000 || d > 80_000) {
                return false;
            }
            n++;
        }
        return n > 0;
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
    private static boolean compactShape(List<CsvLayout.Sample> data, int col, String hint) {
        int n = 0;
        int len = -1;
        for (CsvLayout.Sample s : data) {
            String v = s.field(col);
            if (v.isEmpty()) {
                continue;
            }
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

    private static boolean isIndex(int c, List<String> cells, List<String> names, long headerLine) {
        if (!INDEX_NAME.matcher(names.get(c).trim()).matches() || (headerLine == 0 && c != 0) || cells.size() < 2) {
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

    private boolean isTimeLike(List<String> cells) {
        int ok = 0;
        for (String cell : cells) {
            if (!CsvLayout.isNumber(cell) && parsesAsTime(parser, cell)) {
                ok++;
            }
        }
        return ok >= 0.9 * cells.size();
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
