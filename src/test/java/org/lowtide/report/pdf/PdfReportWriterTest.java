package org.lowtide.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.report.AssumptionRow;
import org.lowtide.report.Money;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportModel;
import org.lowtide.report.Texts;

class PdfReportWriterTest {

    private static ReportModel shop;
    private static byte[] shopPdf;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderShop() throws Exception {
        shop = ReportFixtures.shop(ReportFixtures.options("Checkout: when to deploy", "Ops team", "", Paper.A4));
        shopPdf = ReportFixtures.pdf(shop);
    }

    @Test
    void summaryPageStatesTheRecommendedWindowTheSavingsAndTheConfidence() throws Exception {
        String first = PdfText.squeeze(PdfText.pages(shopPdf).get(0));
        assertThat(first).contains(PdfText.squeeze("Make risky changes on Saturdays between 03:00 and 05:00 "
                + "(Europe/Berlin time)."));
        assertThat(first).contains(PdfText.squeeze("Sat 22 Nov 2025 03:00 CET – 05:00"));
        Money money = shop.money().orElseThrow();
        assertThat(money.yearlySavings()).isPositive();
        assertThat(first).contains(PdfText.squeeze("Yearly savings"))
                .contains(PdfText.squeeze(Texts.money(money.yearlySavings(), "EUR")));
        Money.Priced window = money.recommended().orElseThrow();
        assertThat(shop.input().plannedInMoney()).isTrue();
        assertThat(window.expected()).isEqualTo(shop.input().plan().windows().get(0).expected());
        assertThat(money.medianWindow()).isEqualTo(shop.input().plan().medianCandidate());
        assertThat(money.yearlySavings()).isCloseTo(money.changesPerYear()
                * (shop.input().plan().habit().getAsDouble() - window.expected()), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(first).contains(PdfText.squeeze(Texts.money(window.expected(), "EUR")))
                .contains(PdfText.squeeze(Texts.money(window.estimate().mean(), "EUR")))
                .contains(PdfText.squeeze(Texts.money(window.estimate().p90(), "EUR")))
                .contains(PdfText.squeeze(Texts.money(money.medianWindow(), "EUR")))
                .contains(PdfText.squeeze(Texts.money(money.habit().costPerChange(), "EUR")))
                .contains(PdfText.squeeze(Texts.percent(money.cost().errorBudget().consumedShare())));
    }

    @Test
    void theSummaryIsOnePageAndEverySectionStartsOnItsOwn() throws Exception {
        List<String> pages = PdfText.pages(shopPdf);
        assertThat(pages.get(0)).contains("Recommendation".toUpperCase(Locale.ROOT));
        assertThat(pages.get(0).contains("Checkout: when to deploy")).isTrue();
        assertThat(pages.get(1).contains("Checkout: when to deploy")).as("the title in the header").isTrue();
        assertThat(pages.get(1).contains("2. The pattern behind it")).as("section 2 on page 2").isTrue();
        String all = String.join("", pages);
        for (String heading : List.of("3. The money", "4. The plan", "5. Assumptions and sources")) {
            assertThat(all.contains(heading)).as(heading).isTrue();
        }
        for (int p = 0; p < pages.size(); p++) {
            assertThat(pages.get(p).contains("Page " + (p + 1) + " of " + pages.size())).as("page %d", p + 1).isTrue();
        }
    }

    @Test
    void everyAssumptionAppearsWithItsValueAndSource() throws Exception {
        String text = PdfText.squeezed(shopPdf);
        assertThat(shop.assumptions()).hasSizeGreaterThan(30);
        for (AssumptionRow a : shop.assumptions()) {
            // Name, value and source sit side by side in one row of the table.
            String row = PdfText.squeeze(a.name() + a.value() + a.source());
            assertThat(text.contains(row)).as("the row of %s: %s | %s | %s", a.name(), a.name(), a.value(),
                    a.source()).isTrue();
        }
        assertThat(text.contains(PdfText.squeeze("published: DORA / Google Cloud, Accelerate State of DevOps "
                + "Report 2023"))).isTrue();
        // What the ranking's traffic stood on: here the horizon lies inside the history.
        assertThat(shop.assumptions()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("Traffic outlook");
            assertThat(a.value()).startsWith("ranked on the weekly profile: the horizon ends before the data does")
                    .endsWith("(asked: auto)");
            assertThat(a.source()).isEqualTo("Lowtide default: the forecast where it reaches and beat the typical "
                    + "week in its backtest");
        });
    }

