package org.lowtide.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The one place that applies a {@link Theme} to the whole app: AtlantaFX's Primer Light or Primer
 * Dark as the user-agent stylesheet (every scene and dialog follows at once), and through
 * {@link #darkProperty()} the charts ({@link ChartTheming}). Call on the FX thread. "Follow system"
 * asks the desktop on a background thread and shows light until it answers.
 */
public final class Themes {

    private static final ReadOnlyObjectWrapper<Theme> CHOSEN = new ReadOnlyObjectWrapper<>(Theme.LIGHT);
    private static final ReadOnlyBooleanWrapper DARK = new ReadOnlyBooleanWrapper(false);
    private static volatile ThemeStore store = ThemeStore.inMemory();
    private static volatile Boolean systemDark; // the desktop's answer, once known
    private static boolean applied;

    private Themes() {
    }

    /** Where {@link #apply} keeps the choice and {@link #applySaved} reads it; in memory until set. */
    public static void useStore(ThemeStore themeStore) {
        store = themeStore;
    }

    /**
     * Applies the theme saved in the store (Follow system on a first run), or for this run only the
     * one named by {@code -Dlowtide.theme=light|dark|system} (screenshots, demos).
     */
    public static void applySaved() {
        String forced = System.getProperty("lowtide.theme", "");
        if (!forced.isBlank()) {
            show(Theme.fromKey(forced));
        } else {
            show(store.load());
        }
    }

    /** Applies {@code theme} app-wide and saves the choice. */
    public static void apply(Theme theme) {
        store.save(theme);
        show(theme);
    }

    private static void show(Theme theme) {
        CHOSEN.set(theme);
        if (theme != Theme.SYSTEM) {
            setDark(theme == Theme.DARK);
            return;
        }
        Boolean known = systemDark;
        setDark(known != null && known);
        Thread probe = new Thread(() -> {
            boolean dark = SystemAppearance.prefersDark();
            systemDark = dark;
            Platform.runLater(() -> {
                if (CHOSEN.get() == Theme.SYSTEM) {
                    setDark(dark);
                }
            });
        }, "lowtide-system-theme");
        probe.setDaemon(true);
        probe.start();
    }

    /** Applies the current theme if none was applied yet (dialogs and tests that start without the app). */
    public static void ensureApplied() {
        if (!applied) {
            setDark(DARK.get());
        }
    }

    /** @return the theme the user chose (possibly {@link Theme#SYSTEM}) */
    public static Theme current() {
        return CHOSEN.get();
    }

    /** @return the chosen theme, observable */
    public static ReadOnlyObjectProperty<Theme> currentProperty() {
        return CHOSEN.getReadOnlyProperty();
    }

    /** @return true when the app looks dark now (Dark, or Follow system on a dark desktop) */
    public static boolean isDark() {
        return DARK.get();
    }

    /** @return whether the app looks dark now, observable: charts restyle when it changes */
    public static ReadOnlyBooleanProperty darkProperty() {
        return DARK.getReadOnlyProperty();
    }

    /** @return the chart colours of the look shown now */
    public static ChartPalette chartPalette() {
        return isDark() ? ChartPalette.DARK : ChartPalette.LIGHT;
    }

    /** @return View → Theme: Light, Dark, Follow System as radio items that follow and set the choice */
    public static Menu menu() {
        Menu menu = new Menu("_Theme");
        menu.setId("themeMenu");
        ToggleGroup group = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.menuText());
            item.setId("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setUserData(theme);
            item.setSelected(current() == theme);
            item.setOnAction(e -> apply(theme));
            menu.getItems().add(item);
        }
        // Weakly: a closed window's menu (and the window behind it) must not stay reachable from this static.
        javafx.beans.value.ChangeListener<Theme> follow =
                (o, before, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now));
        menu.getProperties().put(Themes.class, follow);
        CHOSEN.addListener(new javafx.beans.value.WeakChangeListener<>(follow));
        return menu;
    }

    private static void setDark(boolean dark) {
        // The compiled (binary) form of the same stylesheet: read without parsing 170 kB of CSS (launch time, issue 15).
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        applied = true;
        DARK.set(dark);
    }
}
