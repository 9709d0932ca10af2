package org.lowtide.ui;

import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Scene;

/**
 * The GUI launch benchmark's probe (issues 15 and 20): with {@code -Dlowtide.startupTrace=true}
 * the app logs one line (level INFO: on standard error by default) at each launch milestone, with the
 * milliseconds since the desktop app's {@code main} and the wall clock, so that a script measures
 * from the moment it ran the command (JVM start included; no {@code java.management}, which the
 * installers' runtime leaves out); {@code -Dlowtide.startupTrace=exit} also quits
 * once the recommendation is on screen. Off (the default) it does nothing and loads nothing.
 *
 * <p>"On screen" is the end of the first pulse after the change: its CSS and layout are done and its
 * frame goes to the render thread, which draws it while the application thread goes on (the next
 * pulse waits for that drawing). Build work queued behind that pulse (the screens beside the
 * Overview) does not delay the milestone, which is why it is not taken at the second pulse.
 */
public final class StartupTrace {

    private static final String MODE = System.getProperty("lowtide.startupTrace", "");
    /** When the launcher first asked for a milestone ({@code main}: the entry point's first step for the app). */
    private static final long MAIN_NANOS = System.nanoTime();

    private StartupTrace() {
    }

    /** @return whether launch milestones are printed */
    public static boolean enabled() {
        return !MODE.isBlank() && !"false".equalsIgnoreCase(MODE);
    }

    /** Prints a milestone now (no-op when off). */
    public static void mark(String milestone) {
        if (!enabled()) {
            return;
        }
        long now = System.currentTimeMillis();
        long sinceMain = (System.nanoTime() - MAIN_NANOS) / 1_000_000;
        System.getLogger(StartupTrace.class.getName()).log(System.Logger.Level.INFO,
                String.format(Locale.ROOT, "lowtide-startup %s sinceMain=%d epochMillis=%d", milestone, sinceMain, now));
    }

    /** Notes {@code milestone} at the end of the scene's next pulse's layout, then runs {@code then} (no-op when off). */
    public static void markAtNextPulse(Scene scene, String milestone, Runnable then) {
        if (!enabled()) {
            return;
        }
        onNextPulse(scene, () -> {
            mark(milestone);
            then.run();
        });
    }

    /**
     * Runs {@code action} once, at the end of the layout of the scene's next pulse (asking for one),
     * on the FX thread: the moment the scene's frame is handed to the renderer (the app's milestones
     * and the benchmarks' clocks stop there).
     */
    public static void onNextPulse(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Notes the window's first frame. */
    public static void watchWindow(Scene scene) {
        if (enabled()) {
            markAtNextPulse(scene, "window-shown", () -> { });
        }
    }

    /**
     * Notes the first frame that shows a recommendation (the banner's text becoming non-empty), and in
     * {@code exit} mode quits after it.
     */
    public static void watchRecommendation(Scene scene, ObservableStringValue recommendation) {
        if (!enabled()) {
            return;
        }
        Runnable shown = () -> markAtNextPulse(scene, "recommendation-shown", () -> {
            if ("exit".equalsIgnoreCase(MODE)) {
                Platform.exit();
            }
        });
        if (!recommendation.get().isEmpty()) {
            shown.run();
            return;
        }
        recommendation.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends String> o, String before, String now) {
                if (now != null && !now.isEmpty()) {
                    recommendation.removeListener(this);
                    shown.run();
                }
            }
        });
    }
}
