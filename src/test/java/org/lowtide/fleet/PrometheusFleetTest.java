package org.lowtide.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.imports.PointSeriesImport;
import org.lowtide.traffic.sources.PrometheusSource;

/** Splitting a Prometheus answer into one file per service, without a server. */
class PrometheusFleetTest {

    @TempDir
    Path dir;

    private static PrometheusSource.Labelled series(String job) {
        long[] t = {1_700_000_000_000L, 1_700_000_300_000L};
        double[] v = {1.0, 2.0};
        return new PrometheusSource.Labelled(Map.of("job", job),
                new PointSeriesImport.Points("up{job=\"" + job + "\"}", t, v, 2, Optional.empty(), ""));
    }

    @Test
    void aLabelValueOutsideTheBasicPlaneNamesItsServiceAndASafeFile() throws Exception {
        String odd = "checkout-\uD83D\uDE00"; // an emoji: two chars in Java, one "_" in the file name
        String longName = "x".repeat(40) + "\uD83D\uDE00".repeat(30);
        PrometheusSource.Fetched fetched = new PrometheusSource.Fetched(
                new PointSeriesImport.Origin("http://127.0.0.1:9090", "prometheus", "test", "epoch", List.of()),
                List.of(series(odd), series(longName), series("plain")), Optional.empty());
        Fleet fleet = PrometheusFleet.split(fetched, "job", dir, "up");
        assertThat(fleet.members()).extracting(FleetMember::name).containsExactlyInAnyOrder(odd, longName, "plain");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(3).allMatch(n -> n.matches("[A-Za-z0-9._-]{1,70}"));
        }
    }
}
