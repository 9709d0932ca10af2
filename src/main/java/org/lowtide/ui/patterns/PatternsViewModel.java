package org.lowtide.ui.patterns;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import org.jfree.chart.JFreeChart;
import org.lowtide.analysis.Anomaly;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.HolidayEffect;
import org.lowtide.analysis.Patterns;
import org.lowtide.analysis.SeasonalPeriod;
import org.lowtide.report.charts.PatternCharts;
import org.lowtide.report.charts.WeeklyHeatmapChart;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.traffic.TimeFormats;
import org.lowtide.ui.common.BackgroundJob;

/**
 * State of the Patterns screen: builds the charts of an analysis result off the FX thread (a
 * {@link BackgroundJob} on the app's executor, with progress) and lists the anomalies.
 */
public final class PatternsViewModel {

    private static final DateTimeFormatter WHEN = TimeFormats.DAY_TIME;

    /** One anomaly as the list shows it. */
    public record AnomalyRow(Anomaly anomaly, String text) {
        public AnomalyRow {
            Objects.requireNonNull(anomaly, "anomaly");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The charts of one result. */
    public record Charts(JFreeChart series, JFreeChart decomposition, JFreeChart strengths, JFreeChart heatmap,
                         JFreeChart forecast) {
    }

    private final AnalysisService service;
    private final javafx.beans.property.StringProperty holidayCalendar =
            new javafx.beans.property.SimpleStringProperty(this, "holidayCalendar", "");
    private final ReadOnlyStringWrapper holidayMessage = new ReadOnlyStringWrapper(this, "holidayMessage", "");
    private final ReadOnlyListWrapper<String> holidays =
            new ReadOnlyListWrapper<>(this, "holidays", FXCollections.observableArrayList());
    private AnalysisResult shown;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "No analysis yet.");
    private final ReadOnlyStringWrapper forecastText = new ReadOnlyStringWrapper(this, "forecastText", "");
    /** The summary and the forecast in plain words (issue #15); the technical texts above become their details. */
    private final ReadOnlyStringWrapper plainSummary = new ReadOnlyStringWrapper(this, "plainSummary", "No analysis yet.");
    private final ReadOnlyStringWrapper plainForecast = new ReadOnlyStringWrapper(this, "plainForecast", "");
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyListWrapper<AnomalyRow> anomalies =
            new ReadOnlyListWrapper<>(this, "anomalies", FXCollections.observableArrayList());
    /** Draws the charts; a newer result cancels the drawing running. */
    private final BackgroundJob job;

    /**
     * @param service  looks up holidays and their effect
     * @param executor runs chart building; the app's background thread, or the caller's in tests
     */
    public PatternsViewModel(AnalysisService service, Executor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.job = new BackgroundJob(Objects.requireNonNull(executor, "executor"));
        busy.bind(job.busyProperty());
        progress.bind(job.progressProperty());
    }

    /** Redraws the shown result with the holidays of {@link #holidayCalendarProperty()} (empty for none). */
    public void applyHolidays() {
        show(shown);
    }

    /** Shows {@code result} (null clears the screen). Call on the FX thread. */
    public void show(AnalysisResult result) {
        shown = result;
        job.cancel();
        holidays.clear();
        holidayMessage.set("");
        if (result == null || result.patterns().isEmpty()) {
            charts.set(null);
            anomalies.clear();
            summary.set(result == null ? "No analysis yet." : "No patterns for this series: "
                    + String.join("; ", result.notes()));
            forecastText.set("");
            plainSummary.set(summary.get());
            plainForecast.set("");
            return;
        }
        Patterns p = result.patterns().get();
        ZoneId zone = result.series().zone();
        summary.set(describe(p));
        forecastText.set(p.forecast().map(PatternsViewModel::describe).orElse("No forecast."));
        plainSummary.set(plainWords(p));
        plainForecast.set(p.forecast().map(PatternsViewModel::plainWords).orElse("Too little history for a forecast."));
        List<AnomalyRow> rows = new ArrayList<>();
        for (Anomaly a : p.anomalyList()) {
            rows.add(new AnomalyRow(a, describe(a, zone)));
        }
        anomalies.setAll(rows);
        String calendar = holidayCalendar.get() == null ? "" : holidayCalendar.get().trim();
        List<HolidayEffect> effects = new ArrayList<>();
        if (!calendar.isEmpty()) {
            try {
                effects.addAll(service.holidays(result, calendar));
                holidayMessage.set(effects.isEmpty() ? "No public holidays of " + calendar + " in this range."
                        : describeTypical(effects, calendar));
            } catch (IllegalArgumentException e) {
                holidayMessage.set(e.getMessage());
            }
        }
        List<String> holidayRows = new ArrayList<>();
        java.util.Map<java.time.LocalDate, String> marks = new java.util.TreeMap<>();
        for (HolidayEffect e : effects) {
            holidayRows.add(describe(e));
            marks.put(e.date(), e.name());
        }
        holidays.setAll(holidayRows);
        job.start("Drawing the patterns…", drawing -> {
            drawing.progress(0, "");
            JFreeChart series = PatternCharts.seriesWithAnomalies(result.series(), p.anomalyList(), zone);
            PatternCharts.markHolidays(series, marks, zone, false);
            drawing.progress(0.2, "");
            JFreeChart decomposition = p.decomposition().map(d -> PatternCharts.decomposition(d, zone)).orElse(null);
            drawing.progress(0.4, "");
            JFreeChart strengths = PatternCharts.periodStrengths(p.periods());
            JFreeChart heatmap = result.profile().map(pr -> WeeklyHeatmapChart.create(pr, result.troughs()))
                    .orElse(null);
            drawing.progress(0.6, "");
            JFreeChart forecast = p.forecast().map(f -> PatternCharts.forecast(result.series(), f, zone,
                    Duration.ofDays(28))).orElse(null);
            if (forecast != null) {
                PatternCharts.markHolidays(forecast, marks, zone, true);
            }
            return new Charts(series, decomposition, strengths, heatmap, forecast);
        }, charts::set, error -> summary.set("Could not draw the patterns: "
                + (error instanceof org.lowtide.service.OutOfMemory ? error.getMessage() : String.valueOf(error))), () -> { });
    }

