package org.lowtide.traffic.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberStyleTest {

    private static double parse(NumberStyle style, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new NumberStyle.Parser(style).parse(b, 0, b.length);
    }

    private static NumberStyle.Status status(NumberStyle style, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        NumberStyle.Parser p = new NumberStyle.Parser(style);
        p.parse(b, 0, b.length);
        return p.status();
    }

    @Test
    void plainNumbersReadExactlyAsJavaDoes() {
        // The fast path (digits scaled by an exact power of ten) must round like Double.parseDouble.
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            String text;
            switch (k % 4) {
                case 0:
                    text = Long.toString(random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
                    break;
                case 1:
                    text = String.format(Locale.ROOT, "%." + random.nextInt(1, 12) + "f", random.nextDouble(-1e6, 1e6));
                    break;
                case 2:
                    text = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
                    break;
                default:
                    text = random.nextInt(0, 100_000) + "." + random.nextInt(0, 1_000_000);
                    break;
            }
            assertThat(parse(NumberStyle.PLAIN, text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,234|.|,|1234",
        "1,234,567.25|.|,|1234567.25",
        "1.234,5|,|.|1234.5",
        "12,5|,|0|12.5",
        "1 234 567|.|s|1234567",
        "-2.5e3|.|0|-2500",
        "12.5%|.|0|12.5",
    })
    void groupedAndDecimalCommaNumbers(String text, char decimal, char group, double expected) {
        byte g = group == '0' ? 0 : group == 's' ? (byte) ' ' : (byte) group;
        NumberStyle style = new NumberStyle((byte) decimal, g, "");
        assertThat(parse(style, text)).isEqualTo(expected);
    }

    @Test
    void noBreakAndThinSpacesGroupDigits() {
        NumberStyle spaces = new NumberStyle((byte) ',', (byte) ' ', "");
        assertThat(parse(spaces, "1\u00A0234,5")).isEqualTo(1234.5);
        assertThat(parse(spaces, "1\u202F234\u202F567")).isEqualTo(1234567);
    }

    @Test
    void malformedGroupsAndWordsAreNotNumbers() {
        NumberStyle us = new NumberStyle((byte) '.', (byte) ',', "");
        assertThat(status(us, "1,5")).isEqualTo(NumberStyle.Status.INVALID);
        assertThat(status(us, "1234,567")).isEqualTo(NumberStyle.Status.INVALID);
        assertThat(status(us, "12,34,567")).isEqualTo(NumberStyle.Status.INVALID);
        assertThat(status(NumberStyle.PLAIN, "lots")).isEqualTo(NumberStyle.Status.INVALID);
        assertThat(status(NumberStyle.PLAIN, "1.2.3")).isEqualTo(NumberStyle.Status.INVALID);
        for (String missing : List.of("", "  ", "NaN", "null", "None", "N/A", "-", "--", "#N/A", "undefined")) {
            assertThat(status(NumberStyle.PLAIN, missing)).as(missing).isEqualTo(NumberStyle.Status.MISSING);
        }
        assertThat(status(NumberStyle.PLAIN, "+Inf")).isEqualTo(NumberStyle.Status.INFINITE);
        assertThat(status(NumberStyle.PLAIN, "1e400")).isEqualTo(NumberStyle.Status.INFINITE);
    }

    @Test
    void detectionUsesOnlyWhatTheValuesShow() {
        assertThat(NumberStyle.detect(List.of("12,5", "13"), (byte) ';')).isEqualTo(new NumberStyle((byte) ',', (byte) 0, ""));
        assertThat(NumberStyle.detect(List.of("1.234,5", "12,0"), (byte) ';'))
                .isEqualTo(new NumberStyle((byte) ',', (byte) '.', ""));
        assertThat(NumberStyle.detect(List.of("1,234,567", "12"), (byte) ','))
                .isEqualTo(new NumberStyle((byte) '.', (byte) ',', ""));
        assertThat(NumberStyle.detect(List.of("1,234", "5000"), (byte) ';'))
                .as("a plain 5000 means the comma is not grouping").isEqualTo(new NumberStyle((byte) ',', (byte) 0, ""));
        assertThat(NumberStyle.detect(List.of("0.5", "12.25"), (byte) ',')).isEqualTo(NumberStyle.PLAIN);
        assertThat(NumberStyle.detect(List.of("1.234", "999"), (byte) ';'))
                .as("';' files come from where ',' is the decimal mark").satisfies(st -> {
                    assertThat(st.decimal()).isEqualTo((byte) ',');
                    assertThat(st.group()).isEqualTo((byte) '.');
                    assertThat(st.assumption()).startsWith("'1.234' could be a decimal or a thousands separator");
                });
        assertThat(NumberStyle.detect(List.of("1.234", "999"), (byte) ',').decimal()).isEqualTo((byte) '.');
        NumberStyle guessed = NumberStyle.detect(List.of("1,234", "999"), (byte) ',');
        assertThat(guessed.group()).isEqualTo((byte) ',');
        assertThat(guessed.assumption()).isEqualTo("'1,234' could be a decimal or a thousands separator; read ','"
                + " as the thousands separator (the file is comma-separated and quotes these numbers)");
    }
}
