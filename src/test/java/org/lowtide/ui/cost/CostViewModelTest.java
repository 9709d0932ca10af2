package org.lowtide.ui.cost;

import static org.lowtide.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.service.Cancellation;
import org.lowtide.service.CostService;
import org.lowtide.service.Samples;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;
import org.testfx.api.FxToolkit;

/**
 * The Costs screen's state without controls: tasks run on the caller's thread, every call on the
 * FX thread, and {@link org.lowtide.ui.FxThread#onFx} waits for the task's state changes posted to the FX queue.
 */
class CostViewModelTest {

    private final CostService service = new CostService();
    private final CostViewModel viewModel = new CostViewModel(service, Runnable::run, Duration.ZERO);

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static TrafficSeries shop() throws Exception {
        var sample = Samples.SHOP;
        return CsvTrafficReader.read(sample.open(), sample.fileName(), ImportOptions.inZone(sample.zone())).series();
    }

    @Test
    void showsTheServicesNumbersForTheTypedRevenue() throws Exception {
        TrafficSeries shop = shop();
        onFx(() -> {
            viewModel.setTraffic(shop, Samples.SHOP.zone());
            viewModel.field("revenuePerYear").textProperty().set("12000000");
            viewModel.field("changeFailureRate").textProperty().set("0.2");
        });
        CostAssumptions expected = CostAssumptions.defaults().toBuilder()
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 12_000_000, true)).changeFailureRate(0.2)
                .build();
        CostReport direct = service.report(shop, Optional.empty(), Samples.SHOP.zone(), expected, ScenarioSet.defaults(),
                CostViewModel.SIMULATIONS, CostAnalysis.DEFAULT_SEED, Cancellation.NEVER);
        CostReport shown = viewModel.reportProperty().get();
        assertThat(shown).isNotNull();
        assertThat(shown.best().estimate()).isEqualTo(direct.best().estimate());
        assertThat(shown.expectedBySlot()).containsExactly(direct.expectedBySlot());
        assertThat(viewModel.scenariosProperty()).hasSize(4);
        assertThat(viewModel.field("revenuePerYear").sourceProperty().get()).isEqualTo("your input");
        assertThat(viewModel.field("latencyElasticity").sourceProperty().get()).contains("Linden");
        assertThat(viewModel.revenueChartProperty().get()).isNotNull();
        assertThat(viewModel.histogramChartProperty().get()).isNotNull();
        assertThat(viewModel.scenarioChartProperty().get()).isNotNull();
        assertThat(viewModel.perMinuteSummaryProperty().get()).startsWith("Revenue per minute: lowest ")
                .doesNotContain("placeholder");
    }

    @Test
    void theChosenStartIsSimulated() throws Exception {
        TrafficSeries shop = shop();
        onFx(() -> {
            viewModel.setTraffic(shop, Samples.SHOP.zone());
            viewModel.chosenDayProperty().set(DayOfWeek.SATURDAY);
            viewModel.chosenHourProperty().set(4);
        });
        CostReport r = viewModel.reportProperty().get();
        var run = service.simulateAt(r, DayOfWeek.SATURDAY, java.time.LocalTime.of(4, 0), CostViewModel.SIMULATIONS,
                CostAnalysis.DEFAULT_SEED);
        assertThat(viewModel.chosenEstimateProperty().get()).isEqualTo(run.estimate());
        assertThat(viewModel.chosenSummaryProperty().get()).startsWith("A change on Saturday at 04:00");
    }

    @Test
    void badFieldsShowTheirMessagesAndKeepTheLastNumbers() throws Exception {
        TrafficSeries shop = shop();
        onFx(() -> viewModel.setTraffic(shop, Samples.SHOP.zone()));
        CostReport before = viewModel.reportProperty().get();
        onFx(() -> {
            viewModel.field("changeFailureRate").textProperty().set("1.5");
            viewModel.field("revenuePerYear").textProperty().set("-3");
            viewModel.field("restoreP90").textProperty().set("30");
            viewModel.field("sloPercent").textProperty().set("100");
            viewModel.field("detect").textProperty().set("soon");
        });
        assertThat(viewModel.validProperty().get()).isFalse();
        assertThat(viewModel.field("changeFailureRate").errorProperty().get())
                .isEqualTo("the change failure rate must be between 0 and 1, was 1.5");
        assertThat(viewModel.field("revenuePerYear").errorProperty().get()).isEqualTo("revenue must be zero or more, was -3");
        assertThat(viewModel.field("restoreP90").errorProperty().get())
                .isEqualTo("the 90th percentile restore time (30 minutes) must not be shorter than the median (45 minutes)");
        assertThat(viewModel.field("sloPercent").errorProperty().get()).startsWith("the SLO must be a percentage");
        assertThat(viewModel.field("detect").errorProperty().get()).isEqualTo("'soon' is not a number");
        assertThat(viewModel.reportProperty().get()).isSameAs(before);

        onFx(() -> {
            viewModel.field("changeFailureRate").textProperty().set("0.15");
            viewModel.field("revenuePerYear").textProperty().set("");
            viewModel.field("restoreP90").textProperty().set("120");
            viewModel.field("sloPercent").textProperty().set("99.9");
            viewModel.field("detect").textProperty().set("5");
        });
        assertThat(viewModel.validProperty().get()).isTrue();
        assertThat(viewModel.field("changeFailureRate").errorProperty().get()).isEmpty();
        assertThat(viewModel.field("changeFailureRate").sourceProperty().get()).contains("DORA");
        assertThat(viewModel.reportProperty().get()).isNotSameAs(before);
    }

    /** Issue #19: "1,5" was read as 15 here (and as 1.5 on the Windows tab); one reading for both now. */
    @Test
    void aCommaDecimalIsReadAsADecimalNotAsThousands() throws Exception {
        onFx(() -> viewModel.field("restoreMedian").textProperty().set("1,5"));
        assertThat(viewModel.field("restoreMedian").errorProperty().get()).isEmpty();
        assertThat(viewModel.assumptionsProperty().get().restoreMedian().value()).isEqualTo(Duration.ofSeconds(90));
        onFx(() -> viewModel.field("changeFailureRate").textProperty().set("0,2"));
        assertThat(viewModel.assumptionsProperty().get().changeFailureRate().value()).isEqualTo(0.2);
    }

    /**
     * Issue 20: the first edit after a still moment is costed at once; edits within the pause that
     * follows wait for it to end (a pause of an hour here, so it never ends during the test).
     */
    @Test
    void theFirstEditCostsAtOnceAndTheNextOnesWaitForThePause() throws Exception {
        TrafficSeries shop = shop();
        CostViewModel paused = onFx(() -> new CostViewModel(service, Runnable::run, Duration.ofHours(1)));
        onFx(() -> paused.setTraffic(shop, Samples.SHOP.zone()));
        CostReport first = paused.reportProperty().get();
        assertThat(first).isNotNull();

        onFx(() -> paused.field("changeFailureRate").textProperty().set("0.2"));
        CostReport second = paused.reportProperty().get();
        assertThat(second).isNotSameAs(first);
        assertThat(second.assumptions().changeFailureRate().value()).isEqualTo(0.2);

        onFx(() -> paused.field("changeFailureRate").textProperty().set("0.25"));
        assertThat(paused.reportProperty().get()).as("typed within the pause: waits for it").isSameAs(second);
        onFx(paused::cancel);
    }
}