    static String describe(Patterns p) {
        StringBuilder s = new StringBuilder();
        if (p.periods().isEmpty()) {
            s.append("No seasonal period found.");
        } else {
            s.append("Periods: ");
            for (int i = 0; i < p.periods().size(); i++) {
                SeasonalPeriod sp = p.periods().get(i);
                s.append(i == 0 ? "" : ", ").append("other".equals(sp.name()) ? sp.period().toString() : sp.name())
                        .append(String.format(Locale.ROOT, " (strength %.2f)", sp.strength()));
            }
            s.append('.');
        }
        s.append(' ').append(p.anomalyList().size()).append(p.anomalyList().size() == 1 ? " anomaly" : " anomalies")
                .append(" excluded from the profile, troughs and forecast.");
        return s.toString();
    }

    /** The summary without statistics: which rhythms repeat, and what was set aside. */
    static String plainWords(Patterns p) {
        List<String> rhythms = new ArrayList<>();
        for (SeasonalPeriod sp : p.periods()) {
            rhythms.add("other".equals(sp.name()) ? "every " + sp.period().toString().substring(2).toLowerCase(Locale.ROOT)
                    : "every " + sp.name());
        }
        int n = p.anomalyList().size();
        String setAside = n == 0 ? "Nothing unusual had to be set aside."
                : n + (n == 1 ? " unusual stretch (an outage, gap, dip or spike) is" : " unusual stretches (outages, gaps, dips, spikes) are")
                + " left out of the quiet times and the forecast.";
        return (rhythms.isEmpty() ? "The traffic shows no regular rhythm. " : "The traffic repeats "
                + String.join(" and ", rhythms) + ". ") + setAside;
    }

    /** The forecast without statistics. */
    static String plainWords(Forecast f) {
        return String.format(Locale.ROOT, "Expected traffic for the next %d weeks, learned from the past; the shaded"
                + " bands show where 8 in 10 and 19 in 20 outcomes are expected to fall.",
                Duration.between(f.start(), f.timeAt(f.size())).toDays() / 7);
    }

    static String describe(HolidayEffect e) {
        String when = TimeFormats.DAY.format(e.date());
        if (e.inForecast()) {
            return when + "  " + e.name() + " (ahead, in the forecast)";
        }
        if (Double.isNaN(e.ratio())) {
            return when + "  " + e.name() + (e.inHistory() ? " (too little data that day)" : "");
        }
        return String.format(Locale.ROOT, "%s  %s: %+.0f %% traffic", when, e.name(), (e.ratio() - 1) * 100);
    }

    static String describeTypical(List<HolidayEffect> effects, String calendar) {
        double r = AnalysisService.typicalHolidayRatio(effects);
        long ahead = effects.stream().filter(HolidayEffect::inForecast).count();
        return calendar + ": " + (Double.isNaN(r) ? "no holiday measured in the history"
                : String.format(Locale.ROOT, "holidays typically %+.0f %% traffic", (r - 1) * 100))
                + (ahead > 0 ? "; " + ahead + " in the forecast (marked)" : "") + ".";
    }

    static String describe(Forecast f) {
        return String.format(Locale.ROOT, "Forecast %d weeks ahead with 80 %% and 95 %% bands: %s.",
                Duration.between(f.start(), f.timeAt(f.size())).toDays() / 7,
                org.lowtide.service.AnalysisService.forecastEvidence(f));
    }

    static String describe(Anomaly a, ZoneId zone) {
        String kind = a.kind().name().charAt(0) + a.kind().name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        Duration d = a.interval().duration();
        String length = d.toMinutes() < 120 ? d.toMinutes() + " min" : (d.toHours() < 48 ? d.toHours() + " h"
                : d.toDays() + " days");
        return String.format(Locale.ROOT, "%s  %s, %s (score %.1f)", kind, WHEN.format(a.interval().start().atZone(zone)),
                length, a.score());
    }

    /**
     * The time range to zoom the series chart to for one anomaly: the anomaly with as much again
     * on each side (at least six hours).
     *
     * @return {start, end} in epoch milliseconds
     */
    public static double[] zoomRange(Anomaly a) {
        long start = a.interval().start().toEpochMilli();
        long end = a.interval().end().toEpochMilli();
        long pad = Math.max(end - start, Duration.ofHours(6).toMillis());
        return new double[] {start - pad, end + pad};
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return the summary in plain words; {@link #summaryProperty()} has the periods' strengths */
    public ReadOnlyStringProperty plainSummaryProperty() {
        return plainSummary.getReadOnlyProperty();
    }

    /** @return the forecast in plain words; {@link #forecastTextProperty()} has the method and its backtest */
    public ReadOnlyStringProperty plainForecastProperty() {
        return plainForecast.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty forecastTextProperty() {
        return forecastText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Charts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    /** The holiday calendar as typed, {@code CC} or {@code CC-REGION}; empty for none. */
    public javafx.beans.property.StringProperty holidayCalendarProperty() {
        return holidayCalendar;
    }

    public ReadOnlyStringProperty holidayMessageProperty() {
        return holidayMessage.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> holidaysProperty() {
        return holidays.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<AnomalyRow> anomaliesProperty() {
        return anomalies.getReadOnlyProperty();
    }
}
