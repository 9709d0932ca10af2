package org.lowtide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preferences file: a round trip, its version, damaged and newer files refused and kept, atomic saves. */
class PreferencesFilesTest {

    @TempDir
    Path dir;

    private static Preferences filled() {
        return Preferences.defaults()
                .withRevenue(Optional.of(new Preferences.Revenue(1_250_000, Preferences.Period.MONTH)))
                .withCurrency(Currency.getInstance("EUR"))
                .withZone(Optional.of(ZoneId.of("Europe/Berlin")))
                .withThemeName("primer-dark")
                .withRecentFile("/data/a.csv").withRecentFile("/data/b.csv").withRecentFile("/data/a.csv")
                .withWindow(Optional.of(new Preferences.WindowPlacement(40, 30, 1500, 900, true)))
                .withWelcomed(true);
    }

    @Test
    void whatIsSavedIsReadBackWithItsVersion() throws Exception {
        Path file = dir.resolve("preferences.json");
        PreferencesFiles.save(filled(), file, "Lowtide test", false);

        Preferences back = PreferencesFiles.load(file);
        assertThat(back).isEqualTo(filled());
        assertThat(back.recentFiles()).containsExactly("/data/a.csv", "/data/b.csv");
        assertThat(back.revenue().orElseThrow().perYear()).isEqualTo(15_000_000);
        String json = Files.readString(file);
        assertThat(json).contains("\"schemaVersion\" : " + PreferencesFiles.SCHEMA_VERSION)
                .contains("\"writtenBy\" : \"Lowtide test\"").contains("\"period\" : \"month\"")
                .contains("\"currency\" : \"EUR\"");
    }

    @Test
    void trafficOnlyAndTheSystemZoneAreKeptAsAbsentFields() throws Exception {
        Path file = dir.resolve("preferences.json");
        PreferencesFiles.save(Preferences.defaults(), file, "Lowtide test", false);
        assertThat(PreferencesFiles.load(file)).isEqualTo(Preferences.defaults());
        assertThat(Files.readString(file)).contains("\"revenue\" : null").contains("\"zone\" : null");
    }

    @Test
    void aFileWithFieldsLeftOutReadsWithTheDefaults() throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"currency\": \"gbp\", \"unknownLater\": 3}");
        Preferences p = PreferencesFiles.load(file);
        assertThat(p.currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(p.revenue()).isEmpty();
        assertThat(p.recentFiles()).isEmpty();
    }

    @Test
    void aDamagedFileIsRefusedWithWhereAndWhatAndIsNeverReplacedSilently() throws Exception {
        Path file = dir.resolve("preferences.json");
        String damaged = "{\"schemaVersion\": 1,\n \"currency\": \"EUR\",\n \"zone\": }";
        Files.writeString(file, damaged, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PreferencesFiles.load(file)).isInstanceOf(PreferencesFileException.class)
                .hasMessage("preferences.json: line 3, column 10: not a Lowtide preferences file (damaged JSON)");
        assertThatThrownBy(() -> PreferencesFiles.save(filled(), file, "Lowtide test", false))
                .isInstanceOf(OutputFileException.class)
                .hasMessageContaining("not replaced: it is not a preferences file this Lowtide can read");
        assertThat(Files.readString(file)).isEqualTo(damaged);

        PreferencesFiles.save(filled(), file, "Lowtide test", true); // the user confirmed
        assertThat(PreferencesFiles.load(file)).isEqualTo(filled());
    }

    @Test
    void badValuesAreNamedByField() throws Exception {
        Path file = dir.resolve("preferences.json");
        for (String[] c : new String[][] {
            {"{\"schemaVersion\": 1, \"currency\": \"DOLLARS\"}", "'currency' is not an ISO 4217 code"},
            {"{\"schemaVersion\": 1, \"zone\": \"Mars/Base\"}", "'zone' is not a time zone"},
            {"{\"schemaVersion\": 1, \"revenue\": {\"amount\": -5}}", "'revenue.amount' is not an amount from 0 up"},
            {"{\"schemaVersion\": 1, \"revenue\": {\"amount\": 5, \"period\": \"fortnight\"}}", "'revenue.period'"},
            {"{\"schemaVersion\": 1, \"recentFiles\": \"oops\"}", "'recentFiles' has a value of the wrong kind"},
            {"{\"currency\": \"EUR\"}", "no schemaVersion"},
            {"[1, 2]", "expected a JSON object"},
        }) {
            Files.writeString(file, c[0]);
            assertThatThrownBy(() -> PreferencesFiles.load(file)).as(c[0])
                    .isInstanceOf(PreferencesFileException.class).hasMessageContaining(c[1])
                    .hasMessageStartingWith("preferences.json: ");
        }
    }

    @Test
    void aNewerFileIsRefusedNamingItsWriterAndKept() throws Exception {
        Path file = dir.resolve("preferences.json");
        String newer = "{\"schemaVersion\": 7, \"writtenBy\": \"Lowtide 9.0\"}";
        Files.writeString(file, newer);
        assertThatThrownBy(() -> PreferencesFiles.load(file))
                .hasMessage("preferences.json: written by a newer Lowtide (Lowtide 9.0, schema 7); this version reads "
                        + "schema 1 and older");
        assertThatThrownBy(() -> PreferencesFiles.save(Preferences.defaults(), file, "Lowtide test", false))
                .isInstanceOf(OutputFileException.class);
        assertThat(Files.readString(file)).isEqualTo(newer);
    }

    @Test
    void savingIsAtomicAWriterThatFailsLeavesTheOldFileAndNoTemporary() throws Exception {
        Path file = dir.resolve("preferences.json");
        PreferencesFiles.save(filled(), file, "Lowtide test", false);
        String before = Files.readString(file);
        // A currency code Jackson cannot write does not exist; make the write fail by a folder in the way instead.
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve(PreferencesFiles.FILE_NAME));
        assertThatThrownBy(() -> PreferencesFiles.save(filled(), blocked.resolve(PreferencesFiles.FILE_NAME),
                "Lowtide test", false)).isInstanceOf(OutputFileException.class);

        PreferencesFiles.save(filled().withThemeName("nord-light"), file, "Lowtide test", false);
        assertThat(Files.readString(file)).isNotEqualTo(before).contains("nord-light");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("preferences.json", "blocked");
        }
    }

    @Test
    void recentFilesKeepTheNewestFirstAndAtMostEight() {
        Preferences p = Preferences.defaults();
        for (int i = 0; i < 12; i++) {
            p = p.withRecentFile("/f" + i + ".csv");
        }
        assertThat(p.recentFiles()).hasSize(Preferences.MAX_RECENT).startsWith("/f11.csv", "/f10.csv");
        assertThat(p.withoutRecentFile("/f11.csv").recentFiles()).first().isEqualTo("/f10.csv");
        assertThat(new Preferences(Optional.empty(), Currency.getInstance("USD"), Optional.empty(), "",
                List.of("a", "a", "b"), Optional.empty(), false).recentFiles()).containsExactly("a", "b");
    }
}
