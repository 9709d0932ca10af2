package org.lowtide.traffic.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Lowtide's front door: reads a traffic file of any supported format into a regular series.
 *
 * <ol>
 *   <li><b>Bytes.</b> The file is opened read-only and streamed (never loaded whole, never written).
 *       A gzip file is unpacked on the fly; UTF-8 (with or without BOM) is read as bytes, UTF-16
 *       (with BOM, or told by its zero bytes) is transcoded to UTF-8 while streaming. Binary files
 *       (a zero byte, control characters, the magic numbers of Excel, zip, PDF, images) are refused
 *       with a message saying what they are.</li>
 *   <li><b>Format.</b> From the first 64 KB, unless {@link ImportOptions#format()} forces one:
 *       JSON exports (Graphite, Prometheus, CloudWatch, Datadog; {@link JsonExportReader}), InfluxDB
 *       annotated CSV ({@link InfluxCsvReader}), Graphite raw ({@link GraphiteRawReader}), else
 *       delimited text ({@link CsvLayout}, {@link CsvTrafficReader}, also Grafana and Graphite CSV).</li>
 *   <li><b>Series.</b> The reader buffers the series the options choose ({@link SeriesSelector}).</li>
 *   <li><b>Grid.</b> {@link GridBuilder} sorts, detects the metric kind, merges, resamples, and
 *       reports gaps and flat stretches.</li>
 * </ol>
 * Every row read is used, merged into a step, or skipped with a warning; {@link SourceInfo} counts them.
 */
public final class TrafficImporter {

    /** How much of the start of a file format detection looks at. */
    static final int HEAD_BYTES = 64 * 1024;

    private static final Pattern GRAPHITE_RAW = Pattern.compile("^[^,|\\s][^|\\r\\n]*,\\d+,\\d+,\\d+\\|");

    private TrafficImporter() {
    }

    /** Reads a file; the user's file is only ever opened for reading. */
    public static ImportResult read(Path file, ImportOptions options) throws ImportException, IOException {
        return read(file, options, ImportMonitor.NONE);
    }

    /**
     * Reads a file with progress and cancellation.
     *
     * @throws CancellationException when the monitor cancels
     */
    public static ImportResult read(Path file, ImportOptions options, ImportMonitor monitor)
            throws ImportException, IOException {
        String name = displayName(file);
        long size;
        try {
            if (Files.isDirectory(file)) {
                throw new ImportException(name, 0, 0, "is a folder, not a file");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, 0, 0, "file not found: " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ)) {
            return read(in, name, size, options, monitor);
        } catch (AccessDeniedException e) {
            throw new ImportException(name, 0, 0, "not allowed to read " + file.toAbsolutePath());
        }
    }

    /**
     * Reads from a stream.
     *
     * @param source the name used in messages, usually the file name
     * @param size   the stream's length in bytes for progress, or -1 when unknown
     */
    public static ImportResult read(InputStream in, String source, long size, ImportOptions options,
                                    ImportMonitor monitor) throws ImportException, IOException {
        return read(in, source, size, options, monitor, unpackedLimit(), rowLimit());
    }

    /** Reads from a stream with explicit limits on unpacked bytes and lines (tests use small ones). */
    static ImportResult read(InputStream in, String source, long size, ImportOptions options, ImportMonitor monitor,
                             long byteLimit, long lineLimit) throws ImportException, IOException {
        try {
            return readStream(in, source, size, options, monitor, byteLimit, lineLimit);
        } catch (InputTooLarge e) {
            throw new ImportException(source, 0, 0, e.getMessage());
        }
    }

    /**
     * The most bytes a compressed file may unpack to: half the heap Java may use (the values and
     * times read take about as much memory again). A gzip bomb is refused, not followed.
     */
    static long unpackedLimit() {
        return Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 2);
    }

    /** A compressed input unpacked beyond {@link #unpackedLimit()}. */
    private static final class InputTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        InputTooLarge(String message) {
            super(message);
        }
    }

    /**
     * The most lines read: the readers hold about 20 bytes per row and grow their arrays by half,
     * so a row may cost some 60 bytes at the peak; a sixth of the heap's worth of rows leaves room
     * for the grid and the analysis (13 million rows with -Xmx1g).
     */
    static long rowLimit() {
        return Math.max(1_000_000L, Runtime.getRuntime().maxMemory() / 80);
    }

    /** Counts bytes (of a decompressor) and lines, and stops at the limits. */
    private static final class Limited extends java.io.FilterInputStream {
        private final long byteLimit;
        private final long lineLimit;
        private long bytes;
        private long newlines;
        private long returns;

        Limited(InputStream in, long byteLimit, long lineLimit) {
            super(in);
            this.byteLimit = byteLimit;
            this.lineLimit = lineLimit;
        }

        private void count(byte[] b, int off, int n) throws InputTooLarge {
            if (n <= 0) {
                return;
            }
            bytes += n;
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    newlines++;
                } else if (b[i] == '\r') {
                    returns++;
                }
            }
            long max = Runtime.getRuntime().maxMemory() >> 20;
            if (bytes > byteLimit) {
                throw new InputTooLarge(String.format(java.util.Locale.ROOT, "the compressed file unpacks to more than "
                        + "%,d MiB, the limit for the %,d MiB of memory Java has here; unpack a shorter range, "
                        + "or give Java more memory (java -Xmx4g -jar ...)", byteLimit >> 20, max));
            }
            if (Math.max(newlines, returns) > lineLimit) {
                throw new InputTooLarge(String.format(java.util.Locale.ROOT, "more than %,d lines, the limit for the "
                        + "%,d MiB of memory Java has here; import a shorter range, or give Java more memory "
                        + "(java -Xmx4g -jar ...)", lineLimit, max));
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(b, off, n);
            return n;
        }
    }

    private static ImportResult readStream(InputStream in, String source, long size, ImportOptions options,
                                           ImportMonitor monitor, long byteLimit, long lineLimit)
            throws ImportException, IOException {
        Warnings warnings = new Warnings();
        // Every input is counted: lines against the heap's limit (a gzip file also by its unpacked bytes).
        Input input = Input.open(new Limited(new Monitored(in, size, monitor), Long.MAX_VALUE, lineLimit), source,
                byteLimit, lineLimit);
        ImportFormat format = options.format();
        SourceKind kind = detect(input, format, source);
        SeriesSelector selector = new SeriesSelector(options, estimateRows(input, size));
        Read read = switch (kind) {
            case JSON -> {
                JsonExportReader.Outcome o = JsonExportReader.read(input.stream, source, options, format, selector,
                        warnings);
                yield new Read(new ReadCounts(o.points(), o.skipped()), o.formatId(),
                        o.description() + ", " + input.encoding, o.timestampFormat(), o.columns(), o.columns().get(0),
                        null, null);
            }
            case GRAPHITE_RAW -> new Read(GraphiteRawReader.read(input.stream, source, selector, warnings),
                    "graphite-raw", "Graphite render API raw, " + input.encoding, "epoch seconds (start and step)",
                    List.of("name", "start", "end", "step", "values"), "name", null, null);
            case INFLUX -> new Read(InfluxCsvReader.read(input.stream, source, options, selector, warnings), "influx",
                    "InfluxDB annotated CSV, " + input.encoding, "ISO-8601 (RFC 3339)",
                    List.of("_time", "_value", "_field", "_measurement"), "_time", null, null);
            case DELIMITED -> readDelimited(input, source, size, options, selector, warnings);
        };
        monitor.progress(1.0);
        long rowsRead = read.counts().rowsRead();
        if (rowsRead == 0) {
            throw new ImportException(source, 0, 0, "no data rows: expected a header line and rows of timestamp,value");
        }
        List<SeriesData> chosen = selector.finish(source, warnings);
        List<String> selectedNames = new ArrayList<>();
        chosen.forEach(s -> selectedNames.add(s.name));
        String name = chosen.size() == 1 ? chosen.get(0).name : String.join(" + ", selectedNames);
        GridBuilder.Grid grid = GridBuilder.build(source, chosen, name, options, warnings);
        long repeats = read.csv() == null ? 0 : read.csv().repeats().count();
        long merged = grid.rowsMerged() + repeats;
        long skipped = grid.rowsSkipped() + read.counts().skipped() + selector.droppedRows();
        if (grid.rowsUsed() + merged + skipped != rowsRead) {
            // A reader's count went wrong: say so rather than publish counts that do not add up.
            warnings.addFile("row counts do not add up (" + rowsRead + " read); please report this file");
            skipped = rowsRead - grid.rowsUsed() - merged;
        }
        List<ColumnRole> roles = List.of();
        Optional<DateOrder> order = Optional.empty();
        String orderNote = "";
        String timestampFormat = read.timestampFormat();
        if (read.layout() != null) {
            CsvLayout layout = read.layout();
            CsvTrafficReader.Outcome o = read.csv();
            order = o.dateOrder();
            orderNote = o.dateOrderNote();
            timestampFormat = o.timestampFormat();
            roles = layout.roles(selector.usedNames());
            TableWarnings.addAfterReading(layout, o, grid, rowsRead, selector, warnings);
        }
        ImportDetails details = new ImportDetails(read.description(), input.encoding, timestampFormat, order,
                orderNote, selector.available(), selector.usedNames(), grid.kind().kind(), grid.kind().reason(),
                grid.spacing(), grid.resampled(), grid.gapCount(), grid.flagged(), roles);
        SourceInfo info = new SourceInfo(source, read.formatId(), read.columns(), read.timeColumn(), name, rowsRead,
                grid.rowsUsed(), merged, Math.max(0, skipped));
        // One policy for impossible values (negative, infinite, absurdly large; all zero): ValuePolicy.
        org.lowtide.traffic.TrafficSeries series = ValuePolicy.apply(grid.series(), source, warnings);
        return new ImportResult(series, info, warnings.list(), details);
    }

    /** The kinds of source, each with its own reader. */
    private enum SourceKind { JSON, INFLUX, GRAPHITE_RAW, DELIMITED }

    /** What one reader produced: its counts and how it describes the source; for delimited text also its layout. */
    private record Read(ReadCounts counts, String formatId, String description, String timestampFormat,
                        List<String> columns, String timeColumn, CsvLayout layout, CsvTrafficReader.Outcome csv) {
    }

    private static Read readDelimited(Input input, String source, long size, ImportOptions options,
                                      SeriesSelector selector, Warnings warnings) throws ImportException, IOException {
        ImportFormat format = options.format();
        if (format == ImportFormat.PROMETHEUS || format == ImportFormat.CLOUDWATCH || format == ImportFormat.DATADOG) {
            throw new ImportException(source, 0, 0, "expected " + format.id() + " JSON, but the file does"
                    + " not start with '{' or '['");
        }
        CsvLayout layout = CsvLayout.detect(input.head, input.headComplete, source, options, input.textCharset);
        for (String note : layout.notes()) {
            warnings.addFile(note);
        }
        if (layout.preambleLines() > 0) {
            warnings.add("preamble", layout.preambleFirst(), 0, layout.preambleLines()
                    + (layout.preambleLines() == 1 ? " line" : " lines") + " before the "
                    + (layout.headerLine() > 0 ? "header" : "data") + " skipped (a title or preamble)");
        }
        CsvTrafficReader.Outcome o = CsvTrafficReader.read(input.stream, source, layout, options, selector,
                warnings, estimateRows(input, size));
        return new Read(new ReadCounts(o.rowsRead(), o.skipped()), layout.formatId(),
                layout.describe(input.encoding), o.timestampFormat(), layout.columns(), layout.timeNames(), layout, o);
    }

    /** Reads text from a reader (it is encoded as UTF-8 and read like a file). */
    public static ImportResult read(Reader reader, String source, ImportOptions options)
            throws ImportException, IOException {
        return read(new EncodingStream(reader, StandardCharsets.UTF_8), source, -1, options, ImportMonitor.NONE);
    }

    /**
     * Looks at the start of a file without importing it: its first lines as text and the format
     * that would be read. For a preview before the import.
     *
     * @param maxLines how many lines to return at most
     */
    public static ImportPreview preview(Path file, int maxLines) throws ImportException, IOException {
        String name = displayName(file);
        if (!Files.isRegularFile(file)) {
            throw new ImportException(name, 0, 0, Files.exists(file) ? "is not a regular file"
                    : "file not found: " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ)) {
            Input input = Input.open(in, name, unpackedLimit(), rowLimit());
            SourceKind kind = detect(input, ImportFormat.AUTO, name);
            String text = new String(input.head, input.textCharset);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\r\n|\r|\n", -1)) {
                if (lines.size() >= maxLines) {
                    break;
                }
                lines.add(line.length() > 400 ? line.substring(0, 400) + " …" : line);
            }
            if (!lines.isEmpty() && ((!input.headComplete && lines.size() < maxLines)
                    || lines.get(lines.size() - 1).isEmpty())) {
                lines.remove(lines.size() - 1); // cut by the end of the head, or after the last line break
            }
            ImportFormat format = switch (kind) {
                case GRAPHITE_RAW -> ImportFormat.GRAPHITE;
                case INFLUX -> ImportFormat.INFLUX;
                case JSON -> jsonFormat(text);
                case DELIMITED -> ImportFormat.CSV;
            };
            return new ImportPreview(name, Files.size(file), input.encoding, format, lines);
        }
    }

    private static ImportFormat jsonFormat(String head) {
        if (head.stripLeading().startsWith("[")) {
            return ImportFormat.GRAPHITE;
        }
        if (head.contains("\"Datapoints\"") || head.contains("\"MetricDataResults\"")) {
            return ImportFormat.CLOUDWATCH;
        }
        if (head.contains("\"results\"") && head.contains("\"statement_id\"")) {
            return ImportFormat.INFLUX;
        }
        if (head.contains("\"pointlist\"") || head.contains("\"series\"")) {
            return ImportFormat.DATADOG;
        }
        if (head.contains("\"resultType\"") || head.contains("\"data\"")) {
            return ImportFormat.PROMETHEUS;
        }
        return ImportFormat.AUTO;
    }

    private static String displayName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** @return which reader the source needs */
    private static SourceKind detect(Input input, ImportFormat forced, String source) throws ImportException {
        byte[] h = input.head;
        int i = 0;
        while (i < h.length && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) {
            i++;
        }
        if (i == h.length) {
            throw new ImportException(source, 0, 0, h.length == 0 ? "the file is empty" : "the file holds only blank"
                    + " lines");
        }
        boolean json = h[i] == '{' || h[i] == '[';
        String firstLines = firstLines(h, 12);
        if (forced == ImportFormat.INFLUX) {
            return json ? SourceKind.JSON : SourceKind.INFLUX;
        }
        if (forced == ImportFormat.CSV || forced == ImportFormat.GRAFANA) {
            return SourceKind.DELIMITED;
        }
        if (json && (forced == ImportFormat.AUTO || forced == ImportFormat.GRAPHITE
                || forced == ImportFormat.PROMETHEUS || forced == ImportFormat.CLOUDWATCH
                || forced == ImportFormat.DATADOG)) {
            return SourceKind.JSON;
        }
        String first = firstLines.strip();
        if (forced == ImportFormat.AUTO && (first.startsWith("#datatype") || first.startsWith("#group")
                || first.startsWith("#default") || first.startsWith(",result,table,") || first.startsWith("result,table,"))) {
            return SourceKind.INFLUX;
        }
        if ((forced == ImportFormat.AUTO || forced == ImportFormat.GRAPHITE) && GRAPHITE_RAW.matcher(first).find()) {
            return SourceKind.GRAPHITE_RAW;
        }
        return SourceKind.DELIMITED;
    }

    private static String firstLines(byte[] head, int count) {
        int end = 0;
        int lines = 0;
        while (end < head.length && lines < count) {
            if (head[end] == '\n') {
                lines++;
            }
            end++;
        }
        return new String(head, 0, end, StandardCharsets.UTF_8);
    }

    /** Rows to expect, from the file size and the length of the first lines (to size arrays once). */
    private static int estimateRows(Input input, long size) {
        if (size <= 0) {
            return 1024;
        }
        int lines = 0;
        for (byte b : input.head) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        if (lines == 0) {
            return 1024;
        }
        double bytesPerLine = (double) input.head.length / lines;
        // Never pre-size beyond what the heap holds: up front a row costs 4 bytes in the readers' arrays
        // (a float; times and lines are computed while they are regular: SeriesData), counted as 8
        // here, so at most a sixth of the heap is taken up front; the arrays grow as rows really arrive.
        // (It was 20 bytes a row, which cut ten million rows at 8.6 M and grew the arrays once more.)
        long heapRows = Runtime.getRuntime().maxMemory() / 6 / 8;
        return (int) Math.min(Math.min(150_000_000L, heapRows),
                Math.max(1024L, (long) (size / bytesPerLine * 1.02) + 16));
    }

    // ------------------------------------------------------------------ the byte stream

    /** A stream opened for reading: UTF-8 bytes after any BOM, and its first bytes for detection. */
    private static final class Input {
        InputStream stream;
        byte[] head;
        boolean headComplete;
        String encoding = "UTF-8";
        Charset textCharset = StandardCharsets.UTF_8;

        static Input open(InputStream raw, String source, long byteLimit, long lineLimit)
                throws ImportException, IOException {
            Input input = new Input();
            byte[] head = readHead(raw, HEAD_BYTES);
            InputStream rest = raw;
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                try {
                    rest = new Limited(new GZIPInputStream(new SequenceInputStream(new ByteArrayInputStream(head), raw),
                            1 << 16), byteLimit, lineLimit);
                    head = readHead(rest, HEAD_BYTES);
                } catch (ZipException e) {
                    throw new ImportException(source, 0, 0, "a damaged gzip file: " + e.getMessage());
                }
                input.encoding = "gzip, ";
            } else {
                input.encoding = "";
            }
            refuseBinary(head, source);
            int skip = 0;
            Charset utf16 = null;
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                skip = 3;
                input.encoding += "UTF-8 with BOM";
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
                skip = 2;
                utf16 = StandardCharsets.UTF_16LE;
                input.encoding += "UTF-16LE with BOM";
            } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
                skip = 2;
                utf16 = StandardCharsets.UTF_16BE;
                input.encoding += "UTF-16BE with BOM";
            } else if (looksUtf16(head, 1)) {
                utf16 = StandardCharsets.UTF_16LE;
                input.encoding += "UTF-16LE";
            } else if (looksUtf16(head, 0)) {
                utf16 = StandardCharsets.UTF_16BE;
                input.encoding += "UTF-16BE";
            } else {
                input.encoding += "UTF-8";
            }
            boolean complete = head.length < HEAD_BYTES;
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), rest);
            if (utf16 != null) {
                whole = new EncodingStream(new InputStreamReader(whole, utf16), StandardCharsets.UTF_8);
                head = readHead(whole, HEAD_BYTES);
                complete = head.length < HEAD_BYTES;
                whole = new SequenceInputStream(new ByteArrayInputStream(head), whole);
            } else {
                byte[] h = new byte[head.length - skip];
                System.arraycopy(head, skip, h, 0, h.length);
                head = h;
                if (!validUtf8(head, complete)) {
                    input.textCharset = Charset.forName("windows-1252");
                    input.encoding = input.encoding.replace("UTF-8", "Windows-1252 (not UTF-8)");
                }
            }
            for (byte b : head) {
                if (b == 0) {
                    throw new ImportException(source, 0, 0, "not a text file (it contains zero bytes); expected CSV"
                            + " or JSON text");
                }
            }
            input.head = head;
            input.headComplete = complete;
            input.stream = whole;
            return input;
        }

        private static boolean looksUtf16(byte[] head, int zeroAt) {
            int pairs = Math.min(head.length / 2, 256);
            if (pairs < 4) {
                return false;
            }
            int zeros = 0;
            for (int k = 0; k < pairs; k++) {
                if (head[2 * k + zeroAt] == 0 && head[2 * k + 1 - zeroAt] != 0) {
                    zeros++;
                }
            }
            return zeros >= 0.9 * pairs;
        }

        private static boolean validUtf8(byte[] head, boolean complete) {
            int len = head.length;
            if (!complete) {
                len = Math.max(0, len - 4); // a character may be cut by the end of the head
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, len));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        private static void refuseBinary(byte[] head, String source) throws ImportException {
            String what = magic(head);
            if (what != null) {
                throw new ImportException(source, 0, 0, what);
            }
            if (head.length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                    || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
                return; // UTF-16 with BOM: zero bytes are expected
            }
            if (looksUtf16(head, 0) || looksUtf16(head, 1)) {
                return;
            }
            int control = 0;
            for (byte b : head) {
                int c = b & 0xff;
                if (c == 0) {
                    throw new ImportException(source, 0, 0, "not a text file (it contains zero bytes); expected CSV"
                            + " or JSON text");
                }
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    control++;
                }
            }
            if (control > 0 && control * 100 > head.length) {
                throw new ImportException(source, 0, 0, "not a text file (" + control + " control characters in"
                        + " its first " + head.length + " bytes); expected CSV or JSON text");
            }
        }

        private static String magic(byte[] h) {
            if (starts(h, 'P', 'K', 3, 4)) {
                String head = new String(h, StandardCharsets.ISO_8859_1);
                if (head.contains("xl/") || head.contains("[Content_Types].xml")) {
                    return "an Excel workbook (.xlsx), not text: save the sheet as CSV and open that";
                }
                return "a zip archive: unpack it and open the CSV or JSON inside";
            }
            if (starts(h, 0xD0, 0xCF, 0x11, 0xE0)) {
                return "an old Excel workbook (.xls), not text: save the sheet as CSV and open that";
            }
            if (starts(h, '%', 'P', 'D', 'F')) {
                return "a PDF document, not traffic data: export the data as CSV";
            }
            if (starts(h, 0x89, 'P', 'N', 'G') || starts(h, 0xFF, 0xD8, 0xFF) || starts(h, 'G', 'I', 'F', '8')) {
                return "an image, not traffic data: export the data behind the chart as CSV";
            }
            if (starts(h, 'P', 'A', 'R', '1')) {
                return "a Parquet file, which Lowtide does not read: export it as CSV";
            }
            if (starts(h, 'S', 'Q', 'L', 'i', 't', 'e')) {
                return "an SQLite database, not an export: export the table as CSV";
            }
            return null;
        }

        private static boolean starts(byte[] h, int... bytes) {
            if (h.length < bytes.length) {
                return false;
            }
            for (int k = 0; k < bytes.length; k++) {
                if ((h[k] & 0xff) != bytes[k]) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] readHead(InputStream in, int max) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
            byte[] buffer = new byte[8192];
            while (out.size() < max) {
                int n = in.read(buffer, 0, Math.min(buffer.length, max - out.size()));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Counts bytes for progress and asks for cancellation every 256 KB. */
    private static final class Monitored extends FilterInputStream {
        private final long size;
        private final ImportMonitor monitor;
        private long read;
        private long reported;

        Monitored(InputStream in, long size, ImportMonitor monitor) {
            super(in);
            this.size = size;
            this.monitor = monitor;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read - reported >= 256 * 1024) {
                reported = read;
                if (monitor.isCancelled()) {
                    throw new CancellationException("import cancelled");
                }
                monitor.progress(size > 0 ? Math.min(1.0, (double) read / size) : -1);
            }
        }
    }

    /** Encodes the characters of a reader as bytes of a charset, streaming. */
    private static final class EncodingStream extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder;
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(32 * 1024);
        private boolean eof;

        EncodingStream(Reader reader, Charset charset) {
            this.reader = reader;
            this.encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!bytes.hasRemaining()) {
                if (eof && !chars.hasRemaining()) {
                    return -1;
                }
                refill();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        private void refill() throws IOException {
            chars.compact();
            if (!eof) {
                int n = reader.read(chars);
                if (n < 0) {
                    eof = true;
                }
            }
            chars.flip();
            bytes.clear();
            encoder.encode(chars, bytes, eof);
            if (eof && !chars.hasRemaining()) {
                encoder.flush(bytes);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
