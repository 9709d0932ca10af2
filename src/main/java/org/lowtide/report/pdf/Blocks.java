package org.lowtide.report.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The building blocks of a report page in one look: headings, paragraphs, tables, key-number
 * tiles and charts drawn as vectors. Every text goes through {@link ReportFonts}, so it is set in
 * embedded fonts with a fallback for other scripts, and wraps inside its column.
 */
final class Blocks {

    static final Color INK = new Color(0x1f, 0x23, 0x28);
    static final Color MUTED = new Color(0x57, 0x60, 0x6a);
    static final Color ACCENT = new Color(0x1f, 0x5f, 0x99);
    static final Color GREEN = new Color(0x1a, 0x7f, 0x37);
    static final Color GREEN_BG = new Color(0xea, 0xf5, 0xec);
    static final Color RULE = new Color(0xd0, 0xd7, 0xde);
    static final Color TILE_BG = new Color(0xf6, 0xf8, 0xfa);
    static final Color HEADER_BG = new Color(0xea, 0xee, 0xf2);

    static final float BODY = 9.5f;
    static final float SMALL = 8f;
    static final float TABLE = 8f;

    /** Left plus right padding of a table cell, in points (see {@link #cell}). */
    static final float CELL_PADDING = 8f;

    private final ReportFonts fonts;
    private final PdfWriter writer;
    private final float contentWidth;

    Blocks(ReportFonts fonts, PdfWriter writer) {
        this(fonts, writer, Float.NaN);
    }

    /** @param contentWidth the width tables span, in points: header words are fitted to it */
    Blocks(ReportFonts fonts, PdfWriter writer, float contentWidth) {
        this.fonts = fonts;
        this.writer = writer;
        this.contentWidth = contentWidth;
    }

    ReportFonts fonts() {
        return fonts;
    }

    PdfWriter writer() {
        return writer;
    }

    Phrase phrase(String text, float size, boolean bold, Color color) {
        return fonts.phrase(text, size, bold, color);
    }

    /** The report's title: large, wraps over as many lines as it needs. */
    Paragraph title(String text) {
        Paragraph p = new Paragraph(phrase(text, 20f, true, ACCENT));
        p.setLeading(25f);
        p.setSpacingAfter(4f);
        return p;
    }

    /** A section heading: "2. The pattern behind it". */
    Paragraph heading(String text) {
        Paragraph p = new Paragraph(phrase(text, 15f, true, ACCENT));
        p.setLeading(19f);
        p.setSpacingBefore(14f);
        p.setSpacingAfter(6f);
        return p;
    }

    /** A sub-heading inside a section. */
    Paragraph subheading(String text) {
        Paragraph p = new Paragraph(phrase(text, 10.5f, true, INK));
        p.setLeading(14f);
        p.setSpacingBefore(8f);
        p.setSpacingAfter(3f);
        p.setKeepTogether(true);
        return p;
    }

    Paragraph body(String text) {
        Paragraph p = new Paragraph(phrase(text, BODY, false, INK));
        p.setLeading(BODY * 1.35f);
        p.setSpacingAfter(4f);
        return p;
    }

    Paragraph small(String text) {
        Paragraph p = new Paragraph(phrase(text, SMALL, false, MUTED));
        p.setLeading(SMALL * 1.35f);
        p.setSpacingAfter(3f);
        return p;
    }

    /** A caption under a chart, muted. */
    Paragraph caption(String text) {
        Paragraph p = small(text);
        p.setSpacingAfter(8f);
        return p;
    }

    /**
     * A chart drawn as vectors at the given size, in the report's fonts.
     *
     * @param width  width in points (the content width, usually)
     * @param height height in points
     */
    Image chart(JFreeChart chart, float width, float height) {
        ChartFonts.apply(chart, fonts);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate template = cb.createTemplate(width, height);
        Graphics2D g2 = template.createGraphics(width, height, fonts.mapper());
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingBefore(2f);
        image.setSpacingAfter(2f);
        return image;
    }

