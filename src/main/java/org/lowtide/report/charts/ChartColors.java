package org.lowtide.report.charts;

import java.awt.Color;

/** The few colours every Lowtide chart shares, so GUI and report look alike. */
final class ChartColors {

    static final Color TRAFFIC = new Color(0x1f, 0x5f, 0x99);
    /** The p90 line over expected traffic: warm, so it reads apart from the blue traffic. */
    static final Color P90 = new Color(0xbc, 0x4c, 0x00);
    static final Color WINDOW_FILL = new Color(0x2e, 0xa0, 0x43, 80);
    static final Color WINDOW_EDGE = new Color(0x1a, 0x7f, 0x37);
    static final Color WINDOW_EDGE_FAINT = new Color(0x1a, 0x7f, 0x37, 110);
    static final Color GRID = new Color(0xd0, 0xd7, 0xde);
    static final Color BACKGROUND = Color.WHITE;

    private ChartColors() {
    }

    /**
     * A sequential blue-to-orange ramp for heat maps (low traffic pale, high traffic dark).
     *
     * @param t position in [0, 1]
     */
    static Color ramp(double t) {
        double u = Math.max(0, Math.min(1, t));
        // Interpolate through three anchors: pale blue, mid blue, deep orange-red.
        Color[] anchors = {new Color(0xf0, 0xf6, 0xfc), new Color(0x3b, 0x82, 0xc4), new Color(0xd9, 0x48, 0x1c)};
        double scaled = u * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) scaled);
        double f = scaled - i;
        Color a = anchors[i];
        Color b = anchors[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
