package org.lowtide.report;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.lowtide.analysis.Trough;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.Plan;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.report.charts.CostCharts;
import org.lowtide.report.charts.ForecastChart;
import org.lowtide.report.charts.LabelledInterval;
import org.lowtide.report.charts.TimeMarks;
import org.lowtide.report.charts.TrafficChart;
import org.lowtide.report.charts.TrafficDataset;
import org.lowtide.report.charts.WeekChart;
import org.lowtide.report.charts.WeekMark;
import org.lowtide.report.charts.WeeklyHeatmapChart;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;

/**
 * Every chart of a report, by a file-friendly name, made fresh on each call (a chart is styled
 * for its medium, so the PDF, the PNG files and the GUI each get their own copy). The charts are
 * the GUI's own chart classes fed with the report's model.
 */
public final class ReportCharts {

    /** The week's traffic with the recommended window and the habit marked (the summary's chart). */
    public static final String WEEK = "week";
    /** Traffic over the whole history with the window's occurrences, outages and gaps. */
    public static final String TRAFFIC = "traffic";
    /** The typical week as a heat map with its troughs. */
    public static final String HEATMAP = "heatmap";
    /** The horizon's forecast with its band, the planned windows and the blocked days. */
    public static final String FORECAST = "forecast";
    /** Revenue per minute over the week and the expected cost of a change by start time, windows marked. */
    public static final String MONEY_WEEK = "money-week";
    /** The cost of a failed change started in the recommended window. */
    public static final String COST_WINDOW = "cost-window";
    /** The cost of a failed change started at the peak. */
    public static final String COST_PEAK = "cost-peak";
    /** The k/h scenarios side by side. */
    public static final String SCENARIOS = "scenarios";

    /** Points drawn for a long traffic series on paper or in an exported picture. */
    static final int PAPER_POINTS = 3_000;

    private final ReportModel model;

    public ReportCharts(ReportModel model) {
        this.model = model;
    }

    /** @return a fresh copy of every chart, in report order, by name */
    public Map<String, Supplier<JFreeChart>> all() {
        Map<String, Supplier<JFreeChart>> charts = new LinkedHashMap<>();
        charts.put(WEEK, this::week);
        charts.put(TRAFFIC, this::traffic);
        charts.put(HEATMAP, this::heatmap);
        charts.put(FORECAST, this::forecast);
        model.money().ifPresent(m -> {
            charts.put(MONEY_WEEK, () -> moneyWeek(true));
            m.recommended().ifPresent(r -> charts.put(COST_WINDOW, () -> CostCharts.changeCostHistogram(
                    r.failureCosts(), r.failuresOf())));
            charts.put(COST_PEAK, () -> CostCharts.changeCostHistogram(m.peak().failureCosts(), m.peak().failuresOf()));
            charts.put(SCENARIOS, () -> CostCharts.scenarios(m.scenarios(), m.cost().currency()));
        });
        return charts;
    }

    /**
     * The cost model's revenue week (the Costs screen's chart) with the recommended window, the
     * habit and the peak marked.
     *
     * @param withChangeCost also draw the expected cost of a change by start time
     */
    public JFreeChart moneyWeek(boolean withChangeCost) {
        Money m = model.money().orElseThrow(() -> new IllegalStateException("this report has no money"));
        JFreeChart chart = CostCharts.revenueWeek(m.cost().curve(), revenueOnProfile(),
                withChangeCost ? m.cost().expectedBySlot() : null);
        List<WeekMark> marks = new ArrayList<>(weekMarks());
        marks.add(new WeekMark(m.peak().day(), m.peak().time(), Duration.ZERO, "peak", WeekMark.Kind.PEAK));
        WeekChart.mark(chart, marks);
        return chart;
    }

    /**
     * @return revenue per minute per slot as the report draws it: on the weekly profile the ranking
     *         used when it shares the cost model's week, else the cost model's own curve
     */
    public double[] revenueOnProfile() {
        Money m = model.money().orElseThrow(() -> new IllegalStateException("this report has no money"));
        return ProfileRevenue.of(m.cost().curve(), model.input().profile()).map(ProfileRevenue::perMinute)
                .orElseGet(() -> m.cost().curve().perMinute());
    }

