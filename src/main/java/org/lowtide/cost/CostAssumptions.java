package org.lowtide.cost;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Every input of the cost model, each with its unit and its source. Validated on construction:
 * a bad value throws {@link IllegalArgumentException} with a message naming the input (the same
 * messages as {@link CostLimits}, which the GUI shows next to a field).
 *
 * @param currency                   ISO 4217 currency of every amount
 * @param revenue                    where revenue per minute comes from
 * @param changeFailureRate          share of changes that fail in production, 0..1
 * @param detect                     time from a failure to noticing it
 * @param restoreMedian              median time from noticing to restored
 * @param restoreP90                 90th percentile of the restore time (equal to the median: fixed)
 * @param impact                     share of users a failure affects, 0..1
 * @param recovered                  share of lost revenue that comes back later, 0..1
 * @param mode                       whether a failure takes the service down or slows it
 * @param extraLatencyMs             extra latency of a brown-out, in milliseconds
 * @param latencyElasticity          share of revenue lost per 100 ms of extra latency, 0..1
 * @param churnPerOutageHour         customers who cancel per hour of full outage at average traffic
 * @param customerLifetimeValue      what a cancelling customer would still have been worth
 * @param slaCreditPerIncident       SLA credit paid per failed change
 * @param slaCreditPerHour           SLA credit paid per hour of incident
 * @param nightMultiplier            how much longer detection and restore take at night (≥ 1)
 * @param nightHours                 the local hours the night multiplier applies to
 * @param plannedDowntime            planned downtime of every change (a maintenance window)
 * @param plannedCountsAgainstBudget whether planned downtime consumes the error budget
 * @param changesPerYear             changes made per year
 * @param innovationPerChange        k: innovation value one change delivers, in the user's unit
 * @param sloPercent                 availability objective in percent, e.g. 99.9
 * @param businessHours              when changes go out today, for the "schedule in troughs" saving
 */
