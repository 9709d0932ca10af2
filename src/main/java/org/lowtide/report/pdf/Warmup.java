package org.lowtide.report.pdf;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loads the PDF writer's classes and fonts on a background thread while the caller imports,
 * plans and costs: a short-lived CLI run spends much of its time loading and compiling code, and
 * the second core is otherwise idle. Purely an optimisation; nothing it makes is kept.
 */
public final class Warmup {

    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void inBackground() {
        Thread t = new Thread(Warmup::run, "lowtide-report-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            ReportFonts fonts = ReportFonts.forDocument(Instant.EPOCH.getEpochSecond());
            com.lowagie.text.Document document = new com.lowagie.text.Document();
            com.lowagie.text.pdf.PdfWriter writer = com.lowagie.text.pdf.PdfWriter.getInstance(document,
                    OutputStream.nullOutputStream());
            document.open();
            Blocks blocks = new Blocks(fonts, writer);
            XYSeries series = new XYSeries("warm-up");
            for (int i = 0; i < 200; i++) {
                series.add(i, Math.sin(i / 10.0));
            }
            JFreeChart chart = new JFreeChart(new XYPlot(new XYSeriesCollection(series), new NumberAxis("x"),
                    new NumberAxis("y"), new XYLineAndShapeRenderer(true, false)));
            document.add(blocks.title("Warm-up"));
            document.add(blocks.chart(chart, 300, 150));
            document.add(blocks.table(new float[] {1, 2}, List.of("a", "b"), List.of(List.of("1", "2"))));
            document.close();
        } catch (RuntimeException e) {
            // A failed warm-up only means a slower first report.
        }
    }
}
