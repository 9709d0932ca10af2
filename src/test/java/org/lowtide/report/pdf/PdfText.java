package org.lowtide.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a PDF back with PDFBox, as a reader's tools would. */
final class PdfText {

    private PdfText() {
    }

    /** @return the text of every page, in order */
    static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
            return pages;
        }
    }

    /** @return the whole text with every space, line break and zero-width break hint removed, for searching */
    static String squeezed(byte[] pdf) throws IOException {
        return squeeze(String.join("", pages(pdf)));
    }

    static String squeeze(String text) {
        return text.replace("\u200B", "").replaceAll("\\s+", "");
    }

    /** One glyph as drawn: its text, box and font, and its page's size. */
    record Glyph(int page, String text, float x, float y, float width, float height, String fontName,
                 boolean embedded, boolean hasGlyph, float pageWidth, float pageHeight) {
    }

    /** @return every glyph PDFBox finds, with its position */
    static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDPage page = doc.getPage(p - 1);
                float w = page.getMediaBox().getWidth();
                float h = page.getMediaBox().getHeight();
                int number = p;
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        for (TextPosition t : positions) {
                            PDFont font = t.getFont();
                            boolean has;
                            try {
                                int code = t.getCharacterCodes()[0];
                                // A glyph is there when the code maps to a glyph other than .notdef (0).
                                has = font instanceof PDType0Font ? ((PDType0Font) font).codeToGID(code) > 0
                                        && font.getWidth(code) > 0 : font.getWidth(code) > 0;
                            } catch (IOException e) {
                                has = false;
                            }
                            glyphs.add(new Glyph(number, t.getUnicode(), t.getXDirAdj(), t.getYDirAdj(),
                                    t.getWidthDirAdj(), t.getHeightDir(), font.getName(), font.isEmbedded(), has, w, h));
                        }
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(doc);
            }
        }
        return glyphs;
    }

    /** A font as found in the file. */
    record FontInfo(String name, boolean embedded) {
    }

    /** @return every font used on any page, in page resources and in the charts' form XObjects */
    static List<FontInfo> fonts(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        List<FontInfo> infos = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), fonts, 0);
            }
            for (PDFont f : fonts) {
                infos.add(new FontInfo(f.getName(), f.isEmbedded()));
            }
        }
        return infos;
    }

    private static void collect(PDResources resources, List<PDFont> fonts, int depth) throws IOException {
        if (resources == null || depth > 8) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject) {
                collect(((PDFormXObject) x).getResources(), fonts, depth + 1);
            }
        }
    }
}
