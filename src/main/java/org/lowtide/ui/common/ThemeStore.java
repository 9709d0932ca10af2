package org.lowtide.ui.common;

/**
 * Where the chosen {@link Theme} is kept between runs. One small interface so that the app's
 * preferences file can take it over; {@link #inMemory()} for tests, {@link #userPreferences()} for the app.
 */
public interface ThemeStore {

    /** @return the saved theme, {@link Theme#SYSTEM} when none was saved */
    Theme load();

    /** Keeps {@code theme} for the next run; never throws (a theme is not worth an error dialog). */
    void save(Theme theme);

    /** @return a store that forgets on exit */
    static ThemeStore inMemory() {
        return new ThemeStore() {
            private volatile Theme theme = Theme.SYSTEM;

            @Override
            public Theme load() {
                return theme;
            }

            @Override
            public void save(Theme chosen) {
                theme = chosen;
            }
        };
    }

    /**
     * @return a store in Lowtide's preferences file ({@code theme}); a file that cannot be read is
     *         left alone (the theme then lasts for this run), as for the app's other small updates
     */
    static ThemeStore in(org.lowtide.service.PreferencesService preferences) {
        java.util.Objects.requireNonNull(preferences, "preferences");
        return new ThemeStore() {
            @Override
            public Theme load() {
                String name = preferences.load().preferences().themeName();
                try {
                    return name.isBlank() ? Theme.SYSTEM : Theme.fromKey(name);
                } catch (RuntimeException e) {
                    return Theme.SYSTEM;
                }
            }

            @Override
            public void save(Theme theme) {
                preferences.update(p -> p.withThemeName(theme.key()));
            }
        };
    }

    /** @return a store in the user's Java preferences (node {@code org/lowtide/ui}, key {@code theme}) */
    static ThemeStore userPreferences() {
        return new ThemeStore() {
            private final java.util.prefs.Preferences node =
                    java.util.prefs.Preferences.userRoot().node("org/lowtide/ui");

            @Override
            public Theme load() {
                try {
                    return Theme.fromKey(node.get("theme", Theme.SYSTEM.key()));
                } catch (RuntimeException e) {
                    return Theme.SYSTEM;
                }
            }

            @Override
            public void save(Theme theme) {
                try {
                    node.put("theme", theme.key());
                    node.flush();
                } catch (java.util.prefs.BackingStoreException | RuntimeException e) {
                    System.getLogger(ThemeStore.class.getName()).log(System.Logger.Level.WARNING,
                            "could not save the theme: " + e.getMessage());
                }
            }
        };
    }
}