    @Test
    void theReportStatesVersionDataFileSpanAndChecksum() throws Exception {
        String text = PdfText.squeezed(shopPdf);
        assertThat(shop.input().provenance().sha256()).hasSize(64);
        assertThat(text).contains(shop.input().provenance().sha256())
                .contains("shop-hourly-2025.csv")
                .contains(PdfText.squeeze("Lowtide " + shop.input().provenance().lowtideVersion()))
                .contains(PdfText.squeeze("Wed 1 Jan 2025 00:00 CET to Thu 1 Jan 2026 00:00 CET"))
                .contains(PdfText.squeeze("made 26 Nov 2025"));
    }

    @Test
    void everyFontIsEmbeddedAndNoneIsABaseFont() throws Exception {
        List<PdfText.FontInfo> fonts = PdfText.fonts(shopPdf);
        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(f -> assertThat(f.embedded()).as(f.name()).isTrue());
        assertThat(fonts).extracting(PdfText.FontInfo::name).allMatch(n -> n.contains("DejaVuSans"));
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws Exception {
        byte[] again = ReportFixtures.pdf(ReportFixtures.shop(ReportFixtures.options("Checkout: when to deploy",
                "Ops team", "", Paper.A4)));
        assertThat(again).isEqualTo(shopPdf);
    }

    @Test
    void theCreationDateIsTheOneTheReportStates() throws Exception {
        try (PDDocument doc = Loader.loadPDF(shopPdf)) {
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(ReportFixtures.MADE);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Checkout: when to deploy");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Ops team");
        }
    }

