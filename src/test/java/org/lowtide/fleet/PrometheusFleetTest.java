package org.lowtide.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.MetricKind;
import org.lowtide.traffic.imports.PointSeriesImport;
import org.lowtide.traffic.sources.PrometheusQuery;
import org.lowtide.traffic.sources.PrometheusSource;

/** Splitting a streamed Prometheus answer into one service per label value, without a server. */
class PrometheusFleetTest {

    private static final long T0 = 1_700_000_100_000L;
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final PrometheusQuery QUERY = PrometheusQuery.between(URI.create("http://127.0.0.1:9090"),
            "sum by (job) (rate(http_requests_total[5m]))", STEP, Instant.ofEpochMilli(T0),
            Instant.ofEpochMilli(T0 + 2000 * STEP.toMillis()));

    @TempDir
    Path dir;

    private static PrometheusSource.Labelled series(String job, long from, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = from + i * STEP.toMillis();
        }
        Map<String, String> labels = job == null ? Map.of("instance", "a") : Map.of("job", job);
        return new PrometheusSource.Labelled(labels, new PointSeriesImport.Points(
                PointSeriesImport.prometheusName(labels), t, values, values.length, Optional.of(MetricKind.GAUGE),
                "the query takes rate(): a rate per second"));
    }

    private static PrometheusSource.Streamed streamed() {
        return new PrometheusSource.Streamed(new PointSeriesImport.Origin(QUERY.describe(), "prometheus",
                "Prometheus query_range, 2 requests", "epoch seconds", List.of("Prometheus warned: slow")),
                Optional.of(MetricKind.GAUGE), T0, STEP, 3, 2);
    }

    @Test
    void aLabelValueOutsideTheBasicPlaneNamesItsService() throws Exception {
        String odd = "checkout-\uD83D\uDE00";
        String longName = "x".repeat(40) + "\uD83D\uDE00".repeat(30);
        try (SeriesSpill spill = SeriesSpill.create(dir, STEP)) {
            PrometheusFleet.Split split = new PrometheusFleet.Split("job", spill);
            split.accept(List.of(series(odd, T0, 1, 2), series(longName, T0, 3, 4), series("plain", T0, 5, 6)));
            Fleet fleet = split.fleet(streamed(), QUERY, QUERY.describe());
            assertThat(fleet.members()).extracting(FleetMember::name).containsExactly(odd, longName, "plain");
            try (var files = Files.list(spill.folder())) {
                assertThat(files.map(p -> p.getFileName().toString())).hasSize(3)
                        .allMatch(n -> n.matches("[0-9]+\\.bin"));
            }
        }
    }

    /**
     * Chunk after chunk, each service keeps exactly the points fetched for it (values no decimal text
     * holds exactly, a NaN point, the stated kind), imported as the single-service source imports the
     * same points held in memory; several series of one value are added up as --sum does.
     */
    @Test
    void eachServiceImportsItsOwnPointsAsTheQuerysImportWould() throws Exception {
        double third = 1.0 / 3;
        double[] api1 = {0.1 + 0.2, third, Double.NaN, 7e-310, 12345.678901234567};
        double[] api2 = {1e300, -0.0, 2.5, third * 3, Math.PI};
        double[] web1 = {1, 2, 3, 4, 5};
        double[] web2 = {10, 20, 30, 40, 50};
        double[] other = {9, 9, 9, 9, 9};
        try (SeriesSpill spill = SeriesSpill.create(dir, STEP)) {
            PrometheusFleet.Split split = new PrometheusFleet.Split("job", spill);
            long second = T0 + 5 * STEP.toMillis();
            split.accept(List.of(series("api", T0, api1), series("web", T0, web1), series(null, T0, other)));
            // web's second series carries a label more: the same job, another series.
            PrometheusSource.Labelled webB = new PrometheusSource.Labelled(Map.of("job", "web", "zone", "b"),
                    new PointSeriesImport.Points("up{job=\"web\",zone=\"b\"}", times(T0, 10), concat(web2, web2),
                            10, Optional.of(MetricKind.GAUGE), "the query takes rate(): a rate per second"));
            split.accept(List.of(series("api", second, api2), series("web", second, web1), webB));
            Fleet fleet = split.fleet(streamed(), QUERY, QUERY.describe());

            assertThat(fleet.members()).extracting(FleetMember::name).containsExactly("api", "web");
            assertThat(fleet.notes()).anyMatch(n -> n.contains("1 series of the query have no label 'job'"))
                    .anyMatch(n -> n.startsWith("web: 2 series have job=\"web\""))
                    .contains("Prometheus warned: slow");
            FetchedSeries api = (FetchedSeries) fleet.member("api").orElseThrow().traffic();
            assertThat(api.describe()).isEqualTo("Prometheus series {job=\"api\"}");
            assertThat(api.alone().promql()).isEqualTo("(sum by (job) (rate(http_requests_total[5m]))) and on(job)"
                    + " label_replace(vector(1), \"job\", \"api\", \"\", \"\")");

            ImportOptions utc = ImportOptions.inZone(ZoneOffset.UTC);
            PointSeriesImport.Points apiAll = series("api", T0, concat(api1, api2)).points();
            ImportResult fromSpill = api.importTraffic(utc);
            ImportResult inMemory = PointSeriesImport.importPoints(api.origin(), List.of(apiAll), utc.withStep(STEP));
            assertThat(fromSpill.series().values()).containsExactly(inMemory.series().values());
            assertThat(fromSpill.series().start()).isEqualTo(Instant.ofEpochMilli(T0));
            assertThat(fromSpill.series().values()[0]).isEqualTo(0.1 + 0.2);
            assertThat(Double.isNaN(fromSpill.series().values()[2])).isTrue();
            assertThat(fromSpill.details().kind()).isEqualTo(MetricKind.GAUGE);
            assertThat(fromSpill.details().kindReason()).contains("rate()");
            assertThat(fromSpill.warnings()).extracting(w -> w.message()).doesNotContain("Prometheus warned: slow");

            FetchedSeries web = (FetchedSeries) fleet.member("web").orElseThrow().traffic();
            ImportResult summed = web.importTraffic(utc);
            ImportResult bySum = PointSeriesImport.importPoints(web.origin(), List.of(
                    series("web", T0, concat(web1, web1)).points(), webB.points()), utc.withStep(STEP).withSum(true));
            assertThat(summed.series().values()).containsExactly(bySum.series().values());
            assertThat(summed.series().values()[0]).isEqualTo(11.0);
        }
    }

    @Test
    void aLabelNoSeriesHasNamesTheLabelsTheSeriesHave() throws Exception {
        try (SeriesSpill spill = SeriesSpill.create(dir, STEP)) {
            PrometheusFleet.Split split = new PrometheusFleet.Split("tenant", spill);
            split.accept(List.of(series("api", T0, 1, 2)));
            assertThatThrownBy(() -> split.fleet(streamed(), QUERY, "q")).isInstanceOf(FleetFileException.class)
                    .hasMessageContaining("label 'tenant'").hasMessageContaining("job");
        }
    }

    @Test
    void aValueIsQuotedSoThatTheQueryKeepsItAsItIs() {
        assertThat(PrometheusFleet.only("up", "job", "a\"b\\c$1"))
                .isEqualTo("(up) and on(job) label_replace(vector(1), \"job\", \"a\\\"b\\\\c$$1\", \"\", \"\")");
    }

    private static long[] times(long from, int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = from + i * STEP.toMillis();
        }
        return t;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
