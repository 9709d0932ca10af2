package org.lowtide.ui.common;

import java.awt.Color;
import java.util.Map;
import java.util.Objects;

/**
 * The colours of Lowtide's chart theme in one look, taken from AtlantaFX's Primer palette so charts
 * sit on their cards without a seam. {@code series} maps the report's print colours (which stay in
 * the PDF) to the ones this look draws with, one to one; alpha is kept. The light map is empty (print
 * colours, and dark ones mapped back, so a chart can switch both ways); the dark one lifts each hue so a line reads on the dark card (contrast checked in ContrastTest).
 * Blue against orange carries the "traffic vs cost/forecast" pairs: they stay apart for the common
 * red–green colour blindnesses.
 *
 * @param background chart and plot background (the card's {@code -color-bg-default})
 * @param text       titles, axis labels and tick labels ({@code -color-fg-default})
 * @param muted      secondary text such as legend items ({@code -color-fg-muted})
 * @param grid       grid lines ({@code -color-border-default})
 * @param axisLine   axis lines and tick marks
 * @param labelBackground behind marker labels, so they read over lines
 * @param series     print colour (RGB) → colour in this look
 */
public record ChartPalette(Color background, Color text, Color muted, Color grid, Color axisLine,
                           Color labelBackground, Map<Integer, Color> series) {

    /** Primer Light: the report's own colours on white. */
    public static final ChartPalette LIGHT = new ChartPalette(new Color(0xffffff), new Color(0x24292f),
            new Color(0x57606a), new Color(0xd0d7de), new Color(0x8c959f), new Color(255, 255, 255, 220), Map.of());

    /** Primer Dark: the same hues, lifted for {@code #0d1117}. */
    public static final ChartPalette DARK = new ChartPalette(new Color(0x0d1117), new Color(0xc9d1d9),
            new Color(0x8b949e), new Color(0x30363d), new Color(0x6e7681), new Color(13, 17, 23, 220), Map.ofEntries(
                    Map.entry(0x1f5f99, new Color(0x58a6ff)),  // traffic, revenue: blue
                    Map.entry(0xd9481c, new Color(0xf0883e)),  // change cost, forecast: orange
                    Map.entry(0xbc4c00, new Color(0xdb6d28)),  // p90: darker orange
                    Map.entry(0x1a7f37, new Color(0x3fb950)),  // window edge, trough: green
                    Map.entry(0xd97a00, new Color(0xd29922)),  // habit: amber
                    Map.entry(0xc0392b, new Color(0xf85149)),  // peak: red
                    Map.entry(0xd03030, new Color(0xff7b72)),  // outage
                    Map.entry(0x57606a, new Color(0x8b949e)),  // muted marks
                    Map.entry(0x9040c0, new Color(0xbc8cff))));  // spike: purple

    public ChartPalette {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(muted, "muted");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(axisLine, "axisLine");
        Objects.requireNonNull(labelBackground, "labelBackground");
        series = Map.copyOf(series);
    }

    /** @return the colour this look draws for print colour {@code c}, with {@code c}'s alpha */
    public Color swap(Color c) {
        Color to = series.get(c.getRGB() & 0xffffff);
        if (to == null) {
            to = reverse(c);
        }
        return to == null ? c : new Color(to.getRed(), to.getGreen(), to.getBlue(), c.getAlpha());
    }

    /** A colour of the dark look mapped back (a chart restyled from dark to light); the map is one-to-one. */
    private Color reverse(Color c) {
        if (!series.isEmpty()) {
            return null;
        }
        int rgb = c.getRGB() & 0xffffff;
        for (Map.Entry<Integer, Color> e : DARK.series.entrySet()) {
            if ((e.getValue().getRGB() & 0xffffff) == rgb) {
                return new Color(e.getKey());
            }
        }
        return null;
    }
}
