package org.lowtide.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.fleet.Candidate;
import org.lowtide.fleet.TweetsFleet;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.FleetService;
import org.lowtide.service.PlanService;
import org.lowtide.service.PrometheusCredentials;
import org.lowtide.service.RecommendationService;
import org.lowtide.ui.common.BackgroundJob;
import org.testfx.api.FxToolkit;

/**
 * The Fleet screen's Open Fleet from Prometheus…: a query of three series against a real
 * Prometheus (skipped, saying why, without it or the shared data) gives the three services, each
 * with the windows the same series give as files; fields that do not fit name the field.
 */
class FleetPrometheusViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static TweetsFleet data;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        data = TweetsFleet.start(dir);
    }

    @AfterAll
    static void stop() {
        if (data != null) {
            data.close();
        }
    }

    private static FleetViewModel viewModel() throws Exception {
        PlanService plans = new PlanService(new AnalysisService());
        return onFx(() -> {
            FleetViewModel vm = new FleetViewModel(new FleetService(plans, new RecommendationService(plans, CLOCK)),
                    BackgroundJob.synchronous());
            vm.zoneProperty().set(ZoneId.of("UTC"));
            return vm;
        });
    }

    /** The range that ends at the last point and starts at the first (54 days 23 h 20 min). */
    private static FleetViewModel.PrometheusFleet asked(String label, String range, String step) {
        return new FleetViewModel.PrometheusFleet(data.server().url(), "tweets", label, range,
                TweetsFleet.LAST.replace(' ', 'T') + "Z", step, PrometheusCredentials.ENVIRONMENT);
    }

    @Test
    void aQueryOfThreeSeriesShowsThreeServicesPlannedAsTheirFiles() throws Exception {
        FleetViewModel vm = viewModel();
        onFx(() -> vm.open(data.files()));
        assertThat(vm.errorProperty().get()).isEmpty();
        Map<String, List<Candidate>> byFiles = new HashMap<>();
        for (String s : TweetsFleet.SYMBOLS) {
            byFiles.put(s, vm.chosen(s));
        }

        onFx(() -> vm.openPrometheus(asked("symbol", "54d23h20m", "5m")));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.inputProperty().get()).contains(data.server().url()).contains("tweets").contains("symbol");
        assertThat(onFx(() -> List.copyOf(vm.rows()))).extracting(FleetViewModel.ServiceRow::service)
                .containsExactlyInAnyOrder(TweetsFleet.SYMBOLS);
        assertThat(vm.rows()).allMatch(r -> r.status().equals("planned"));
        for (String s : TweetsFleet.SYMBOLS) {
            assertThat(vm.chosen(s)).as(s).isNotEmpty().isEqualTo(byFiles.get(s));
        }
        // Open in Tabs: the service's series alone, read again from the server with the fleet's credentials.
        java.util.concurrent.atomic.AtomicReference<org.lowtide.service.TrafficSource> opened =
                new java.util.concurrent.atomic.AtomicReference<>();
        boolean done = onFx(() -> {
            vm.setOnOpen((source, options) -> opened.set(source));
            vm.selectedProperty().set(vm.rows().stream().filter(r -> r.service().equals("FB")).findFirst()
                    .orElseThrow());
            return vm.openSelected();
        });
        assertThat(done).isTrue();
        assertThat(opened.get()).isInstanceOf(org.lowtide.service.TrafficSource.Prometheus.class);
        assertThat(((org.lowtide.service.TrafficSource.Prometheus) opened.get()).query().promql())
                .startsWith("(tweets) and on(symbol)").contains("\"FB\"");
        // Plan Again reads the server again and gives the same.
        onFx(vm::replan);
        assertThat(vm.inputProperty().get()).contains("tweets");
        for (String s : TweetsFleet.SYMBOLS) {
            assertThat(vm.chosen(s)).as(s).isEqualTo(byFiles.get(s));
        }
    }

    @Test
    void fieldsThatDoNotFitNameTheFieldAndALabelNoSeriesHasSaysWhichItHas() throws Exception {
        FleetViewModel vm = viewModel();
        onFx(() -> vm.openPrometheus(asked("", "55d", "5m")));
        assertThat(vm.errorProperty().get()).startsWith("Service label");
        onFx(() -> vm.openPrometheus(asked("symbol", "soon", "5m")));
        assertThat(vm.errorProperty().get()).startsWith("Range");
        onFx(() -> vm.openPrometheus(asked("tenant", "55d", "5m")));
        assertThat(vm.errorProperty().get()).contains("label 'tenant'").contains("symbol");
        assertThat(vm.rows()).isEmpty();
    }
}
