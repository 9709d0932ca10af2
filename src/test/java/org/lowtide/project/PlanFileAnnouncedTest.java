package org.lowtide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lowtide.announce.AnnounceFixtures.berlin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.announce.AnnounceFixtures;
import org.lowtide.announce.AnnounceState;

/** The plan file's {@code announced} object: read back, kept when the plan is saved again, versioned. */
class PlanFileAnnouncedTest {

    @TempDir
    Path dir;

    private static final AnnounceState STATE = AnnounceState.EMPTY.with(AnnounceState.Kind.ALERTMANAGER,
            "http://am:9093", List.of(new AnnounceState.Entry("window-1", "4b1c-77", "",
                    Instant.parse("2027-03-28T02:30:00Z"))));

    @Test
    void announcementsAreReadBackAndKeptWhenThePlanIsSavedAgain() throws Exception {
        Path file = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(2), berlin(3, 28, 1, 30)),
                dir.resolve("a.lowtide"));
        PlanFiles.save(PlanFileMapper.withAnnounced(PlanFiles.load(file), STATE), file);
        assertThat(PlanFileMapper.announced(PlanFiles.load(file), "a.lowtide")).isEqualTo(STATE);
        assertThat(Files.readString(file)).contains("\"announced\"", "\"version\" : 1", "\"alertmanager\"");

        // plan again and save over it (as `plan --save` and the app do): the ids stay
        AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(3), berlin(3, 27, 2, 0)), file);
        PlanFileDto reread = PlanFiles.load(file);
        assertThat(reread.result().windows().get(0).start()).startsWith("2027-03-27T02:00");
        assertThat(PlanFileMapper.announced(reread, "a.lowtide")).isEqualTo(STATE);

        // a plan without announcements reads as none, and its JSON has no such field
        Path plain = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(1), berlin(4, 1, 2, 0)),
                dir.resolve("b.lowtide"));
        assertThat(Files.readString(plain)).doesNotContain("announced");
        assertThat(PlanFileMapper.announced(PlanFiles.load(plain), "b.lowtide")).isEqualTo(AnnounceState.EMPTY);
    }

    @Test
    void announcementsOfANewerLowtideAreNotOverwritten() throws Exception {
        Path file = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(2), berlin(3, 28, 1, 30)),
                dir.resolve("c.lowtide"));
        String json = Files.readString(file).replaceFirst("\\{", "{\n  \"announced\" : {\"version\" : 2, \"targets\" : []},");
        Files.writeString(file, json);
        assertThatThrownBy(() -> PlanFileMapper.announced(PlanFiles.load(file), "c.lowtide"))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("newer Lowtide (version 2)");
    }
}