    /** @return the recommended weekly window and the habit as marks on the week */
    public List<WeekMark> weekMarks() {
        Plan plan = model.input().plan();
        List<WeekMark> marks = new ArrayList<>();
        recommendedInProfileZone().ifPresent(r -> marks.add(new WeekMark(r.day(), r.start(), r.duration(),
                "recommended", WeekMark.Kind.WINDOW)));
        if (plan.recurring().isEmpty() && !model.input().troughs().isEmpty()) {
            Trough t = model.input().troughs().get(0);
            marks.add(new WeekMark(t.day(), t.start(), t.duration(), "quietest", WeekMark.Kind.WINDOW));
        }
        plan.request().habit().ifPresent(h -> marks.add(new WeekMark(h.day(), h.start(), Duration.ZERO,
                "your habit", WeekMark.Kind.HABIT)));
        return marks;
    }

    /** The summary's chart from traffic: the typical week with the windows marked. */
    public JFreeChart week() {
        return WeekChart.create(model.input().profile().slots(), model.weekValues(),
                model.trafficUnit() + " per " + Texts.duration(model.input().profile().slots().slot()), false,
                weekMarks());
    }

    /** Traffic over the history, the recommended window's occurrences shaded, outages and gaps marked. */
    public JFreeChart traffic() {
        TrafficSeries series = model.input().series();
        ZoneId zone = model.zone();
        List<Interval> occurrences = new ArrayList<>();
        model.input().plan().recurring().ifPresent(r -> occurrences.addAll(occurrences(r, series.span())));
        JFreeChart chart = TrafficChart.create(series, zone, occurrences);
        // A page is about 500 points wide: 3,000 points (each bucket's min and max) keep every outage visible.
        chart.getXYPlot().setDataset(new TrafficDataset(series, PAPER_POINTS));
        long minimum = Math.max(Duration.between(series.start(), series.end()).toMillis() / 600, 1);
        TimeMarks.shade(chart, model.gaps(), TimeMarks.Kind.GAP, minimum);
        TimeMarks.shade(chart, model.input().outages(), TimeMarks.Kind.OUTAGE, minimum);
        return chart;
    }

    /** The typical week as a heat map, troughs outlined. */
    public JFreeChart heatmap() {
        return WeeklyHeatmapChart.create(model.input().profile(), model.input().troughs(), recommendedInProfileZone());
    }

    /**
     * @return the plan's weekly rule as a window of the weekly profile (its zone may differ from the
     *         team's: the next occurrence, read on the profile's clock)
     */
    public Optional<Trough> recommendedInProfileZone() {
        Optional<org.lowtide.planning.RecurringWindow> rule = model.input().plan().recurring();
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        org.lowtide.planning.RecurringWindow r = rule.get();
        ZoneId zone = model.input().profile().slots().zone();
        java.time.DayOfWeek day = r.day();
        java.time.LocalTime start = r.start();
        if (!r.zone().equals(zone) && !r.occurrences().isEmpty()) {
            java.time.ZonedDateTime s = r.occurrences().get(0).start().withZoneSameInstant(zone);
            day = s.getDayOfWeek();
            start = s.toLocalTime();
        }
        return Optional.of(new Trough(day, start, r.duration(), zone, r.expected(), Double.NaN));
    }

    /** The horizon: expected traffic with its band, planned windows green, blackouts and holidays grey. */
    public JFreeChart forecast() {
        ReportModel.Forecast f = model.forecast();
        List<Interval> windows = new ArrayList<>();
        for (ChangeWindow w : model.input().plan().windows()) {
            windows.add(w.window());
        }
        return ForecastChart.create(f.start(), f.step(), f.expected(), f.lower(), f.upper(), model.zone(),
                model.trafficUnit() + " per " + Texts.duration(f.step()), f.bandLabel(),
                windows, blocked(model.input().plan()));
    }

    /** @return the plan's blackouts and (when they block changes) holidays as spans */
    static List<LabelledInterval> blocked(Plan plan) {
        ZoneId zone = plan.request().constraints().zone();
        List<LabelledInterval> spans = new ArrayList<>();
        for (Blackout b : plan.request().constraints().blackouts()) {
            spans.add(new LabelledInterval(b.interval(), b.reason()));
        }
        for (Holiday h : plan.request().constraints().holidays()) {
            spans.add(new LabelledInterval(new Interval(h.date().atStartOfDay(zone).toInstant(),
                    h.date().plusDays(1).atStartOfDay(zone).toInstant()), h.name()));
        }
        return spans;
    }

    /** Every occurrence of a weekly rule in a span. */
    static List<Interval> occurrences(RecurringWindow rule, Interval span) {
        Trough asTrough = new Trough(rule.day(), rule.start(), rule.duration(), rule.zone(), rule.expected(), 0);
        return asTrough.occurrences(span.start(), span.end());
    }
}
