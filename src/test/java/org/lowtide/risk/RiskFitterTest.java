package org.lowtide.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.Citations;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.Source;
import org.lowtide.traffic.Interval;

/** The fit on generated histories with a known truth, and its rules. */
class RiskFitterTest {

    static final Instant T0 = Instant.parse("2025-01-06T10:00:00Z");

    /** A generated history: one change a day at 10:00, each failing with {@code cfr}. */
    record History(IncidentHistory incidents, ChangeHistory changes) {
    }

    static History generate(int changes, double cfr, double restoreMedian, double restoreP90, int noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double mu = Math.log(restoreMedian);
        double sigma = Math.log(restoreP90 / restoreMedian) / Citations.Z_90;
        List<Change> cs = new ArrayList<>();
        List<Incident> is = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            Instant t = T0.plus(Duration.ofDays(i));
            cs.add(new Change(t, "c" + i, "", Change.Outcome.UNKNOWN, i + 2));
            if (random.nextDouble() < cfr) {
                Instant start = t.plus(Duration.ofMinutes(5 + random.nextInt(40)));
                Instant detected = start.plus(Duration.ofSeconds(30 + random.nextInt(600)));
                double restore = Math.exp(mu + sigma * LognormalFitTest.gaussian(random));
                is.add(new Incident("i" + i, start, Optional.of(detected),
                        Optional.of(detected.plus(Durations.ofMinutes(restore))), "", "", i + 2));
            }
        }
        for (int k = 0; k < noise; k++) {
            // 03:00, seventeen hours after the day's change: outside any short window
            Instant start = T0.plus(Duration.ofDays(random.nextInt(changes - 1))).plus(Duration.ofHours(17));
            is.add(new Incident("n" + k, start, Optional.empty(), Optional.of(start.plus(Duration.ofMinutes(20))), "", "",
                    0));
        }
        IncidentHistory ih = new IncidentHistory("generated.csv", IncidentFormat.GENERIC, is, is.size(), 0, 0, 0, 0, 0,
                List.of(), false, List.of());
        ChangeHistory ch = new ChangeHistory("deploys.csv", cs, cs.size(), 0, 0, 0, List.of());
        return new History(ih, ch);
    }

    static RiskEstimate fit(History h, long seed) {
        return RiskFitter.fit(new RiskEvidence(Optional.of(h.incidents()), Optional.of(h.changes()), List.of(), "",
                Duration.ofHours(1)), CostAssumptions.defaults(), 1000, seed);
    }

    @Test
    void recoversAKnownFailureRateAndRestoreTimeWithinItsIntervals() {
        History h = generate(400, 0.2, 40, 150, 15, 7);
        RiskEstimate e = fit(h, 1);
        RiskEstimate.FailureRate f = e.failureRate().orElseThrow();
        assertThat(f.changes()).isEqualTo(400);
        assertThat(f.unattributed()).isEqualTo(15); // the noise at 03:00 is not blamed on the 10:00 change
        assertThat(f.dataWeight()).isEqualTo(1.0);
        assertThat(0.2).isBetween(f.low(), f.high());
        assertThat(f.measured()).isBetween(f.low(), f.high());
        LognormalFit r = e.restore().orElseThrow().fit();
        assertThat(40.0).isBetween(r.medianLow(), r.medianHigh());
        assertThat(150.0).isBetween(r.p90Low(), r.p90High());
        assertThat(e.detect()).isPresent();
        assertThat(e.changesPerYear()).isCloseTo(365.25, within(0.01));
        assertThat(e.source()).startsWith("your incidents: " + h.incidents().incidents().size() + " from 2025-01-")
                .contains("your changes: 400 from 2025-01-06 to 2026-02-09 (deploys.csv)");
    }

    /** Over 200 seeded histories the failure rate's 90 % interval covers the truth about 90 % of the time. */
    @Test
    void failureRateIntervalCoversTheTruthAboutNinetyPercentOfTheTime() {
        int reps = 200;
        int covered = 0;
        for (int r = 0; r < reps; r++) {
            History h = generate(300, 0.15, 40, 150, 0, 1000 + r);
            RiskEstimate.FailureRate f = fit(h, r).failureRate().orElseThrow();
            if (f.low() <= 0.15 && 0.15 <= f.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) reps).isBetween(0.80, 0.97);
    }

    @Test
    void thinEvidenceBlendsWithThePriorAndSaysHowMuchEachWeighs() {
        History h = generate(40, 0.1, 400, 1200, 0, 3);
        RiskEstimate e = fit(h, 1);
        RiskEstimate.FailureRate f = e.failureRate().orElseThrow();
        assertThat(f.failed()).isLessThan(RiskFitter.THIN);
        assertThat(f.dataWeight()).isCloseTo(40 / 60.0, within(1e-12));
        assertThat(f.value()).isCloseTo((f.failed() + 20 * 0.15) / 60.0, within(1e-12));
        RiskEstimate.DurationEstimate r = e.restore().orElseThrow();
        int n = r.minutes().length;
        assertThat(r.dataWeight()).isCloseTo(n / 8.0, within(1e-12));
        // the blended median lies between the data's and the prior's, on the log scale by the weight
        double expected = Math.exp(r.dataWeight() * r.fit().mu() + (1 - r.dataWeight()) * Math.log(45));
        assertThat(r.median().toMillis() / 60_000.0).isCloseTo(expected, within(1e-3));
        assertThat(e.notes()).anyMatch(s -> s.startsWith("thin evidence") && s.contains("%"));
        CostAssumptions a = e.applyTo(CostAssumptions.defaults());
        assertThat(a.restoreMedian().source().citation()).contains("% your data");
    }

    @Test
    void aStatedCauseDecidesAttribution() throws Exception {
        IncidentHistory inc = IncidentCsvReader.read(IncidentCsvReaderTest.fixture("generic_incidents.csv"),
                ZoneId.of("UTC"), Optional.empty());
        ChangeHistory ch = DeployCsvReader.read(IncidentCsvReaderTest.fixture("deploys.csv"), ZoneId.of("UTC"),
                Optional.of("shop"));
        RiskEstimate e = RiskFitter.fit(new RiskEvidence(Optional.of(inc), Optional.of(ch), List.of(), "",
                Duration.ofHours(1)), CostAssumptions.defaults(), 200, 1);
        RiskEstimate.FailureRate f = e.failureRate().orElseThrow();
        // 03-10 deploy cause → failed; 03-17 hardware → not; 03-24 no cause, 16 h before the change → none,
        // but the log says rolled back → failed; 03-31 config change → failed
        assertThat(f.failed()).isEqualTo(3);
        assertThat(f.notChange()).isEqualTo(1);
        assertThat(f.measured()).isEqualTo(0.75);
        assertThat(f.rule()).contains("a stated cause decides", "1 changes the deploy log marks as failed");
    }

    @Test
    void applyToNamesTheSourceAndKeepsOtherAssumptions() {
        RiskEstimate e = fit(generate(300, 0.1, 30, 90, 0, 11), 1);
        CostAssumptions a = e.applyTo(CostAssumptions.defaults());
        assertThat(a.changeFailureRate().value()).isEqualTo(e.failureRate().get().value());
        assertThat(a.changeFailureRate().source().kind()).isEqualTo(Source.Kind.DATA);
        assertThat(a.changeFailureRate().source().describe()).startsWith("from your data: your incidents: ");
        assertThat(a.restoreMedian().value()).isEqualTo(e.restore().get().median());
        assertThat(a.detect().value()).isEqualTo(e.detect().get().mean());
        assertThat(a.impact()).isEqualTo(CostAssumptions.defaults().impact());
    }

    @Test
    void outagesAloneGiveRestoreTimesStatedAsSuch() {
        List<Interval> outages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant s = T0.plus(Duration.ofDays(3L * i));
            outages.add(new Interval(s, s.plus(Duration.ofMinutes(30 + 10L * i))));
        }
        RiskEstimate e = RiskFitter.fit(new RiskEvidence(Optional.empty(), Optional.empty(), outages, "shop.csv",
                Duration.ofHours(1)), CostAssumptions.defaults(), 200, 1);
        assertThat(e.failureRate()).isEmpty();
        assertThat(e.restore().orElseThrow().from()).contains("10 outages in the traffic",
                "a traffic dip is not always an incident");
        assertThat(e.restore().get().fit().medianMinutes()).isCloseTo(Math.exp(java.util.stream.IntStream.range(0, 10)
                .mapToDouble(i -> Math.log(30 + 10 * i)).average().orElseThrow()), within(1e-9));
        assertThat(e.source()).isEqualTo("outages in the traffic: 10 (shop.csv)");
    }

    @Test
    void doraBands() {
        assertThat(DoraBand.ofFailureRate(0.04)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.ofFailureRate(0.10)).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.ofFailureRate(0.2)).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.ofFailureRate(0.5)).isEqualTo(DoraBand.LOW);
        assertThat(DoraBand.ofRecovery(Duration.ofMinutes(50))).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.ofRecovery(Duration.ofHours(5))).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.ELITE.worse(DoraBand.ofRecovery(Duration.ofDays(2)))).isEqualTo(DoraBand.LOW);
        RiskEstimate e = fit(generate(300, 0.04, 20, 50, 0, 5), 1);
        assertThat(e.band()).contains(DoraBand.ELITE);
    }
}
