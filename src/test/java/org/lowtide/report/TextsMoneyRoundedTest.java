package org.lowtide.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Amounts in summaries: three significant figures, no cents on millions. */
class TextsMoneyRoundedTest {

    @Test
    void roundsToThreeSignificantFiguresAndNamesMillionsAndBillions() {
        assertThat(Texts.moneyRounded(13_212.4, "USD")).isEqualTo("13,200 USD");
        assertThat(Texts.moneyRounded(947_721, "USD")).isEqualTo("948,000 USD");
        assertThat(Texts.moneyRounded(16_708_052.37, "EUR")).isEqualTo("16.7 million EUR");
        assertThat(Texts.moneyRounded(2_349_000_000.0, "EUR")).isEqualTo("2.35 billion EUR");
        assertThat(Texts.moneyRounded(12_000_000, "EUR")).isEqualTo("12 million EUR");
        assertThat(Texts.moneyRounded(-64_321, "USD")).isEqualTo("-64,300 USD");
        assertThat(Texts.moneyRounded(7.456, "USD")).isEqualTo("7.46 USD");
        assertThat(Texts.moneyRounded(Double.NaN, "USD")).isEqualTo("–");
    }
}
