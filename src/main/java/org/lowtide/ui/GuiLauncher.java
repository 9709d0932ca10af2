package org.lowtide.ui;

/** Starts the desktop app; kept free of JavaFX types so that {@code Main} can call it. */
public final class GuiLauncher {

    private GuiLauncher() {
    }

    /** @param args empty, or one traffic file to open */
    public static void launch(String[] args) {
        javafx.application.Application.launch(LowtideApp.class, args);
    }
}
