package org.lowtide.ui.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.Source;
import org.lowtide.service.CostService;
import org.lowtide.service.RiskService;
import org.lowtide.ui.common.BackgroundJob;
import org.testfx.api.FxToolkit;

/**
 * Costs → Learn from history…: the preview and the hand-over to the form, without controls. The
 * view model runs its work as a {@link BackgroundJob}, synchronous here; calls are made on the FX
 * thread, where the job hands back its outcome.
 */
class HistoryViewModelTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(HistoryViewModelTest.class.getResource("/org/lowtide/risk/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HistoryViewModel viewModel() {
        return viewModel(BackgroundJob.synchronous());
    }

    private static HistoryViewModel viewModel(Executor executor) {
        return new HistoryViewModel(new RiskService(), CostAssumptions::defaults, Optional::empty, ZoneId.of("UTC"),
                executor);
    }

    @Test
    void previewShowsWhatWasReadAndTheFittedValuesBeforeAnythingIsUsed() throws Exception {
        HistoryViewModel vm = viewModel();
        vm.incidentsProperty().set(fixture("generic_incidents.csv").toString());
        vm.deploysProperty().set(fixture("deploys.csv").toString());
        vm.serviceProperty().set("shop");
        assertThat(vm.learned()).isEmpty();
        onFx(vm::preview);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rowsProperty()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("Change failure rate");
            assertThat(r.now()).isEqualTo("15.0 %");
            assertThat(r.learned()).isEqualTo("25.0 %"); // 3 of 4 failed, blended: (3 + 20 · 0.15) / 24
            assertThat(r.interval()).startsWith("measured 75.0 %");
        });
        assertThat(vm.linesProperty()).anyMatch(l -> l.startsWith("generic_incidents.csv (incident table"))
                .anyMatch(l -> l.startsWith("thin evidence"));
        assertThat(vm.chartProperty().get()).isNotNull();
        CostAssumptions learned = vm.learned().orElseThrow();
        assertThat(learned.changeFailureRate().value()).isEqualTo(0.25);
        assertThat(learned.changeFailureRate().source().kind()).isEqualTo(Source.Kind.DATA);
        // changing a field drops the preview: what is used is always what was previewed
        vm.windowProperty().set("30");
        assertThat(vm.learned()).isEmpty();
    }

    @Test
    void saysWhatIsMissingOrWrong() throws Exception {
        HistoryViewModel vm = viewModel();
        onFx(vm::preview);
        assertThat(vm.errorProperty().get()).startsWith("choose an incident export");
        vm.incidentsProperty().set("/no/such/file.csv");
        onFx(vm::preview);
        assertThat(vm.errorProperty().get()).isEqualTo("incident export: /no/such/file.csv does not exist");
        vm.incidentsProperty().set(fixture("deploys.csv").toString()); // a deploy log is no incident export
        onFx(vm::preview);
        assertThat(vm.errorProperty().get()).contains("deploys.csv: line 1", "no start column");
        assertThat(vm.busyProperty().get()).isFalse();
        vm.incidentsProperty().set("");
        vm.outagesProperty().set(true);
        onFx(vm::preview);
        assertThat(vm.errorProperty().get()).isEqualTo("open traffic first to learn from its outages");
    }

    @Test
    void theFormTakesTheLearnedValuesWithTheirSource() throws Exception {
        HistoryViewModel vm = viewModel();
        vm.incidentsProperty().set(fixture("generic_incidents.csv").toString());
        vm.deploysProperty().set(fixture("deploys.csv").toString());
        vm.serviceProperty().set("shop");
        onFx(vm::preview);
        CostAssumptions learned = vm.learned().orElseThrow();
        CostViewModel form = onFx(() -> new CostViewModel(new CostService(), Runnable::run, java.time.Duration.ZERO));
        onFx(() -> form.applyLearned(learned));
        assertThat(form.field("changeFailureRate").textProperty().get()).isEqualTo("0.25");
        assertThat(form.field("changeFailureRate").sourceProperty().get()).startsWith("from your data: your incidents: 4");
        assertThat(form.field("impact").sourceProperty().get()).doesNotStartWith("from your data");
        CostAssumptions used = onFx(() -> form.assumptionsProperty().get());
        assertThat(used.changeFailureRate().value()).isEqualTo(0.25);
        assertThat(used.changeFailureRate().source().kind()).isEqualTo(Source.Kind.DATA);
        // the form shows minutes to two decimals: the value used is the one shown, within 0.6 s of the fit
        assertThat(Math.abs(used.restoreMedian().value().toMillis() - learned.restoreMedian().value().toMillis()))
                .isLessThanOrEqualTo(600);
        assertThat(used.restoreMedian().source().kind()).isEqualTo(Source.Kind.DATA);
        // typing over a learned value makes it the user's
        onFx(() -> form.field("changeFailureRate").textProperty().set("0.3"));
        assertThat(form.field("changeFailureRate").sourceProperty().get()).isEqualTo("your input");
        assertThat(onFx(() -> form.assumptionsProperty().get()).changeFailureRate().source().kind())
                .isEqualTo(Source.Kind.USER);
    }

    /** The shared job's behaviour: busy while it runs, cancel says so and nothing is learned from it. */
    @Test
    void aPreviewRunsInTheBackgroundAndCanBeCancelled() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        HistoryViewModel vm = viewModel(queued::add);
        vm.incidentsProperty().set(fixture("generic_incidents.csv").toString());
        onFx(vm::preview);
        assertThat(queued).hasSize(1);
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Reading the history…");
        onFx(vm::cancel);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("cancelled: nothing was learned");
        queued.get(0).run(); // the cancelled work, if it ever runs, shows nothing
        onFx(() -> { });
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.learned()).isEmpty();
        // a second preview after the cancel learns as usual
        onFx(vm::preview);
        queued.get(1).run();
        onFx(() -> { });
        assertThat(vm.learned()).isPresent();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
