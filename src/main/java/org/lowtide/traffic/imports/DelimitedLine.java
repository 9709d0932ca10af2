package org.lowtide.traffic.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of delimited text into fields, honouring double quotes (RFC 4180: a quote
 * inside a quoted field is doubled). Fields are trimmed of surrounding spaces outside quotes.
 */
final class DelimitedLine {

    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private DelimitedLine() {
    }

    /**
     * @return the delimiter that occurs most often outside quotes in {@code line}; a comma when
     *         none occurs
     */
    static char detectDelimiter(String line) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : CANDIDATES) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * @return the fields of {@code line}
     * @throws UnclosedQuoteException when a quoted field is never closed
     */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>(4);
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        int column = 1;
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                int openedAt = column;
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (!closed) {
                    throw new UnclosedQuoteException(openedAt);
                }
                while (i < n && line.charAt(i) != delimiter) {
                    i++; // text after a closing quote is not part of the value
                }
            } else {
                int start = i;
                while (i < n && line.charAt(i) != delimiter) {
                    i++;
                }
                int end = i;
                while (end > start && line.charAt(end - 1) == ' ') {
                    end--;
                }
                field.append(line, start, end);
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // skip the delimiter
            column++;
        }
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
