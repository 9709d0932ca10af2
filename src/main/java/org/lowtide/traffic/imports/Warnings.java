package org.lowtide.traffic.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects import warnings, keeping the first few of each kind with their lines and counting
 * the rest, so that a file with a million bad rows does not produce a million messages.
 */
final class Warnings {

    static final int KEPT_PER_KIND = 20;

    private final List<ImportWarning> kept = new ArrayList<>();
    private final Map<String, Long> counts = new HashMap<>();
    private final Map<String, String> lastMessage = new HashMap<>();

    void add(String kind, long line, int column, String message) {
        long n = counts.merge(kind, 1L, Long::sum);
        if (n <= KEPT_PER_KIND) {
            kept.add(new ImportWarning(line, column, message));
        }
        lastMessage.put(kind, message);
    }

    void addFile(String message) {
        kept.add(ImportWarning.ofFile(message));
    }

    List<ImportWarning> list() {
        List<ImportWarning> all = new ArrayList<>(kept);
        counts.forEach((kind, n) -> {
            if (n > KEPT_PER_KIND) {
                all.add(ImportWarning.ofFile((n - KEPT_PER_KIND) + " more like: " + lastMessage.get(kind)));
            }
        });
        return all;
    }
}
