package org.lowtide.traffic.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects import warnings, keeping the first few of each kind with their lines and counting
 * the rest, so that a file with a million bad rows does not produce a million messages. Hot
 * loops ask {@link #accept} before building a message.
 */
final class Warnings {

    static final int KEPT_PER_KIND = 20;

    private final List<ImportWarning> kept = new ArrayList<>();
    private final List<ImportWarning> fileNotes = new ArrayList<>();
    private final List<ImportWarning> headlines = new ArrayList<>();
    private final Map<String, long[]> counts = new HashMap<>();
    private final Map<String, String> example = new LinkedHashMap<>();

    /** Adds a warning of a kind (counted; kept while fewer than {@link #KEPT_PER_KIND} of the kind are). */
    void add(String kind, long line, int column, String message) {
        if (accept(kind)) {
            keep(kind, line, column, message);
        }
    }

    /** Counts one warning of {@code kind}; @return whether its message should be built and {@link #keep kept} */
    boolean accept(String kind) {
        long[] n = counts.computeIfAbsent(kind, k -> new long[1]);
        n[0]++;
        return n[0] <= KEPT_PER_KIND;
    }

    /** Keeps a warning that {@link #accept} let through. */
    void keep(String kind, long line, int column, String message) {
        kept.add(new ImportWarning(Math.max(0, line), Math.max(0, column), message));
        example.put(kind, message);
    }

    /** Adds a note on the file as a whole (line 0). */
    void addFile(String message) {
        fileNotes.add(ImportWarning.ofFile(message));
    }

    /** Adds a note on the file as a whole that goes before every other warning (the import's main caveat). */
    void addHeadline(String message) {
        headlines.add(ImportWarning.ofFile(message));
    }

    /** @return how many warnings of a kind were counted */
    long count(String kind) {
        long[] n = counts.get(kind);
        return n == null ? 0 : n[0];
    }

    /** @return the headlines, the kept warnings by line, the notes on the file, then how many more of each kind */
    List<ImportWarning> list() {
        List<ImportWarning> all = new ArrayList<>(kept);
        all.sort((a, b) -> Long.compare(a.line(), b.line()));
        all.addAll(0, headlines);
        all.addAll(fileNotes);
        example.forEach((kind, message) -> {
            long n = count(kind);
            if (n > KEPT_PER_KIND) {
                all.add(ImportWarning.ofFile((n - KEPT_PER_KIND) + " more like: " + message));
            }
        });
        return all;
    }
}
