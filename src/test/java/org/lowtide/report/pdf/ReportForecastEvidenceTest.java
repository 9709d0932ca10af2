package org.lowtide.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.ForecastSelection;
import org.lowtide.report.AssumptionRow;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportModel;

/**
 * Issue 18: the report names the forecast's chosen method and its evidence (the backtest's MASE of
 * every candidate) in the assumptions table, the method section and the PDF, from the same
 * forecast the analysis made.
 */
class ReportForecastEvidenceTest {

    private static ReportModel shop;
    private static Forecast forecast;

    @BeforeAll
    static void build() throws Exception {
        shop = ReportFixtures.shop(ReportFixtures.options("Shop", "Ops", "", Paper.A4));
        forecast = shop.input().forecast().orElseThrow();
    }

    @Test
    void theAssumptionsNameTheChosenMethodAndEveryCandidatesScore() {
        AssumptionRow row = shop.assumptions().stream().filter(r -> r.name().equals("Forecast method")).findFirst()
                .orElseThrow();
        Forecast.Backtest b = forecast.backtest().orElseThrow();
        assertThat(row.value()).isEqualTo(ForecastSelection.scores(forecast))
                .startsWith(ForecastSelection.describe(forecast.method()) + "; backtest MASE over " + b.origins()
                        + " origins: " + String.format(java.util.Locale.ROOT, "%.2f chosen", b.mase()));
        for (Forecast.Score s : b.candidates()) {
            if (!s.method().equals(b.method())) {
                assertThat(row.value()).contains(String.format(java.util.Locale.ROOT, ", %.2f ", s.mase())
                        + ForecastSelection.describe(s.method()));
            }
        }
    }

    @Test
    void theMethodSectionAndThePdfSayWhichForecastWasUsed() throws Exception {
        assertThat(String.join(" ", shop.method())).contains("the method its backtest scored best, see Forecast method");
        String text = PdfText.squeezed(ReportFixtures.pdf(shop));
        assertThat(text).contains(PdfText.squeeze("Forecast method"))
                .contains(PdfText.squeeze(ForecastSelection.describe(forecast.method()) + "; backtest MASE over"));
    }
}
