package org.lowtide.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.util.Locale;
import org.lowtide.report.FleetReport;

/**
 * The fleet report as PDF: a summary page ranking the services by what is at stake, then one page
 * per service (its weekly window, the fleet's windows for it, its own best and why it moved).
 */
public final class FleetPdfWriter {

    private static final Color GREY = new Color(90, 90, 90);

    private FleetPdfWriter() {
    }

    /** Writes the report to {@code out} (closed with the document). @return the number of pages */
    public static int write(FleetReport report, OutputStream out) {
        ReportFonts fonts = ReportFonts.forDocument(report.title().hashCode());
        Document document = new Document(PageSize.A4, 40, 40, 48, 48);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(report.title());
        document.addCreator("Lowtide " + report.version());
        document.addSubject("Change windows for a fleet of services");
        document.open();
        document.add(para(fonts, report.title(), 18, true, Color.BLACK));
        for (String line : report.summary()) {
            document.add(para(fonts, line, 9.5f, false, GREY));
        }
        document.add(para(fonts, " ", 6, false, GREY));
        PdfPTable table = new PdfPTable(new float[] {0.5f, 2.4f, 1f, 2.6f, 1.6f, 1.3f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : new String[] {"#", "service", "status", "next window", "at stake", "vs own best"}) {
            table.addCell(cell(fonts, h, true));
        }
        int rank = 1;
        for (FleetReport.Service s : report.services()) {
            table.addCell(cell(fonts, String.valueOf(rank++), false));
            table.addCell(cell(fonts, s.name(), false));
            table.addCell(cell(fonts, s.status(), false));
            table.addCell(cell(fonts, s.windows().isEmpty() ? "" : s.windows().get(0), false));
            table.addCell(cell(fonts, s.atStake(), false));
            table.addCell(cell(fonts, s.gap(), false));
        }
        document.add(table);
        if (!report.warnings().isEmpty()) {
            document.add(para(fonts, "Warnings", 11, true, Color.BLACK));
            for (String w : report.warnings()) {
                document.add(para(fonts, "• " + w, 9, false, GREY));
            }
        }
        for (FleetReport.Service s : report.services()) {
            document.newPage();
            document.add(para(fonts, s.name(), 16, true, Color.BLACK));
            document.add(para(fonts, s.status() + " · " + s.zone(), 10, false, GREY));
            line(document, fonts, "Weekly window (its own recommendation)", s.weekly());
            line(document, fonts, "Fleet windows", s.windows().isEmpty() ? "none" : String.join("; ", s.windows()));
            line(document, fonts, "Its own best window", s.ownBest());
            line(document, fonts, "At stake", s.atStake());
            line(document, fonts, "Above its own best (" + report.costUnit() + ")", s.gap());
            document.add(para(fonts, s.status().equals("failed") ? "Why it failed" : "Why", 11, true, Color.BLACK));
            for (String r : s.reasons()) {
                document.add(para(fonts, "• " + r, 9.5f, false, Color.BLACK));
            }
        }
        int pages = writer.getPageNumber();
        document.close();
        return pages;
    }

    private static void line(Document d, ReportFonts fonts, String label, String value) {
        Paragraph p = new Paragraph();
        p.add(fonts.phrase(label + ": ", 10, true, Color.BLACK));
        p.add(fonts.phrase(value == null || value.isEmpty() ? "—" : value, 10, false, Color.BLACK));
        p.setSpacingBefore(3);
        d.add(p);
    }

    private static Paragraph para(ReportFonts fonts, String text, float size, boolean bold, Color color) {
        Paragraph p = new Paragraph(fonts.phrase(text, size, bold, color));
        p.setSpacingAfter(2);
        return p;
    }

    private static PdfPCell cell(ReportFonts fonts, String text, boolean header) {
        PdfPCell c = new PdfPCell(fonts.phrase(text == null ? "" : text, 8.5f, header, Color.BLACK));
        c.setPadding(3);
        c.setHorizontalAlignment(Element.ALIGN_LEFT);
        if (header) {
            c.setBackgroundColor(new Color(235, 238, 242));
        }
        return c;
    }

    /** @return the cost in words, e.g. {@code 1,234.5 USD} */
    public static String amount(double v, String unit) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.4g %s", v, unit) : "";
    }
}
