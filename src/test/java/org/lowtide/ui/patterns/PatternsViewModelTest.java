package org.lowtide.ui.patterns;

import static org.lowtide.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Anomaly;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisResult;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.traffic.imports.ImportOptions;
import org.testfx.api.FxToolkit;

/** The Patterns screen on the bundled shop sample (two known outages), headless. */
class PatternsViewModelTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static AnalysisResult shop() throws Exception {
        return new AnalysisService().analyze(new AnalysisRequest(Samples.SHOP, ImportOptions.inZone(Samples.SHOP.zone()),
                AnalysisRequest.DEFAULT_WINDOW, 3), ProgressListener.NONE, Cancellation.NEVER);
    }


    @Test
    void showsChartsAndListsTheAnomalies() throws Exception {
        AnalysisResult result = shop();
        PatternsViewModel vm = new PatternsViewModel(new AnalysisService(), Runnable::run);

        onFx(() -> {
            vm.show(result);
            return null;
        });

        assertThat(vm.busyProperty().get()).isFalse();
        PatternsViewModel.Charts charts = vm.chartsProperty().get();
        assertThat(charts).isNotNull();
        assertThat(charts.series()).isNotNull();
        assertThat(charts.decomposition()).isNotNull();
        assertThat(charts.forecast()).isNotNull();
        assertThat(vm.anomaliesProperty()).anyMatch(r -> r.anomaly().kind() == Anomaly.Kind.OUTAGE
                && r.text().startsWith("Outage  Wed 12 Mar 2025 19:00"));
        assertThat(vm.summaryProperty().get()).contains("day (strength", "week (strength");
        assertThat(vm.forecastTextProperty().get()).contains("Forecast 8 weeks", "MASE");
    }

    @Test
    void selectingAnAnomalyZoomsTheSeriesChartToIt() throws Exception {
        AnalysisResult result = shop();
        PatternsViewModel vm = new PatternsViewModel(new AnalysisService(), Runnable::run);
        PatternsView view = onFx(() -> {
            PatternsView v = new PatternsView(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(v, 1200, 800));
            stage.show();
            vm.show(result);
            return v;
        });
        @SuppressWarnings("unchecked")
        ListView<PatternsViewModel.AnomalyRow> list = (ListView<PatternsViewModel.AnomalyRow>) view.lookup("#anomalyList");
        PatternsViewModel.AnomalyRow outage = vm.anomaliesProperty().stream()
                .filter(r -> r.anomaly().kind() == Anomaly.Kind.OUTAGE).findFirst().orElseThrow();

        onFx(() -> {
            list.getSelectionModel().select(outage);
            return null;
        });

        ChartViewer viewer = (ChartViewer) view.lookup("#seriesChart");
        XYPlot plot = (XYPlot) viewer.getChart().getPlot();
        double lower = plot.getDomainAxis().getLowerBound();
        double upper = plot.getDomainAxis().getUpperBound();
        assertThat(lower).isLessThanOrEqualTo(outage.anomaly().interval().start().toEpochMilli());
        assertThat(upper).isGreaterThanOrEqualTo(outage.anomaly().interval().end().toEpochMilli());
        assertThat(upper - lower).isLessThan(Duration.ofDays(2).toMillis());

        onFx(() -> {
            ((javafx.scene.control.Hyperlink) view.lookup("#wholeSpan")).fire();
            return null;
        });
        assertThat(plot.getDomainAxis().getUpperBound() - plot.getDomainAxis().getLowerBound())
                .isGreaterThan(Duration.ofDays(300).toMillis());
        onFx(() -> {
            ((Stage) view.getScene().getWindow()).close();
            return null;
        });
    }

    @Test
    void clearsWithoutAResult() throws Exception {
        PatternsViewModel vm = new PatternsViewModel(new AnalysisService(), Runnable::run);
        onFx(() -> {
            vm.show(null);
            return null;
        });
        assertThat(vm.chartsProperty().get()).isNull();
        assertThat(vm.anomaliesProperty()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No analysis yet.");
    }

    @Test
    void marksTheHolidaysOfTheChosenCalendar() throws Exception {
        AnalysisResult result = shop();
        PatternsViewModel vm = new PatternsViewModel(new AnalysisService(), Runnable::run);
        onFx(() -> {
            vm.show(result);
            vm.holidayCalendarProperty().set("DE-BY");
            vm.applyHolidays();
            return null;
        });
        // The shop sample models Christmas at 45 % of December's traffic (December runs 18 % above
        // the year, growth another 7 %): about 0.57 of the weekly profile, i.e. -43 %.
        assertThat(vm.holidaysProperty()).anyMatch(h -> h.startsWith("Thu 25 Dec 2025")
                && h.matches(".*: -4[0-6] % traffic"));
        assertThat(vm.holidaysProperty()).anyMatch(h -> h.contains("in the forecast"));
        assertThat(vm.holidayMessageProperty().get()).startsWith("DE-BY: holidays typically");
        assertThat(((XYPlot) vm.chartsProperty().get().series().getPlot()).getDomainMarkers(
                org.jfree.chart.ui.Layer.BACKGROUND).size()).isGreaterThan(result.patterns().orElseThrow()
                .anomalyList().size());

        onFx(() -> {
            vm.holidayCalendarProperty().set("XX");
            vm.applyHolidays();
            return null;
        });
        assertThat(vm.holidayMessageProperty().get()).contains("no holiday calendar for 'XX'");
        assertThat(vm.holidaysProperty()).isEmpty();
    }
}
