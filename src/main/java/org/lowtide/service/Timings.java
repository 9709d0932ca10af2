package org.lowtide.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowtide.traffic.PhaseTimer;

/**
 * The phase timer behind the global {@code --timings} option, for the faces: switch it on, time a
 * face's own phases (parsing the command line, writing the output), and read the whole account
 * from the process's start to now.
 */
public final class Timings {

    private Timings() {
    }

    /** Starts keeping times. */
    public static void enable() {
        PhaseTimer.enable();
    }

    /** @return whether times are kept */
    public static boolean enabled() {
        return PhaseTimer.enabled();
    }

    /** Opens a phase (close it with try-with-resources). */
    public static PhaseTimer.Phase phase(String name) {
        return PhaseTimer.start(name);
    }

    /** Adds the time from {@code main} to now as the phase {@code name} (a face's set-up). */
    public static void sinceMain(String name) {
        long n = PhaseTimer.sinceMain();
        if (n >= 0) {
            PhaseTimer.add(name, n);
        }
    }

    /** @return the account: JVM start to main, each phase, and the total from the process's start */
    public static List<String> report() {
        List<String> out = new ArrayList<>();
        out.add("timings (wall clock; a phase's children are part of it):");
        long jvm = PhaseTimer.jvmStartToMainMillis();
        if (jvm >= 0) {
            out.add(String.format(Locale.ROOT, "%-44s %7d    ms (to the OS clock tick)", "JVM start → main", jvm));
        }
        out.addAll(PhaseTimer.lines());
        long sinceMain = PhaseTimer.sinceMain();
        if (sinceMain >= 0) {
            out.add(String.format(Locale.ROOT, "%-44s %9.1f ms", "main → now", sinceMain / 1e6));
            if (jvm >= 0) {
                out.add(String.format(Locale.ROOT, "%-44s %9.1f ms", "total (process start → now)",
                        jvm + sinceMain / 1e6));
            }
        }
        return out;
    }
}
