package org.lowtide.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.lowtide.cost.Citations;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.traffic.Interval;

/**
 * Learns the change failure rate and the detection and restore time distributions from
 * {@link RiskEvidence}.
 *
 * <p><b>Change failure rate</b> (DORA's definition: the share of changes to production that lead
 * to degraded service needing remediation). An incident is attributed to the latest change at or
 * before its start when it begins within the attribution window after that change; where the export
 * has a cause column, a stated cause decides instead: a change-like cause (deploy, release, config,
 * migration, rollback, …) attributes the incident to the latest change before it whatever the gap,
 * any other cause (hardware, provider, …) to none. A change the deploy log marks as failed or rolled
 * back is failed either way. Only incidents from the first change to the last change plus the
 * window count. Rate = failed changes ÷ changes, with a percentile bootstrap interval over the
 * changes (Efron and Tibshirani 1993, ch. 13).
 *
 * <p><b>Detection and restore times</b>: lognormal maximum likelihood ({@link LognormalFit}); detect
 * = detected − start and restore = end − detected where the export says when an incident was
 * detected, otherwise restore = end − start and detection stays at its prior. Open incidents count
 * as failures but have no restore time. Without incidents, the lengths of the outages found in the
 * traffic are the restore evidence (a traffic dip is not always an incident, and an outage's length
 * includes its detection: both are said).
 *
 * <p><b>Thin evidence</b>: below {@link #THIN} incidents (failed changes for the rate) a warning is
 * given and the estimate is blended with the prior (the published defaults): durations on the log
 * scale with data weight {@code n / 8}; the rate as the mean of a Beta posterior whose prior has the
 * default rate's mean and the weight of {@link #PRIOR_CHANGES} changes (Gelman et al., <i>Bayesian
 * Data Analysis</i>, 3rd ed., 2013, §2.4), data weight {@code changes / (changes + 20)}.
 */
public final class RiskFitter {

    /** Fewer incidents than this is thin evidence. */
    public static final int THIN = 8;

    /** The weight of the prior failure rate, in changes, when the evidence is thin. */
    public static final double PRIOR_CHANGES = 20;

    /** The interval level. */
    public static final double LEVEL = 0.9;

    private RiskFitter() {
    }

