package org.lowtide.ui.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lowtide.ui.FxThread.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.service.ImportService;
import org.lowtide.service.PrometheusCredentials;
import org.lowtide.service.PrometheusService;
import org.lowtide.traffic.sources.PrometheusAuth;
import org.lowtide.ui.common.BackgroundJob;
import org.testfx.api.FxToolkit;

/**
 * Issue 16: the credential choices of File → Open from Prometheus… (token file, typed token, user
 * and password, else the environment), the token file's path remembered per server and never the
 * token, and the dialog's requests run as a {@link BackgroundJob} that can be cancelled. No server
 * needed: what is checked is the connection the choices make and the job's state.
 */
class PrometheusCredentialsTest {

    private static final String SECRET = "tok-file-4e2a";

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static PrometheusViewModel model(TokenFiles memory, java.util.concurrent.Executor executor) {
        PrometheusViewModel vm = new PrometheusViewModel(new PrometheusService(), new ImportService(), executor, memory);
        vm.urlProperty().set("http://prometheus.example:9090");
        return vm;
    }

    @Test
    void aTokenFileSignsInAndItsPathIsRememberedForTheServerButNeverTheToken() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, SECRET + "\n");
        TokenFiles memory = TokenFiles.inMemory();
        PrometheusViewModel vm = model(memory, BackgroundJob.synchronous());
        vm.tokenFileProperty().set(token.toString());
        PrometheusViewModel.Selection s = vm.selection();
        assertThat(s.source().connection().auth().header()).contains("Bearer " + SECRET);
        assertThat(s.source().toString()).doesNotContain(SECRET);
        assertThat(memory.remembered("http://prometheus.example:9090/")).contains(token);

        // The next time (or the reopen prompt) on the same server offers the same file; another server does not.
        PrometheusViewModel again = model(memory, BackgroundJob.synchronous());
        assertThat(again.tokenFileProperty().get()).isEqualTo(token.toString());
        CredentialsModel other = new CredentialsModel(memory);
        other.recall("http://other:9090");
        assertThat(other.tokenFileProperty().get()).isEmpty();
        other.recall("http://prometheus.example:9090");
        assertThat(other.credentials().tokenFile()).contains(token);
        assertThat(other.credentials().toString()).contains(token.toString()).doesNotContain(SECRET);
    }

    @Test
    void aTypedTokenWinsAndAllBlankMeansTheEnvironment() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, SECRET);
        PrometheusViewModel vm = model(TokenFiles.inMemory(), BackgroundJob.synchronous());
        vm.tokenFileProperty().set(token.toString());
        vm.tokenProperty().set("typed-token");
        assertThat(vm.selection().source().connection().auth().header()).contains("Bearer typed-token");
        vm.tokenProperty().set("");
        vm.userProperty().set("ops");
        vm.passwordProperty().set("pw");
        assertThat(vm.selection().source().connection().auth().kind()).isEqualTo(PrometheusAuth.Kind.BASIC);
        vm.userProperty().set("");
        vm.tokenFileProperty().set("");
        assertThat(vm.selection().source().connection().auth().header())
                .isEqualTo(PrometheusAuth.resolve(Optional.empty(), System.getenv()).header());
        assertThat(PrometheusCredentials.ENVIRONMENT.connection().auth().header())
                .isEqualTo(PrometheusAuth.resolve(Optional.empty(), System.getenv()).header());
    }

    @Test
    void aMissingTokenFileIsNamedByItsField() throws Exception {
        PrometheusViewModel vm = model(TokenFiles.inMemory(), BackgroundJob.synchronous());
        vm.tokenFileProperty().set(dir.resolve("nope").toString());
        assertThatThrownBy(vm::selection).hasMessageStartingWith("Token file: no such file: ");
        onFx(vm::loadMetrics);
        assertThat(vm.errorProperty().get()).startsWith("Token file: no such file: ");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aRequestRunsAsABackgroundJobAndCancelDropsItsAnswer() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        PrometheusViewModel vm = model(TokenFiles.inMemory(), queued::add);
        onFx(vm::loadMetrics);
        assertThat(queued).hasSize(1);
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Asking http://prometheus.example:9090 for its metrics…");
        onFx(vm::cancel);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled");
        queued.get(0).run(); // a cancelled job that still runs shows nothing
        onFx(() -> { });
        assertThat(vm.metrics()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }
}
