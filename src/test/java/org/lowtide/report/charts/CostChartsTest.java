package org.lowtide.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.EmpiricalTrafficSpread;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.Scenario;
import org.lowtide.service.Samples;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

class CostChartsTest {

    private static CostReport shopReport() throws Exception {
        var sample = Samples.SHOP;
        var series = CsvTrafficReader.read(sample.open(), sample.fileName(), ImportOptions.inZone(sample.zone())).series();
        CostAssumptions a = CostAssumptions.defaults().toBuilder()
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 12_000_000, true)).build();
        return CostAnalysis.run(EmpiricalTrafficSpread.shares(series, sample.zone()), a, Scenario.defaults(), 20_000, 1,
                () -> false);
    }

    @Test
    void chartsCarryTheReportsNumbersAndDrawHeadless() throws Exception {
        CostReport report = shopReport();
        JFreeChart week = CostCharts.revenueWeek(report.curve(), report.expectedBySlot());
        XYPlot weekPlot = week.getXYPlot();
        assertThat(weekPlot.getDataset(0).getItemCount(0)).isEqualTo(168 + 1);
        assertThat(weekPlot.getDataset(0).getYValue(0, 5)).isEqualTo(report.curve().perMinute(5));
        assertThat(weekPlot.getDataset(1).getYValue(0, 7)).isEqualTo(report.expectedBySlot()[7]);

        ChangeSimulator.Run run = new ChangeSimulator(report.model()).simulate(600, 20_000, 3);
        JFreeChart histogram = CostCharts.changeCostHistogram(run.failureCosts(), run.estimate());
        java.util.Collection<?> markers = histogram.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertThat(markers.size()).isEqualTo(2);

        JFreeChart scenarios = CostCharts.scenarios(report.scenarios(), report.currency());
        CategoryPlot plot = scenarios.getCategoryPlot();
        assertThat(plot.getDataset().getColumnCount()).isEqualTo(4);
        assertThat(plot.getDataset().getValue(0, 0).doubleValue())
                .isEqualTo(report.scenarios().get(0).downtimeCostPerYear());

        Path dir = Files.createDirectories(Path.of("target", "charts"));
        String[] names = {"week", "histogram", "scenarios"};
        List<JFreeChart> charts = List.of(week, histogram, scenarios);
        for (int i = 0; i < charts.size(); i++) {
            BufferedImage image = charts.get(i).createBufferedImage(900, 360);
            assertThat(image.getWidth()).isEqualTo(900);
            ImageIO.write(image, "png", dir.resolve("cost-" + names[i] + ".png").toFile());
        }
    }

    @Test
    void noFailuresStillDraws() throws IOException, Exception {
        CostReport report = shopReport();
        ChangeSimulator.Run none = new ChangeSimulator(report.model()).simulate(0, 2, 1);
        JFreeChart chart = CostCharts.changeCostHistogram(new double[0], none.estimate());
        assertThat(chart.createBufferedImage(400, 200)).isNotNull();
    }
}