public record CostAssumptions(
        Assumption<Currency> currency,
        Assumption<RevenueBasis> revenue,
        Assumption<Double> changeFailureRate,
        Assumption<Duration> detect,
        Assumption<Duration> restoreMedian,
        Assumption<Duration> restoreP90,
        Assumption<Double> impact,
        Assumption<Double> recovered,
        Assumption<IncidentMode> mode,
        Assumption<Double> extraLatencyMs,
        Assumption<Double> latencyElasticity,
        Assumption<Double> churnPerOutageHour,
        Assumption<Double> customerLifetimeValue,
        Assumption<Double> slaCreditPerIncident,
        Assumption<Double> slaCreditPerHour,
        Assumption<Double> nightMultiplier,
        Assumption<HoursOfDay> nightHours,
        Assumption<Duration> plannedDowntime,
        Assumption<Boolean> plannedCountsAgainstBudget,
        Assumption<Double> changesPerYear,
        Assumption<Double> innovationPerChange,
        Assumption<Double> sloPercent,
        Assumption<WeeklyHours> businessHours) {

    public CostAssumptions {
        for (Assumption<?> a : List.of(currency, revenue, changeFailureRate, detect, restoreMedian, restoreP90, impact,
                recovered, mode, extraLatencyMs, latencyElasticity, churnPerOutageHour, customerLifetimeValue,
                slaCreditPerIncident, slaCreditPerHour, nightMultiplier, nightHours, plannedDowntime,
                plannedCountsAgainstBudget, changesPerYear, innovationPerChange, sloPercent, businessHours)) {
            Objects.requireNonNull(a, "every assumption needs a value");
        }
        CostLimits.require(CostLimits.fraction("the change failure rate", changeFailureRate.value()));
        CostLimits.require(CostLimits.nonNegative("the time to detect", detect.value()));
        CostLimits.require(CostLimits.positive("the median restore time", restoreMedian.value()));
        CostLimits.require(CostLimits.p90NotBelowMedian(restoreMedian.value(), restoreP90.value()));
        CostLimits.require(CostLimits.fraction("the impact (share of users affected)", impact.value()));
        CostLimits.require(CostLimits.fraction("the share of revenue recovered later", recovered.value()));
        CostLimits.require(CostLimits.nonNegative("the extra latency", extraLatencyMs.value()));
        CostLimits.require(CostLimits.fraction("the latency elasticity", latencyElasticity.value()));
        CostLimits.require(CostLimits.nonNegative("the customers cancelling per outage hour", churnPerOutageHour.value()));
        CostLimits.require(CostLimits.nonNegative("the customer lifetime value", customerLifetimeValue.value()));
        CostLimits.require(CostLimits.nonNegative("the SLA credit per incident", slaCreditPerIncident.value()));
        CostLimits.require(CostLimits.nonNegative("the SLA credit per hour", slaCreditPerHour.value()));
        CostLimits.require(CostLimits.atLeastOne("the night multiplier", nightMultiplier.value()));
        CostLimits.require(CostLimits.nonNegative("the planned downtime", plannedDowntime.value()));
        CostLimits.require(CostLimits.nonNegative("the changes per year", changesPerYear.value()));
        CostLimits.require(CostLimits.nonNegative("the innovation per change", innovationPerChange.value()));
        CostLimits.require(CostLimits.slo(sloPercent.value()));
    }

    /** @return Lowtide's defaults, each with its source */
    public static CostAssumptions defaults() {
        return new CostAssumptions(
                new Assumption<>("currency", "Currency", Currency.getInstance("USD"), "ISO 4217",
                        Source.lowtideDefault("US dollars unless you choose another currency")),
                new Assumption<>("revenue", "Revenue", new RevenueBasis.Amount(RevenueBasis.Period.MINUTE, 5600, true),
                        "currency per period", Source.published(Citations.GARTNER_2014
                                + "; used only until you give your own revenue")),
                new Assumption<>("changeFailureRate", "Change failure rate", 0.15, "fraction of changes",
                        Source.published(Citations.DORA_2023 + " (default: the medium cluster)")),
                new Assumption<>("detect", "Time to detect", Duration.ofMinutes(5), "duration",
                        Source.lowtideDefault("alerting on the traffic itself pages within minutes; no survey "
                                + "publishes a typical time to detect")),
                new Assumption<>("restoreMedian", "Restore time, median", Duration.ofMinutes(45), "duration",
                        Source.lowtideDefault("inside DORA 2023's bands (elite under one hour, high and medium under "
                                + "one day); DORA publishes bands, not a median")),
                new Assumption<>("restoreP90", "Restore time, 90th percentile", Duration.ofHours(2), "duration",
                        Source.lowtideDefault("one restore in ten takes over two hours: a long tail inside DORA's "
                                + "'under one day'; DORA publishes no percentile")),
                new Assumption<>("impact", "Users affected", 1.0, "fraction of users",
                        Source.lowtideDefault("a full outage, the worst case; lower it for partial outages")),
                new Assumption<>("recovered", "Revenue recovered later", 0.0, "fraction of lost revenue",
                        Source.lowtideDefault("nothing comes back later, the cautious case")),
                new Assumption<>("mode", "Incident kind", IncidentMode.DOWN, "down or degraded",
                        Source.lowtideDefault("a failed change takes the service down")),
                new Assumption<>("extraLatencyMs", "Extra latency in a brown-out", 150.0, "milliseconds",
                        Source.lowtideDefault("the middle of the +100 to +200 ms a degraded service typically adds")),
                new Assumption<>("latencyElasticity", "Latency elasticity", 0.01, "fraction of revenue per 100 ms",
                        Source.published(Citations.LINDEN_2006)),
                new Assumption<>("churnPerOutageHour", "Customers cancelling per outage hour", 0.0,
                        "customers per hour of full outage at average traffic",
                        Source.lowtideDefault("off until you give it: churn after outages is specific to a business")),
                new Assumption<>("customerLifetimeValue", "Customer lifetime value", 0.0, "currency per customer",
                        Source.lowtideDefault("off until you give it")),
                new Assumption<>("slaCreditPerIncident", "SLA credit per incident", 0.0, "currency per incident",
                        Source.lowtideDefault("no SLA credits unless your contracts give them")),
                new Assumption<>("slaCreditPerHour", "SLA credit per incident hour", 0.0, "currency per hour",
                        Source.lowtideDefault("no SLA credits unless your contracts give them")),
                new Assumption<>("nightMultiplier", "Night restore multiplier", 1.5, "× detect and restore time",
                        Source.lowtideDefault("fewer responders, woken by a page, take longer: an assumption, not a "
                                + "published figure; 1 switches it off")),
                new Assumption<>("nightHours", "Night hours", new HoursOfDay(LocalTime.of(22, 0), LocalTime.of(7, 0)),
                        "local HH:mm-HH:mm", Source.lowtideDefault("outside a usual on-call team's waking hours")),
                new Assumption<>("plannedDowntime", "Planned downtime per change", Duration.ZERO, "duration",
                        Source.lowtideDefault("changes without a planned outage")),
                new Assumption<>("plannedCountsAgainstBudget", "Planned downtime counts against the error budget",
                        Boolean.FALSE, "yes or no",
                        Source.lowtideDefault("most SLOs exclude announced maintenance")),
                new Assumption<>("changesPerYear", "Changes per year", 250.0, "changes per year",
                        Source.lowtideDefault("about one per working day, inside DORA 2023's high band (between once "
                                + "per day and once per week)")),
                new Assumption<>("innovationPerChange", "Innovation per change (k)", 1.0, "value per change, your unit",
                        Source.lowtideDefault("a unit: innovation counted in changes of today's size")),
                new Assumption<>("sloPercent", "Availability objective (SLO)", 99.9, "percent",
                        Source.lowtideDefault("a common availability objective (three nines)")),
                new Assumption<>("businessHours", "Business hours", WeeklyHours.BUSINESS_HOURS, "days and local hours",
                        Source.lowtideDefault("when changes usually go out when nobody schedules them")));
    }

    /** @return every assumption, in the order of the form and the report */
    public List<Assumption<?>> all() {
        return List.of(currency, revenue, changeFailureRate, detect, restoreMedian, restoreP90, impact, recovered, mode,
                extraLatencyMs, latencyElasticity, churnPerOutageHour, customerLifetimeValue, slaCreditPerIncident,
                slaCreditPerHour, nightMultiplier, nightHours, plannedDowntime, plannedCountsAgainstBudget, changesPerYear,
                innovationPerChange, sloPercent, businessHours);
    }

    /** @return the restore time distribution */
    public RestoreTime restoreTime() {
        return new RestoreTime(restoreMedian.value(), restoreP90.value());
    }

    /**
     * The share of the affected users' revenue an incident loses while it lasts: 1 when down,
     * {@code min(1, elasticity · latency / 100 ms)} when degraded.
     */
    public double lossWhileAffected() {
        if (mode.value() == IncidentMode.DOWN) {
            return 1;
        }
        return Math.min(1, latencyElasticity.value() * extraLatencyMs.value() / 100);
    }

    /** @return a builder starting from these values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some assumptions; each value set here becomes "your input". */
    public static final class Builder {
        private Assumption<Currency> currency;
        private Assumption<RevenueBasis> revenue;
        private Assumption<Double> changeFailureRate;
        private Assumption<Duration> detect;
        private Assumption<Duration> restoreMedian;
        private Assumption<Duration> restoreP90;
        private Assumption<Double> impact;
        private Assumption<Double> recovered;
        private Assumption<IncidentMode> mode;
        private Assumption<Double> extraLatencyMs;
        private Assumption<Double> latencyElasticity;
        private Assumption<Double> churnPerOutageHour;
        private Assumption<Double> customerLifetimeValue;
        private Assumption<Double> slaCreditPerIncident;
        private Assumption<Double> slaCreditPerHour;
        private Assumption<Double> nightMultiplier;
        private Assumption<HoursOfDay> nightHours;
        private Assumption<Duration> plannedDowntime;
        private Assumption<Boolean> plannedCountsAgainstBudget;
        private Assumption<Double> changesPerYear;
        private Assumption<Double> innovationPerChange;
        private Assumption<Double> sloPercent;
        private Assumption<WeeklyHours> businessHours;

        private Builder(CostAssumptions a) {
            currency = a.currency;
            revenue = a.revenue;
            changeFailureRate = a.changeFailureRate;
            detect = a.detect;
            restoreMedian = a.restoreMedian;
            restoreP90 = a.restoreP90;
            impact = a.impact;
            recovered = a.recovered;
            mode = a.mode;
            extraLatencyMs = a.extraLatencyMs;
            latencyElasticity = a.latencyElasticity;
            churnPerOutageHour = a.churnPerOutageHour;
            customerLifetimeValue = a.customerLifetimeValue;
            slaCreditPerIncident = a.slaCreditPerIncident;
            slaCreditPerHour = a.slaCreditPerHour;
            nightMultiplier = a.nightMultiplier;
            nightHours = a.nightHours;
            plannedDowntime = a.plannedDowntime;
            plannedCountsAgainstBudget = a.plannedCountsAgainstBudget;
            changesPerYear = a.changesPerYear;
            innovationPerChange = a.innovationPerChange;
            sloPercent = a.sloPercent;
            businessHours = a.businessHours;
        }

        public Builder currency(Currency v) {
            currency = currency.withUserValue(v);
            return this;
        }

        public Builder revenue(RevenueBasis v) {
            revenue = revenue.withUserValue(v);
            return this;
        }

        /** Sets the revenue with another source (e.g. a column of the data). */
        public Builder revenue(RevenueBasis v, Source source) {
            revenue = revenue.with(v, source);
            return this;
        }

        public Builder changeFailureRate(double v) {
            changeFailureRate = changeFailureRate.withUserValue(v);
            return this;
        }

        public Builder detect(Duration v) {
            detect = detect.withUserValue(v);
            return this;
        }

        public Builder restoreMedian(Duration v) {
            restoreMedian = restoreMedian.withUserValue(v);
            return this;
        }

        public Builder restoreP90(Duration v) {
            restoreP90 = restoreP90.withUserValue(v);
            return this;
        }

        /** Sets the change failure rate with another source (e.g. learned from the team's history). */
        public Builder changeFailureRate(double v, Source source) {
            changeFailureRate = changeFailureRate.with(v, source);
            return this;
        }

        /** Sets the time to detect with another source. */
        public Builder detect(Duration v, Source source) {
            detect = detect.with(v, source);
            return this;
        }

        /** Sets the median restore time with another source. */
        public Builder restoreMedian(Duration v, Source source) {
            restoreMedian = restoreMedian.with(v, source);
            return this;
        }

        /** Sets the restore time's 90th percentile with another source. */
        public Builder restoreP90(Duration v, Source source) {
            restoreP90 = restoreP90.with(v, source);
            return this;
        }

        /** Sets the changes per year with another source. */
        public Builder changesPerYear(double v, Source source) {
            changesPerYear = changesPerYear.with(v, source);
            return this;
        }

        /** Sets a fixed restore time (median and p90 alike). */
        public Builder restoreFixed(Duration v) {
            return restoreMedian(v).restoreP90(v);
        }

        public Builder impact(double v) {
            impact = impact.withUserValue(v);
            return this;
        }

        public Builder recovered(double v) {
            recovered = recovered.withUserValue(v);
            return this;
        }

        public Builder mode(IncidentMode v) {
            mode = mode.withUserValue(v);
            return this;
        }

        public Builder extraLatencyMs(double v) {
            extraLatencyMs = extraLatencyMs.withUserValue(v);
            return this;
        }

        public Builder latencyElasticity(double v) {
            latencyElasticity = latencyElasticity.withUserValue(v);
            return this;
        }

        public Builder churnPerOutageHour(double v) {
            churnPerOutageHour = churnPerOutageHour.withUserValue(v);
            return this;
        }

        public Builder customerLifetimeValue(double v) {
            customerLifetimeValue = customerLifetimeValue.withUserValue(v);
            return this;
        }

        public Builder slaCreditPerIncident(double v) {
            slaCreditPerIncident = slaCreditPerIncident.withUserValue(v);
            return this;
        }

        public Builder slaCreditPerHour(double v) {
            slaCreditPerHour = slaCreditPerHour.withUserValue(v);
            return this;
        }

        public Builder nightMultiplier(double v) {
            nightMultiplier = nightMultiplier.withUserValue(v);
            return this;
        }

        public Builder nightHours(HoursOfDay v) {
            nightHours = nightHours.withUserValue(v);
            return this;
        }

        public Builder plannedDowntime(Duration v) {
            plannedDowntime = plannedDowntime.withUserValue(v);
            return this;
        }

        public Builder plannedCountsAgainstBudget(boolean v) {
            plannedCountsAgainstBudget = plannedCountsAgainstBudget.withUserValue(v);
            return this;
        }

        public Builder changesPerYear(double v) {
            changesPerYear = changesPerYear.withUserValue(v);
            return this;
        }

        public Builder innovationPerChange(double v) {
            innovationPerChange = innovationPerChange.withUserValue(v);
            return this;
        }

        public Builder sloPercent(double v) {
            sloPercent = sloPercent.withUserValue(v);
            return this;
        }

        public Builder businessHours(WeeklyHours v) {
            businessHours = businessHours.withUserValue(v);
            return this;
        }

        /** @throws IllegalArgumentException naming the first bad input */
        public CostAssumptions build() {
            return new CostAssumptions(currency, revenue, changeFailureRate, detect, restoreMedian, restoreP90, impact,
                    recovered, mode, extraLatencyMs, latencyElasticity, churnPerOutageHour, customerLifetimeValue,
                    slaCreditPerIncident, slaCreditPerHour, nightMultiplier, nightHours, plannedDowntime,
                    plannedCountsAgainstBudget, changesPerYear, innovationPerChange, sloPercent, businessHours);
        }
    }
}
