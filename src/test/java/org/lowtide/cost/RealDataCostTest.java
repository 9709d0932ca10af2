package org.lowtide.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

/** The cost model on a real series: AWS ELB request counts (NAB), two weeks at 5 minutes with gaps. */
class RealDataCostTest {

    @Test
    void realElbTrafficKeepsTheRevenueAndTheSimulationAgreesWithTheClosedForm() throws Exception {
        Path file = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "traffic",
                "nab_elb_request_count_8c0756.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data absent: skipped");
        TrafficSeries series = CsvTrafficReader.read(file, ImportOptions.inZone(ZoneOffset.UTC)).series();
        EmpiricalTrafficSpread spread = EmpiricalTrafficSpread.shares(series, ZoneOffset.UTC);
        RevenueCurve curve = RevenueCurve.of(spread, new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 1_000_000, true),
                Currency.getInstance("EUR"));
        assertThat(curve.slots().count()).isEqualTo(2016);
        assertThat(curve.weekRevenue()).isCloseTo(1_000_000 / 365.2425 * 7, within(1e-6));

        ChangeCostModel model = new ChangeCostModel(curve, CostAssumptions.defaults());
        double[] bySlot = model.expectedCostBySlot();
        int best = 0;
        for (int s = 0; s < bySlot.length; s++) {
            best = bySlot[s] < bySlot[best] ? s : best;
        }
        CostEstimate e = new ChangeSimulator(model).simulate(curve.startOf(best), 200_000, 5).estimate();
        assertThat(Math.abs(e.mean() - e.exactMean())).isLessThan(4 * e.standardError());
        assertThat(e.exactMean()).isCloseTo(bySlot[best], within(1e-9 * bySlot[best]));
    }
}
