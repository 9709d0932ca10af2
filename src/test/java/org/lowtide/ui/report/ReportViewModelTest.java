package org.lowtide.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.report.Paper;
import org.lowtide.report.Section;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanService;
import org.lowtide.service.ReportService;
import org.lowtide.service.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Export Report dialog's state, on the FX thread with a real background executor. */
@ExtendWith(ApplicationExtension.class)
class ReportViewModelTest {

    @TempDir
    Path dir;

    private ExecutorService executor;
    private ReportViewModel vm;

    @BeforeEach
    void create() {
        executor = Executors.newSingleThreadExecutor();
        vm = new ReportViewModel(new ReportService(new PlanService(new AnalysisService()), new CostService()), executor,
                Clock.fixed(Instant.parse("2025-11-16T12:00:00Z"), ZoneId.of("UTC")));
        vm.setSource(Samples.SHOP, ZoneId.of("Europe/Berlin"), Duration.ofHours(2), Optional.empty());
    }

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Test
    void previewRendersEveryPageAndSaveWritesThatPdf(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.titleProperty().set("Change windows Ελληνικά");
            vm.authorProperty().set("Ops");
            vm.currencyProperty().set("eur");
            vm.paperProperty().set(Paper.LETTER);
            vm.sectionProperty(Section.PATTERN).set(false);
            vm.preview();
        });
        assertThat(vm.busyProperty().get()).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.canSaveProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.pages()).hasSizeGreaterThan(3);
        assertThat(vm.pages().get(0).getWidth()).isCloseTo(612 * ReportViewModel.PREVIEW_DPI / 72,
                org.assertj.core.data.Offset.offset(2.0));
        assertThat(vm.statusProperty().get()).contains("LETTER").contains("ready to save");

        Path target = dir.resolve("report.pdf");
        vm.save(target);
        try (PDDocument doc = Loader.loadPDF(target.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(vm.pages().size());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Change windows Ελληνικά").contains("EUR").doesNotContain("The pattern behind it");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
        }

        robot.interact(() -> vm.titleProperty().set("Another title"));
        assertThat(vm.canSaveProperty().get()).as("a changed form needs a new preview").isFalse();
    }

    @Test
    void cancelStopsTheRenderAndBadInputIsNamed(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.preview();
            vm.cancel();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled");
        assertThat(vm.canSaveProperty().get()).isFalse();

        robot.interact(() -> {
            vm.currencyProperty().set("EURO");
            vm.preview();
        });
        assertThat(vm.errorProperty().get()).contains("'EURO' is not a currency code");
        assertThat(vm.busyProperty().get()).isFalse();
        robot.interact(() -> {
            vm.currencyProperty().set("EUR");
            for (Section s : Section.values()) {
                vm.sectionProperty(s).set(false);
            }
            vm.preview();
        });
        assertThat(vm.errorProperty().get()).isEqualTo("Choose at least one section.");
    }
}
