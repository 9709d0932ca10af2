package org.lowtide.report.charts;

import java.awt.Color;

/** Colours of the report's extra marks (habit, peak, bands, outages, blocked days), beside {@link ChartColors}. */
final class MarkColors {

    static final Color HABIT = new Color(0xd9, 0x7a, 0x00);
    static final Color PEAK = new Color(0xc0, 0x39, 0x2b);
    static final Color BAND = new Color(0x1f, 0x5f, 0x99, 55);
    static final Color OUTAGE_FILL = new Color(0xc0, 0x39, 0x2b, 90);
    static final Color GAP_FILL = new Color(0x80, 0x80, 0x80, 70);
    static final Color BLOCKED_FILL = new Color(0x80, 0x80, 0x80, 50);
    static final Color SECOND = new Color(0xd9, 0x48, 0x1c);

    private MarkColors() {
    }
}
