package org.lowtide.ui.plan;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.lowtide.project.PlanFiles;
import org.lowtide.service.PlanResult;
import org.lowtide.service.TrafficSource;

/**
 * The Windows screen's file choosers (save, open, export), starting in the folder last used. They
 * only choose a path; {@link PlanViewModel} does the saving, opening and writing.
 */
final class PlanFileDialogs {

    private final Supplier<Window> owner;
    private File lastDirectory;

    /** @param owner the window the choosers belong to (null while the screen is not shown) */
    PlanFileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    /**
     * @param shown   the plan to save
     * @param current the plan file last opened or saved, or null
     * @return where to save {@code shown}, ending in {@link PlanFiles#EXTENSION}; empty when cancelled
     */
    Optional<Path> saveTarget(PlanResult shown, Path current) {
        FileChooser chooser = planChooser("Save plan");
        if (shown.request().analysis().source() instanceof TrafficSource.Sample) {
            chooser.setTitle("Save plan (a copy of the bundled sample is saved beside it)");
        }
        chooser.setInitialFileName(suggestedName(shown, current));
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        Path target = withExtension(file.toPath());
        remember(target);
        return Optional.of(target);
    }

    /** @return the plan file to open; empty when cancelled */
    Optional<Path> openTarget() {
        File file = planChooser("Open plan").showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    /** @return where to write an export; empty when cancelled */
    Optional<Path> exportTarget(String title, String name, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialFileName(name);
        startInLastDirectory(chooser);
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        remember(file.toPath());
        return Optional.of(file.toPath());
    }

    /** The next chooser starts in {@code file}'s folder. */
    void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        lastDirectory = parent == null ? null : parent.toFile();
    }

    /** @return the plan file's name, or the traffic's name with the plan extension for a plan never saved */
    static String suggestedName(PlanResult shown, Path current) {
        if (current != null && current.getFileName() != null) {
            return current.getFileName().toString();
        }
        String source = shown.request().analysis().source().displayName();
        int dot = source.lastIndexOf('.');
        return (dot > 0 ? source.substring(0, dot) : source) + PlanFiles.EXTENSION;
    }

    /** @return {@code target}, with the plan extension added when it has none */
    static Path withExtension(Path target) {
        return target.getFileName().toString().endsWith(PlanFiles.EXTENSION) ? target
                : target.resolveSibling(target.getFileName() + PlanFiles.EXTENSION);
    }

    private FileChooser planChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Lowtide plans (*" + PlanFiles.EXTENSION + ")", "*" + PlanFiles.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        startInLastDirectory(chooser);
        return chooser;
    }

    private void startInLastDirectory(FileChooser chooser) {
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
    }
}
