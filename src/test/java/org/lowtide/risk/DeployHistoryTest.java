package org.lowtide.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.imports.ImportException;

/** Deploy logs and git repositories as change histories. */
class DeployHistoryTest {

    @Test
    void deployLogWithServiceOutcomeAndDuplicates() throws Exception {
        ChangeHistory h = DeployCsvReader.read(IncidentCsvReaderTest.fixture("deploys.csv"), ZoneId.of("UTC"),
                Optional.of("shop"));
        assertThat(h.changes()).hasSize(4);
        assertThat(h.duplicates()).isEqualTo(1);
        assertThat(h.otherService()).isEqualTo(1);
        assertThat(h.changes()).extracting(Change::outcome).containsExactly(Change.Outcome.SUCCEEDED,
                Change.Outcome.SUCCEEDED, Change.Outcome.FAILED, Change.Outcome.SUCCEEDED);
        assertThat(h.changes().get(0).name()).isEqualTo("3.2");
    }

    @Test
    void headerlessListOfTimes() throws Exception {
        ChangeHistory h = DeployCsvReader.parse("2025-01-01T10:00:00Z\n2025-01-02T10:00:00Z\n1735813200\n", "d.txt",
                ZoneId.of("UTC"), Optional.empty());
        assertThat(h.changes()).extracting(Change::time).containsExactly(Instant.parse("2025-01-01T10:00:00Z"),
                Instant.parse("2025-01-02T10:00:00Z"), Instant.parse("2025-01-02T10:20:00Z"));
    }

    @Test
    void refusesALogWithoutATimeColumn() {
        assertThatThrownBy(() -> DeployCsvReader.parse("version,who\n1.0,ann\n", "v.csv", ZoneId.of("UTC"),
                Optional.empty())).isInstanceOf(ImportException.class).hasMessageContaining("v.csv: line 1")
                .hasMessageContaining("no time column");
    }

    @Test
    void gitTagsAreChangesAtTheirDates(@TempDir Path dir) throws Exception {
        assumeTrue(gitWorks(), "git is not installed: skipping the --deploys-from-git test");
        git(dir, null, "init", "-q", "-b", "main");
        commit(dir, "2025-01-06T10:00:00+00:00", "first");
        git(dir, null, "tag", "v1.0");
        commit(dir, "2025-01-13T11:30:00+01:00", "second");
        git(dir, "2025-01-13T12:00:00+00:00", "tag", "-a", "v1.1", "-m", "release 1.1");
        ChangeHistory h = GitDeploys.read(dir);
        assertThat(h.source()).startsWith("git tags of");
        assertThat(h.changes()).extracting(Change::name).containsExactly("v1.0", "v1.1");
        assertThat(h.changes()).extracting(Change::time).containsExactly(Instant.parse("2025-01-06T10:00:00Z"),
                Instant.parse("2025-01-13T12:00:00Z"));
    }

    @Test
    void gitMergeCommitsWhenThereAreNoTags(@TempDir Path dir) throws Exception {
        assumeTrue(gitWorks(), "git is not installed: skipping the --deploys-from-git test");
        git(dir, null, "init", "-q", "-b", "main");
        commit(dir, "2025-02-01T09:00:00Z", "base");
        for (int i = 1; i <= 3; i++) {
            git(dir, null, "checkout", "-q", "-b", "f" + i);
            commit(dir, "2025-02-0" + (i + 1) + "T09:00:00Z", "feature " + i);
            git(dir, null, "checkout", "-q", "main");
            git(dir, "2025-02-0" + (i + 1) + "T15:00:00Z", "merge", "-q", "--no-ff", "-m", "Merge f" + i, "f" + i);
        }
        ChangeHistory h = GitDeploys.read(dir);
        assertThat(h.source()).startsWith("git merge commits of");
        assertThat(h.changes()).extracting(Change::time).containsExactly(Instant.parse("2025-02-02T15:00:00Z"),
                Instant.parse("2025-02-03T15:00:00Z"), Instant.parse("2025-02-04T15:00:00Z"));
    }

    @Test
    void aFolderThatIsNoRepositoryIsRefused(@TempDir Path dir) {
        assumeTrue(gitWorks(), "git is not installed");
        assertThatThrownBy(() -> GitDeploys.read(dir)).isInstanceOf(ImportException.class)
                .hasMessageContaining("git failed");
    }

    private static boolean gitWorks() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void commit(Path dir, String date, String message) throws Exception {
        Files.writeString(dir.resolve("f.txt"), message + "\n");
        git(dir, null, "add", "f.txt");
        git(dir, date, "commit", "-q", "-m", message);
    }

    private static void git(Path dir, String date, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=Test",
                "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", dir.toString());
        if (date != null) {
            env.put("GIT_AUTHOR_DATE", date);
            env.put("GIT_COMMITTER_DATE", date);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        }
    }
}
