package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberInputTest {

    private static final Locale US = Locale.US;
    private static final Locale GERMANY = Locale.GERMANY;
    private static final Locale FRANCE = Locale.FRANCE; // groups with a no-break space, decimals with ','

    @ParameterizedTest(name = "''{0}'' is {1} everywhere")
    @CsvSource(delimiter = ';', value = {
        "1.5; 1.5", "1,5; 1.5", "0.125; 0.125", "0,125; 0.125", "120; 120", "-3; -3", "+2.5; 2.5", "1e6; 1000000",
        "1,234.5; 1234.5", "1.234,5; 1234.5", "1,000,000; 1000000", "1.000.000; 1000000", "1 500; 1500",
        "12,3456; 12.3456", ".5; 0.5"})
    void whatTheTextSettlesIsReadTheSameInEveryLocale(String text, double expected) {
        for (Locale locale : new Locale[] {US, GERMANY, FRANCE, Locale.ROOT}) {
            NumberInput.Reading r = NumberInput.read(text, locale);
            assertThat(r.ok()).as("%s in %s: %s", text, locale, r.problem()).isTrue();
            assertThat(r.value()).as("%s in %s", text, locale).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "''{0}'' in {1} is {2}")
    @CsvSource(delimiter = ';', value = {"1,500; en-US; 1500", "1.500; en-US; 1.5", "1.500; de-DE; 1500",
        "1,500; de-DE; 1.5", "1,500; fr-FR; 1.5"})
    void aSingleMarkBeforeThreeDigitsIsReadAsTheLocaleWrites(String text, String locale, double expected) {
        NumberInput.Reading r = NumberInput.read(text, Locale.forLanguageTag(locale));
        assertThat(r.ok()).as(r.problem()).isTrue();
        assertThat(r.value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource(delimiter = ';', value = {"soon", "1,2,3", "1.23.4", "1,234,5.6.7", "1..5", "12 34", "--1", "1,5,",
        "1.234.5", "NaN", "Infinity", "1e999"})
    void whatIsNoNumberIsRefusedNeverGuessed(String text) {
        NumberInput.Reading r = NumberInput.read(text, US);
        assertThat(r.ok()).isFalse();
        assertThat(r.ambiguous()).isFalse();
        assertThat(r.value()).isNaN();
        assertThat(r.problem()).contains(text);
    }

    @ParameterizedTest(name = "''{0}'' in France is refused as ambiguous")
    @CsvSource({"1.500"})
    void aMarkTheLocaleDoesNotUseIsRefusedWithBothReadings(String text) {
        NumberInput.Reading r = NumberInput.read(text, FRANCE);
        assertThat(r.ok()).isFalse();
        assertThat(r.ambiguous()).isTrue();
        assertThat(r.problem()).contains("1.500 or 1500").contains("','");
    }

    @RepeatedTest(20)
    void whatFormatWritesReadReadsBack(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        double v = Math.round(random.nextDouble(-1e7, 1e7) * 1000) / 1000.0;
        for (Locale locale : new Locale[] {US, GERMANY, FRANCE, Locale.forLanguageTag("ar-EG"), Locale.ROOT}) {
            String text = NumberInput.format(v, locale);
            assertThat(NumberInput.read(text, locale).value()).as("%s in %s", text, locale).isEqualTo(v);
        }
    }

    @org.junit.jupiter.api.Test
    void emptyAsksForANumber() {
        assertThat(NumberInput.read("  ", US).problem()).isEqualTo("enter a number");
        assertThat(NumberInput.read(null, US).ok()).isFalse();
    }
}
