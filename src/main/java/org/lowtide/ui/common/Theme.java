package org.lowtide.ui.common;

/**
 * The look the user chose under View → Theme: Primer Light, Primer Dark, or whichever of the two the
 * desktop asks for ({@link #SYSTEM}). {@link Themes} applies it.
 */
public enum Theme {
    /** AtlantaFX Primer Light. */
    LIGHT("_Light"),
    /** AtlantaFX Primer Dark. */
    DARK("_Dark"),
    /** Light or dark as the desktop says (GNOME, Windows, macOS); light when it does not say. */
    SYSTEM("Follow _System");

    private final String menuText;

    Theme(String menuText) {
        this.menuText = menuText;
    }

    /** @return the View → Theme item's text, with its mnemonic marked by an underscore */
    public String menuText() {
        return menuText;
    }

    /** @return the name saved in preferences, the constant's name */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the theme saved as {@code key}, or {@link #SYSTEM} for anything else (an older or damaged value) */
    public static Theme fromKey(String key) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return t;
            }
        }
        return SYSTEM;
    }
}
