package org.lowtide.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.sources.PrometheusAuth;

/**
 * Announcing reads credentials as the Prometheus source does (a token file, else the environment;
 * never an argument), each service under its own variables, and never prints them.
 */
class AnnounceCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void eachServiceReadsItsOwnVariables() throws Exception {
        Map<String, String> env = Map.of("LOWTIDE_ALERTMANAGER_USER", "am", "LOWTIDE_ALERTMANAGER_PASSWORD", "s3cret",
                "LOWTIDE_PAGERDUTY_TOKEN", "y_NbAkKc66ryYTWUXYEu", "LOWTIDE_PROMETHEUS_TOKEN", "prom");
        PrometheusAuth am = PrometheusAuth.resolve(Optional.empty(), env, "LOWTIDE_ALERTMANAGER", "--alertmanager-token-file");
        assertThat(am.kind()).isEqualTo(PrometheusAuth.Kind.BASIC);
        assertThat(am.header()).contains("Basic YW06czNjcmV0");
        PrometheusAuth pd = PrometheusAuth.resolve(Optional.empty(), env, "LOWTIDE_PAGERDUTY", "--pagerduty-token-file");
        assertThat(pd.header("Token token=")).contains("Token token=y_NbAkKc66ryYTWUXYEu");
        assertThat(pd.toString()).doesNotContain("y_NbAkKc66ryYTWUXYEu");
        assertThat(PrometheusAuth.resolve(Optional.empty(), env, "LOWTIDE_STATUSPAGE", "--statuspage-token-file"))
                .isSameAs(PrometheusAuth.NONE);
        // the Prometheus source still reads its own
        assertThat(PrometheusAuth.resolve(Optional.empty(), env).header()).contains("Bearer prom");
    }

    @Test
    void aTokenFileWinsAndItsProblemsNameTheOption() throws Exception {
        Path file = Files.writeString(dir.resolve("sp.key"), "  89a229ce1a8d \n");
        PrometheusAuth sp = PrometheusAuth.resolve(Optional.of(file), Map.of("LOWTIDE_STATUSPAGE_TOKEN", "other"),
                "LOWTIDE_STATUSPAGE", "--statuspage-token-file");
        assertThat(sp.header("OAuth ")).contains("OAuth 89a229ce1a8d");
        assertThatThrownBy(() -> PrometheusAuth.resolve(Optional.of(dir.resolve("missing")), Map.of(),
                "LOWTIDE_PAGERDUTY", "--pagerduty-token-file")).hasMessageStartingWith("--pagerduty-token-file: no such file");
        assertThatThrownBy(() -> PrometheusAuth.resolve(Optional.empty(), Map.of("LOWTIDE_PAGERDUTY_TOKEN", "a b"),
                "LOWTIDE_PAGERDUTY", "--pagerduty-token-file")).hasMessageStartingWith("LOWTIDE_PAGERDUTY_TOKEN: ");
    }

    @Test
    void sendingWithoutATokenSaysWhereToPutIt() {
        assertThatThrownBy(() -> RestTarget.pagerDuty(RestTarget.PAGERDUTY_API, PrometheusAuth.NONE, "a@b.c",
                org.lowtide.traffic.sources.PrometheusConnection.of(PrometheusAuth.NONE)))
                .hasMessageContaining("LOWTIDE_PAGERDUTY_TOKEN").hasMessageContaining("--pagerduty-token-file");
        assertThatThrownBy(() -> RestTarget.statuspage(RestTarget.STATUSPAGE_API, "page1", PrometheusAuth.NONE,
                org.lowtide.traffic.sources.PrometheusConnection.of(PrometheusAuth.NONE)))
                .hasMessageContaining("LOWTIDE_STATUSPAGE_TOKEN");
    }
}
