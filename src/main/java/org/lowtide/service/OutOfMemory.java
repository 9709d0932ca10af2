package org.lowtide.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last safety net for inputs too big for the memory Java was given: one clear message (which
 * file, how big, the heap, and what to do) instead of a stack trace, the same for both faces.
 * Lowtide refuses what it can foresee up front (line and unpacked-size limits, option limits); this
 * covers the rest. The CLI exits 4 (the input is too large for this run), the GUI keeps what was
 * open and shows the message.
 */
public final class OutOfMemory extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which face's advice to give: the CLI names options, the GUI its dialogs. */
    public enum Face {
        /** The command line: {@code java -Xmx4g -jar …} and {@code --step}. */
        CLI,
        /** The desktop app: the launcher's memory and the import dialog's step. */
        GUI
    }

    private OutOfMemory(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return whether {@code error} is, or was caused by, Java running out of heap */
    public static boolean isOutOfMemory(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof OutOfMemory) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * @param source the traffic being read when memory ran out, when known
     * @param error  the error (kept as the cause, for logs)
     * @return an exception whose message says what to do
     */
    public static OutOfMemory of(Optional<TrafficSource> source, Throwable error, Face face) {
        List<Path> files = source.filter(TrafficSource.FileSource.class::isInstance)
                .map(s -> List.of(((TrafficSource.FileSource) s).path())).orElse(List.of());
        String name = source.map(TrafficSource::displayName).orElse(null);
        return new OutOfMemory(message(name, files, Runtime.getRuntime().maxMemory(), face), error);
    }

    /**
     * The message for the files among a command's inputs (the largest is named).
     *
     * @param files    input files that exist (others are ignored)
     * @param maxHeap  the heap limit in bytes ({@link Runtime#maxMemory()})
     */
    public static String message(List<Path> files, long maxHeap, Face face) {
        Path largest = null;
        long size = -1;
        for (Path f : files) {
            long s = size(f);
            if (s > size) {
                size = s;
                largest = f;
            }
        }
        return message(largest == null ? null : String.valueOf(largest.getFileName()),
                largest == null ? List.of() : List.of(largest), maxHeap, face);
    }

    private static String message(String name, List<Path> files, long maxHeap, Face face) {
        long size = files.isEmpty() ? -1 : size(files.get(0));
        StringBuilder sb = new StringBuilder("not enough memory");
        if (name != null) {
            sb.append(" for ").append(name);
            if (size >= 0) {
                sb.append(" (").append(bytes(size)).append(')');
            }
        }
        sb.append(": Java was given ").append(bytes(maxHeap)).append(". ");
        if (face == Face.CLI) {
            sb.append("Give it more (java -Xmx4g -jar lowtide.jar …, or JAVA_TOOL_OPTIONS=-Xmx4g for the installed "
                    + "lowtide command), or read the data on a coarser step (--step 5m, or 1h); "
                    + "nothing was written");
        } else {
            sb.append("Start Lowtide with more memory (JAVA_TOOL_OPTIONS=-Xmx4g), or open the file on a coarser "
                    + "step (File → Open…, Step: 5 min or 1 h); what was open is kept");
        }
        return sb.toString();
    }

    private static long size(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : -1;
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    /** @return a size in words: {@code 1.9 GB}, {@code 512 MB}, {@code 12 kB} (decimal units) */
    static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", n / 1e6);
        }
        if (n >= 1000) {
            return String.format(Locale.ROOT, "%.0f kB", n / 1e3);
        }
        return n + " bytes";
    }
}
