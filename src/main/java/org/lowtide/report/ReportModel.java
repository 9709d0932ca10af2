package org.lowtide.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.cost.Assumption;
import org.lowtide.cost.IncidentMode;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Plan;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.planning.TrafficOutlook;
import org.lowtide.planning.WindowRequest;
import org.lowtide.report.charts.LabelledInterval;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;

/**
 * What a report says, computed once from its {@link ReportInput} so that every writer (PDF, CSV,
 * charts) prints the same numbers.
 *
 * @param input       what it was made from
 * @param summary     the recommendation in plain words and the traffic at stake
 * @param forecast    the weekly profile laid over the planning horizon, with its band
 * @param gaps        spans of the history without data
 * @param assumptions every input with its value and source, in the order printed
 * @param method      how the numbers were made, a few sentences
 * @param money       the plan priced by the cost model, when the input has a cost report
 */
public record ReportModel(ReportInput input, Summary summary, Forecast forecast, List<LabelledInterval> gaps,
                          List<AssumptionRow> assumptions, List<String> method, Optional<Money> money) {

    /** The plan inputs a user may give, with the default Lowtide uses otherwise and why. */
    public static final Map<String, String> PLAN_INPUTS = Map.of(
            "duration", "two hours, long enough for most deployments and their checks",
            "rollback", "time to detect + the 90th percentile of the restore time (cost model), or one hour",
            "count", "four dated windows",
            "horizon", "tomorrow and the four weeks after",
            "minGap", "at least a day between the starts of two windows",
            "allowed", "any time of day: no staff hours given",
            "blackouts", "no freezes given",
            "holidays", "no holiday calendar given",
            "habit", "no habit given: compared with the median window instead",
            "outlook", "the forecast where it reaches and beat the typical week in its backtest");

    public ReportModel {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(forecast, "forecast");
        gaps = List.copyOf(gaps);
        assumptions = List.copyOf(assumptions);
        method = List.copyOf(method);
        Objects.requireNonNull(money, "money");
    }

    /**
     * The recommendation in words and the traffic at stake.
     *
     * @param headline         one sentence, e.g. "Make risky changes on Saturdays 03:00–05:00 (Europe/Berlin)."
     * @param weeklyRule       the recurring window, e.g. "Saturdays 03:00–05:00 Europe/Berlin"
     * @param windows          the dated windows in words, best first
     * @param atStakeInBest    traffic at stake in the best dated window (window and rollback tail)
     * @param atStakeInMedian  traffic at stake in the median candidate window
     * @param atStakeInHabit   traffic at stake at the team's habitual time
     * @param habit            the habit in words, e.g. "Tuesdays 14:00"
     */
    public record Summary(String headline, Optional<String> weeklyRule, List<String> windows, double atStakeInBest,
                          double atStakeInMedian, OptionalDouble atStakeInHabit, Optional<String> habit) {
        public Summary {
            Objects.requireNonNull(headline, "headline");
            Objects.requireNonNull(weeklyRule, "weeklyRule");
            windows = List.copyOf(windows);
            Objects.requireNonNull(atStakeInHabit, "atStakeInHabit");
            Objects.requireNonNull(habit, "habit");
        }

        /** @return the share less at stake in the best window than in the median one */
        public double shareBelowMedian() {
            return atStakeInMedian > 0 ? 1 - atStakeInBest / atStakeInMedian : Double.NaN;
        }
    }

    /**
     * The expected traffic over the horizon, step by step.
     *
     * @param start     start of the first step
     * @param step      the step
     * @param expected  the weekly median of each step's slot
     * @param lower     the slot's 10th percentile over past weeks
     * @param upper     the slot's 90th percentile over past weeks
     * @param bandLabel what the band is, in a few words (the chart's legend)
     * @param caption   what the chart shows, in a sentence
     */
    public record Forecast(Instant start, Duration step, double[] expected, double[] lower, double[] upper,
                           String bandLabel, String caption) {
        public Forecast {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(step, "step");
            expected = expected.clone();
            lower = lower.clone();
            upper = upper.clone();
            Objects.requireNonNull(bandLabel, "bandLabel");
            Objects.requireNonNull(caption, "caption");
        }

        @Override
        public double[] expected() {
            return expected.clone();
        }

        @Override
        public double[] lower() {
            return lower.clone();
        }

        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    /** @return the model of {@code input} */
    public static ReportModel of(ReportInput input) {
        Plan plan = input.plan();
        Optional<Money> money = input.cost().map(c -> Money.of(c, plan, input.windowCosts(),
                ProfileRevenue.of(c.curve(), input.profile())));
        return new ReportModel(input, summary(plan), forecast(input), gaps(input.series()), assumptions(input),
                method(input), money);
    }

    /** @return the plan's zone */
    public ZoneId zone() {
        return input.plan().request().constraints().zone();
    }

    /** @return the unit traffic is counted in, e.g. "requests" (or "traffic" when the file names none) */
    public String trafficUnit() {
        String unit = input.series().unit();
        return unit.isBlank() ? input.series().name() : unit;
    }

    private static Summary summary(Plan plan) {
        ZoneId zone = plan.request().constraints().zone();
        Optional<String> rule = plan.recurring().map(ScheduleExports::describe);
        List<String> windows = new ArrayList<>();
        for (ChangeWindow w : plan.windows()) {
            windows.add(Texts.dayTime(w.window().start().atZone(zone)) + " – "
                    + Texts.HM.format(w.window().end().atZone(zone)));
        }
        String headline;
        if (plan.recurring().isPresent()) {
            RecurringWindow r = plan.recurring().get();
            headline = "Make risky changes on " + Texts.days(r.day()) + " between " + Texts.HM.format(r.start())
                    + " and " + Texts.HM.format(r.start().plus(r.duration())) + " (" + zone.getId() + " time).";
        } else if (!plan.windows().isEmpty()) {
            headline = "Make risky changes in the dated windows below; no single weekly time fits every constraint.";
        } else {
            headline = "No window meets every constraint in this horizon: widen the staff hours or the horizon.";
        }
        double best = plan.windows().isEmpty() ? Double.NaN : plan.windows().get(0).expected();
        return new Summary(headline, rule, windows, best, plan.medianCandidate(), plan.habit(),
                plan.request().habit().map(WindowRequest.Habit::toString));
    }

    private static Forecast forecast(ReportInput input) {
        WeeklyProfile profile = input.profile();
        WeekSlots slots = profile.slots();
        WindowRequest r = input.plan().request();
        ZoneId zone = slots.zone();
        Instant from = r.from().atStartOfDay(zone).toInstant();
        Instant to = r.to().plusDays(1).atStartOfDay(zone).toInstant();
        long stepSeconds = slots.slot().getSeconds();
        int n = (int) Math.max(1, Duration.between(from, to).getSeconds() / stepSeconds);
        WeeklyBands bands = WeeklyBands.of(input.series(), slots);
        double[] lowerBySlot = bands.lower();
        double[] upperBySlot = bands.upper();
        double[] expected = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        WeekSlots.Locator locator = slots.locator();
        long t = from.getEpochSecond();
        for (int i = 0; i < n; i++, t += stepSeconds) {
            int s = locator.slotOf(t);
            expected[i] = profile.expectedAt(s);
            lower[i] = lowerBySlot[s];
            upper[i] = upperBySlot[s];
        }
        String dates = Texts.DATE.format(r.from()) + " to " + Texts.DATE.format(r.to());
        String label = "10th–90th percentile of past weeks";
        String caption = "The typical week laid over " + dates + "; the band holds the 10th to 90th percentile of "
                + "past weeks.";
        TrafficOutlook o = input.traffic();
        if (o.usesForecast() && o.traffic().start().equals(from) && o.traffic().step().equals(slots.slot())) {
            // Where the plan ranked on the forecast, the chart shows the forecast and its 80 % interval.
            double[] e = o.traffic().expected();
            double[] u = o.traffic().upper();
            double[] l = o.lower();
            for (int i = o.forecastFrom(); i < Math.min(n, o.forecastTo()); i++) {
                expected[i] = e[i];
                lower[i] = l[i];
                upper[i] = u[i];
            }
            if (o.forecastFrom() == 0 && o.forecastTo() >= n) {
                label = "forecast's 10th–90th percentile";
                caption = "The traffic forecast for " + dates + " (" + forecastMethod(input) + "); the "
                        + "band is its 80 % interval, the 10th to 90th percentile, widening with the lead time.";
            } else {
                label = "10th–90th percentile (forecast, else past weeks)";
                caption = "The traffic forecast (" + forecastMethod(input) + ") from "
                        + Texts.DATE.format(o.traffic().timeAt(o.forecastFrom()).atZone(zone).toLocalDate()) + " to "
                        + Texts.DATE.format(o.traffic().timeAt(o.forecastTo()).atZone(zone).toLocalDate())
                        + " and the typical week elsewhere over " + dates + "; the band holds the 10th to 90th "
                        + "percentile of each.";
            }
        }
        return new Forecast(from, slots.slot(), expected, lower, upper, label, caption);
    }

    /**
     * The forecast's method and its backtest in a few words for a caption: "median of the last 4
     * weeks, chosen by a backtest: MASE 0.84 against 1.08 for repeating the main period".
     */
    static String forecastMethod(ReportInput input) {
        if (input.forecast().isEmpty()) {
            return "damped trend and the latest weeks' pattern";
        }
        org.lowtide.analysis.Forecast f = input.forecast().get();
        String name = org.lowtide.analysis.ForecastSelection.describe(f.method());
        return f.backtest().map(b -> String.format(java.util.Locale.ROOT,
                "%s, chosen by a backtest: MASE %.2f against %.2f for repeating the last cycle", name, b.mase(),
                b.naiveMase())).orElse(name + ", not backtested: short history");
    }

    /** Runs of missing steps, merged, each at least one step long. */
    static List<LabelledInterval> gaps(TrafficSeries series) {
        List<LabelledInterval> gaps = new ArrayList<>();
        int i = 0;
        int n = series.size();
        while (i < n) {
            if (!Double.isNaN(series.valueAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && Double.isNaN(series.valueAt(j))) {
                j++;
            }
            gaps.add(new LabelledInterval(new Interval(series.timeAt(i), series.timeAt(j)), "no data"));
            i = j;
        }
        return gaps;
    }

    private static List<AssumptionRow> assumptions(ReportInput input) {
        List<AssumptionRow> rows = new ArrayList<>();
        TrafficSeries s = input.series();
        ZoneId zone = input.plan().request().constraints().zone();
        Provenance p = input.provenance();
        String data = "Data";
        rows.add(new AssumptionRow(data, "Traffic history", p.fileName(), "your input"));
        rows.add(new AssumptionRow(data, "Checksum (SHA-256)", p.sha256().isEmpty() ? "bundled sample" : p.sha256(),
                "computed from the file"));
        rows.add(new AssumptionRow(data, "Span", Texts.dayTime(s.start().atZone(zone)) + " to "
                + Texts.dayTime(s.end().atZone(zone)), "from your data"));
        rows.add(new AssumptionRow(data, "Grid step", Texts.duration(s.step()), "from your data (median spacing "
                + "of the timestamps, or your --step)"));
        rows.add(new AssumptionRow(data, "Points and gaps", Texts.count(s.size()) + " steps, "
                + Texts.count(s.missingCount()) + " without data, " + Texts.count(input.importWarnings())
                + " import repairs", "from your data"));
        rows.add(new AssumptionRow(data, "Time zone", zone.getId(), input.userPlanInputs().contains("zone")
                ? "your input" : "Lowtide default: the system's zone"));
        WeeklyProfile profile = input.profile();
        rows.add(new AssumptionRow(data, "Typical week", "median of every " + Texts.duration(profile.slots().slot())
                + " slot of the local week; peak " + Texts.number(profile.peak()) + " " + unit(s) + " per step",
                "from your data"));

        String plan = "Plan";
        WindowRequest r = input.plan().request();
        rows.add(planRow(input, "duration", "Window length", Texts.duration(r.duration())));
        rows.add(planRow(input, "rollback", "Rollback tail (p90 detect and restore)",
                Texts.duration(r.rollbackTail())));
        rows.add(planRow(input, "count", "Dated windows asked for", Integer.toString(r.count())));
        rows.add(planRow(input, "horizon", "Horizon", Texts.DATE.format(r.from()) + " to " + Texts.DATE.format(r.to())));
        rows.add(planRow(input, "minGap", "Least time between windows", Texts.duration(r.minGap())));
        List<String> hours = new ArrayList<>();
        for (AllowedHours a : r.constraints().allowed()) {
            hours.add(a.toString());
        }
        rows.add(planRow(input, "allowed", "Staff hours", hours.isEmpty() ? "any time" : String.join("; ", hours)));
        List<String> freezes = new ArrayList<>();
        for (Blackout b : r.constraints().blackouts()) {
            freezes.add(b.reason() + " (" + Texts.DAY_TIME.format(b.interval().start().atZone(zone)) + " to "
                    + Texts.DAY_TIME.format(b.interval().end().atZone(zone)) + ")");
        }
        rows.add(planRow(input, "blackouts", "Blackouts", freezes.isEmpty() ? "none" : String.join("; ", freezes)));
        List<String> holidays = new ArrayList<>();
        for (Holiday h : r.constraints().holidays()) {
            holidays.add(Texts.DATE.format(h.date()) + " " + h.name());
        }
        rows.add(planRow(input, "holidays", "Public holidays", holidays.isEmpty() ? "none"
                : String.join("; ", holidays) + (r.constraints().holidayPolicy() == HolidayPolicy.BLACKOUT
                ? " (no changes on holidays)" : " (holidays allowed, flagged)")));
        rows.add(planRow(input, "habit", "When the team changes today",
                r.habit().map(WindowRequest.Habit::toString).orElse("not given")));
        String over = input.traffic().usesForecast()
                ? "on the traffic forecast where it reaches (see Traffic outlook)"
                : "on the typical week laid over the horizon's dates";
        if (input.plannedInMoney()) {
            rows.add(new AssumptionRow(plan, "Window score", "the expected cost of a change going live in the window "
                    + "(cost model below), " + over, "from your data and the cost assumptions"));
        } else {
            rows.add(new AssumptionRow(plan, "Window score", "expected traffic over window and rollback tail, "
                    + over, "from your data"));
        }
        rows.add(planRow(input, "outlook", "Traffic outlook", input.traffic().note() + " (asked: "
                + input.traffic().choice().id() + ")"));
        input.forecast().ifPresent(f -> rows.add(new AssumptionRow(plan, "Forecast method",
                org.lowtide.analysis.ForecastSelection.scores(f), "from your data (rolling-origin backtest)")));
        input.cost().ifPresent(cost -> {
            String code = cost.currency().getCurrencyCode();
            for (Assumption<?> a : cost.assumptions().all()) {
                rows.add(new AssumptionRow("Cost", a.label(), value(a).replace("currency", code),
                        a.source().describe()));
            }
            rows.add(new AssumptionRow("Cost", "Revenue spread over the week", cost.curve().spread().description(),
                    "from your data"));
            rows.add(new AssumptionRow("Cost", "Monte Carlo", Texts.count(cost.best().estimate().simulations())
                    + " simulated changes per start time, seed " + cost.seed(), "Lowtide default: enough for p99 "
                    + "to settle; the fixed seed makes every run give the same numbers"));
        });
        return rows;
    }

    /** An assumption's value in words, with its unit. */
    static String value(Assumption<?> a) {
        Object v = a.value();
        String unit = a.unit();
        if (v instanceof Duration) {
            return ((Duration) v).isZero() ? "none" : Texts.duration((Duration) v);
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "yes" : "no";
        }
        if (v instanceof java.util.Currency) {
            return ((java.util.Currency) v).getCurrencyCode();
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (unit.startsWith("fraction")) {
                return Texts.percent(d) + unit.substring("fraction".length()).replaceFirst("^ of", " of");
            }
            if (unit.equals("percent")) {
                return Texts.number(d) + " %";
            }
            return Texts.number(d) + " " + unit;
        }
        if (v instanceof RevenueBasis.Amount) {
            RevenueBasis.Amount amount = (RevenueBasis.Amount) v;
            return Texts.count(amount.amount()) + " per " + amount.period().name().toLowerCase(java.util.Locale.ROOT)
                    + (amount.spreadByTraffic() ? ", spread by traffic share" : ", the same every minute");
        }
        if (v instanceof IncidentMode) {
            return v == IncidentMode.DOWN ? "down (a failure takes the service down)" : "degraded (a brown-out)";
        }
        return v + (unit.isEmpty() || unit.contains("HH") || unit.contains("days") ? "" : " " + unit);
    }

    private static AssumptionRow planRow(ReportInput input, String key, String name, String value) {
        boolean user = input.userPlanInputs().contains(key);
        return new AssumptionRow("Plan", name, value, user ? "your input"
                : "Lowtide default: " + PLAN_INPUTS.getOrDefault(key, "built in"));
    }

    private static String unit(TrafficSeries s) {
        return s.unit().isBlank() ? s.name() : s.unit();
    }

    private static List<String> method(ReportInput input) {
        List<String> m = new ArrayList<>();
        m.add("The traffic history was put on a regular grid (missing steps stay missing, never zero). Every step "
                + "falls into a slot of the local week in " + input.plan().request().constraints().zone().getId()
                + ", so a change of daylight-saving time does not move the pattern; a slot's expected traffic is "
                + "the median over all weeks of history, so one outage or spike does not move it.");
        m.add("Every step of the horizon is a candidate start. A window is scored by "
                + (input.plannedInMoney() ? "the expected cost of a change started in it (money, below) over "
                        : "the expected traffic over ")
                + "the whole window and its rollback tail, checked against staff hours, blackouts and holidays, "
                + "ranked by that score (then by its 90th percentile, then by time) and chosen greedily with the "
                + "least gap between windows. The latest safe start is the last moment from which a failed change "
                + "is rolled back before traffic rises above the horizon's median.");
        m.add("The traffic of the horizon: where the patterns forecast reaches (at most 26 weeks past the data) and, "
                + "unless asked otherwise, did better than the typical week in a rolling-origin backtest, the "
                + "forecast (the method its backtest scored best, see Forecast method) with its 80 % interval, "
                + "whose upper bound "
                + "is the p90 the ranking uses; elsewhere the typical week laid over its dates, with the 10th to "
                + "90th percentile of what each slot measured in past weeks. In money, the revenue of each step is "
                + "its slot's times the forecast over the typical week, so a change's expected cost follows the "
                + "forecast through the whole expected course of an incident.");
        if (input.cost().isPresent()) {
            m.add("Money: revenue per minute at a time of the week is the average revenue per minute times that "
                    + "slot's share of the week's traffic, so a peak minute is worth more than a trough minute. A "
                    + "change fails with the change failure rate; the incident lasts the time to detect plus a "
                    + "lognormal restore time (from its median and 90th percentile), longer at night by the night "
                    + "multiplier, and costs the revenue lost meanwhile times the share of users affected, less what "
                    + "is recovered later, plus churn and SLA credits when given. Each start time is simulated with "
                    + "a fixed seed (Monte Carlo) for the mean and the 50th, 90th and 99th percentiles; the closed-"
                    + "form expectation checks the simulation.");
            m.add("Yearly savings: the changes per year times the difference between the expected cost of a change "
                    + "made the way the team works today (its habit, or a random start in business hours) and one "
                    + "started at the recommended window. The k/h scenarios apply levers that raise innovation per "
                    + "change (k) or lower downtime per change (h), and compare a year of changes under each. The "
                    + "error budget turns the availability objective into allowed minutes per 30 days and sets the "
                    + "expected incident minutes of a month of changes against them.");
        }
        return m;
    }

    /** @return the expected traffic of the typical week, slot by slot, for the week chart */
    public double[] weekValues() {
        return input.profile().expected();
    }

    /** @return the traffic at stake per window in the plan, for tables */
    public OptionalDouble habitAtStake() {
        return input.plan().habit();
    }
}
