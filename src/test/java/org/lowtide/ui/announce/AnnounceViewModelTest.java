package org.lowtide.ui.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.announce.AnnounceFixtures.berlin;
import static org.lowtide.ui.FxThread.onFx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.announce.AnnounceFixtures;
import org.lowtide.service.AnnounceService;
import org.testfx.api.FxToolkit;

/**
 * The Announce dialog's state without a window: the preview is exactly the files' content, the
 * fields' errors say which field, export writes the files, and the work runs on the job's executor.
 */
class AnnounceViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final AtomicInteger tasks = new AtomicInteger();
    private final Executor counting = r -> {
        tasks.incrementAndGet();
        r.run();
    };

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private AnnounceViewModel model() throws Exception {
        Path plan = AnnounceFixtures.save(AnnounceFixtures.plan(Duration.ofHours(2), berlin(3, 28, 1, 30),
                berlin(4, 3, 2, 0)), dir.resolve("team.lowtide"));
        return new AnnounceViewModel(new AnnounceService(), plan, counting, CLOCK);
    }

    @Test
    void thePreviewIsExactlyWhatTheFilesHold() throws Exception {
        AnnounceViewModel vm = model();
        onFx(() -> {
            vm.matchersProperty().set("service=\"shop\"\nenv=~\"prod|staging\"");
            vm.pagerDutyServicesProperty().set("PIJ90N7, P2ABCDE");
            vm.readerZonesProperty().set("America/New_York");
            vm.titleProperty().set("Database upgrade");
            vm.preview();
        });
        assertThat(tasks).hasValue(1);
        assertThat(vm.statusProperty().get()).startsWith("2 window(s) to announce");
        JsonNode silences = new ObjectMapper().readTree(vm.silencesPreviewProperty().get());
        assertThat(silences).hasSize(2);
        assertThat(silences.get(0).path("matchers")).hasSize(2);
        assertThat(silences.get(0).path("startsAt").asText()).isEqualTo("2027-03-28T00:30:00Z");
        assertThat(vm.pagerDutyPreviewProperty().get()).contains("\"P2ABCDE\"", "2027-03-28T04:30:00+02:00");
        assertThat(vm.markdownPreviewProperty().get()).contains("# Database upgrade", "(America/New_York)");

        Path out = dir.resolve("files");
        onFx(() -> vm.export(out));
        assertThat(vm.statusProperty().get()).isEqualTo("Wrote 5 files to " + out);
        assertThat(Files.readString(out.resolve(AnnounceService.SILENCES_FILE)))
                .isEqualTo(vm.silencesPreviewProperty().get());
        assertThat(Files.readString(out.resolve(AnnounceService.PAGERDUTY_FILE)))
                .isEqualTo(vm.pagerDutyPreviewProperty().get());
        assertThat(Files.readString(out.resolve(AnnounceService.STATUSPAGE_FILE)))
                .isEqualTo(vm.statuspagePreviewProperty().get());
    }

    @Test
    void aWrongFieldIsNamedAndNothingRuns() throws Exception {
        AnnounceViewModel vm = model();
        onFx(() -> {
            vm.matchersProperty().set("service");
            vm.preview();
        });
        assertThat(vm.statusProperty().get()).startsWith("Matchers: ").contains("not a matcher");
        onFx(() -> {
            vm.matchersProperty().set("service=\"shop\"");
            vm.readerZonesProperty().set("Mars/Olympus");
            vm.preview();
        });
        assertThat(vm.statusProperty().get()).startsWith("Readers' zones: ").contains("Mars/Olympus");
        onFx(() -> {
            vm.readerZonesProperty().set("");
            vm.send();
        });
        assertThat(vm.statusProperty().get()).startsWith("Nothing to send to");
        assertThat(tasks).hasValue(0);
    }

    @Test
    void aRefusedSendIsSaidInWords() throws Exception {
        AnnounceViewModel vm = model();
        int port = org.lowtide.traffic.sources.PrometheusServer.freePort();
        onFx(() -> {
            vm.matchersProperty().set("service=\"shop\"");
            vm.alertmanagerProperty().set("http://127.0.0.1:" + port);
            vm.send();
        });
        assertThat(tasks).hasValue(1);
        assertThat(vm.statusProperty().get()).startsWith("Not sent: ").contains("connection refused");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
