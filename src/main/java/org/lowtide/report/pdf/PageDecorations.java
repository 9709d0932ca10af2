package org.lowtide.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * Header and footer of every page: the title in the header (from page 2 on, shortened to one
 * line), and in the footer what the report rests on and "Page n of N" (N filled in when the
 * document closes).
 */
final class PageDecorations extends PdfPageEventHelper {

    private static final float SIZE = 7.5f;

    private final ReportFonts fonts;
    private final String title;
    private final String footer;
    private PdfTemplate total;

    PageDecorations(ReportFonts fonts, String title, String footer) {
        this.fonts = fonts;
        this.title = title;
        this.footer = footer;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float left = document.left();
        float right = document.right();
        float width = right - left;
        if (writer.getPageNumber() > 1) {
            float y = page.getHeight() - document.topMargin() + 20;
            text(cb, fonts.fit(title, SIZE, false, width - 90), left, y, Blocks.MUTED);
            String brand = "Lowtide change-window report";
            text(cb, brand, right - fonts.width(brand, SIZE, false), y, Blocks.MUTED);
            rule(cb, left, right, y - 5);
        }
        float y = document.bottomMargin() - 24;
        rule(cb, left, right, y + 10);
        String pageText = "Page " + writer.getPageNumber() + " of ";
        float totalWidth = fonts.width("999", SIZE, false);
        float pageWidth = fonts.width(pageText, SIZE, false);
        float pageX = right - totalWidth - pageWidth;
        text(cb, fonts.fit(footer, SIZE, false, width - pageWidth - totalWidth - 16), left, y, Blocks.MUTED);
        text(cb, pageText, pageX, y, Blocks.MUTED);
        cb.addTemplate(total, pageX + pageWidth, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(fonts.regular(), SIZE);
        total.setColorFill(Blocks.MUTED);
        total.setTextMatrix(0, 0);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }

    /** Draws one line of text, each run in the font that has its glyphs. */
    private void text(PdfContentByte cb, String text, float x, float y, Color color) {
        com.lowagie.text.Phrase phrase = fonts.phrase(text, SIZE, false, color);
        float at = x;
        for (Object o : phrase.getChunks()) {
            com.lowagie.text.Chunk chunk = (com.lowagie.text.Chunk) o;
            BaseFont font = chunk.getFont().getBaseFont();
            cb.beginText();
            cb.setFontAndSize(font, SIZE);
            cb.setColorFill(color);
            cb.setTextMatrix(at, y);
            cb.showText(chunk.getContent());
            cb.endText();
            at += font.getWidthPoint(chunk.getContent(), SIZE);
        }
    }

    private static void rule(PdfContentByte cb, float left, float right, float y) {
        cb.saveState();
        cb.setColorStroke(Blocks.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(left, y);
        cb.lineTo(right, y);
        cb.stroke();
        cb.restoreState();
    }
}
