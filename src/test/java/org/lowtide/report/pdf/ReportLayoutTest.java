package org.lowtide.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.Lever;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportModel;

/** Issue #12, "the report agrees with itself": tables, lever names and page filling. */
class ReportLayoutTest {

    private static byte[] shopPdf;

    @BeforeAll
    static void render() throws Exception {
        ReportModel shop = ReportFixtures.shop(ReportFixtures.options("Checkout", "Ops", "", Paper.A4));
        shopPdf = ReportFixtures.pdf(shop);
    }

    @Test
    void tableHeadersNeverBreakInsideAWord() throws Exception {
        ReportFonts fonts = ReportFonts.forDocument(Instant.EPOCH.getEpochSecond());
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, OutputStream.nullOutputStream());
        document.open();
        float width = document.right() - document.left();
        Blocks blocks = new Blocks(fonts, writer, width);
        PdfPTable table = blocks.table(PdfReportWriter.SCENARIO_WIDTHS, PdfReportWriter.SCENARIO_HEADER, List.of());
        table.setTotalWidth(width);
        float[] columns = table.getAbsoluteWidths();
        for (int i = 0; i < columns.length; i++) {
            for (String word : PdfReportWriter.SCENARIO_HEADER.get(i).split(" ")) {
                float need = fonts.bold().getWidthPoint(word, Blocks.TABLE) + Blocks.CELL_PADDING;
                assertThat(columns[i]).as("column '%s' holds '%s'", PdfReportWriter.SCENARIO_HEADER.get(i), word)
                        .isGreaterThanOrEqualTo(need);
            }
        }
    }

    @Test
    void fittingRaisesNarrowColumnsAndKeepsTheTotal() {
        float[] out = Blocks.fitWords(new float[] {1, 1, 8}, new float[] {30, 5, 10}, 100);
        assertThat(out[0]).isGreaterThanOrEqualTo(30f);
        assertThat(out[1]).as("gives from its slack above its minimum").isGreaterThanOrEqualTo(5f).isLessThan(10f);
        assertThat(out[0] + out[1] + out[2]).isCloseTo(100f, org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(out[2]).isGreaterThanOrEqualTo(10f).isLessThan(80f);
        assertThat((10 - out[1]) / (80 - out[2])).as("in proportion to slack").isCloseTo(5f / 70f,
                org.assertj.core.data.Offset.offset(1e-4f));
        float[] tight = Blocks.fitWords(new float[] {1, 1}, new float[] {80, 40}, 60);
        assertThat(tight[0] / tight[1]).isCloseTo(2f, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void leversAppearByNameNotById() throws Exception {
        String text = PdfText.squeezed(shopPdf);
        for (Lever l : Lever.builtIn()) {
            assertThat(text).as(l.id()).contains(PdfText.squeeze(l.name()));
            if (l.id().contains("-")) {
                assertThat(text).as(l.id()).doesNotContain(l.id());
            }
        }
    }

    @Test
    void noPageButTheLastIsHalfEmpty() throws Exception {
        Map<Integer, Float> lowest = new TreeMap<>();
        float height = 0;
        for (PdfText.Glyph g : PdfText.glyphs(shopPdf)) {
            height = g.pageHeight();
            if (g.y() > 0.9f * g.pageHeight() || g.text().isBlank()) {
                continue; // the footer
            }
            lowest.merge(g.page(), g.y(), Math::max);
        }
        List<Integer> halfEmpty = new ArrayList<>();
        int last = lowest.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (Map.Entry<Integer, Float> e : lowest.entrySet()) {
            if (e.getKey() != last && e.getValue() < 0.55f * height) {
                halfEmpty.add(e.getKey());
            }
        }
        assertThat(halfEmpty).as("pages whose content ends above the middle").isEmpty();
    }
}
