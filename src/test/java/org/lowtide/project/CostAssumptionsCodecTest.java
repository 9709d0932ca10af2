package org.lowtide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.IncidentMode;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.WeeklyHours;

class CostAssumptionsCodecTest {

    @Test
    void defaultsStoreNothingAndChangedValuesRoundTrip() {
        assertThat(CostAssumptionsCodec.encode(CostAssumptions.defaults())).isEmpty();

        CostAssumptions mine = CostAssumptions.defaults().toBuilder()
                .currency(Currency.getInstance("JPY"))
                .revenue(new RevenueBasis.Column("revenue eur"))
                .detect(Duration.ofMinutes(2)).restoreMedian(Duration.ofMinutes(20)).restoreP90(Duration.ofMinutes(80))
                .mode(IncidentMode.DEGRADED).plannedCountsAgainstBudget(true)
                .businessHours(WeeklyHours.parse("Mon-Thu 08:00-18:00")).sloPercent(99.95).build();

        Map<String, String> stored = CostAssumptionsCodec.encode(mine);
        CostAssumptions back = CostAssumptionsCodec.decode(stored);

        assertThat(stored).containsEntry("revenue", "column revenue eur").containsEntry("detect", "PT2M")
                .doesNotContainKey("changeFailureRate");
        for (int i = 0; i < mine.all().size(); i++) {
            assertThat(back.all().get(i).value()).as(mine.all().get(i).key()).isEqualTo(mine.all().get(i).value());
        }
    }

    @Test
    void unreadableValuesNameTheirKeyAndUnknownKeysAreIgnored() {
        assertThatThrownBy(() -> CostAssumptionsCodec.decode(Map.of("detect", "five minutes")))
                .hasMessageContaining("cost assumption 'detect' = 'five minutes'");
        assertThat(CostAssumptionsCodec.decode(Map.of("fromTheFuture", "1")).changeFailureRate().value())
                .isEqualTo(CostAssumptions.defaults().changeFailureRate().value());
    }
}
