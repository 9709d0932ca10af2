package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.OutputFileException;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileException;
import org.lowtide.project.PlanFiles;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * The plan-file use cases the GUI and the CLI share (issue 19): save with the sample's copy, reopen
 * with its checks and notes, refuse damaged and newer files without ever overwriting them, and
 * export. One plan on the bundled shop sample, made once.
 */
class PlanFileServiceTest {

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static final PlanService PLANS = new PlanService(new AnalysisService());
    private static final PlanFileService FILES = new PlanFileService(PLANS);
    private static PlanResult shown;

    @BeforeAll
    static void plan() throws Exception {
        PlanRequest request = new PlanRequest(new AnalysisRequest(Samples.SHOP, ImportOptions.inZone(Samples.SHOP.zone()),
                Duration.ofHours(2), AnalysisRequest.DEFAULT_TROUGHS), new WindowRequest(Duration.ofHours(2),
                Duration.ofHours(1), 3, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 31), Duration.ofDays(1),
                Constraints.none(Samples.SHOP.zone()), Optional.empty()), Optional.of("DE"));
        shown = PLANS.plan(request, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(shown.plan().windows()).hasSize(3);
    }

    @Test
    void aSavedPlanReopensToTheSameWindowsWithoutNotes() throws Exception {
        Path target = dir.resolve("shop" + PlanFiles.EXTENSION);
        PlanFileService.Saved saved = FILES.save(shown, target);
        Path copy = dir.resolve(Samples.SHOP.fileName());
        assertThat(saved.sampleCopy()).contains(copy.toAbsolutePath());
        assertThat(saved.message()).isEqualTo("Saved the plan with a copy of the sample, " + Samples.SHOP.fileName()
                + ", to " + target);
        String json = Files.readString(target);
        assertThat(json).containsPattern("\"schemaVersion\" ?: ?" + PlanFiles.SCHEMA_VERSION + "\\b")
                .contains("\"writtenBy\" : \"Lowtide " + AppInfo.version() + "\"");

        PlanFileService.Reopened reopened = FILES.reopen(target, ProgressListener.NONE, Cancellation.NEVER);
        PlanDocument doc = reopened.document();
        assertThat(doc.sourcePath()).isEqualTo(copy.toAbsolutePath().toString());
        assertThat(doc.plan().windows()).isEqualTo(shown.plan().windows());
        assertThat(reopened.result().plan().windows()).isEqualTo(shown.plan().windows());
        assertThat(reopened.result().request().holidays()).contains("DE");
        assertThat(reopened.notes()).isEmpty();

        // Saving again beside the same copy writes no second copy.
        PlanFileService.Saved again = FILES.save(shown, dir.resolve("again" + PlanFiles.EXTENSION));
        assertThat(again.sampleCopy()).isEmpty();
        assertThat(again.message()).doesNotContain("copy");
    }

    @Test
    void aChangedTrafficFileIsPlannedAsItIsNowWithANote() throws Exception {
        Path target = dir.resolve("shop" + PlanFiles.EXTENSION);
        FILES.save(shown, target);
        Path copy = dir.resolve(Samples.SHOP.fileName());
        Files.writeString(copy, Files.readString(copy) + "\n", StandardCharsets.UTF_8);
        PlanFileService.Reopened reopened = FILES.reopen(target, ProgressListener.NONE, Cancellation.NEVER);
        assertThat(reopened.notes()).containsExactly("The traffic file " + Samples.SHOP.fileName()
                + " changed since the plan was saved: the windows are planned on it as it is now.");

        Files.delete(copy);
        assertThatThrownBy(() -> FILES.reopen(target, ProgressListener.NONE, Cancellation.NEVER))
                .isInstanceOf(PlanFileException.class)
                .hasMessage("shop.lowtide: its traffic file " + copy.toAbsolutePath()
                        + " is not found; move it back or plan again");
    }

    @Test
    void anotherFileOfTheSamplesNameIsNeverOverwritten() throws Exception {
        Path foreign = dir.resolve(Samples.SHOP.fileName());
        Files.writeString(foreign, "mine\n");
        Path target = dir.resolve("shop" + PlanFiles.EXTENSION);
        assertThatThrownBy(() -> FILES.save(shown, target)).hasMessage(Samples.SHOP.fileName()
                + " already exists there and is not the bundled sample; save the plan in another folder");
        assertThat(Files.readString(foreign)).isEqualTo("mine\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void aDamagedPlanFileIsRefusedAndNeverOverwritten() throws Exception {
        Path target = dir.resolve("damaged" + PlanFiles.EXTENSION);
        byte[] damaged = "{ \"schemaVersion\": 1, \"plan\": [".getBytes(StandardCharsets.UTF_8);
        Files.write(target, damaged);
        assertThatThrownBy(() -> FILES.open(target)).isInstanceOf(PlanFileException.class)
                .hasMessage("damaged.lowtide: line 1, column 32: not a Lowtide plan file (damaged JSON)");
        assertThatThrownBy(() -> FILES.reopen(target, ProgressListener.NONE, Cancellation.NEVER))
                .isInstanceOf(PlanFileException.class);
        assertThatThrownBy(() -> FILES.save(shown, target)).isInstanceOf(OutputFileException.class);
        assertThat(Files.readAllBytes(target)).isEqualTo(damaged);
    }

    @Test
    void aPlanFromANewerVersionIsRefusedAndNeverOverwritten() throws Exception {
        Path good = dir.resolve("good" + PlanFiles.EXTENSION);
        FILES.save(shown, good);
        Path newer = dir.resolve("newer" + PlanFiles.EXTENSION);
        String text = Files.readString(good).replaceFirst("\"schemaVersion\" ?: ?\\d+",
                "\"schemaVersion\" : " + (PlanFiles.SCHEMA_VERSION + 1));
        Files.writeString(newer, text);
        assertThatThrownBy(() -> FILES.open(newer)).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("written by a newer Lowtide")
                .hasMessageContaining("this version reads schema " + PlanFiles.SCHEMA_VERSION);
        assertThatThrownBy(() -> FILES.save(shown, newer)).isInstanceOf(OutputFileException.class);
        assertThat(Files.readString(newer)).isEqualTo(text);
        // The same file at this version's schema opens.
        assertThat(FILES.open(good).plan().windows()).isEqualTo(shown.plan().windows());
    }

    @Test
    void exportsWriteTheCalendarAndTheCsv() throws Exception {
        Path ics = dir.resolve("plan.ics");
        Path csv = dir.resolve("plan.csv");
        PlanFileService.export(shown.plan(), PlanFileService.Export.ICS, ics);
        PlanFileService.export(shown.plan(), PlanFileService.Export.CSV, csv);
        assertThat(Files.readString(ics)).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");
        assertThat(Files.readAllLines(csv)).hasSize(1 + shown.plan().windows().size());
        assertThat(PlanFileService.Export.ICS.what()).isEqualTo("calendar");
    }
}