    /**
     * @param evidence  what to learn from
     * @param prior     the assumptions to blend with when the evidence is thin (the defaults)
     * @param resamples bootstrap resamples
     * @param seed      bootstrap seed
     */
    public static RiskEstimate fit(RiskEvidence evidence, CostAssumptions prior, int resamples, long seed) {
        List<String> notes = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Optional<IncidentHistory> incidents = evidence.incidents();
        Optional<ChangeHistory> changes = evidence.changes();
        incidents.ifPresent(h -> sources.add("your incidents: " + h.incidents().size()
                + h.from().map(f -> " from " + day(f) + " to " + day(h.to().get())).orElse("")
                + " (" + h.source() + ")"));
        changes.ifPresent(c -> sources.add("your changes: " + c.changes().size()
                + (c.first() == null ? "" : " from " + day(c.first()) + " to " + day(c.last())) + " (" + c.source() + ")"));
        if (!evidence.outages().isEmpty() || !evidence.outageSource().isEmpty()) {
            sources.add("outages in the traffic: " + evidence.outages().size()
                    + (evidence.outageSource().isEmpty() ? "" : " (" + evidence.outageSource() + ")"));
        }
        String source = String.join("; ", sources);

        Optional<RiskEstimate.FailureRate> rate = Optional.empty();
        if (incidents.isPresent() && changes.isPresent() && !changes.get().changes().isEmpty()) {
            rate = Optional.of(failureRate(incidents.get(), changes.get(), evidence.attributionWindow(),
                    prior.changeFailureRate().value(), resamples, seed, notes));
        } else if (changes.isPresent() && incidents.isEmpty()) {
            notes.add("deploys without incidents: the change failure rate needs an incident export (--incidents)");
        } else if (incidents.isPresent() && changes.isEmpty()) {
            notes.add("incidents without deploys: the change failure rate needs the changes (--deploys or "
                    + "--deploys-from-git); only detection and restore times are learned");
        }

        Optional<RiskEstimate.DurationEstimate> detect = Optional.empty();
        Optional<RiskEstimate.DurationEstimate> restore = Optional.empty();
        if (incidents.isPresent()) {
            List<Incident> closed = incidents.get().closed();
            double[] det = closed.stream().map(Incident::detection).flatMap(Optional::stream)
                    .mapToDouble(d -> d.toMillis() / 60_000.0).toArray();
            if (det.length > 0) {
                detect = Optional.of(duration(det, prior.detect().value(), prior.detect().value(), "detection times",
                        "detection time (detected − start) of " + det.length + " incidents", resamples, seed + 1, notes));
            } else {
                notes.add("the export does not say when incidents were detected: the time to detect stays at "
                        + Durations.words(prior.detect().value()) + ", and restore times run from the incident's start");
            }
            double[] res = closed.stream().map(Incident::restore).flatMap(Optional::stream)
                    .mapToDouble(d -> d.toMillis() / 60_000.0).toArray();
            if (res.length > 0) {
                restore = Optional.of(duration(res, prior.restoreMedian().value(), prior.restoreP90().value(),
                        "restore times", "lognormal fitted by maximum likelihood to the restore times of " + res.length
                                + " closed incidents", resamples, seed + 2, notes));
            } else {
                notes.add("no closed incident: the restore time stays at its prior");
            }
            if (incidents.get().open() > 0) {
                notes.add(incidents.get().open() + " open incidents count as failures but have no restore time");
            }
        }
        Optional<RiskEstimate.DurationEstimate> outageFit = Optional.empty();
        if (!evidence.outages().isEmpty()) {
            double[] lengths = evidence.outages().stream().map(Interval::duration)
                    .mapToDouble(d -> d.toMillis() / 60_000.0).toArray();
            String from = "lognormal fitted to the lengths of " + lengths.length + " outages in the traffic (a traffic "
                    + "dip is not always an incident, and an outage's length includes its detection)";
            List<String> outageNotes = restore.isPresent() ? new ArrayList<>() : notes;
            outageFit = Optional.of(duration(lengths, prior.restoreMedian().value(), prior.restoreP90().value(),
                    "outages", from, resamples, seed + 3, outageNotes));
            if (restore.isPresent()) {
                LognormalFit f = outageFit.get().fit();
                notes.add("the traffic shows " + lengths.length + " outages (median " + Durations.words(
                        Durations.ofMinutes(f.medianMinutes())) + ", p90 " + Durations.words(Durations.ofMinutes(
                        f.p90Minutes())) + "): a cross-check only, the incidents give the restore time");
            } else {
                restore = outageFit;
            }
        } else if (!evidence.outageSource().isEmpty()) {
            notes.add("no outage found in the traffic: nothing to learn restore times from there");
        }

        double perYear = changes.map(ChangeHistory::perYear).orElse(0.0);
        Optional<DoraBand> band = Optional.empty();
        if (rate.isPresent() || restore.isPresent()) {
            DoraBand b = rate.map(r -> DoraBand.ofFailureRate(r.value())).orElse(DoraBand.ELITE);
            if (restore.isPresent()) {
                Duration detectUsed = detect.map(RiskEstimate.DurationEstimate::median).orElse(prior.detect().value());
                b = b.worse(DoraBand.ofRecovery(restore.get().median().plus(detectUsed)));
            }
            band = Optional.of(b);
        }
        return new RiskEstimate(rate, detect, restore, outageFit, perYear, band, source, notes);
    }

