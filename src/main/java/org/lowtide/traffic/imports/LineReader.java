package org.lowtide.traffic.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding it: a line ends at LF, CRLF or a lone CR (old
 * Mac files). The current line is {@code buffer()[start(), end())}, valid until the next call to
 * {@link #next()}. One buffer is reused, so reading allocates nothing per line.
 */
final class LineReader {

    /** A line longer than this is not a row of a table: the file is binary or has no line breaks. */
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final String source;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private long nextLine = 1;
    private boolean quoteAware;
    private int start;
    private int end;

    LineReader(InputStream in, String source) {
        this(in, source, 1 << 18);
    }

    LineReader(InputStream in, String source, int bufferSize) {
        this.in = in;
        this.source = source;
        this.buf = new byte[Math.max(16, bufferSize)];
    }

    /**
     * Makes a line break inside a double-quoted field part of the row (RFC 4180), so that one row
     * may span several physical lines. A quote opens a field only at the start of a line or after a
     * delimiter or space, so a stray inch mark inside a bare field does not swallow the file.
     * {@link #lineNumber()} stays the physical line where the row starts.
     */
    LineReader quoteAware() {
        this.quoteAware = true;
        return this;
    }

    /** @return whether there is another line; then {@link #buffer()}, {@link #start()}, {@link #end()} show it */
    boolean next() throws IOException, ImportException {
        while (true) {
            byte[] b = buf;
            int lim = limit;
            boolean inQuotes = false;
            long breaks = 0;
            for (int i = pos; i < lim; i++) {
                byte c = b[i];
                if (quoteAware && c == '"') {
                    if (inQuotes) {
                        inQuotes = false; // a doubled quote closes and reopens: same state after both
                    } else if (i == pos || opensField(b[i - 1])) {
                        inQuotes = true;
                    } else if (b[i - 1] == '"') {
                        inQuotes = true; // the second half of a doubled quote inside a quoted field
                    }
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 == lim && !eof) {
                        break; // a CR at the end of the buffer may be half of a CRLF: read on first
                    }
                    if (inQuotes) {
                        if (c == '\r' && i + 1 < lim && b[i + 1] == '\n') {
                            i++;
                        }
                        breaks++;
                        continue;
                    }
                    start = pos;
                    end = i;
                    pos = (c == '\r' && i + 1 < lim && b[i + 1] == '\n') ? i + 2 : i + 1;
                    lineNumber = nextLine;
                    nextLine += 1 + breaks;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    start = pos;
                    end = limit;
                    pos = limit;
                    lineNumber = nextLine;
                    nextLine += 1 + breaks;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private static boolean opensField(byte before) {
        return before == ',' || before == ';' || before == '\t' || before == '|' || before == ' ';
    }

    private void fill() throws IOException, ImportException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE_BYTES) {
                throw new ImportException(source, nextLine, 0, "line is longer than " + (MAX_LINE_BYTES >> 20)
                        + " MB: not a table of rows (a binary file, or a file without line breaks)");
            }
            byte[] bigger = new byte[Math.min(MAX_LINE_BYTES, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** @return the 1-based number of the current line */
    long lineNumber() {
        return lineNumber;
    }
}
