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
                data = new SeriesData(name, capacity);
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

    private boolean wants(String name) {
        if (!wanted.isEmpty()) {
            for (String w : wanted) {
                if (matches(w, name)) {
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
        for (String w : wanted) {
            if (all.stream().noneMatch(name -> matches(w, name))) {
                throw new ImportException(source, 0, 0, "no series named '" + w + "'; the file holds "
                        + listed(all));
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
