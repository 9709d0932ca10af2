package org.lowtide.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFilesTest {

    @TempDir
    Path dir;

    @Test
    void aJsonFleetFileGivesServicesGroupsAndRules() throws Exception {
        Path json = dir.resolve("fleet.json");
        Files.writeString(json, """
                {"rules": {"maxConcurrent": 3, "minGap": "2d", "blackouts": ["2026-12-20/2026-12-31=freeze"],
                           "holidays": "DE"},
                 "groups": [{"name": "db", "kind": "never-together", "members": ["a", "b"]}],
                 "services": [
                   {"name": "a", "source": "a.csv", "zone": "Asia/Tokyo", "revenueShare": 0.25, "window": "90 min",
                    "staffHours": ["Mon-Fri 01:00-06:00"], "changes": 2, "minGap": "7d"},
                   {"name": "b", "source": "/abs/b.csv", "blackouts": ["2026-04-01/2026-04-02"]}]}
                """);
        Fleet f = FleetFiles.read(json, ZoneOffset.UTC, dir.resolve("work"));
        assertThat(f.members()).extracting(FleetMember::name).containsExactly("a", "b");
        FleetMember a = f.member("a").orElseThrow();
        assertThat(a.file()).contains(dir.toAbsolutePath().resolve("a.csv"));
        assertThat(a.zone()).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(a.window()).contains(Duration.ofMinutes(90));
        assertThat(a.changes()).isEqualTo(2);
        assertThat(a.minGap()).contains(Duration.ofDays(7));
        assertThat(a.staffHours()).hasSize(1);
        assertThat(f.member("b").orElseThrow().file()).contains(Path.of("/abs/b.csv"));
        assertThat(f.rules().maxConcurrent()).hasValue(3);
        assertThat(f.rules().minGap()).isEqualTo(Duration.ofDays(2));
        assertThat(f.rules().blackouts()).hasSize(1);
        assertThat(f.rules().holidays()).contains("DE");
        assertThat(f.rules().groups().get(0).members()).containsExactly("a", "b");
        assertThat(f.shareOf(f.member("b").orElseThrow())).isEqualTo(0.75);
    }

    @Test
    void mistakesNameTheFileAndTheLine() throws Exception {
        Path yaml = dir.resolve("f.yaml");
        Files.writeString(yaml, "services:\n  - name: a\n    source: a.csv\n  - name: b\n    sauce: b.csv\n");
        assertThatThrownBy(() -> FleetFiles.read(yaml, ZoneOffset.UTC, dir)).isInstanceOf(FleetFileException.class)
                .hasMessageContaining("f.yaml line 4").hasMessageContaining("unknown key 'sauce'");
        Files.writeString(yaml, "groups:\n  - name: g\n    kind: sometimes\nservices:\n  - name: a\n    source: a.csv\n");
        assertThatThrownBy(() -> FleetFiles.read(yaml, ZoneOffset.UTC, dir)).hasMessageContaining("f.yaml line 2")
                .hasMessageContaining("never-together or always-together");
        Files.writeString(yaml, "services:\n  - name: a\n    source: a.csv\n    groups: [nope]\n");
        assertThatThrownBy(() -> FleetFiles.read(yaml, ZoneOffset.UTC, dir)).hasMessageContaining("line 2")
                .hasMessageContaining("'nope'");
        Files.writeString(yaml, "services:\n  - name: a\n    source: a.csv\n  - name: a\n    source: b.csv\n");
        assertThatThrownBy(() -> FleetFiles.read(yaml, ZoneOffset.UTC, dir)).hasMessageContaining("line 4")
                .hasMessageContaining("named twice");
        Files.writeString(yaml, "services: [\n");
        assertThatThrownBy(() -> FleetFiles.read(yaml, ZoneOffset.UTC, dir)).hasMessageContaining("not valid YAML");
    }

    @Test
    void aLongFormatCsvIsSplitIntoOneFilePerService() throws Exception {
        Path csv = dir.resolve("all.csv");
        Files.writeString(csv, "timestamp,service,value\n2026-01-01T00:00:00Z,web,10\n2026-01-01T00:00:00Z,db,3\n"
                + "2026-01-01T01:00:00Z,web,12\n");
        Fleet f = FleetFiles.read(csv, ZoneOffset.UTC, dir.resolve("split"));
        assertThat(f.members()).extracting(FleetMember::name).containsExactly("web", "db");
        assertThat(Files.readAllLines(f.member("web").orElseThrow().file().orElseThrow()))
                .containsExactly("timestamp,value", "2026-01-01T00:00:00Z,10", "2026-01-01T01:00:00Z,12");
        Files.writeString(csv, "timestamp,service,value\n2026-01-01T00:00:00Z,web\n");
        assertThatThrownBy(() -> FleetFiles.read(csv, ZoneOffset.UTC, dir.resolve("split2")))
                .hasMessageContaining("all.csv line 2");
        Files.writeString(csv, "time,value\n2026-01-01T00:00:00Z,1\n");
        assertThatThrownBy(() -> FleetFiles.read(csv, ZoneOffset.UTC, dir.resolve("split3")))
                .hasMessageContaining("line 1").hasMessageContaining("service");
    }

    @Test
    void aFolderGivesOneServicePerVisibleFile() throws Exception {
        Files.writeString(dir.resolve("web.csv"), "x");
        Files.writeString(dir.resolve(".hidden"), "x");
        Files.writeString(dir.resolve("db.json"), "x");
        Files.writeString(dir.resolve("queue"), "x");
        // Notes, the fleet's own report and calendar and a fleet file beside the data are not services.
        for (String other : java.util.List.of("README.md", "fleet.pdf", "fleet.ics", "Fleet.YAML", "chart.png")) {
            Files.writeString(dir.resolve(other), "x");
        }
        Fleet f = FleetFiles.read(dir, ZoneOffset.UTC, dir.resolve("w"));
        assertThat(f.members()).extracting(FleetMember::name).containsExactly("db", "queue", "web");
    }
}
