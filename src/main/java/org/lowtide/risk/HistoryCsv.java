package org.lowtide.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowtide.traffic.imports.ImportException;

/**
 * A small RFC 4180 reader for history tables (incidents, deploys): UTF-8 with or without a byte
 * order mark, the delimiter sniffed from the header line ({@code ,} {@code ;} or tab), quoted
 * fields that may hold the delimiter, doubled quotes and line breaks, and every row with the
 * line it starts on. Lines starting with {@code #} before the header are comments.
 */
final class HistoryCsv {

    /** One data row. @param line 1-based line the row starts on */
    record Row(long line, List<String> fields) {
        String get(int column) {
            return column >= 0 && column < fields.size() ? fields.get(column).trim() : "";
        }
    }

    /** A read table. @param header the header's names, trimmed */
    record Table(String source, char delimiter, List<String> header, List<Row> rows) {
        /** @return the first column whose normalised name is one of {@code names}, or -1 */
        int column(String... names) {
            for (String n : names) {
                for (int i = 0; i < header.size(); i++) {
                    if (normalise(header.get(i)).equals(normalise(n))) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }

    private HistoryCsv() {
    }

    /** Lower case, letters and digits only: {@code "Created On"}, {@code created_on} and {@code createdOn} agree. */
    static String normalise(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static Table read(Path file) throws IOException, ImportException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    static Table parse(String text, String source) throws ImportException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int pos = 0;
        long line = 1;
        // comments and blank lines before the header
        while (pos < text.length()) {
            int eol = lineEnd(text, pos);
            String l = text.substring(pos, eol).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                break;
            }
            pos = next(text, eol);
            line++;
        }
        if (pos >= text.length()) {
            throw new ImportException(source, 0, 0, "the file is empty: expected a header line and one row per entry");
        }
        String headerLine = text.substring(pos, lineEnd(text, pos));
        char delimiter = sniff(headerLine);
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        long rowLine = line;
        boolean rowHasContent = false;
        for (int i = pos; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    if (i == text.length()) {
                        throw new ImportException(source, rowLine, fields.size() + 1,
                                "a quoted field is never closed: expected a closing \"");
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
                rowHasContent = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                rowHasContent = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                boolean blank = !rowHasContent && fields.size() == 1 && fields.get(0).isBlank();
                if (first) {
                    fields.forEach(f -> header.add(f.trim()));
                    first = false;
                } else if (!blank && !fields.get(0).trim().startsWith("#")) {
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields = new ArrayList<>();
                rowHasContent = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                if (!Character.isWhitespace(c)) {
                    rowHasContent = true;
                }
            }
        }
        return new Table(source, delimiter, List.copyOf(header), List.copyOf(rows));
    }

    private static char sniff(String header) {
        int commas = count(header, ',');
        int semis = count(header, ';');
        int tabs = count(header, '\t');
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        return semis > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean q = false;
        for (char x : s.toCharArray()) {
            if (x == '"') {
                q = !q;
            } else if (x == c && !q) {
                n++;
            }
        }
        return n;
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int next(String text, int eol) {
        if (eol < text.length() && text.charAt(eol) == '\r' && eol + 1 < text.length() && text.charAt(eol + 1) == '\n') {
            return eol + 2;
        }
        return eol + 1;
    }
}
