package org.lowtide.traffic.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one line of delimited text (UTF-8 bytes) into fields without allocating: field {@code i}
 * is {@code buffer()[start(i), end(i))}. Double quotes follow RFC 4180 (a quote inside a quoted
 * field is doubled); spaces around a field outside quotes are trimmed. A line without quotes is
 * split in place; a line with quotes is unescaped into a scratch buffer that is reused.
 *
 * <p>One instance per reader; not thread-safe.
 */
final class DelimitedLine {

    /** The delimiters Lowtide recognises, in the order preferred when several fit equally well. */
    static final byte[] CANDIDATES = {'\t', ';', '|', ','};

    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private byte[] scratch = new byte[256];
    private byte[] fields;

    /**
     * Splits {@code line[from, to)}.
     *
     * @return the number of fields (at least 1)
     * @throws UnclosedQuoteException when a quoted field is never closed
     */
    int split(byte[] line, int from, int to, byte delimiter) {
        count = 0;
        for (int i = from; i < to; i++) {
            if (line[i] == '"') {
                return splitQuoted(line, from, to, delimiter);
            }
        }
        fields = line;
        int fieldStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || line[i] == delimiter) {
                int s = fieldStart;
                int e = i;
                while (s < e && line[s] == ' ') {
                    s++;
                }
                while (e > s && line[e - 1] == ' ') {
                    e--;
                }
                add(s, e);
                fieldStart = i + 1;
            }
        }
        return count;
    }

    private int splitQuoted(byte[] line, int from, int to, byte delimiter) {
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, scratch.length * 2)];
        }
        byte[] out = scratch;
        int o = 0;
        int i = from;
        while (true) {
            while (i < to && line[i] == ' ') {
                i++;
            }
            int fieldStart = o;
            if (i < to && line[i] == '"') {
                int column = count + 1;
                i++;
                boolean closed = false;
                while (i < to) {
                    byte c = line[i];
                    if (c == '"') {
                        if (i + 1 < to && line[i + 1] == '"') {
                            out[o++] = '"';
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    out[o++] = c;
                    i++;
                }
                if (!closed) {
                    throw new UnclosedQuoteException(column);
                }
                while (i < to && line[i] != delimiter) {
                    i++; // text after a closing quote is not part of the value
                }
                add(fieldStart, o);
            } else {
                while (i < to && line[i] != delimiter) {
                    out[o++] = line[i++];
                }
                int e = o;
                while (e > fieldStart && out[e - 1] == ' ') {
                    e--;
                }
                add(fieldStart, e);
            }
            if (i >= to) {
                fields = out;
                return count;
            }
            i++; // the delimiter
        }
    }

    private void add(int s, int e) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        count++;
    }

    /** @return the bytes the fields of the last split live in */
    byte[] buffer() {
        return fields;
    }

    int count() {
        return count;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    boolean isEmpty(int field) {
        return field >= count || starts[field] == ends[field];
    }

    /** @return field {@code i} as text (allocates: for headers, messages and labels, not per value) */
    String text(int field) {
        if (field >= count) {
            return "";
        }
        return new String(fields, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    /**
     * Counts the fields of a line for delimiter detection, ignoring delimiters inside quotes.
     *
     * @return the number of fields, or -1 when a quote is left open
     */
    static int countFields(byte[] line, int from, int to, byte delimiter) {
        int n = 1;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte c = line[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return quoted ? -1 : n;
    }

    /** A quoted field runs to the end of the line. */
    static final class UnclosedQuoteException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int column;

        UnclosedQuoteException(int column) {
            super("a quoted field is never closed (fields spanning lines are not supported)");
            this.column = column;
        }

        /** @return the 1-based column whose quote is not closed */
        int column() {
            return column;
        }
    }
}
