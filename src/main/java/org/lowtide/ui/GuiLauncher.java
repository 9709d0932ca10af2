package org.lowtide.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Starts the desktop app; kept free of JavaFX types so that {@code Main} can call it. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /**
     * Opens the desktop app and returns when it is closed; refuses in one sentence where there is no
     * display to open it on (a server, an SSH session, a container), instead of JavaFX's stack trace.
     *
     * @param args empty, or one traffic file to open
     * @return empty when the app ran; else why it could not start, in one line that points to the CLI
     */
    public static Optional<String> launch(String[] args) {
        Optional<String> problem = displayProblem(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform", ""));
        if (problem.isPresent()) {
            return problem;
        }
        StartupTrace.mark("main");
        try {
            javafx.application.Application.launch(LowtideApp.class, args);
            return Optional.empty();
        } catch (RuntimeException e) {
            if (isDisplayFailure(e)) {
                return Optional.of(noDisplay("the display " + System.getenv().getOrDefault("DISPLAY", "")
                        + " cannot be opened"));
            }
            throw e;
        }
    }

    /**
     * Whether a desktop window can be opened here: on Linux and other Unix desktops JavaFX needs an X11
     * or Wayland display ({@code DISPLAY} or {@code WAYLAND_DISPLAY}); Windows and macOS always have
     * one; a headless JavaFX platform (Monocle, as in the tests) needs none.
     *
     * @param osName        {@code os.name}
     * @param env           the environment
     * @param glassPlatform {@code glass.platform}, e.g. {@code Monocle}
     * @return the one-line message when there is no display, else empty
     */
    static Optional<String> displayProblem(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || glassPlatform.equalsIgnoreCase("monocle")) {
            return Optional.empty();
        }
        boolean x11 = !env.getOrDefault("DISPLAY", "").isBlank();
        boolean wayland = !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return x11 || wayland ? Optional.empty() : Optional.of(noDisplay("DISPLAY is not set"));
    }

    private static String noDisplay(String why) {
        return "Lowtide: no display to open the desktop app on (" + why + "). Without one, use the command line:"
                + " lowtide --help (or java -jar lowtide.jar --help).";
    }

    /** JavaFX's "Unable to open DISPLAY" (GTK could not reach the X server), possibly wrapped. */
    static boolean isDisplayFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("unable to open display") || m.contains("cannot open display")) {
                return true;
            }
        }
        return false;
    }
}
