package org.lowtide.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.planning.Recommendation;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RecommendationService;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.testfx.api.FxToolkit;

/** Issue #12: a revenue entered on the Costs tab makes the Overview rank by money, as the Windows tab does. */
class OverviewFollowsRevenueTest {

    private static final Clock MONDAY_NOON = Clock.fixed(Instant.parse("2025-03-03T12:00:00Z"), ZoneOffset.UTC);

    private final AnalysisService service = new AnalysisService();
    private final MainViewModel viewModel = new MainViewModel(service, Runnable::run, MONDAY_NOON);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aRevenueMakesTheRecommendationRankByMoneyAndTakingItAwayRanksByTrafficAgain() throws Exception {
        TrafficSource.Sample sample = Samples.defaultSample();
        AnalysisRequest request = new AnalysisRequest(sample, ImportOptions.inZone(sample.zone()),
                AnalysisRequest.DEFAULT_WINDOW, MainViewModel.TROUGH_COUNT);
        CostAssumptions withRevenue = CostAssumptions.defaults().toBuilder()
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 50_000_000, true)).build();
        RecommendationService recommendations = new RecommendationService(new PlanService(service), MONDAY_NOON);
        Recommendation inMoney = recommendations.recommend(request, Optional.of(withRevenue), ProgressListener.NONE,
                Cancellation.NEVER);
        Recommendation byTraffic = recommendations.recommend(request, Optional.empty(), ProgressListener.NONE,
                Cancellation.NEVER);
        assertThat(inMoney.basis()).isEqualTo(Recommendation.Basis.EXPECTED_COST);

        onFx(() -> viewModel.load(sample));
        assertThat(viewModel.notesProperty().get(0)).startsWith("Ranked by the traffic at stake");

        onFx(() -> viewModel.costAssumptionsProperty().set(CostAssumptions.defaults()));
        assertThat(viewModel.notesProperty().get(0)).as("the placeholder revenue does not rank")
                .startsWith("Ranked by the traffic at stake");

        onFx(() -> viewModel.costAssumptionsProperty().set(withRevenue));
        assertThat(viewModel.getRecommendation()).isEqualTo(inMoney.weeklyText().orElseThrow());
        assertThat(viewModel.nextOccurrenceProperty().get()).isEqualTo("Next: " + inMoney.firstText().orElseThrow());
        assertThat(viewModel.notesProperty().get(0)).startsWith("Ranked by the expected cost of a change");

        onFx(() -> viewModel.costAssumptionsProperty().set(null));
        assertThat(viewModel.getRecommendation()).isEqualTo(byTraffic.weeklyText().orElseThrow());
        assertThat(viewModel.notesProperty().get(0)).startsWith("Ranked by the traffic at stake");
    }
}
