package org.lowtide.ui.main;

import static org.lowtide.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.analysis.Trough;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.testfx.api.FxToolkit;

/**
 * The main window's state, driven without controls. The view model runs its tasks on the caller's
 * thread here, and every call is made on the FX thread (where it lives); {@link org.lowtide.ui.FxThread#onFx} then waits
 * for the task's state changes, which a {@code Task} always posts to the FX queue, so each call has
 * finished its analysis and shown the outcome when it returns.
 */
class MainViewModelTest {

    private static final Clock MONDAY_NOON = Clock.fixed(Instant.parse("2025-03-03T12:00:00Z"), ZoneOffset.UTC);

    private final AnalysisService service = new AnalysisService();
    private final MainViewModel viewModel = new MainViewModel(service, Runnable::run, MONDAY_NOON);

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // starts the (headless) FX toolkit once per JVM
    }

    @Test
    void loadingTheDefaultSampleRecommendsTheServicesWindow() throws Exception {
        TrafficSource.Sample sample = Samples.defaultSample();
        AnalysisResult expected = analyse(sample, sample.zone(), AnalysisRequest.DEFAULT_WINDOW);
        org.lowtide.planning.Recommendation advice = recommend(sample, sample.zone(), AnalysisRequest.DEFAULT_WINDOW);

        onFx(() -> viewModel.load(sample));

        assertThat(viewModel.getRecommendation()).isEqualTo(advice.weeklyText().orElseThrow());
        assertThat(viewModel.nextOccurrenceProperty().get()).isEqualTo("Next: " + advice.firstText().orElseThrow());
        assertThat(viewModel.notesProperty().get(0)).startsWith("Ranked by the traffic at stake");
        assertThat(viewModel.getZone()).as("a sample opens in the zone it was made in").isEqualTo(sample.zone());
        assertThat(viewModel.getErrorMessage()).isEmpty();
        assertThat(viewModel.isBusy()).isFalse();
        assertThat(viewModel.runnersUpProperty()).containsExactly(
                "Quiet by traffic in the window alone: " + expected.troughs().get(0).describe(),
                "Quiet by traffic in the window alone: " + expected.troughs().get(1).describe());
        assertThat(viewModel.trafficChartProperty().get()).isNotNull();
        assertThat(viewModel.heatmapChartProperty().get()).isNotNull();
        assertThat(viewModel.getTitle()).endsWith("— " + sample.fileName()).startsWith("Lowtide ");
        assertThat(viewModel.seriesFactsProperty().get()).contains("8,760 points", "every 1 h");
    }

    /** Issue 18: the banner names the forecast's method and its backtest score plainly, not only in notes. */
    @Test
    void theBannerNamesTheForecastsMethodAndItsBacktestScore() throws Exception {
        TrafficSource.Sample sample = Samples.defaultSample();
        AnalysisResult expected = analyse(sample, sample.zone(), AnalysisRequest.DEFAULT_WINDOW);
        org.lowtide.analysis.Forecast f = expected.patterns().orElseThrow().forecast().orElseThrow();
        org.lowtide.analysis.Forecast.Backtest b = f.backtest().orElseThrow();

        onFx(() -> viewModel.load(sample));

        String line = viewModel.forecastSummaryProperty().get();
        assertThat(line).isEqualTo(AnalysisService.forecastSummary(f))
                .startsWith("Forecast: " + AnalysisService.describeForecastMethod(f.method()) + ", backtest MASE "
                        + String.format(java.util.Locale.ROOT, "%.2f", b.mase()))
                .contains(b.origins() + " origins");
        assertThat(viewModel.notesProperty()).noneMatch(n -> n.startsWith("Forecast: "));
    }

    @Test
    void nothingLoadedMeansNoRecommendation() {
        assertThat(viewModel.forecastSummaryProperty().get()).isEmpty();
        assertThat(viewModel.getRecommendation()).isEmpty();
        assertThat(viewModel.getResult()).isNull();
    }

    @Test
    void theNextOccurrenceIsTheFirstPlannedWindowFromTomorrow() throws Exception {
        onFx(() -> viewModel.load(Samples.defaultSample()));

        // The Windows tab's horizon starts tomorrow (Tuesday 4 March 2025): the first window is in that week.
        String next = viewModel.nextOccurrenceProperty().get();
        assertThat(next).startsWith("Next: ").contains(" Mar 2025 ");
        int day = Integer.parseInt(next.replaceAll("^Next: \\w+ (\\d+) Mar.*", "$1"));
        assertThat(day).isBetween(4, 10);
    }

    @Test
    void aBadFileKeepsThePreviousResultAndNamesFileAndLine() throws Exception {
        onFx(() -> viewModel.load(Samples.defaultSample()));
        AnalysisResult before = viewModel.getResult();
        String recommendationBefore = viewModel.getRecommendation();
        Path bad = dir.resolve("bad-timestamps.csv");
        Files.writeString(bad, "timestamp,requests\n"
                + "2025-01-01T00:00:00+01:00,10\n"
                + "yesterday at noon,12\n"
                + "2025-01-01T02:00:00+01:00,14\n", StandardCharsets.UTF_8);

        onFx(() -> viewModel.load(new TrafficSource.FileSource(bad)));

        assertThat(viewModel.getErrorMessage()).contains("bad-timestamps.csv", "line 3");
        assertThat(viewModel.getResult()).isSameAs(before);
        assertThat(viewModel.getRecommendation()).isEqualTo(recommendationBefore);
        assertThat(viewModel.getSource()).as("the controls describe what is shown").isEqualTo(Samples.defaultSample());
        assertThat(viewModel.getTitle()).endsWith(Samples.defaultSample().fileName());
        assertThat(viewModel.isBusy()).isFalse();
    }

    @Test
    void theErrorGoesAwayWithTheNextGoodAnalysis() throws Exception {
        onFx(() -> viewModel.load(new TrafficSource.FileSource(dir.resolve("missing.csv"))));
        assertThat(viewModel.getErrorMessage()).contains("missing.csv");
        assertThat(viewModel.getRecommendation()).isEmpty();

        onFx(() -> viewModel.load(Samples.defaultSample()));

        assertThat(viewModel.getErrorMessage()).isEmpty();
        assertThat(viewModel.getRecommendation()).isNotEmpty();
    }

    @Test
    void changingTheWindowLengthReanalyses() throws Exception {
        onFx(() -> viewModel.load(Samples.defaultSample()));
        String twoHours = viewModel.getRecommendation();

        onFx(() -> viewModel.setWindowLength(Duration.ofHours(4)));

        assertThat(viewModel.getResult().troughs()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.duration()).isEqualTo(Duration.ofHours(4)));
        assertThat(viewModel.getRecommendation()).isNotEqualTo(twoHours)
                .isEqualTo(recommend(Samples.defaultSample(), Samples.defaultSample().zone(), Duration.ofHours(4))
                        .weeklyText().orElseThrow());
    }

    /** Issue 20: a length edit is recommended on the analysis shown, with the answer of a fresh one. */
    @Test
    void aWindowLengthEditFindsTheTroughsAgainInTheAnalysisShown() throws Exception {
        TrafficSource.Sample sample = Samples.defaultSample();
        onFx(() -> viewModel.load(sample));
        AnalysisResult before = viewModel.getResult();

        onFx(() -> viewModel.setWindowLength(Duration.ofHours(3)));

        AnalysisResult after = viewModel.getResult();
        AnalysisResult fresh = analyse(sample, sample.zone(), Duration.ofHours(3));
        assertThat(after.imported()).as("no second import or analysis").isSameAs(before.imported());
        assertThat(after.request()).isEqualTo(fresh.request());
        assertThat(after.troughs()).isNotEmpty().isEqualTo(fresh.troughs()).isNotEqualTo(before.troughs());
        assertThat(after.troughStats()).isEqualTo(fresh.troughStats());
        assertThat(after.notes()).isEqualTo(fresh.notes());
        assertThat(viewModel.getRecommendation()).isEqualTo(recommend(sample, sample.zone(), Duration.ofHours(3))
                .weeklyText().orElseThrow());

        onFx(viewModel::reanalyse); // asked for: read and analysed afresh
        assertThat(viewModel.getResult().imported()).isNotSameAs(before.imported());
    }

    @Test
    void changingTheZoneReanalysesInThatZone() throws Exception {
        onFx(() -> viewModel.load(Samples.defaultSample()));
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        onFx(() -> viewModel.applyZoneText("asia/tokyo"));

        assertThat(viewModel.getZone()).isEqualTo(tokyo);
        assertThat(viewModel.getResult().best().orElseThrow().zone()).isEqualTo(tokyo);
        assertThat(viewModel.getRecommendation()).contains("Asia/Tokyo");
    }

    @Test
    void anUnknownZoneIsRefusedWithoutReanalysing() throws Exception {
        onFx(() -> viewModel.load(Samples.defaultSample()));
        AnalysisResult before = viewModel.getResult();

        boolean accepted = onFx(() -> viewModel.applyZoneText("Mars/Olympus_Mons"));

        assertThat(accepted).isFalse();
        assertThat(viewModel.getZoneError()).contains("Mars/Olympus_Mons");
        assertThat(viewModel.getZone()).isEqualTo(Samples.defaultSample().zone());
        assertThat(viewModel.getResult()).isSameAs(before);

        onFx(() -> viewModel.applyZoneText("UTC"));
        assertThat(viewModel.getZoneError()).isEmpty();
    }

    @Test
    void aUserFileOpensInTheSelectedZone() throws Exception {
        Path file = dir.resolve("three-weeks.csv");
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        Instant t = Instant.parse("2025-01-06T00:00:00Z");
        for (int h = 0; h < 21 * 24; h++) {
            int hour = h % 24;
            csv.append(t.plus(Duration.ofHours(h))).append(',').append(hour == 2 || hour == 3 ? 5 : 100 + hour).append('\n');
        }
        Files.writeString(file, csv);
        onFx(() -> viewModel.setZone(ZoneOffset.UTC));

        onFx(() -> viewModel.load(new TrafficSource.FileSource(file)));

        assertThat(viewModel.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(viewModel.getRecommendation()).endsWith(" Z")
                .isEqualTo(recommend(new TrafficSource.FileSource(file), ZoneOffset.UTC, AnalysisRequest.DEFAULT_WINDOW)
                        .weeklyText().orElseThrow());
    }

    @Test
    void aNewLoadCancelsTheOneRunning() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        MainViewModel queuedModel = new MainViewModel(service, queued::add, MONDAY_NOON);

        onFx(() -> {
            queuedModel.load(Samples.defaultSample());
            queuedModel.load(Samples.API);
        });
        assertThat(queuedModel.isBusy()).isTrue();
        assertThat(queued).hasSize(2);
        assertThat(((Task<?>) queued.get(0)).isCancelled()).isTrue();

        onFx(() -> queued.forEach(Runnable::run));

        assertThat(queuedModel.isBusy()).isFalse();
        assertThat(queuedModel.getResult().request().source()).isEqualTo(Samples.API);
        assertThat(queuedModel.getZone()).isEqualTo(Samples.API.zone());
    }

    @Test
    void cancellingKeepsWhatWasShown() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        MainViewModel queuedModel = new MainViewModel(service, queued::add, MONDAY_NOON);
        onFx(() -> {
            queuedModel.load(Samples.defaultSample());
            queued.remove(0).run();
        });
        AnalysisResult shown = queuedModel.getResult();

        onFx(() -> {
            queuedModel.load(Samples.API);
            queuedModel.cancel();
        });

        assertThat(queuedModel.isBusy()).isFalse();
        assertThat(queuedModel.getStatusMessage()).isEqualTo("Cancelled");
        assertThat(queuedModel.getResult()).isSameAs(shown);
        assertThat(queuedModel.getSource()).isEqualTo(Samples.defaultSample());
        assertThat(queuedModel.getZone()).isEqualTo(Samples.defaultSample().zone());
    }

    @Test
    void windowLengthsReadAsWords() {
        assertThat(MainViewModel.WINDOW_CHOICES).extracting(Formats::words)
                .containsExactly("30 minutes", "1 hour", "2 hours", "3 hours", "4 hours", "6 hours");
    }

    private org.lowtide.planning.Recommendation recommend(TrafficSource source, ZoneId zone, Duration window)
            throws Exception {
        return new org.lowtide.service.RecommendationService(new org.lowtide.service.PlanService(service), MONDAY_NOON)
                .recommend(new AnalysisRequest(source, ImportOptions.inZone(zone), window,
                        MainViewModel.TROUGH_COUNT), java.util.Optional.empty(), ProgressListener.NONE,
                        Cancellation.NEVER);
    }

    private AnalysisResult analyse(TrafficSource source, ZoneId zone, Duration window) throws Exception {
        return service.analyze(new AnalysisRequest(source, ImportOptions.inZone(zone), window,
                MainViewModel.TROUGH_COUNT), ProgressListener.NONE, Cancellation.NEVER);
    }



    /** Issue #14: a coarser analysis than the file's (too many points for the memory) is the first note, as a warning. */
    @Test
    void aCoarserAnalysisIsTheFirstNoteAndInTheStatus() throws Exception {
        System.setProperty(AnalysisService.MAX_POINTS_PROPERTY, "5000");
        try {
            onFx(() -> viewModel.load(Samples.API));
            assertThat(viewModel.getResult().notes()).as("the service's notes")
                    .anyMatch(n -> n.startsWith("analysed coarser than the data: "));
            assertThat(viewModel.notesProperty().get(0)).as(String.valueOf(viewModel.notesProperty()))
                    .startsWith("Warning: analysed coarser than the data: ").contains("20-minute totals");
            assertThat(viewModel.notesProperty().stream().filter(n -> n.contains("analysed coarser"))).hasSize(1);
            assertThat(viewModel.statusMessageProperty().get())
                    .endsWith("(analysed coarser than the data: see the warning)");
        } finally {
            System.clearProperty(AnalysisService.MAX_POINTS_PROPERTY);
        }
    }
}
