package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.Citations;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.risk.RiskEstimate;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.ImportOptions;

/** Outages in real traffic as evidence of restore times (issue #21). */
class RiskServiceTest {

    private static Path shared(String file) {
        Path dir = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/data absent: skipped");
        return dir.resolve(file);
    }

    private static RiskResult outagesOf(Path file, String zone) throws Exception {
        return new RiskService().learn(RiskRequest.of(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new TrafficSource.FileSource(file)), ImportOptions.inZone(ZoneId.of(zone))),
                CostAssumptions.defaults(), ProgressListener.NONE, Cancellation.NEVER);
    }

    /** The median and p90 blended with the defaults (45 min, 2 h) at data weight n / 8, on the log scale. */
    private static double[] blended(double[] minutes) {
        double mu = 0;
        for (double m : minutes) {
            mu += Math.log(m) / minutes.length;
        }
        double ss = 0;
        for (double m : minutes) {
            ss += (Math.log(m) - mu) * (Math.log(m) - mu) / minutes.length;
        }
        double w = minutes.length / 8.0;
        double muB = w * mu + (1 - w) * Math.log(45);
        double sigmaB = w * Math.sqrt(ss) + (1 - w) * Math.log(120 / 45.0) / Citations.Z_90;
        return new double[] {Math.exp(mu), Math.exp(muB), Math.exp(muB + Citations.Z_90 * sigmaB)};
    }

    /**
     * Melbourne pedestrians (Prophet's example, April 2023): Lowtide finds three outages, 2 h on
     * 6 April 14:00–16:00 local, then 1 h at 21:00 and 1 h on 11 April 13:00. Fitted median
     * 60·2^(1/3) = 75.6 min; thin evidence (3 of 8), so 37.5 % data: restore median 54.7 min, p90
     * 1 h 58 min.
     */
    @Test
    void pedestrianOutagesGiveTheStatedRestoreFigures() throws Exception {
        RiskResult r = outagesOf(shared("prophet_pedestrians_hourly_two_sensors.csv"), "Australia/Melbourne");
        assertThat(r.outages()).extracting(Interval::start).containsExactly(Instant.parse("2023-04-06T04:00:00Z"),
                Instant.parse("2023-04-06T11:00:00Z"), Instant.parse("2023-04-11T03:00:00Z"));
        assertThat(r.outages()).extracting(Interval::duration).containsExactly(Duration.ofHours(2), Duration.ofHours(1),
                Duration.ofHours(1));
        RiskEstimate.DurationEstimate restore = r.estimate().restore().orElseThrow();
        double[] expected = blended(new double[] {120, 60, 60});
        assertThat(restore.fit().medianMinutes()).isCloseTo(75.59526, within(1e-4)).isCloseTo(expected[0], within(1e-9));
        assertThat(restore.dataWeight()).isEqualTo(0.375);
        assertThat(restore.median().toMillis() / 60_000.0).isCloseTo(expected[1], within(1e-3)).isCloseTo(54.66, within(0.01));
        assertThat(restore.p90().toMillis() / 60_000.0).isCloseTo(expected[2], within(1e-3)).isCloseTo(118.07, within(0.01));
        assertThat(restore.from()).contains("3 outages in the traffic", "a traffic dip is not always an incident");
        assertThat(r.assumptions().restoreMedian().source().describe())
                .startsWith("from your data: outages in the traffic: 3 (prophet_pedestrians_hourly_two_sensors.csv)");
        assertThat(r.estimate().failureRate()).isEmpty();
    }

    /** The ELB series' labelled anomalies are spikes, not outages: nothing to learn, the prior stays. */
    @Test
    void seriesWithoutOutagesKeepThePrior() throws Exception {
        RiskResult r = outagesOf(shared("nab_elb_request_count_8c0756.csv"), "UTC");
        assertThat(r.outages()).isEmpty();
        assertThat(r.estimate().restore()).isEmpty();
        assertThat(r.estimate().notes()).anyMatch(n -> n.startsWith("no outage found in the traffic"));
        assertThat(r.assumptions().restoreMedian()).isEqualTo(CostAssumptions.defaults().restoreMedian());
    }

    /** The bundled shop sample (generated with two outages): 2 h on 12 March, 1 h on 17 September. */
    @Test
    void shopSampleOutages() throws Exception {
        RiskResult r = outagesOf(Path.of("sample-data", "shop-hourly-2025.csv"), "Europe/Berlin");
        assertThat(r.outages()).extracting(Interval::duration).containsExactly(Duration.ofHours(2), Duration.ofHours(1));
        double[] expected = blended(new double[] {120, 60});
        RiskEstimate.DurationEstimate restore = r.estimate().restore().orElseThrow();
        assertThat(restore.fit().medianMinutes()).isCloseTo(60 * Math.sqrt(2), within(1e-9));
        assertThat(restore.median().toMillis() / 60_000.0).isCloseTo(expected[1], within(1e-3));
        assertThat(r.lines()).contains("outages in shop-hourly-2025.csv: 2");
    }

    @Test
    void incidentsWinOverOutagesWhichBecomeACrossCheck() throws Exception {
        Path dir = Files.createTempDirectory("risk");
        Path inc = Files.writeString(dir.resolve("inc.csv"), "start,end\n2025-02-01T10:00Z,2025-02-01T10:30Z\n"
                + "2025-04-01T10:00Z,2025-04-01T10:50Z\n");
        RiskResult r = new RiskService().learn(RiskRequest.of(Optional.of(inc), Optional.empty(), Optional.empty(),
                Optional.of(new TrafficSource.FileSource(Path.of("sample-data", "shop-hourly-2025.csv"))),
                ImportOptions.inZone(ZoneId.of("Europe/Berlin"))), CostAssumptions.defaults(), ProgressListener.NONE,
                Cancellation.NEVER);
        assertThat(r.estimate().restore().orElseThrow().fit().n()).isEqualTo(2);
        assertThat(r.estimate().outages()).isPresent();
        assertThat(r.estimate().notes()).anyMatch(n -> n.startsWith("the traffic shows 2 outages")
                && n.contains("a cross-check only"));
        assertThat(r.estimate().source()).isEqualTo("your incidents: 2 from 2025-02-01 to 2025-04-01 (inc.csv); "
                + "outages in the traffic: 2 (shop-hourly-2025.csv)");
        assertThat(List.copyOf(r.lines())).anyMatch(l -> l.contains("incidents without deploys"));
    }
}
