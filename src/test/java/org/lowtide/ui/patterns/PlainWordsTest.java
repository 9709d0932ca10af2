package org.lowtide.ui.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lowtide.analysis.Patterns;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.traffic.imports.ImportOptions;

/** The Patterns header in plain words; the statistics stay in the technical text (the tooltip). */
class PlainWordsTest {

    @Test
    void theShopSampleInPlainWordsAndTheJargonInTheDetails() throws Exception {
        Patterns p = new AnalysisService().analyze(new AnalysisRequest(Samples.SHOP, ImportOptions.inZone(Samples.SHOP.zone()),
                AnalysisRequest.DEFAULT_WINDOW, 3), ProgressListener.NONE, Cancellation.NEVER).patterns().orElseThrow();

        String summary = PatternsViewModel.plainWords(p);
        assertThat(summary).startsWith("The traffic repeats every day and every week")
                .doesNotContain("strength").doesNotContain("0.");
        String forecast = PatternsViewModel.plainWords(p.forecast().orElseThrow());
        assertThat(forecast).startsWith("Expected traffic for the next ").doesNotContain("MASE").doesNotContain("φ")
                .doesNotContain("damped");

        assertThat(PatternsViewModel.describe(p)).contains("strength");
        assertThat(PatternsViewModel.describe(p.forecast().orElseThrow())).contains("MASE");
    }
}