    @Test
    void letterAndA4GiveTheirPageSizes() throws Exception {
        try (PDDocument doc = Loader.loadPDF(shopPdf)) {
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
        }
        byte[] letter = ReportFixtures.pdf(ReportFixtures.shop(ReportFixtures.options("Letter", "", "", Paper.LETTER)));
        try (PDDocument doc = Loader.loadPDF(letter)) {
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(612f);
                assertThat(page.getMediaBox().getHeight()).isEqualTo(792f);
            }
        }
        assertGlyphsInsideTheirPages(letter);
    }

    @Test
    void longNamesAndOtherScriptsStayOnThePageWithEveryGlyphInAnEmbeddedFont() throws Exception {
        String service = "checkout-service-eu-west-1-production-canary-blue-green-deployment-pipeline-日本語-"
                + "Ελληνικά-with-a-name-nobody-would-ever-type-twice";
        Path csv = dir.resolve(service + ".csv");
        Files.copy(Path.of("sample-data/shop-hourly-2025.csv"), csv);
        String title = "Checkout 日本語 Ελληνικά Кириллица: " + "when to deploy the ".repeat(6)
                + "supercalifragilisticexpialidociouslylongunbrokenwordthatcannotwrapanywhereatallreally";
        ReportModel model = ReportFixtures.file(csv, ReportFixtures.options(title, "Ελένη Παπαδοπούλου, 運用チーム",
                "読者へ: 変更は土曜日の朝に。 Σημείωση για τους αναγνώστες.", Paper.A4));
        byte[] pdf = ReportFixtures.pdf(model);

        assertGlyphsInsideTheirPages(pdf);
        List<PdfText.Glyph> glyphs = PdfText.glyphs(pdf);
        assertThat(glyphs).allSatisfy(g -> assertThat(g.embedded()).as("font %s of '%s'", g.fontName(), g.text())
                .isTrue());
        List<PdfText.Glyph> greek = glyphs.stream().filter(g -> g.text().codePoints().anyMatch(
                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK)).toList();
        assertThat(greek).isNotEmpty().allSatisfy(g -> assertThat(g.hasGlyph()).as("'%s' in %s", g.text(),
                g.fontName()).isTrue());
        Assumptions.assumeTrue(!ReportFonts.FallbackFonts.find().isEmpty(),
                "no CJK font on this machine (install fonts-droid-fallback or fonts-noto-cjk): CJK glyph check skipped");
        List<PdfText.Glyph> japanese = glyphs.stream().filter(g -> g.text().codePoints().anyMatch(
                c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).toList();
        assertThat(japanese).isNotEmpty().allSatisfy(g -> assertThat(g.hasGlyph()).as("'%s' in %s", g.text(),
                g.fontName()).isTrue());
        assertThat(japanese).allSatisfy(g -> assertThat(g.fontName()).doesNotContain("DejaVu"));
        assertThat(PdfText.squeezed(pdf)).contains(PdfText.squeeze("Checkout 日本語 Ελληνικά Кириллица"))
                .contains(PdfText.squeeze("読者へ: 変更は土曜日の朝に。"));
    }

    @Test
    void withoutAFallbackFontTheReportStillRendersAndNamesTheMissingCharacters() throws Exception {
        String key = ReportFonts.FallbackFonts.PROPERTY;
        String before = System.getProperty(key);
        System.setProperty(key, "none");
        try {
            ReportModel model = ReportFixtures.shop(ReportFixtures.options("日本語のレポート", "", "", Paper.A4));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            PdfReportWriter.Result result = PdfReportWriter.write(model, out, PdfReportWriter.Listener.NONE);
            assertThat(result.pages()).isGreaterThan(4);
            assertThat(result.missingCharacters()).contains("日", "本", "語");
            assertThat(result.fallbackFont()).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void cancellingStopsTheWriter() throws Exception {
        PdfReportWriter.Listener cancelAtOnce = new PdfReportWriter.Listener() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdfReportWriter.write(shop,
                new java.io.ByteArrayOutputStream(), cancelAtOnce))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void thePlanTableHoldsEveryWindowWithItsCost() throws Exception {
        String text = PdfText.squeezed(shopPdf);
        ZoneId zone = shop.zone();
        Money money = shop.money().orElseThrow();
        for (int i = 0; i < shop.input().plan().windows().size(); i++) {
            var w = shop.input().plan().windows().get(i);
            ZonedDateTime start = w.window().start().atZone(zone);
            assertThat(text.contains(PdfText.squeeze(Texts.dayTime(start)))).as("start %s", start).isTrue();
            assertThat(text.contains(PdfText.squeeze(Texts.money(w.expected(), "EUR")))).as("cost %s", start).isTrue();
            assertThat(text.contains(PdfText.squeeze(Texts.money(w.savingsVsMedian(), "EUR")))).as("saving %s", start)
                    .isTrue();
            assertThat(text.contains(PdfText.squeeze(Texts.money(money.windows().get(i).estimate().p90(), "EUR"))))
                    .as("p90 %s", start).isTrue();
        }
        assertThat(text.contains(PdfText.squeeze("blackout: Black Friday freeze"))).isTrue();
        assertThat(text.contains(PdfText.squeeze("1st Christmas day"))).isTrue();
    }

    private static void assertGlyphsInsideTheirPages(byte[] pdf) throws Exception {
        List<PdfText.Glyph> glyphs = PdfText.glyphs(pdf);
        assertThat(glyphs).isNotEmpty();
        assertThat(glyphs).allSatisfy(g -> {
            assertThat(g.x()).as("left of '%s' on page %d", g.text(), g.page()).isGreaterThanOrEqualTo(36f);
            assertThat(g.x() + g.width()).as("right of '%s' on page %d", g.text(), g.page())
                    .isLessThanOrEqualTo(g.pageWidth() - 36f);
            assertThat(g.y()).as("height of '%s' on page %d", g.text(), g.page()).isBetween(20f, g.pageHeight() - 20f);
        });
    }

    @SuppressWarnings("unused")
    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
