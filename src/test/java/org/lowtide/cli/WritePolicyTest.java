package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writing policy (issue #14, DESIGN §6 writing): a file Lowtide did not write is never replaced
 * unless it is a plan this version reads or {@code --force} is given; symbolic links and special
 * files are written through, never replaced; failures name the file and exit 4.
 */
class WritePolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    private Path traffic;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void writeTraffic() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 10, 6, 0, 0, 0, 0, BERLIN);
        for (int i = 0; i < 3 * 168; i++, t = t.plusHours(1)) {
            int h = t.getHour();
            int v = t.getDayOfWeek() == DayOfWeek.SATURDAY && h >= 3 && h < 6 ? 10 : 500 + 10 * h;
            csv.append(t.toOffsetDateTime()).append(',').append(v).append('\n');
        }
        traffic = dir.resolve("traffic.csv");
        Files.writeString(traffic, csv, StandardCharsets.UTF_8);
    }

    private CliRun save(Path target, String... extra) {
        String[] base = {"plan", traffic.toString(), "--zone", "Europe/Berlin", "--from", "2025-11-17", "--to",
            "2025-11-30", "--count", "2", "--by-traffic", "--save", target.toString()};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    private Path validPlan() throws Exception {
        Path plan = dir.resolve("plan.lowtide");
        CliRun r = save(plan);
        assertThat(r.code()).as(r.err()).isZero();
        return plan;
    }

    private void assertRefusedAndUntouched(Path target, byte[] before, CliRun r) throws Exception {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(target.getFileName().toString()).contains("not replaced")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aValidPlanIsReplaced() throws Exception {
        Path plan = validPlan();
        Files.writeString(plan, Files.readString(plan).replace("\"count\"", "\"count\" : 2, \"stale\""));

        CliRun r = save(plan);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(plan)).doesNotContain("stale");
    }

    @Test
    void truncatedByteFlippedAndEmptyPlansAreRefusedAndLeftUntouched() throws Exception {
        byte[] good = Files.readAllBytes(validPlan());
        byte[] flipped = good.clone();
        // Flip a structural byte (a ':' past the first third): a flip inside a string could leave valid JSON.
        int at = good.length / 3;
        while (good[at] != ':') {
            at++;
        }
        flipped[at] ^= 0x5b;
        for (byte[] damaged : new byte[][] {Arrays.copyOf(good, good.length / 2), flipped, new byte[0]}) {
            Path plan = dir.resolve("plan.lowtide");
            Files.write(plan, damaged);

            assertRefusedAndUntouched(plan, damaged, save(plan));
        }
    }

    @Test
    void aPlanFromANewerLowtideIsRefusedAndForceReplacesIt() throws Exception {
        Path plan = validPlan();
        byte[] newer = Files.readString(plan).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(plan, newer);

        CliRun refused = save(plan);
        assertRefusedAndUntouched(plan, newer, refused);
        assertThat(refused.err()).contains("newer").contains("--force");

        CliRun forced = save(plan, "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readString(plan)).contains("\"schemaVersion\" : 1");
    }

    @Test
    void aSchemaVersionBeyondAnIntIsNotReadAsVersionOne() throws Exception {
        Path plan = validPlan();
        Files.writeString(plan, Files.readString(plan).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 4294967297"));

        CliRun gate = run("gate", plan.toString(), "--at", "2025-11-22T04:00:00+01:00");

        assertThat(gate.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(gate.err()).contains("4294967297").contains("newer");
    }

    @Test
    void aReadOnlyPlanIsRefusedAndKeepsItsPermissions() throws Exception {
        Path plan = validPlan();
        byte[] before = Files.readAllBytes(plan);
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("r--r--r--"));

        assertRefusedAndUntouched(plan, before, save(plan));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan))).isEqualTo("r--r--r--");
    }

    @Test
    void aReplacedPlanKeepsItsPermissions() throws Exception {
        Path plan = validPlan();
        Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(save(plan).code()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan))).isEqualTo("rw-r-----");
    }

    @Test
    void aForeignFileIsNotReplacedByAnyWriter() throws Exception {
        Path notes = dir.resolve("notes.txt");
        byte[] text = "my notes\n".getBytes(StandardCharsets.UTF_8);
        Files.write(notes, text);
        String[] base = {"plan", traffic.toString(), "--zone", "Europe/Berlin", "--from", "2025-11-17", "--to",
            "2025-11-30", "--by-traffic"};
        for (String option : new String[] {"--save", "--ics", "--csv"}) {
            String[] args = Arrays.copyOf(base, base.length + 2);
            args[base.length] = option;
            args[base.length + 1] = notes.toString();
            assertRefusedAndUntouched(notes, text, run(args));
        }
        assertRefusedAndUntouched(notes, text, run("report", traffic.toString(), "--zone", "Europe/Berlin",
                "--by-traffic", "--pdf", notes.toString()));
        assertRefusedAndUntouched(notes, text, run("analyze", traffic.toString(), "--components", notes.toString()));
    }

    @Test
    void lowtidesOwnExportsAreReplacedOnTheNextRun() throws Exception {
        Path ics = dir.resolve("windows.ics");
        Path csv = dir.resolve("windows.csv");
        String[] args = {"plan", traffic.toString(), "--zone", "Europe/Berlin", "--from", "2025-11-17", "--to",
            "2025-11-30", "--by-traffic", "--ics", ics.toString(), "--csv", csv.toString()};
        assertThat(run(args).code()).isZero();
        CliRun again = run(args);
        assertThat(again.code()).as(again.err()).isZero();
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path plan = validPlan();
        Path real = dir.resolve("real.lowtide");
        Files.move(plan, real);
        Path link = Files.createSymbolicLink(dir.resolve("link.lowtide"), real);

        CliRun r = save(link);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(Files.readString(real)).contains("\"schemaVersion\" : 1");
        assertNoTemporaryFiles();
    }

    @Test
    void aDeviceIsWrittenThroughAndStaysADevice() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full) && Files.isWritable(full), "no writable /dev/full here");

        CliRun r = save(full);

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("/dev/full: cannot write").doesNotContain("Exception");
        assertThat(Files.isRegularFile(full, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(full)).isTrue();
    }

    @Test
    void aFolderIsRefusedWithAMessage() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("plans"));

        CliRun r = save(folder);

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("plans").contains("folder");
    }

    @Test
    void leftoverTemporaryFilesOfAKilledSaveAreRemovedByTheNextSave() throws Exception {
        Path plan = validPlan();
        Path leftover = dir.resolve(".plan.lowtide.3fa9c01d2b7e4410.tmp");
        Files.createFile(leftover);
        Path unrelated = dir.resolve(".other.lowtide.3fa9c01d2b7e4410.tmp");
        Files.createFile(unrelated);

        assertThat(save(plan).code()).isZero();

        assertThat(leftover).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void aWriteFailureIsNotCalledAReadFailure() throws Exception {
        Path missingFolderIsAFile = dir.resolve("traffic.csv").resolve("plan.lowtide");

        CliRun r = save(missingFolderIsAFile);

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write").doesNotContain("cannot read input");
    }
}
