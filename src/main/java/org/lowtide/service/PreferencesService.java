package org.lowtide.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.lowtide.project.Preferences;
import org.lowtide.project.PreferencesFileException;
import org.lowtide.project.PreferencesFiles;

/**
 * The user's preferences, kept between runs in {@code preferences.json} in Lowtide's configuration
 * folder: on Linux {@code $XDG_CONFIG_HOME/lowtide} (else {@code ~/.config/lowtide}), on macOS
 * {@code ~/Library/Application Support/Lowtide}, on Windows {@code %APPDATA%\Lowtide}. The system
 * property {@value #DIR_PROPERTY} or the environment variable {@value #DIR_ENV} names another folder
 * (tests, portable installs).
 *
 * <p>Read and written as plan files are ({@link PreferencesFiles}: versioned, atomic). A damaged
 * or too-new file is never replaced silently: {@link #load()} says what is wrong and gives the
 * defaults, and {@link #save} refuses until the user confirms with {@link #replace}.
 */
public final class PreferencesService {

    /** The system property that names the configuration folder. */
    public static final String DIR_PROPERTY = "lowtide.config.dir";
    /** The environment variable that names the configuration folder. */
    public static final String DIR_ENV = "LOWTIDE_CONFIG_DIR";

    /**
     * Preferences as read.
     *
     * @param preferences what the file holds, or the defaults when there is none or it was refused
     * @param problem     why the file was refused (it is kept as it is), if it was
     */
    public record Loaded(Preferences preferences, Optional<String> problem) {
        public Loaded {
            Objects.requireNonNull(preferences, "preferences");
            Objects.requireNonNull(problem, "problem");
        }
    }

    private final Path file;

    /** @param file the preferences file */
    public PreferencesService(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the service on the folder the property, the variable or the platform names */
    public static PreferencesService atDefaultLocation() {
        return new PreferencesService(folder(System.getProperty(DIR_PROPERTY), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("user.home", ".")).resolve(PreferencesFiles.FILE_NAME));
    }

    /**
     * The configuration folder.
     *
     * @param property the value of {@value #DIR_PROPERTY}, or null
     * @param env      the environment
     * @param osName   {@code os.name}
     * @param home     {@code user.home}
     */
    static Path folder(String property, Map<String, String> env, String osName, String home) {
        for (String named : new String[] {property, env.get(DIR_ENV)}) {
            if (named != null && !named.isBlank()) {
                try {
                    return Path.of(named.trim());
                } catch (InvalidPathException e) {
                    // not a path: fall through to the platform's folder
                }
            }
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Lowtide")
                    : Path.of(home, "AppData", "Roaming", "Lowtide");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Lowtide");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "lowtide")
                : Path.of(home, ".config", "lowtide");
    }

    /** @return the preferences file */
    public Path file() {
        return file;
    }

    /** Reads the preferences: the defaults when there is no file; the defaults and the reason when it is refused. */
    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Preferences.defaults(), Optional.empty());
        }
        try {
            return new Loaded(PreferencesFiles.load(file), Optional.empty());
        } catch (PreferencesFileException e) {
            return new Loaded(Preferences.defaults(), Optional.of(e.getMessage() + " (" + file
                    + "); Lowtide uses its defaults and leaves the file as it is"));
        } catch (IOException e) {
            return new Loaded(Preferences.defaults(), Optional.of(file + ": cannot read: "
                    + org.lowtide.project.AtomicFiles.describe(e)));
        }
    }

    /**
     * Saves the preferences atomically. A file Lowtide cannot read is not replaced.
     *
     * @throws IOException (an {@code OutputFileException} naming the file) when it is refused or cannot be written
     */
    public void save(Preferences prefs) throws IOException {
        PreferencesFiles.save(prefs, file, "Lowtide " + AppInfo.version(), false);
    }

    /** Saves the preferences, replacing whatever file is there: the user confirmed replacing a damaged one. */
    public void replace(Preferences prefs) throws IOException {
        PreferencesFiles.save(prefs, file, "Lowtide " + AppInfo.version(), true);
    }

    /**
     * Reads, changes and saves, for the small updates the app makes on its own (a recent file, the
     * window's place). A file that cannot be read is left alone: nothing is saved.
     *
     * @return the preferences saved, or empty when the file was refused or could not be written
     */
    public Optional<Preferences> update(UnaryOperator<Preferences> change) {
        Loaded loaded = load();
        if (loaded.problem().isPresent()) {
            return Optional.empty();
        }
        Preferences changed = change.apply(loaded.preferences());
        try {
            save(changed);
            return Optional.of(changed);
        } catch (IOException e) {
            System.getLogger(PreferencesService.class.getName()).log(System.Logger.Level.WARNING,
                    "preferences not saved: " + e.getMessage());
            return Optional.empty();
        }
    }
}