    static RiskEstimate.FailureRate failureRate(IncidentHistory incidents, ChangeHistory changes, Duration window,
                                                double priorRate, int resamples, long seed, List<String> notes) {
        List<Change> list = changes.changes();
        Instant[] times = list.stream().map(Change::time).toArray(Instant[]::new);
        Instant from = times[0];
        Instant to = times[times.length - 1].plus(window);
        Set<Integer> failed = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).outcome() == Change.Outcome.FAILED) {
                failed.add(i);
            }
        }
        int logFailed = failed.size();
        int attributed = 0;
        int notChange = 0;
        int unattributed = 0;
        int outside = 0;
        for (Incident inc : incidents.incidents()) {
            if (inc.start().isBefore(from) || inc.start().isAfter(to)) {
                outside++;
                continue;
            }
            int k = latestAtOrBefore(times, inc.start());
            Optional<Boolean> cause = inc.causedByChange();
            if (cause.isPresent() && !cause.get()) {
                notChange++;
            } else if (k >= 0 && (cause.isPresent()
                    || Duration.between(times[k], inc.start()).compareTo(window) <= 0)) {
                attributed++;
                failed.add(k);
            } else {
                unattributed++;
            }
        }
        int n = list.size();
        int f = failed.size();
        double measured = f / (double) n;
        SplittableRandom random = new SplittableRandom(seed);
        double[] boot = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < measured) {
                    count++;
                }
            }
            boot[b] = count / (double) n;
        }
        java.util.Arrays.sort(boot);
        double low = LognormalFit.quantile(boot, (1 - LEVEL) / 2);
        double high = LognormalFit.quantile(boot, (1 + LEVEL) / 2);
        String rule = String.format(Locale.ROOT, "change failure rate %d of %d changes failed: an incident that begins "
                + "within %s after a change is that change's failure%s%s", f, n, Durations.words(window),
                incidents.hasCause() ? "; a stated cause decides where there is one (deploy, release, config… "
                        + "attributes it to the latest change, any other cause to none)" : "",
                logFailed > 0 ? "; " + logFailed + " changes the deploy log marks as failed" : "");
        if (outside > 0) {
            notes.add(outside + " incidents lie outside the deploy history (" + day(from) + " to " + day(to)
                    + ") and do not count for the failure rate");
        }
        if (unattributed > 0) {
            notes.add(unattributed + " incidents began with no change in the " + Durations.words(window)
                    + " before them: not counted as change failures (--attribution-window widens it)");
        }
        if (notChange > 0) {
            notes.add(notChange + " incidents have a cause that is not a change: not counted");
        }
        double value = measured;
        double weight = 1;
        if (f < THIN) {
            weight = n / (n + PRIOR_CHANGES);
            value = (f + PRIOR_CHANGES * priorRate) / (n + PRIOR_CHANGES);
            notes.add(String.format(Locale.ROOT, "thin evidence: only %d failed changes (fewer than %d); the failure "
                    + "rate %.1f %% blends your %.1f %% (weight %.0f %%, %d changes) with the published %.1f %% "
                    + "(weight %.0f %%, as %.0f changes)", f, THIN, 100 * value, 100 * measured, 100 * weight, n,
                    100 * priorRate, 100 * (1 - weight), PRIOR_CHANGES));
        }
        return new RiskEstimate.FailureRate(n, f, attributed, notChange, unattributed, measured, low, high, value,
                weight, rule);
    }

    private static RiskEstimate.DurationEstimate duration(double[] minutes, Duration priorMedian, Duration priorP90,
                                                          String what, String from, int resamples, long seed,
                                                          List<String> notes) {
        LognormalFit fit = LognormalFit.fit(minutes, resamples, LEVEL, seed);
        double w = Math.min(1, minutes.length / (double) THIN);
        double mu = fit.mu();
        double sigma = fit.sigma();
        if (w < 1) {
            double pm = Math.log(Math.max(LognormalFit.FLOOR_MINUTES, priorMedian.toMillis() / 60_000.0));
            double ps = priorMedian.isZero() ? 0 : Math.log(Math.max(1, priorP90.toNanos() / (double) priorMedian.toNanos()))
                    / Citations.Z_90;
            mu = w * mu + (1 - w) * pm;
            sigma = w * sigma + (1 - w) * ps;
            notes.add(String.format(Locale.ROOT, "thin evidence: only %d %s (fewer than %d); the fit weighs %.0f %% "
                    + "against %.0f %% for the published prior (median %s, p90 %s)", minutes.length, what, THIN,
                    100 * w, 100 * (1 - w), Durations.words(priorMedian), Durations.words(priorP90)));
        }
        Duration median = Durations.ofMinutes(Math.exp(mu));
        Duration p90 = Durations.ofMinutes(Math.exp(mu + Citations.Z_90 * sigma));
        if (median.isZero()) {
            median = Duration.ofSeconds(1);
        }
        if (p90.compareTo(median) < 0) {
            p90 = median;
        }
        return new RiskEstimate.DurationEstimate(fit, median, p90, w, minutes, from);
    }

    private static int latestAtOrBefore(Instant[] sorted, Instant t) {
        int lo = 0;
        int hi = sorted.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!sorted[mid].isAfter(t)) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }
}
