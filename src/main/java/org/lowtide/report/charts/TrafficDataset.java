package org.lowtide.report.charts;

import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.lowtide.traffic.TrafficSeries;

/**
 * A {@link TrafficSeries} as one JFreeChart series, read straight from the grid without boxing.
 *
 * <p>Long series are thinned for drawing: each bucket of consecutive steps contributes its minimum
 * and its maximum, in time order, so that a one-step outage or spike stays visible however far the
 * chart is zoomed out. Missing steps give {@code NaN}, which the line renderer draws as a gap.
 */
public final class TrafficDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;

    /** Above this many steps the dataset shows min/max per bucket. */
    static final int MAX_DRAWN_STEPS = 20_000;

    private final String key;
    private final long startMillis;
    private final double stepMillis;
    private final double[] x;
    private final double[] y;

    public TrafficDataset(TrafficSeries series) {
        this(series, MAX_DRAWN_STEPS);
    }

    /**
     * @param maxDrawnSteps above this many steps, show min/max per bucket (a page of paper needs
     *                      fewer points than a zoomable screen)
     */
    public TrafficDataset(TrafficSeries series, int maxDrawnSteps) {
        this.key = series.name();
        this.startMillis = series.start().toEpochMilli();
        this.stepMillis = series.step().toMillis();
        int n = series.size();
        if (n <= maxDrawnSteps) {
            x = new double[n];
            y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = startMillis + i * stepMillis;
                y[i] = series.valueAt(i);
            }
        } else {
            int bucket = (int) Math.ceil(n / (maxDrawnSteps / 2.0));
            int buckets = (n + bucket - 1) / bucket;
            x = new double[2 * buckets];
            y = new double[2 * buckets];
            for (int b = 0; b < buckets; b++) {
                int from = b * bucket;
                int to = Math.min(n, from + bucket);
                int minAt = -1;
                int maxAt = -1;
                for (int i = from; i < to; i++) {
                    double v = series.valueAt(i);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    if (minAt < 0 || v < series.valueAt(minAt)) {
                        minAt = i;
                    }
                    if (maxAt < 0 || v > series.valueAt(maxAt)) {
                        maxAt = i;
                    }
                }
                if (minAt < 0) { // the whole bucket is missing: keep the gap
                    x[2 * b] = startMillis + from * stepMillis;
                    x[2 * b + 1] = startMillis + (to - 1) * stepMillis;
                    y[2 * b] = Double.NaN;
                    y[2 * b + 1] = Double.NaN;
                    continue;
                }
                int first = Math.min(minAt, maxAt);
                int second = Math.max(minAt, maxAt);
                x[2 * b] = startMillis + first * stepMillis;
                y[2 * b] = series.valueAt(first);
                x[2 * b + 1] = startMillis + second * stepMillis;
                y[2 * b + 1] = series.valueAt(second);
            }
        }
    }

    @Override
    public int getSeriesCount() {
        return 1;
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return key;
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return x.length;
    }

    @Override
    public Number getX(int series, int item) {
        return x[item];
    }

    @Override
    public double getXValue(int series, int item) {
        return x[item];
    }

    @Override
    public Number getY(int series, int item) {
        return y[item];
    }

    @Override
    public double getYValue(int series, int item) {
        return y[item];
    }
}