    /**
     * A table with a shaded header row; columns share the width by {@code widths}. Every cell
     * wraps; a row is kept on one page when it fits.
     */
    PdfPTable table(float[] widths, List<String> header, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(Float.isNaN(contentWidth) ? widths
                : fitWords(widths, headerWordWidths(header), contentWidth));
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(3f);
        table.setSpacingAfter(8f);
        table.setSplitLate(true);
        for (String h : header) {
            PdfPCell cell = cell(h, true, HEADER_BG);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                table.addCell(cell(value, false, null));
            }
        }
        return table;
    }

    /** @return per column, the width in points of the header's longest word in the bold table font, padding included */
    float[] headerWordWidths(List<String> header) {
        float[] min = new float[header.size()];
        for (int i = 0; i < min.length; i++) {
            for (String word : header.get(i).split("\\s+")) {
                min[i] = Math.max(min[i], fonts.bold().getWidthPoint(word, TABLE));
            }
            min[i] += CELL_PADDING + 1f;
        }
        return min;
    }

    /**
     * Relative column widths under which every column is at least as wide as its minimum, so a
     * header breaks between words, never inside one. Columns below their minimum are raised to it;
     * the width they gain is taken from the others in proportion to their room above their own
     * minimum. If the minima do not fit together the widths are the minima, scaled to the total.
     *
     * @param widths relative widths as the caller wants them
     * @param min    minimum width of each column, in points
     * @param total  the table's width, in points
     * @return relative widths summing to {@code total}
     */
    static float[] fitWords(float[] widths, float[] min, float total) {
        int n = widths.length;
        float sum = 0;
        float minSum = 0;
        for (int i = 0; i < n; i++) {
            sum += widths[i];
            minSum += min[i];
        }
        float[] out = new float[n];
        if (minSum >= total) {
            for (int i = 0; i < n; i++) {
                out[i] = min[i] * total / minSum;
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = widths[i] * total / sum;
        }
        // Raise the narrow columns, then take the deficit from the rest in proportion to their slack;
        // repeat, since taking can push another column below its minimum (at most n rounds).
        for (int round = 0; round < n; round++) {
            float deficit = 0;
            float slack = 0;
            for (int i = 0; i < n; i++) {
                if (out[i] < min[i]) {
                    deficit += min[i] - out[i];
                    out[i] = min[i];
                } else {
                    slack += out[i] - min[i];
                }
            }
            if (deficit <= 1e-3f) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (out[i] > min[i]) {
                    out[i] -= deficit * (out[i] - min[i]) / slack;
                }
            }
        }
        return out;
    }

    /**
     * Keeps elements on one page (a heading with its chart and caption, a heading with a short
     * table): a borderless one-cell table that moves whole to the next page when it does not fit.
     */
    PdfPTable keep(Element... elements) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setKeepTogether(true);
        table.setSpacingAfter(4f);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        for (Element e : elements) {
            cell.addElement(e);
        }
        table.addCell(cell);
        return table;
    }

    /** Two columns of name and value, no header: for facts about the report. */
    PdfPTable facts(float[] widths, List<List<String>> rows) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(3f);
        table.setSpacingAfter(8f);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                table.addCell(cell(row.get(i), i == 0, i == 0 ? TILE_BG : null));
            }
        }
        return table;
    }

    PdfPCell cell(String text, boolean bold, Color background) {
        PdfPCell cell = new PdfPCell(phrase(breakable(text), TABLE, bold, INK));
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(3f);
        cell.setPaddingBottom(4f);
        cell.setPaddingLeft(4f);
        cell.setPaddingRight(4f);
        cell.setLeading(0f, 1.25f);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    /**
     * Key numbers as tiles, {@code columns} per row: a muted label, a large value and a small note.
     * Each tile is {@code String[] {label, value, note}}.
     */
    PdfPTable tiles(List<String[]> tiles, int columns) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4f);
        table.setSpacingAfter(6f);
        for (String[] t : tiles) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.BOX);
            cell.setBorderColor(Color.WHITE);
            cell.setBorderWidth(2.5f);
            cell.setBackgroundColor(TILE_BG);
            cell.setPadding(6f);
            cell.setPaddingBottom(7f);
            Paragraph label = new Paragraph(phrase(t[0], 7.5f, false, MUTED));
            label.setLeading(9.5f);
            Paragraph value = new Paragraph(phrase(breakable(t[1]), 14f, true, INK));
            value.setLeading(17f);
            value.setSpacingBefore(1f);
            cell.addElement(label);
            cell.addElement(value);
            if (t.length > 2 && !t[2].isEmpty()) {
                Paragraph note = new Paragraph(phrase(breakable(t[2]), 7f, false, MUTED));
                note.setLeading(8.8f);
                note.setSpacingBefore(1f);
                cell.addElement(note);
            }
            table.addCell(cell);
        }
        int rest = tiles.size() % columns;
        for (int i = 0; rest != 0 && i < columns - rest; i++) {
            PdfPCell empty = new PdfPCell();
            empty.setBorder(Rectangle.NO_BORDER);
            table.addCell(empty);
        }
        return table;
    }

    /** The recommendation: a green box with a label, the headline and a few lines under it. */
    PdfPTable callout(String label, String headline, List<String> lines) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6f);
        table.setSpacingAfter(4f);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.LEFT);
        cell.setBorderColorLeft(GREEN);
        cell.setBorderWidthLeft(3.5f);
        cell.setBackgroundColor(GREEN_BG);
        cell.setPadding(8f);
        cell.setPaddingLeft(10f);
        Paragraph l = new Paragraph(phrase(label.toUpperCase(java.util.Locale.ROOT), 7.5f, true, GREEN));
        l.setLeading(10f);
        cell.addElement(l);
        Paragraph h = new Paragraph(phrase(breakable(headline), 13.5f, true, INK));
        h.setLeading(17f);
        h.setSpacingBefore(2f);
        cell.addElement(h);
        for (String line : lines) {
            Paragraph p = new Paragraph(phrase(breakable(line), 8.5f, false, INK));
            p.setLeading(11.5f);
            p.setSpacingBefore(2f);
            cell.addElement(p);
        }
        table.addCell(cell);
        return table;
    }

    /**
     * Gives long unbroken tokens (file names, checksums, service names) places to break: a
     * zero-width space after every 24 characters of a run without spaces, and after the usual
     * separators of identifiers. Nothing visible changes.
     */
    static String breakable(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c);
            if (Character.isWhitespace(c)) {
                run = 0;
                continue;
            }
            run++;
            boolean separator = c == '/' || c == '_' || c == '.' || c == '-' || c == ':' || c == '\\' || c == '+';
            if ((separator && run >= 8) || run >= 24) {
                if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))
                        && !Character.isLowSurrogate(text.charAt(i + 1))) {
                    sb.append('\u200B');
                    run = 0;
                }
            }
        }
        return sb.toString();
    }
}
