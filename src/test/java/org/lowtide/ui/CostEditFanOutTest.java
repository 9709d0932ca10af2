package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.planning.Recommendation;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RecommendationService;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.cost.CostViewModel;
import org.lowtide.ui.main.MainViewModel;
import org.lowtide.ui.plan.PlanViewModel;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 20, wave 7: one edit on the Costs tab with a revenue entered re-costs the Costs tab and
 * re-ranks the Windows tab and the Overview in money, each screen on its own thread, sharing one
 * cost report (wired as {@code LowtideApp} wires them). Each screen shows what a fresh computation
 * gives; a superseded run never overwrites a newer one; cancel still works. Each screen's executor
 * here is a queue the test runs by hand (off the FX thread, as the app's threads do), in the order
 * it chooses.
 */
class CostEditFanOutTest {

    private static final Clock MONDAY_NOON = Clock.fixed(Instant.parse("2025-03-03T12:00:00Z"), ZoneOffset.UTC);
    private static final TrafficSource.Sample SAMPLE = Samples.SHOP;
    private static final ImportOptions OPTIONS = ImportOptions.inZone(SAMPLE.zone());

    /** An executor that keeps its tasks until the test runs them. */
    private static final class Queue implements Executor {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized Runnable next(boolean newestFirst) {
            return newestFirst ? tasks.pollLast() : tasks.pollFirst();
        }

        synchronized int size() {
            return tasks.size();
        }
    }

    private final Queue analysisThread = new Queue();
    private final Queue costsThread = new Queue();
    private final Queue plansThread = new Queue();
    private MainViewModel main;
    private CostViewModel costs;
    private PlanViewModel plans;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The three screens wired as the app wires them, with a revenue entered, the sample shown on all three. */
    private void open() throws Exception {
        onFx(() -> {
            AnalysisService analysis = new AnalysisService();
            CostService reports = CostService.sharingReports();
            main = new MainViewModel(analysis, new PlanService(analysis, reports), analysisThread, MONDAY_NOON);
            costs = new CostViewModel(reports, costsThread, Duration.ZERO); // no pause, as the app's
            costs.field("revenuePerYear").textProperty().set("50000000");
            main.costAssumptionsProperty().bind(costs.assumptionsProperty());
            plans = new PlanViewModel(new PlanService(analysis, reports), plansThread, MONDAY_NOON, Duration.ZERO);
            plans.costAssumptionsProperty().bind(costs.assumptionsProperty());
            main.resultProperty().addListener((o, before, shown) -> {
                if (shown != null) {
                    costs.setTraffic(shown.series(), shown.request().options().zone());
                    plans.setTraffic(shown.request().source(), shown.request().options());
                }
            });
            main.load(SAMPLE, OPTIONS);
        });
        runAll(false);
        assertThat(main.getResult()).isNotNull();
        assertThat(costs.reportProperty().get()).isNotNull();
        assertThat(plans.getResult()).isNotNull();
    }

    /** Runs every queued task off the FX thread, then the events they posted, until no screen has work left. */
    private void runAll(boolean newestFirst) {
        while (analysisThread.size() + costsThread.size() + plansThread.size() > 0) {
            for (Queue q : new Queue[] {costsThread, plansThread, analysisThread}) {
                Runnable task;
                while ((task = q.next(newestFirst)) != null) {
                    task.run();
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
        }
    }

    private static AtomicInteger runs(ObservableValue<Boolean> busy) {
        AtomicInteger started = new AtomicInteger();
        busy.addListener((o, was, now) -> {
            if (now) {
                started.incrementAndGet();
            }
        });
        return started;
    }

    @Test
    void aCostsEditWithARevenueShowsOnAllThreeScreensWhatAFreshComputationGives() throws Exception {
        open();
        AtomicInteger costRuns = runs(costs.busyProperty());
        AtomicInteger planRuns = runs(plans.busyProperty());
        AtomicInteger overviewRuns = runs(main.busyProperty());
        Object analysisShown = main.getResult();
        String recommendedBefore = main.getRecommendation();
        Object trafficChart = main.trafficChartProperty().get();
        Object heatmap = main.heatmapChartProperty().get();
        onFx(() -> costs.field("changeFailureRate").textProperty().set("0.2"));
        assertThat(costsThread.size()).as("the Costs tab runs on its own thread").isEqualTo(1);
        assertThat(plansThread.size()).as("the Windows tab runs on its own thread").isEqualTo(1);
        assertThat(analysisThread.size()).as("the Overview re-ranks in money").isEqualTo(1);
        runAll(false);
        assertThat(costRuns.get()).as("Costs tab runs").isEqualTo(1);
        assertThat(planRuns.get()).as("Windows tab runs").isEqualTo(1);
        assertThat(overviewRuns.get()).as("Overview runs").isEqualTo(1);
        assertShowsFreshAnswers(0.2);
        // Only the ranking changed: the analysis shown stays the same object (the Patterns and Costs tabs
        // follow it and would draw and cost it again), and so do the charts when the same window is shaded.
        assertThat(main.getResult() == analysisShown).as("the same analysis object").isTrue();
        if (main.getRecommendation().equals(recommendedBefore)) {
            assertThat(main.trafficChartProperty().get() == trafficChart).as("the same traffic chart").isTrue();
            assertThat(main.heatmapChartProperty().get() == heatmap).as("the same heat map").isTrue();
        }
    }

    @Test
    void aSupersededRunNeverOverwritesANewerOne() throws Exception {
        open();
        onFx(() -> costs.field("changeFailureRate").textProperty().set("0.2"));
        onFx(() -> costs.field("changeFailureRate").textProperty().set("0.12"));
        // The newer edit's runs first, then the superseded ones (as a slow old run ending last would).
        runAll(true);
        assertShowsFreshAnswers(0.12);
        assertThat(costs.statusProperty().get()).startsWith("Costed ");
    }

    @Test
    void cancelStopsTheCostsTabsRunAndKeepsWhatItShows() throws Exception {
        open();
        CostReport shown = costs.reportProperty().get();
        onFx(() -> costs.field("changeFailureRate").textProperty().set("0.3"));
        onFx(() -> costs.cancel());
        runAll(false);
        assertThat(costs.reportProperty().get() == shown).as("the old numbers stay").isTrue();
        assertThat(costs.statusProperty().get()).isEqualTo("Cancelled");
        assertThat(costs.busyProperty().get()).isFalse();
        // The other screens' runs were not cancelled with it, and the next edit costs again.
        assertThat(plans.getResult().request().cost().orElseThrow().changeFailureRate().value()).isEqualTo(0.3);
        onFx(() -> costs.field("changeFailureRate").textProperty().set("0.25"));
        runAll(false);
        assertShowsFreshAnswers(0.25);
    }

    /** Each screen shows what a fresh, unshared computation gives for the assumptions with this change failure rate. */
    private void assertShowsFreshAnswers(double changeFailureRate) throws Exception {
        CostAssumptions assumptions = costs.assumptionsProperty().get();
        assertThat(assumptions.changeFailureRate().value()).isEqualTo(changeFailureRate);

        CostReport report = costs.reportProperty().get();
        CostReport freshReport = new CostService().report(main.getResult().series(), Optional.empty(), SAMPLE.zone(),
                assumptions, ScenarioSet.defaults(), CostViewModel.SIMULATIONS, CostAnalysis.DEFAULT_SEED,
                Cancellation.NEVER);
        assertThat(report.assumptions()).isEqualTo(freshReport.assumptions());
        assertThat(report.expectedBySlot()).containsExactly(freshReport.expectedBySlot());
        assertThat(report.best().estimate()).isEqualTo(freshReport.best().estimate());

        PlanResult plan = plans.getResult();
        assertThat(plan.request().cost()).contains(assumptions);
        PlanResult freshPlan = new PlanService(new AnalysisService()).plan(plan.request(), ProgressListener.NONE,
                Cancellation.NEVER);
        assertThat(plan.plan().windows()).isEqualTo(freshPlan.plan().windows());
        assertThat(plan.windowCosts()).isEqualTo(freshPlan.windowCosts());
        assertThat(plan.cost().orElseThrow().expectedBySlot()).containsExactly(freshReport.expectedBySlot());

        AnalysisRequest request = new AnalysisRequest(SAMPLE, OPTIONS, main.getWindowLength(), MainViewModel.TROUGH_COUNT);
        Recommendation fresh = new RecommendationService(new PlanService(new AnalysisService()), MONDAY_NOON)
                .recommend(request, Optional.of(assumptions), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(fresh.basis()).isEqualTo(Recommendation.Basis.EXPECTED_COST);
        assertThat(main.getRecommendation()).isEqualTo(fresh.weeklyText().orElseThrow());
        assertThat(main.nextOccurrenceProperty().get()).isEqualTo("Next: " + fresh.firstText().orElseThrow());
        assertThat(main.notesProperty().get(0)).startsWith("Ranked by the expected cost of a change");
    }
}
