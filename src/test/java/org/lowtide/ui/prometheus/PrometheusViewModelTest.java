package org.lowtide.ui.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lowtide.ui.FxThread.onFx;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.service.ImportService;
import org.lowtide.service.PrometheusService;
import org.lowtide.traffic.sources.PrometheusServer;
import org.lowtide.ui.common.BackgroundJob;
import org.testfx.api.FxToolkit;

/**
 * The Open-from-Prometheus view model against a real Prometheus (skipped where it is not
 * installed), with its {@link BackgroundJob} synchronous and calls made on the FX thread: the
 * metric picker, the query it writes, the preview, and messages per field.
 */
class PrometheusViewModelTest {

    @TempDir
    static Path dir;
    private static PrometheusServer server;

    @BeforeAll
    static void startServer() throws Exception {
        PrometheusServer.assumeInstalled();
        FxToolkit.registerPrimaryStage();
        long now = Instant.now().getEpochSecond() / 60 * 60;
        StringBuilder om = new StringBuilder("# TYPE api_requests counter\n");
        for (String job : new String[] {"checkout", "search"}) {
            long value = 0;
            for (int i = 3 * 1440; i >= 0; i--) {
                value += job.equals("search") ? 120 : 60;
                om.append("api_requests_total{job=\"").append(job).append("\"} ").append(value).append(' ')
                        .append(now - 60L * i).append('\n');
            }
        }
        server = PrometheusServer.start(dir, om.append("# EOF\n").toString(), null);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static PrometheusViewModel model() {
        PrometheusViewModel vm = new PrometheusViewModel(new PrometheusService(), new ImportService(),
                BackgroundJob.synchronous(), TokenFiles.inMemory());
        vm.urlProperty().set(server.url());
        vm.zoneProperty().set(ZoneOffset.UTC);
        return vm;
    }

    @Test
    void thePickerListsMetricsLabelsAndValuesAndWritesARateQueryForACounter() throws Exception {
        PrometheusViewModel vm = model();
        assertThat(vm.queryProperty().get()).isEqualTo("sum(rate(http_requests_total[5m]))");
        onFx(() -> vm.loadMetrics());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.metrics()).contains("api_requests_total");
        vm.metricProperty().set("api_requests_total");
        onFx(() -> vm.loadLabels());
        assertThat(vm.labels()).contains("job").doesNotContain("__name__");
        vm.labelProperty().set("job");
        onFx(() -> vm.loadLabelValues());
        assertThat(vm.labelValues()).containsExactly("checkout", "search");
        vm.labelValueProperty().set("search");
        vm.useMetric();
        assertThat(vm.queryProperty().get()).isEqualTo("sum(rate(api_requests_total{job=\"search\"}[5m]))");
    }

    @Test
    void thePreviewReadsTheQueryOverTheRangeAndEnablesOpen() throws Exception {
        PrometheusViewModel vm = model();
        vm.queryProperty().set("sum(rate(api_requests_total[5m]))");
        vm.rangeProperty().set("2d");
        vm.stepProperty().set("5m");
        onFx(() -> vm.preview());
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.previewProperty().get()).isNotNull();
        assertThat(vm.previewProperty().get().series().size()).isBetween(570, 577);
        assertThat(vm.previewProperty().get().series().values()[100]).isEqualTo(3.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(vm.statusProperty().get()).contains("points every 5 min");
        // Changing an input drops the preview: it no longer shows what Open would read.
        vm.stepProperty().set("1m");
        assertThat(vm.previewProperty().get()).isNull();
    }

    @Test
    void errorsNameTheFieldOrQuoteTheServer() throws Exception {
        PrometheusViewModel vm = model();
        vm.rangeProperty().set("ninety days");
        assertThatThrownBy(vm::selection).hasMessageStartingWith("Range: 'ninety days' is not a positive duration");
        vm.rangeProperty().set("90d");
        vm.queryProperty().set("sum(rate(");
        onFx(() -> vm.preview());
        assertThat(vm.errorProperty().get()).contains("Prometheus refused the query");
        assertThat(vm.previewProperty().get()).isNull();
    }

    @Test
    void typedCredentialsGoIntoTheConnectionAndNeverIntoTheSourcesText() throws Exception {
        PrometheusViewModel vm = model();
        vm.tokenProperty().set("gui-secret-token");
        PrometheusViewModel.Selection s = vm.selection();
        assertThat(s.source().connection().auth().header()).contains("Bearer gui-secret-token");
        assertThat(s.source().toString()).doesNotContain("gui-secret-token");
        assertThat(s.source().displayName()).isEqualTo("Prometheus " + server.url() + ", query "
                + PrometheusViewModel.DEFAULT_QUERY);
    }
}
