package org.lowtide.traffic.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the series of a source as a reader meets them, and buffers rows only for the ones the
 * options ask for: the named ones ({@code --series}), all of them ({@code --sum}), or else the
 * first. Rows of the others are counted, not kept.
 */
final class SeriesSelector {

    private final List<String> wanted;
    private final boolean sum;
    private final Map<String, SeriesData> seen = new LinkedHashMap<>();
    private final Map<String, Boolean> decision = new LinkedHashMap<>();
    private final int capacity;
    private final List<String> usedNames = new ArrayList<>();
    private long otherRows;
    private long droppedRows;

    /** @param capacity initial row capacity of a buffered series (an estimate of the rows to come) */
    SeriesSelector(ImportOptions options, int capacity) {
        this.wanted = options.series();
        this.sum = options.sum();
        this.capacity = capacity;
    }

    /** @return the buffer for the series, or null when its rows are not wanted (then counted) */
    SeriesData get(String name) {
        SeriesData data = seen.get(name);
        if (data != null) {
            return data;
        }
        Boolean use = decision.get(name);
        if (use == null) {
            use = wants(name);
            decision.put(name, use);
            if (use) {
                // The first series may hold every row; the arrays of the others grow as they fill.
                data = new SeriesData(name, seen.isEmpty() ? capacity : 1024);
                seen.put(name, data);
                usedNames.add(name);
                return data;
            }
        }
        if (!use) {
            otherRows++;
        }
        return null;
    }

    /** Registers a series that is read whole by the format (it may still be unwanted). */
    boolean offer(String name) {
        if (!decision.containsKey(name)) {
            decision.put(name, wants(name));
        }
        return decision.get(name);
    }

    /**
     * Takes a series the reader built itself from the wanted series (e.g. a row-by-row sum of
     * value columns).
     */
    void adopt(SeriesData data, List<String> constituents) {
        seen.put(data.name, data);
        usedNames.addAll(constituents);
    }

    /** Buffers a whole series that {@link #offer} accepted. */
    void keep(SeriesData data) {
        seen.put(data.name, data);
        usedNames.add(data.name);
    }

    /** Counts rows of a series that is not wanted. */
    void countOther(long rows) {
        otherRows += rows;
    }

    /** Buffers a series named exactly, or one whose name contains a wanted name (settled in {@link #finish}). */
    private boolean wants(String name) {
        if (!wanted.isEmpty()) {
            for (String w : wanted) {
                if (matches(w, name) || contains(name, w)) {
                    return true;
                }
            }
            return false;
        }
        return sum || decision.values().stream().noneMatch(Boolean::booleanValue);
    }

    /** A wanted name matches a series exactly (ignoring case and surrounding space). */
    static boolean matches(String wanted, String name) {
        return wanted.trim().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean contains(String name, String wanted) {
        return name.toLowerCase(Locale.ROOT).contains(wanted.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The series a wanted name stands for: the one named exactly, else the only one whose name
     * contains it ({@code load1} for {@code system load1 host=a}).
     *
     * @throws ImportException when it names none, or several
     */
    static String resolve(String source, String wantedName, List<String> names) throws ImportException {
        for (String name : names) {
            if (matches(wantedName, name)) {
                return name;
            }
        }
        List<String> candidates = new ArrayList<>();
        for (String name : names) {
            if (contains(name, wantedName)) {
                candidates.add(name);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new ImportException(source, 0, 0, "no series named '" + wantedName + "'; the file holds "
                    + listed(names));
        }
        throw new ImportException(source, 0, 0, "'" + wantedName + "' matches several series: " + listed(candidates)
                + "; give the whole name");
    }

    /** @return the wanted series among {@code names}, in their order (for sources whose series are known up front) */
    List<String> resolveAll(String source, List<String> names) throws ImportException {
        List<String> chosen = new ArrayList<>();
        for (String w : wanted) {
            String name = resolve(source, w, names);
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        List<String> ordered = new ArrayList<>(names);
        ordered.retainAll(chosen);
        return ordered;
    }

    /** @return every series met, in order */
    List<String> available() {
        return new ArrayList<>(decision.keySet());
    }

    /** @return the buffered series, in order */
    List<SeriesData> buffered() {
        return new ArrayList<>(seen.values());
    }

    /** @return the names of the series that make the result */
    List<String> usedNames() {
        return List.copyOf(usedNames);
    }

    /** @return rows that were buffered for a series matched by part of its name and then left out */
    long droppedRows() {
        return droppedRows;
    }

    long otherRows() {
        return otherRows;
    }

    /**
     * Checks the choice after reading and reports what was left out.
     *
     * @return the series to put on the grid
     */
    List<SeriesData> finish(String source, Warnings warnings) throws ImportException {
        List<String> all = available();
        if (!wanted.isEmpty()) {
            // Settle names that were matched by a part: keep what each wanted name stands for.
            List<String> keep = resolveAll(source, all);
            for (String name : new ArrayList<>(seen.keySet())) {
                if (!keep.contains(name) && usedNames.contains(name)) {
                    SeriesData dropped = seen.remove(name);
                    usedNames.remove(name);
                    otherRows += dropped.size;
                    droppedRows += dropped.size;
                }
            }
        }
        List<SeriesData> chosen = buffered();
        if (chosen.isEmpty()) {
            throw new ImportException(source, 0, 0, "no data rows: nothing to analyse");
        }
        if (usedNames.size() > 1 && !sum) {
            throw new ImportException(source, 0, 0, "several series chosen (" + String.join(", ", usedNames)
                    + "): choose one, or add --sum to add them up");
        }
        List<String> others = new ArrayList<>(all);
        others.removeAll(usedNames);
        if (!others.isEmpty()) {
            String note = "the file holds " + all.size() + " series; used " + (usedNames.size() == 1
                    ? usedNames.get(0) : "the sum of " + String.join(" + ", usedNames)) + ", not " + listed(others)
                    + " (choose with --series NAME, or add them up with --sum)";
            if (otherRows > 0) {
                note += "; " + otherRows + " rows of those were skipped";
            }
            warnings.addFile(note);
        }
        return chosen;
    }

    static String listed(List<String> names) {
        if (names.size() <= 12) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 12)) + " and " + (names.size() - 12) + " more";
    }
}
