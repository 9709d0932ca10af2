package org.lowtide;

import org.lowtide.cli.LowtideCli;
import org.lowtide.ui.GuiLauncher;

/**
 * The one entry point: no arguments (or only a file) opens the desktop app, a subcommand or an
 * option runs the command line, which never touches JavaFX and needs no display.
 *
 * <p>This class must not extend {@code javafx.application.Application}: launching such a class
 * from a plain class path or jar fails with "JavaFX runtime components are missing".
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        org.lowtide.traffic.PhaseTimer.mainStarted();
        if (args.length == 0 || (args.length == 1 && !LowtideCli.isCliArgument(args[0]))) {
            GuiLauncher.launch(args).ifPresent(noDisplay -> System.exit(LowtideCli.refuseGui(noDisplay)));
            return;
        }
        System.exit(LowtideCli.run(args));
    }
}
