package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.project.Preferences;

/** Where preferences live, and that a damaged file is reported, kept and left unsaved over. */
class PreferencesServiceTest {

    @TempDir
    Path dir;

    @Test
    void thePropertyThenTheVariableThenThePlatformsFolder() {
        assertThat(PreferencesService.folder("/tmp/p", Map.of(PreferencesService.DIR_ENV, "/tmp/e"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/tmp/p"));
        assertThat(PreferencesService.folder(null, Map.of(PreferencesService.DIR_ENV, "/tmp/e"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/tmp/e"));
        assertThat(PreferencesService.folder(null, Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/lowtide"));
        assertThat(PreferencesService.folder(null, Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/cfg/lowtide"));
        assertThat(PreferencesService.folder(null, Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Lowtide"));
        assertThat(PreferencesService.folder(null, Map.of("APPDATA", "/c/AppData/Roaming"), "Windows 11", "/c/u"))
                .isEqualTo(Path.of("/c/AppData/Roaming/Lowtide"));
    }

    @Test
    void noFileGivesTheDefaultsAndUpdatesSave() throws Exception {
        PreferencesService service = new PreferencesService(dir.resolve("sub/preferences.json"));
        assertThat(service.load()).isEqualTo(new PreferencesService.Loaded(Preferences.defaults(), Optional.empty()));

        Optional<Preferences> saved = service.update(p -> p.withRecentFile("/data/x.csv"));
        assertThat(saved).isPresent();
        assertThat(service.load().preferences().recentFiles()).containsExactly("/data/x.csv");
    }

    @Test
    void aDamagedFileIsReportedKeptAndNotSavedOverUntilTheUserConfirms() throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "{ not json");
        PreferencesService service = new PreferencesService(file);

        PreferencesService.Loaded loaded = service.load();
        assertThat(loaded.preferences()).isEqualTo(Preferences.defaults());
        assertThat(loaded.problem()).get().asString().startsWith("preferences.json: line 1")
                .contains("damaged JSON").contains("leaves the file as it is").contains(file.toString());

        assertThat(service.update(p -> p.withRecentFile("/x.csv"))).isEmpty();
        assertThatThrownBy(() -> service.save(Preferences.defaults())).hasMessageContaining("not replaced");
        assertThat(Files.readString(file)).isEqualTo("{ not json");

        service.replace(Preferences.defaults().withWelcomed(true));
        assertThat(service.load().preferences().welcomed()).isTrue();
    }
}
