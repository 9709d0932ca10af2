package org.lowtide.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.lowtide.project.AtomicFiles;
import org.jfree.chart.JFreeChart;

/**
 * One chart as a file for slides: PNG at a high pixel density (a 2× scale gives crisp text on
 * projectors and retina screens) or SVG (vectors, text as text). Headless-safe; used by the CLI's
 * {@code --png-dir} and the GUI's chart menus. Files are written atomically.
 */
public final class ChartExport {

    /** The logical size charts are exported at unless asked otherwise, in pixels at 1×. */
    public static final int DEFAULT_WIDTH = 960;
    /** See {@link #DEFAULT_WIDTH}. */
    public static final int DEFAULT_HEIGHT = 540;
    /** Pixels per logical pixel in PNG exports. */
    public static final double DEFAULT_SCALE = 2.0;

    private ChartExport() {
    }

    /** @return the chart drawn at {@code width × height} logical pixels, {@code scale} times as many real ones */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        if (width < 1 || height < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("a chart image needs a positive size and scale");
        }
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** @return the chart as PNG bytes */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(chart, width, height, scale), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the chart as an SVG document */
    public static String svg(JFreeChart chart, int width, int height) {
        SvgGraphics g2 = new SvgGraphics(width, height); // ids counted from 1: the same chart gives the same file
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.document();
    }

    /** Writes the chart as a PNG file at the default size and scale. */
    public static void writePng(JFreeChart chart, Path target) throws IOException {
        AtomicFiles.write(target, png(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_SCALE));
    }

    /** Writes the chart as a PNG file, replacing an existing file only when {@code guard} allows. */
    public static void writePng(JFreeChart chart, Path target, AtomicFiles.Guard guard) throws IOException {
        byte[] bytes = png(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_SCALE);
        AtomicFiles.write(target, out -> out.write(bytes), guard);
    }

    /** Writes the chart as an SVG file, replacing an existing file only when {@code guard} allows. */
    public static void writeSvg(JFreeChart chart, Path target, AtomicFiles.Guard guard) throws IOException {
        AtomicFiles.writeString(target, svg(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT), guard);
    }

    /** Writes the chart as an SVG file at the default size. */
    public static void writeSvg(JFreeChart chart, Path target) throws IOException {
        AtomicFiles.write(target, svg(chart, DEFAULT_WIDTH, DEFAULT_HEIGHT).getBytes(StandardCharsets.UTF_8));
    }

}
