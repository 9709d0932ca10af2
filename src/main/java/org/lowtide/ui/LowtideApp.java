package org.lowtide.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** Placeholder until the main window lands. */
public final class LowtideApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
