package org.lowtide.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedCharacterIterator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A small {@link Graphics2D} that writes SVG 1.1, enough for the charts JFreeChart draws: shapes
 * filled and stroked (basic strokes with dashes, caps and joins), lines, text as text (family,
 * size, weight, style), solid colours with alpha, linear gradients, images as embedded PNG,
 * transforms and clips. Each element carries its own transform; clips are kept in device space
 * and written once as {@code clipPath} definitions around the elements they cut. Ids are counted
 * from 1, so the same drawing gives the same document. Font metrics come from Java2D with
 * fractional metrics, as in the PNG export, so text is laid out as it is in the other formats.
 * Lowtide's own (the charts' SVG export); see the README's design notes for why.
 */
public final class SvgGraphics extends Graphics2D {

    /** The document all graphics made from one another write into. */
    private static final class Doc {
        final StringBuilder defs = new StringBuilder();
        final StringBuilder body = new StringBuilder();
        final Map<String, String> clipIds = new HashMap<>();
        final Map<String, String> gradientIds = new HashMap<>();
        int nextId = 1;
    }

    private static final Graphics2D METRICS;

    static {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        METRICS = img.createGraphics();
        METRICS.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        METRICS.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    private final int width;
    private final int height;
    private final Doc doc;
    private AffineTransform transform = new AffineTransform();
    /** In device space; {@code null} for none. */
    private Shape clip;
    private Paint paint = Color.BLACK;
    private Color background = Color.WHITE;
    private Stroke stroke = new BasicStroke(1f);
    private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private Composite composite = AlphaComposite.SrcOver;
    private final RenderingHints hints = new RenderingHints(null);

    /** A drawing surface of {@code width × height} user units. */
    public SvgGraphics(int width, int height) {
        this(width, height, new Doc());
        hints.put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private SvgGraphics(int width, int height, Doc doc) {
        this.width = width;
        this.height = height;
        this.doc = doc;
    }

    /** @return the document drawn so far */
    public String document() {
        StringBuilder out = new StringBuilder(doc.body.length() + doc.defs.length() + 300);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" ")
                .append("width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        if (doc.defs.length() > 0) {
            out.append("<defs>\n").append(doc.defs).append("</defs>\n");
        }
        out.append(doc.body).append("</svg>\n");
        return out.toString();
    }

    // ------------------------------------------------------------------ writing

    private static String num(double v) {
        if (Math.abs(v) < 5e-4) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String pathData(Shape s) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3])).append(' ').append(num(c[4])).append(' ')
                        .append(num(c[5]));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> { }
            }
        }
        return d.toString();
    }

    private String transformAttr() {
        if (transform.isIdentity()) {
            return "";
        }
        return " transform=\"matrix(" + num(transform.getScaleX()) + ' ' + num(transform.getShearY()) + ' '
                + num(transform.getShearX()) + ' ' + num(transform.getScaleY()) + ' '
                + num(transform.getTranslateX()) + ' ' + num(transform.getTranslateY()) + ")\"";
    }

    private double alpha() {
        return composite instanceof AlphaComposite a ? a.getAlpha() : 1.0;
    }

    /** @return fill or stroke attributes of the current paint, e.g. {@code fill="rgb(…)" fill-opacity="0.5"} */
    private String paintAttr(String what) {
        Color c;
        String ref = null;
        if (paint instanceof Color color) {
            c = color;
        } else if (paint instanceof GradientPaint g) {
            ref = gradient(g);
            c = g.getColor1();
        } else {
            c = Color.GRAY; // a paint SVG cannot say simply: its average stands in
        }
        StringBuilder b = new StringBuilder();
        b.append(' ').append(what).append("=\"");
        b.append(ref != null ? "url(#" + ref + ")" : "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")");
        b.append('"');
        double opacity = (ref != null ? 1.0 : c.getAlpha() / 255.0) * alpha();
        if (opacity < 1.0) {
            b.append(' ').append(what).append("-opacity=\"").append(num(opacity)).append('"');
        }
        return b.toString();
    }

    private String gradient(GradientPaint g) {
        String key = g.getPoint1() + "|" + g.getPoint2() + "|" + g.getColor1() + "|" + g.getColor2() + "|" + g.isCyclic();
        return doc.gradientIds.computeIfAbsent(key, k -> {
            String id = "lowtide-g" + doc.nextId++;
            doc.defs.append("<linearGradient id=\"").append(id).append("\" gradientUnits=\"userSpaceOnUse\" x1=\"")
                    .append(num(g.getPoint1().getX())).append("\" y1=\"").append(num(g.getPoint1().getY()))
                    .append("\" x2=\"").append(num(g.getPoint2().getX())).append("\" y2=\"")
                    .append(num(g.getPoint2().getY())).append('"')
                    .append(g.isCyclic() ? " spreadMethod=\"reflect\"" : "").append('>')
                    .append(stop(0, g.getColor1())).append(stop(1, g.getColor2())).append("</linearGradient>\n");
            return id;
        });
    }

    private static String stop(double offset, Color c) {
        return "<stop offset=\"" + num(offset) + "\" stop-color=\"rgb(" + c.getRed() + "," + c.getGreen() + ","
                + c.getBlue() + ")\" stop-opacity=\"" + num(c.getAlpha() / 255.0) + "\"/>";
    }

    private String strokeAttr() {
        BasicStroke s = (BasicStroke) stroke;
        StringBuilder b = new StringBuilder(paintAttr("stroke"));
        b.append(" stroke-width=\"").append(num(s.getLineWidth() == 0 ? 0.5 : s.getLineWidth())).append('"');
        if (s.getEndCap() != BasicStroke.CAP_BUTT) {
            b.append(" stroke-linecap=\"").append(s.getEndCap() == BasicStroke.CAP_ROUND ? "round" : "square").append('"');
        }
        if (s.getLineJoin() != BasicStroke.JOIN_MITER) {
            b.append(" stroke-linejoin=\"").append(s.getLineJoin() == BasicStroke.JOIN_ROUND ? "round" : "bevel").append('"');
        } else if (s.getMiterLimit() != 4f) {
            b.append(" stroke-miterlimit=\"").append(num(Math.max(1, s.getMiterLimit()))).append('"');
        }
        float[] dash = s.getDashArray();
        if (dash != null && dash.length > 0) {
            b.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                b.append(i > 0 ? "," : "").append(num(dash[i]));
            }
            b.append('"');
            if (s.getDashPhase() != 0) {
                b.append(" stroke-dashoffset=\"").append(num(s.getDashPhase())).append('"');
            }
        }
        return b.toString();
    }

    /** Writes one element, inside a group that clips it when a clip is set. */
    private void element(String element) {
        if (clip != null) {
            String d = pathData(clip);
            String id = doc.clipIds.computeIfAbsent(d, k -> {
                String nid = "lowtide-c" + doc.nextId++;
                doc.defs.append("<clipPath id=\"").append(nid).append("\"><path d=\"").append(k).append("\"/></clipPath>\n");
                return nid;
            });
            doc.body.append("<g clip-path=\"url(#").append(id).append(")\">").append(element).append("</g>\n");
        } else {
            doc.body.append(element).append('\n');
        }
    }

    // ------------------------------------------------------------------ drawing

    @Override
    public void draw(Shape s) {
        if (!(stroke instanceof BasicStroke)) {
            fill(stroke.createStrokedShape(s));
            return;
        }
        if (s instanceof Line2D l) {
            element("<line x1=\"" + num(l.getX1()) + "\" y1=\"" + num(l.getY1()) + "\" x2=\"" + num(l.getX2())
                    + "\" y2=\"" + num(l.getY2()) + "\"" + strokeAttr() + transformAttr() + "/>");
            return;
        }
        element("<path d=\"" + pathData(s) + "\" fill=\"none\"" + strokeAttr() + transformAttr() + "/>");
    }

    @Override
    public void fill(Shape s) {
        if (s instanceof Rectangle2D r && !(s instanceof RoundRectangle2D)) {
            element("<rect x=\"" + num(r.getX()) + "\" y=\"" + num(r.getY()) + "\" width=\"" + num(r.getWidth())
                    + "\" height=\"" + num(r.getHeight()) + "\"" + paintAttr("fill") + transformAttr() + "/>");
            return;
        }
        element("<path d=\"" + pathData(s) + "\"" + paintAttr("fill") + transformAttr() + "/>");
    }

    @Override
    public void drawString(String str, float x, float y) {
        if (str == null || str.isEmpty()) {
            return;
        }
        String weight = font.isBold() ? " font-weight=\"bold\"" : "";
        String style = font.isItalic() ? " font-style=\"italic\"" : "";
        element("<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-family=\"" + escape(family(font)) + "\" font-size=\""
                + num(font.getSize2D()) + "\"" + weight + style + paintAttr("fill") + transformAttr()
                + " xml:space=\"preserve\">" + escape(str) + "</text>");
    }

    /** A family SVG viewers know, with the generic family after it. */
    private static String family(Font f) {
        String name = f.getFamily();
        return switch (name) {
            case Font.SANS_SERIF, Font.DIALOG, Font.DIALOG_INPUT -> "sans-serif";
            case Font.SERIF -> "serif";
            case Font.MONOSPACED -> "monospace";
            default -> name + ", sans-serif";
        };
    }

    @Override
    public void drawString(String str, int x, int y) {
        drawString(str, (float) x, (float) y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        drawString(iterator, (float) x, (float) y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        // Styled runs (super- and subscripts) are drawn as their outlines, as Java2D lays them out.
        fill(new TextLayout(iterator, getFontRenderContext()).getOutline(AffineTransform.getTranslateInstance(x, y)));
    }

    @Override
    public void drawGlyphVector(GlyphVector g, float x, float y) {
        fill(g.getOutline(x, y));
    }

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        AffineTransform saved = getTransform();
        transform(xform == null ? new AffineTransform() : xform);
        boolean done = drawImage(img, 0, 0, obs);
        setTransform(saved);
        return done;
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        drawImage(op == null ? img : op.filter(img, null), x, y, null);
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        BufferedImage b = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = b.createGraphics();
        g.drawRenderedImage(img, new AffineTransform());
        g.dispose();
        drawImage(b, xform, null);
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        drawRenderedImage(img.createDefaultRendering(), xform);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        int w = img.getWidth(observer);
        int h = img.getHeight(observer);
        return w < 0 || h < 0 || drawImage(img, x, y, w, h, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver observer) {
        int iw = img.getWidth(observer);
        int ih = img.getHeight(observer);
        if (iw <= 0 || ih <= 0 || w <= 0 || h <= 0) {
            return true;
        }
        BufferedImage b = new BufferedImage(iw, ih, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = b.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(b, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        element("<image x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h
                + "\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png.toByteArray()) + "\"" + transformAttr() + "/>");
        return true;
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        return drawImage(img, x, y, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int w, int h, Color bgcolor, ImageObserver observer) {
        return drawImage(img, x, y, w, h, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
                             ImageObserver observer) {
        int sw = Math.abs(sx2 - sx1);
        int sh = Math.abs(sy2 - sy1);
        if (sw == 0 || sh == 0) {
            return true;
        }
        BufferedImage part = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = part.createGraphics();
        g.drawImage(img, 0, 0, sw, sh, sx1, sy1, sx2, sy2, null);
        g.dispose();
        return drawImage(part, Math.min(dx1, dx2), Math.min(dy1, dy2), Math.abs(dx2 - dx1), Math.abs(dy2 - dy1), observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2,
                             Color bgcolor, ImageObserver observer) {
        return drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillRect(int x, int y, int w, int h) {
        fill(new Rectangle(x, y, w, h));
    }

    @Override
    public void clearRect(int x, int y, int w, int h) {
        Paint saved = paint;
        paint = background;
        fill(new Rectangle(x, y, w, h));
        paint = saved;
    }

    @Override
    public void drawRoundRect(int x, int y, int w, int h, int aw, int ah) {
        draw(new RoundRectangle2D.Double(x, y, w, h, aw, ah));
    }

    @Override
    public void fillRoundRect(int x, int y, int w, int h, int aw, int ah) {
        fill(new RoundRectangle2D.Double(x, y, w, h, aw, ah));
    }

    @Override
    public void drawOval(int x, int y, int w, int h) {
        draw(new java.awt.geom.Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void fillOval(int x, int y, int w, int h) {
        fill(new java.awt.geom.Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void drawArc(int x, int y, int w, int h, int start, int extent) {
        draw(new java.awt.geom.Arc2D.Double(x, y, w, h, start, extent, java.awt.geom.Arc2D.OPEN));
    }

    @Override
    public void fillArc(int x, int y, int w, int h, int start, int extent) {
        fill(new java.awt.geom.Arc2D.Double(x, y, w, h, start, extent, java.awt.geom.Arc2D.PIE));
    }

    @Override
    public void drawPolyline(int[] xs, int[] ys, int n) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        draw(p);
    }

    @Override
    public void drawPolygon(int[] xs, int[] ys, int n) {
        draw(new java.awt.Polygon(xs, ys, n));
    }

    @Override
    public void fillPolygon(int[] xs, int[] ys, int n) {
        fill(new java.awt.Polygon(xs, ys, n));
    }

    @Override
    public void copyArea(int x, int y, int w, int h, int dx, int dy) {
        // a document cannot copy what it drew
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        Shape device = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
        return device.intersects(rect);
    }

    // ------------------------------------------------------------------ state

    @Override
    public Graphics create() {
        SvgGraphics g = new SvgGraphics(width, height, doc);
        g.transform = new AffineTransform(transform);
        g.clip = clip;
        g.paint = paint;
        g.background = background;
        g.stroke = stroke;
        g.font = font;
        g.composite = composite;
        g.hints.putAll(hints);
        return g;
    }

    @Override
    public void dispose() {
        // nothing held
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return METRICS.getDeviceConfiguration();
    }

    @Override
    public void setComposite(Composite comp) {
        composite = comp == null ? AlphaComposite.SrcOver : comp;
    }

    @Override
    public Composite getComposite() {
        return composite;
    }

    @Override
    public void setPaint(Paint p) {
        if (p != null) {
            paint = p;
        }
    }

    @Override
    public Paint getPaint() {
        return paint;
    }

    @Override
    public Color getColor() {
        return paint instanceof Color c ? c : Color.GRAY;
    }

    @Override
    public void setColor(Color c) {
        if (c != null) {
            paint = c;
        }
    }

    @Override
    public void setPaintMode() {
        composite = AlphaComposite.SrcOver;
    }

    @Override
    public void setXORMode(Color c) {
        // no XOR in SVG: drawn plainly
    }

    @Override
    public void setStroke(Stroke s) {
        if (s != null) {
            stroke = s;
        }
    }

    @Override
    public Stroke getStroke() {
        return stroke;
    }

    @Override
    public void setBackground(Color color) {
        background = color;
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public void setFont(Font f) {
        if (f != null) {
            font = f;
        }
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return METRICS.getFontMetrics(f);
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return METRICS.getFontRenderContext();
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        hints.put(key, value);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key key) {
        return hints.get(key);
    }

    @Override
    public void setRenderingHints(Map<?, ?> map) {
        hints.clear();
        hints.putAll(map);
    }

    @Override
    public void addRenderingHints(Map<?, ?> map) {
        hints.putAll(map);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    @Override
    public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        transform.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        transform.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        transform.concatenate(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        transform = tx == null ? new AffineTransform() : new AffineTransform(tx);
    }

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    @Override
    public Shape getClip() {
        if (clip == null) {
            return null;
        }
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape c = getClip();
        return c == null ? null : c.getBounds();
    }

    @Override
    public void clip(Shape s) {
        if (s == null) {
            return;
        }
        Shape device = transform.createTransformedShape(s);
        if (clip == null) {
            clip = device;
        } else {
            Area a = new Area(clip);
            a.intersect(new Area(device));
            clip = a;
        }
    }

    @Override
    public void clipRect(int x, int y, int w, int h) {
        clip(new Rectangle(x, y, w, h));
    }

    @Override
    public void setClip(int x, int y, int w, int h) {
        setClip(new Rectangle(x, y, w, h));
    }

    @Override
    public void setClip(Shape s) {
        clip = s == null ? null : transform.createTransformedShape(s);
    }
}
