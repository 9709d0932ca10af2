package org.lowtide.ui.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.report.Texts;
import org.lowtide.service.Cancellation;
import org.lowtide.service.CostService;
import org.lowtide.service.Samples;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

/** The Costs screen's wording of a report, without a toolkit (issue 19: formatting out of the view model). */
class CostTextsTest {

    @Test
    void wordsTheReportsFiguresAndTheChosenStart() throws Exception {
        var sample = Samples.SHOP;
        TrafficSeries shop = CsvTrafficReader.read(sample.open(), sample.fileName(), ImportOptions.inZone(sample.zone()))
                .series();
        CostService service = new CostService();
        CostAssumptions a = CostAssumptions.defaults().toBuilder()
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 12_000_000, true)).build();
        CostReport r = service.report(shop, Optional.empty(), sample.zone(), a, ScenarioSet.defaults(), 2_000,
                CostAnalysis.DEFAULT_SEED, Cancellation.NEVER);
        ChangeSimulator.Run run = service.simulateAt(r, DayOfWeek.SATURDAY, LocalTime.of(4, 0), 2_000,
                CostAnalysis.DEFAULT_SEED);

        CostTexts texts = CostTexts.of(r, run, DayOfWeek.SATURDAY, LocalTime.of(4, 0));

        String code = r.currency().getCurrencyCode();
        assertThat(texts.perMinute()).startsWith("Revenue per minute: lowest ").doesNotContain("illustrative");
        assertThat(texts.change()).contains("Cheapest start minute", "Median start", "Dearest start")
                .contains(CostTexts.money(r.best().estimate().mean(), r.currency()));
        assertThat(texts.chosen()).startsWith("A change on Saturday at 04:00: expected "
                + CostTexts.money(run.estimate().mean(), r.currency()));
        assertThat(texts.budget()).startsWith("Error budget at ");
        assertThat(texts.brownOut()).startsWith("Brown-out: +");
        assertThat(texts.cards()).extracting(CostViewModel.Card::id)
                .containsExactly("cheapest", "median", "savings", "chosen", "budget");
        assertThat(texts.cards().get(0).value()).isEqualTo(Texts.moneyRounded(r.best().estimate().mean(), code));
        assertThat(texts.cards().get(3).title()).isEqualTo("A change Saturday 04:00");
    }
}
