package org.lowtide.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A process-wide phase timer behind {@code --timings}: named, nested phases with their wall time
 * and how often they ran, kept only while {@link #enable() enabled} (otherwise every call is a
 * read of one volatile flag and returns a shared no-op). Any thread may time phases; a phase's
 * parent is the phase open on the same thread, so phases on worker threads show at the top level.
 *
 * <p>Core code times its steps with {@code try (PhaseTimer.Phase p = PhaseTimer.start("decomposition")) {…}}.
 * JDK only (the traffic package's rule), so every layer may use it.
 */
public final class PhaseTimer {

    /** Nanos of {@link System#nanoTime()} when {@code main} began (set by the entry point). */
    private static volatile long mainNanos;
    /** Wall-clock millis when {@code main} began. */
    private static volatile long mainMillis;
    private static volatile boolean enabled;
    private static final Map<String, long[]> TOTALS = new LinkedHashMap<>();
    private static final ThreadLocal<Deque<String>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
    private static final Phase NONE = () -> { };

    private PhaseTimer() {
    }

    /** An open phase; closing it adds its time to its name. */
    public interface Phase extends AutoCloseable {
        @Override
        void close();
    }

    private record Open(String path, long start) implements Phase {
        @Override
        public void close() {
            long nanos = System.nanoTime() - start;
            Deque<String> open = OPEN.get();
            open.remove(path);
            add(path, nanos);
        }
    }

    /** Notes the moment {@code main} began (cheap; always called by the entry point). */
    public static void mainStarted() {
        mainNanos = System.nanoTime();
        mainMillis = System.currentTimeMillis();
    }

    /**
     * @return milliseconds from the process's start to {@code main}, or -1 when unknown. On Linux
     *         the process's age comes from {@code /proc} (start and uptime in clock ticks of 10 ms:
     *         {@link ProcessHandle.Info#startInstant()} rests on the boot time in whole seconds and
     *         is up to a second off); elsewhere from {@code startInstant()}.
     */
    public static long jvmStartToMainMillis() {
        if (mainMillis == 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"));
            long sinceMainMillis = (System.nanoTime() - mainNanos) / 1_000_000;
            // Fields after the command name (which may hold spaces) in parentheses; starttime is field 22.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long startTicks = Long.parseLong(f[22 - 3]);
            double upSeconds = Double.parseDouble(uptime.trim().split("\\s+")[0]);
            long ageMillis = Math.round(upSeconds * 1000 - startTicks * 10.0);
            return Math.max(0, ageMillis - sinceMainMillis);
        } catch (java.io.IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> Math.max(0, mainMillis - start.toEpochMilli())).orElse(-1L);
        }
    }

    /** Starts keeping times (from now on). */
    public static void enable() {
        enabled = true;
    }

    /** @return whether times are kept */
    public static boolean enabled() {
        return enabled;
    }

    /** Threads whose phases are not kept (a warm-up beside the real work: its times are not the command's). */
    private static final ThreadLocal<Boolean> MUTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** From now on, phases opened on this thread are not kept. */
    public static void muteThisThread() {
        MUTED.set(Boolean.TRUE);
    }

    /** Opens a phase named {@code name} inside the phase open on this thread, if any. */
    public static Phase start(String name) {
        if (!enabled || MUTED.get()) {
            return NONE;
        }
        Deque<String> open = OPEN.get();
        String path = open.isEmpty() ? name : open.peek() + "/" + name;
        open.push(path);
        return new Open(path, System.nanoTime());
    }

    /** Adds a phase measured elsewhere ({@code path} with "/" between levels). */
    public static void add(String path, long nanos) {
        if (!enabled) {
            return;
        }
        synchronized (TOTALS) {
            long[] t = TOTALS.computeIfAbsent(path, k -> new long[2]);
            t[0] += nanos;
            t[1]++;
        }
    }

    /** @return nanos since {@code main} began, or -1 when the entry point did not say */
    public static long sinceMain() {
        return mainNanos == 0 ? -1 : System.nanoTime() - mainNanos;
    }

    /** @return nanos of {@code System.nanoTime()} when {@code main} began, 0 when unknown */
    public static long mainNanos() {
        return mainNanos;
    }

    /**
     * The times kept, one line per phase, indented by level, in the order the phases first closed
     * under their parent (children after their parent); times in milliseconds.
     */
    public static List<String> lines() {
        Map<String, long[]> copy;
        synchronized (TOTALS) {
            copy = new LinkedHashMap<>(TOTALS);
        }
        // Parents close after their children: order each level by first appearance of its subtree.
        List<String> order = new ArrayList<>();
        for (String path : copy.keySet()) {
            String[] parts = path.split("/");
            StringBuilder prefix = new StringBuilder();
            for (String part : parts) {
                prefix.append(prefix.length() == 0 ? "" : "/").append(part);
                if (!order.contains(prefix.toString())) {
                    order.add(prefix.toString());
                }
            }
        }
        List<String> sorted = new ArrayList<>();
        addChildren("", order, sorted);
        List<String> out = new ArrayList<>();
        for (String path : sorted) {
            long[] t = copy.get(path);
            int depth = path.split("/").length - 1;
            String name = path.substring(path.lastIndexOf('/') + 1);
            String label = "  ".repeat(depth) + name;
            out.add(t == null ? label
                    : String.format(Locale.ROOT, "%-44s %9.1f ms%s", label, t[0] / 1e6,
                    t[1] > 1 ? " (" + t[1] + "×)" : ""));
        }
        return out;
    }

    private static void addChildren(String parent, List<String> order, List<String> out) {
        for (String path : order) {
            int slash = path.lastIndexOf('/');
            String p = slash < 0 ? "" : path.substring(0, slash);
            if (p.equals(parent)) {
                out.add(path);
                addChildren(path, order, out);
            }
        }
    }

    /** Forgets every time kept and stops keeping them (tests). */
    public static void reset() {
        enabled = false;
        synchronized (TOTALS) {
            TOTALS.clear();
        }
    }
}
