package org.lowtide.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/** Shades spans of dated time on a chart with a date axis (traffic over time, the forecast). */
public final class TimeMarks {

    /** What a shaded span means, which sets its colour. */
    public enum Kind {
        /** The service was down or measured nothing useful. */
        OUTAGE(MarkColors.OUTAGE_FILL),
        /** Nothing was measured (missing data). */
        GAP(MarkColors.GAP_FILL),
        /** A freeze or holiday: no change allowed. */
        BLOCKED(MarkColors.BLOCKED_FILL);

        private final Color fill;

        Kind(Color fill) {
            this.fill = fill;
        }
    }

    private TimeMarks() {
    }

    /**
     * Shades the spans behind the data. Spans shorter than {@code minimumMillis} are widened so a
     * five-minute outage stays visible on a year's axis.
     */
    public static void shade(JFreeChart chart, List<LabelledInterval> spans, Kind kind, long minimumMillis) {
        XYPlot plot = chart.getXYPlot();
        for (LabelledInterval span : spans) {
            long start = span.interval().start().toEpochMilli();
            long end = Math.max(span.interval().end().toEpochMilli(), start + minimumMillis);
            IntervalMarker marker = new IntervalMarker(start, end);
            marker.setPaint(kind.fill);
            marker.setOutlinePaint(new Color(kind.fill.getRed(), kind.fill.getGreen(), kind.fill.getBlue(), 160));
            marker.setOutlineStroke(new BasicStroke(0.6f));
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
    }
}
