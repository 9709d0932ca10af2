package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What each desktop says about dark mode, read from the probes' output (no desktop needed). */
class SystemAppearanceTest {

    private static Function<List<String>, Optional<String>> answers(Map<String, String> byLastArgument) {
        return command -> Optional.ofNullable(byLastArgument.get(command.get(command.size() - 1)));
    }

    @Test
    void gnomeColourSchemeDecidesFirst() {
        assertThat(SystemAppearance.prefersDark("Linux", Map.of(),
                answers(Map.of("color-scheme", "'prefer-dark'\n", "gtk-theme", "'Adwaita'")))).isTrue();
        assertThat(SystemAppearance.prefersDark("Linux", Map.of(),
                answers(Map.of("color-scheme", "'prefer-light'\n", "gtk-theme", "'Adwaita-dark'")))).isFalse();
    }

    @Test
    void gtkThemeNameDecidesWhenTheSchemeIsDefault() {
        assertThat(SystemAppearance.prefersDark("Linux", Map.of(),
                answers(Map.of("color-scheme", "'default'", "gtk-theme", "'Yaru-dark'")))).isTrue();
        assertThat(SystemAppearance.prefersDark("Linux", Map.of(),
                answers(Map.of("color-scheme", "'default'", "gtk-theme", "'Yaru'")))).isFalse();
    }

    @Test
    void withoutGsettingsTheGtkThemeVariableDecides() {
        assertThat(SystemAppearance.prefersDark("Linux", Map.of("GTK_THEME", "Adwaita:dark"), answers(Map.of()))).isTrue();
        assertThat(SystemAppearance.prefersDark("Linux", Map.of(), answers(Map.of()))).as("nothing says: light").isFalse();
    }

    @Test
    void windowsRegistryValue() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n";
        assertThat(SystemAppearance.prefersDark("Windows 11", Map.of(), answers(Map.of("AppsUseLightTheme", dark)))).isTrue();
        assertThat(SystemAppearance.prefersDark("Windows 11", Map.of(),
                answers(Map.of("AppsUseLightTheme", dark.replace("0x0", "0x1"))))).isFalse();
        assertThat(SystemAppearance.prefersDark("Windows 11", Map.of(), answers(Map.of()))).isFalse();
    }

    @Test
    void macOsInterfaceStyle() {
        assertThat(SystemAppearance.prefersDark("Mac OS X", Map.of(), answers(Map.of("AppleInterfaceStyle", "Dark\n"))))
                .isTrue();
        // In light mode the key is absent and `defaults` fails: no answer.
        assertThat(SystemAppearance.prefersDark("Mac OS X", Map.of(), answers(Map.of()))).isFalse();
    }

    @Test
    void aMissingProbeIsNoAnswer() {
        assertThat(SystemAppearance.run(List.of("lowtide-no-such-command-15"))).isEmpty();
    }

    @Test
    void savedThemeNamesReadBackAndDamagedOnesFollowTheSystem() {
        for (Theme t : Theme.values()) {
            assertThat(Theme.fromKey(t.key())).isEqualTo(t);
            assertThat(t.menuText()).as("mnemonic").contains("_");
        }
        assertThat(Theme.fromKey("purple")).isEqualTo(Theme.SYSTEM);
        assertThat(Theme.fromKey(null)).isEqualTo(Theme.SYSTEM);
    }
}
