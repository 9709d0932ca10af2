package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WCAG 2.x contrast of the colour pairs Lowtide draws text and marks with, in both looks: text at
 * least 4.5:1 (AA, normal text), lines and marks in charts at least 3:1 (AA, graphical objects,
 * success criterion 1.4.11). The theme's colours are read from AtlantaFX's own stylesheets, so an
 * upgrade that changes them is checked too; translucent colours are composited over the background.
 */
class ContrastTest {

    /**
     * Contrast ratio of WCAG 2.x: (L1 + 0.05) / (L2 + 0.05), L the relative luminance of sRGB
     * (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance; the 0.04045 threshold of the sRGB standard).
     */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Test
    void formulaMatchesWcagReferenceValues() {
        assertThat(ratio(Color.BLACK, Color.WHITE)).isEqualTo(21.0);
        assertThat(ratio(Color.WHITE, Color.WHITE)).isEqualTo(1.0);
        // #777777 on white: 4.48:1, the classic "just fails AA" grey (WebAIM's contrast checker).
        assertThat(ratio(new Color(0x777777), Color.WHITE)).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.005));
        // #0969da (Primer's link blue) on white: 5.19:1 (WebAIM's contrast checker).
        assertThat(ratio(new Color(0x0969da), Color.WHITE)).isCloseTo(5.19, org.assertj.core.data.Offset.offset(0.005));
    }

    /** Text on the backgrounds lowtide.css puts it on (the class that uses each pair in the comment). */
    @ParameterizedTest
    @ValueSource(strings = {"primer-light", "primer-dark"})
    void themeTextPassesAa(String theme) throws IOException {
        Map<String, Color> c = themeColours(theme);
        List<String[]> pairs = List.of(
                new String[] {"fg-default", "bg-default"},     // body text on cards
                new String[] {"fg-muted", "bg-default"},       // .card-hint, .cost-unit, .plain-words
                new String[] {"fg-muted", "bg-subtle"},        // .toolbar-caption, .series-facts
                new String[] {"success-fg", "success-subtle"}, // .banner-heading
                new String[] {"fg-default", "success-subtle"}, // .recommendation, .note
                new String[] {"fg-muted", "success-subtle"},   // .runner-up
                new String[] {"danger-fg", "danger-subtle"},   // .error-strip, .import-error
                new String[] {"danger-fg", "bg-default"},      // .cost-error, .field-error
                new String[] {"warning-fg", "warning-subtle"}, // .problem-strip, flagged rows
                new String[] {"accent-fg", "bg-default"});     // hyperlinks
        for (String[] p : pairs) {
            assertThat(ratio(c.get(p[0]), c.get(p[1]))).as("%s: %s on %s", theme, p[0], p[1]).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void chartTextPassesAaAndMarksPassThreeToOne() throws IOException {
        for (ChartPalette palette : List.of(ChartPalette.LIGHT, ChartPalette.DARK)) {
            String look = palette == ChartPalette.LIGHT ? "light" : "dark";
            assertThat(ratio(palette.text(), palette.background())).as(look + " text").isGreaterThanOrEqualTo(4.5);
            assertThat(ratio(palette.muted(), palette.background())).as(look + " muted").isGreaterThanOrEqualTo(4.5);
            assertThat(ratio(palette.axisLine(), palette.background())).as(look + " axis line").isGreaterThanOrEqualTo(3.0);
            for (int print : ChartPalette.DARK.series().keySet()) {
                Color drawn = palette.swap(new Color(print));
                assertThat(ratio(drawn, palette.background())).as("%s series #%06x drawn as %s", look, print, drawn)
                        .isGreaterThanOrEqualTo(3.0);
            }
        }
        // The chart palettes are the theme's: the same background and text as the cards they sit on.
        for (String theme : List.of("primer-light", "primer-dark")) {
            ChartPalette palette = theme.endsWith("light") ? ChartPalette.LIGHT : ChartPalette.DARK;
            Map<String, Color> c = themeColours(theme);
            assertThat(palette.background()).isEqualTo(c.get("bg-default"));
            assertThat(palette.text()).isEqualTo(c.get("fg-default"));
            assertThat(palette.grid()).isEqualTo(c.get("border-default"));
        }
    }

    private static final Pattern DECLARATION = Pattern.compile("-color-([a-z0-9-]+):\\s*([^;]+);");

    /** The {@code -color-*} of the theme's {@code .root}, opaque (translucent ones laid over bg-default). */
    static Map<String, Color> themeColours(String theme) throws IOException {
        String css;
        try (InputStream in = ContrastTest.class.getResourceAsStream("/atlantafx/base/theme/" + theme + ".css")) {
            assertThat(in).as(theme).isNotNull();
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> raw = new HashMap<>();
        Matcher m = DECLARATION.matcher(css.substring(css.indexOf(".root")));
        while (m.find()) {
            raw.putIfAbsent(m.group(1), m.group(2).trim());
        }
        Color background = parse(raw.get("bg-default"), null);
        Map<String, Color> colours = new HashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            if (e.getValue().startsWith("#") || e.getValue().startsWith("rgb")) {
                colours.put(e.getKey(), parse(e.getValue(), background));
            }
        }
        return colours;
    }

    private static Color parse(String value, Color under) {
        if (value.startsWith("#")) {
            return new Color(Integer.parseInt(value.substring(1, 7), 16));
        }
        String[] p = value.substring(value.indexOf('(') + 1, value.indexOf(')')).split(",");
        int r = Integer.parseInt(p[0].trim());
        int g = Integer.parseInt(p[1].trim());
        int b = Integer.parseInt(p[2].trim());
        double a = p.length > 3 ? Double.parseDouble(p[3].trim()) : 1;
        if (under == null || a >= 1) {
            return new Color(r, g, b);
        }
        return new Color((int) Math.round(r * a + under.getRed() * (1 - a)),
                (int) Math.round(g * a + under.getGreen() * (1 - a)), (int) Math.round(b * a + under.getBlue() * (1 - a)));
    }
}
