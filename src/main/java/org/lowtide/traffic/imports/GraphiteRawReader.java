package org.lowtide.traffic.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads Graphite's render API {@code format=raw}: one line per series,
 * {@code name,start,end,step|v1,v2,…} with epoch-second times and {@code None} for no value.
 */
final class GraphiteRawReader {

    private GraphiteRawReader() {
    }

    /** @return the number of points read (each a "row") and how many series' points were not wanted */
    static ReadCounts read(InputStream in, String source, SeriesSelector selector, Warnings warnings)
            throws ImportException, IOException {
        LineReader lines = new LineReader(in, source);
        NumberStyle.Parser number = new NumberStyle.Parser(NumberStyle.PLAIN);
        long points = 0;
        long skipped = 0;
        while (lines.next()) {
            byte[] b = lines.buffer();
            int s = lines.start();
            int e = lines.end();
            long line = lines.lineNumber();
            while (s < e && (b[s] == ' ' || b[s] == '\t')) {
                s++;
            }
            if (s == e) {
                continue;
            }
            int bar = s;
            while (bar < e && b[bar] != '|') {
                bar++;
            }
            if (bar == e) {
                throw new ImportException(source, line, 0, "expected name,start,end,step|values (Graphite raw)");
            }
            long[] header = new long[3];
            int cut = bar;
            for (int k = 2; k >= 0; k--) {
                int comma = cut - 1;
                while (comma >= s && b[comma] != ',') {
                    comma--;
                }
                if (comma < s) {
                    throw new ImportException(source, line, 0, "expected name,start,end,step before '|' (Graphite raw)");
                }
                String field = new String(b, comma + 1, cut - comma - 1, StandardCharsets.UTF_8).trim();
                try {
                    header[k] = Long.parseLong(field);
                } catch (NumberFormatException ex) {
                    throw new ImportException(source, line, 0, "cannot read '" + field + "' as epoch seconds"
                            + " (Graphite raw: name,start,end,step|values)");
                }
                cut = comma;
            }
            String name = new String(b, s, cut - s, StandardCharsets.UTF_8).trim();
            long start = header[0];
            long step = header[2];
            if (step <= 0 || start < 0 || start > 10_000_000_000L || step > 100_000_000L) {
                throw new ImportException(source, line, 0, "a Graphite raw series needs a positive step and an epoch"
                        + " start; found start " + start + ", step " + step);
            }
            boolean wanted = selector.offer(name);
            SeriesData data = wanted ? new SeriesData(name) : null;
            int i = bar + 1;
            long k = 0;
            while (i <= e) {
                int j = i;
                while (j < e && b[j] != ',') {
                    j++;
                }
                double v = number.parse(b, i, j);
                if (number.status() != NumberStyle.Status.NUMBER) {
                    if (number.status() == NumberStyle.Status.INVALID) {
                        warnings.add("invalid", line, 0, "cannot read '" + new String(b, i, j - i, StandardCharsets.UTF_8)
                                + "' as a number (value " + (k + 1) + " of " + name + "); the point stays missing");
                    } else {
                        warnings.add("none", line, 0, "value " + (k + 1) + " of " + name + " is '"
                                + new String(b, i, j - i, StandardCharsets.UTF_8).trim() + "'; the point stays missing");
                    }
                    v = Double.NaN;
                }
                if (data != null) {
                    data.add((start + k * step) * 1000L, v, line);
                } else {
                    skipped++;
                }
                points++;
                k++;
                i = j + 1;
            }
            if (data != null) {
                selector.keep(data);
            } else {
                selector.countOther(k);
            }
        }
        return new ReadCounts(points, skipped);
    }
}
