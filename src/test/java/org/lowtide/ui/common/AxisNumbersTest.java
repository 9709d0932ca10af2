package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Axis numbers in the locale's short form. Expected texts are CLDR's compact decimals as the JDK
 * (17, CLDR 39) writes them; the no-break space CLDR puts before a unit is read as a space here.
 */
class AxisNumbersTest {

    @ParameterizedTest(name = "{0}: {1} in steps of {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "en-US | 9000000000 | 1000000000 | 9B",
        "en-US | 12000      | 2000       | 12K",
        "en-US | 1250000    | 250000     | 1.25M",
        "en-US | 1500000    | 500000     | 1.5M",
        "en-US | 950        | 50         | 950",
        "en-US | 0.25       | 0.05       | 0.25",
        "en-US | 0          | 1000000000 | 0",
        "de-DE | 9000000000 | 1000000000 | 9 Mrd.",
        "de-DE | 2500000    | 500000     | 2,5 Mio.",
        "de-DE | 12000      | 2000       | 12.000",
        "fr-FR | 9000000000 | 1000000000 | 9 Md",
        "fr-FR | 12000      | 2000       | 12 k",
        "fr-FR | 1500       | 500        | 1,5 k",
    })
    void writesTheLocalesShortForm(String tag, double value, double step, String expected) {
        String text = AxisNumbers.format(value, step, Locale.forLanguageTag(tag)).replace('\u00a0', ' ').replace('\u202f', ' ');
        assertThat(text).isEqualTo(expected);
    }

    @Test
    void negativeValuesKeepTheirSign() {
        assertThat(AxisNumbers.format(-3_000_000, 1_000_000, Locale.US)).isEqualTo("-3M");
    }

    /** Any axis from a tenth to ten trillion: no scientific notation, no two neighbouring ticks alike. */
    @Test
    void ticksOfEveryRangeAreShortAndDistinct() {
        Random random = new Random(15);
        for (Locale locale : List.of(Locale.US, Locale.GERMANY, Locale.FRANCE, Locale.JAPAN)) {
            TickUnitSource units = AxisNumbers.tickUnits(locale);
            for (int trial = 0; trial < 300; trial++) {
                double top = Math.pow(10, -1 + 14 * random.nextDouble());
                NumberTickUnit unit = (NumberTickUnit) units.getCeilingTickUnit(top / 8);
                List<String> labels = new ArrayList<>();
                for (double v = 0; v <= top + unit.getSize() / 2; v += unit.getSize()) {
                    labels.add(unit.valueToString(v));
                }
                assertThat(labels).as("%s up to %s in steps of %s", locale, top, unit.getSize())
                        .noneMatch(l -> l.contains("E"))
                        .allMatch(l -> l.length() <= 9);
                assertThat(new HashSet<>(labels)).as("%s: %s", locale, labels).hasSameSizeAs(labels);
            }
        }
    }
}
