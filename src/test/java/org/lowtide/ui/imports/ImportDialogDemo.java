package org.lowtide.ui.imports;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.lowtide.service.ImportService;
import org.lowtide.ui.main.MainView;

/**
 * Shows the import dialog on a file, for screenshots and trying it by hand (not a test):
 * {@code java -cp target/test-classes:target/classes:<deps> org.lowtide.ui.imports.ImportDialogDemo$Launcher FILE [ZONE]}.
 */
public final class ImportDialogDemo extends Application {

    @Override
    public void start(Stage stage) {
        java.util.List<String> args = getParameters().getRaw();
        ImportViewModel model = new ImportViewModel(new ImportService(), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import");
            t.setDaemon(true);
            return t;
        }));
        model.open(Path.of(args.get(0)), args.size() > 1 ? ZoneId.of(args.get(1)) : ZoneId.of("UTC"));
        ImportDialog dialog = new ImportDialog(model, null, MainView.stylesheet());
        dialog.ask().ifPresent(options -> System.out.println("options: " + options));
        Platform.exit();
    }

    /** Starts the demo from a plain class path (an Application cannot be the main class there). */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(ImportDialogDemo.class, args);
        }
    }
}
