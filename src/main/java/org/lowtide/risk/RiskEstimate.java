package org.lowtide.risk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.Source;

/**
 * The risk learned from a team's history, ready to replace the published defaults.
 *
 * @param failureRate   the change failure rate, when both changes and incidents were given
 * @param detect        time to detect, when the incidents say when they were detected
 * @param restore       time to restore, from the incidents or else from the outages in the traffic
 * @param outages       the outages in the traffic, when asked for (evidence; used for restore only
 *                      without incidents)
 * @param changesPerYear changes per year in the deploy history, 0 when not known
 * @param band          the DORA cluster, when the failure rate or the restore time is known
 * @param source        one line naming the evidence, e.g. "your incidents: 23 from 2025-01-04 to 2025-11-28"
 * @param notes         the attribution rule, warnings on thin evidence and how much the prior weighs
 */
public record RiskEstimate(Optional<FailureRate> failureRate, Optional<DurationEstimate> detect,
                           Optional<DurationEstimate> restore, Optional<DurationEstimate> outages,
                           double changesPerYear, Optional<DoraBand> band, String source, List<String> notes) {

    /**
     * A change failure rate.
     *
     * @param changes     changes in the deploy history
     * @param failed      changes that failed (an incident attributed, or the log says so)
     * @param incidents   incidents attributed to a change
     * @param notChange   incidents whose stated cause is not a change
     * @param unattributed incidents with no change in the window before them
     * @param measured    failed ÷ changes
     * @param low         lower end of the bootstrap interval of the measured rate
     * @param high        upper end
     * @param value       the rate used: the measured one, or blended with the prior when thin
     * @param dataWeight  how much the measured rate weighs in {@code value}, 0..1
     * @param rule        the attribution rule in words
     */
    public record FailureRate(int changes, int failed, int incidents, int notChange, int unattributed,
                              double measured, double low, double high, double value, double dataWeight, String rule) {
    }

    /**
     * A fitted duration.
     *
     * @param fit        the maximum likelihood lognormal of the data, with intervals
     * @param median     the median used (blended with the prior when thin)
     * @param p90        the 90th percentile used
     * @param dataWeight how much the data weighs, 0..1
     * @param minutes    the durations fitted, in minutes (for charts)
     * @param from       what they were measured from, in words
     */
    public record DurationEstimate(LognormalFit fit, Duration median, Duration p90, double dataWeight,
                                   double[] minutes, String from) {

        public DurationEstimate {
            Objects.requireNonNull(fit, "fit");
            minutes = minutes.clone();
        }

        /** @return the mean of the used distribution, {@code median · e^{σ²/2}} */
        public Duration mean() {
            double med = median.toNanos() / 6e10;
            double sigma = Math.log(p90.toNanos() / (double) median.toNanos()) / org.lowtide.cost.Citations.Z_90;
            return Duration.ofNanos(Math.round(med * Math.exp(sigma * sigma / 2) * 6e10));
        }
    }

    public RiskEstimate {
        Objects.requireNonNull(failureRate, "failureRate");
        Objects.requireNonNull(detect, "detect");
        Objects.requireNonNull(restore, "restore");
        Objects.requireNonNull(outages, "outages");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(source, "source");
        notes = List.copyOf(notes);
    }

    /** @return whether anything was learned that changes the assumptions */
    public boolean changesAssumptions() {
        return failureRate.isPresent() || detect.isPresent() || restore.isPresent() || changesPerYear > 0;
    }

    /**
     * The assumptions with the learned values in place of the defaults, each sourced "from your
     * data". Values the user typed afterwards still win (the CLI and the form apply them on top).
     */
    public CostAssumptions applyTo(CostAssumptions base) {
        CostAssumptions.Builder b = base.toBuilder();
        failureRate.ifPresent(f -> b.changeFailureRate(f.value(), Source.data(source + "; " + f.rule()
                + weightNote(f.dataWeight()))));
        detect.ifPresent(d -> b.detect(d.mean(), Source.data(source + "; mean of the fitted detection time "
                + "(median " + Durations.words(d.median()) + ", p90 " + Durations.words(d.p90()) + ")"
                + weightNote(d.dataWeight()))));
        restore.ifPresent(r -> {
            Source s = Source.data(source + "; " + r.from() + weightNote(r.dataWeight()));
            b.restoreMedian(r.median(), s).restoreP90(r.p90(), s);
        });
        if (changesPerYear > 0) {
            b.changesPerYear(changesPerYear, Source.data(source + "; changes per year over the deploy history"));
        }
        return b.build();
    }

    private static String weightNote(double w) {
        if (w >= 1) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "; thin evidence: %.0f %% your data, %.0f %% the published prior",
                100 * w, 100 * (1 - w));
    }
}
