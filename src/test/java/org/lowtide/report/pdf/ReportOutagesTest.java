package org.lowtide.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportModel;
import org.lowtide.report.charts.LabelledInterval;

/** The report marks the outages the anomaly detector found, not only steps without data. */
class ReportOutagesTest {

    @Test
    void theShopSamplesTwoPeakHourOutagesAreMarked() throws Exception {
        ReportModel model = ReportFixtures.shop(ReportFixtures.options("Outages", "SRE", "", Paper.A4));

        // sample-data/README.md: outages on 2025-03-12 19:00–21:00 and 2025-09-17 20:00–21:00 Berlin time.
        assertThat(model.input().outages()).extracting(LabelledInterval::interval)
                .anySatisfy(i -> assertThat(i.contains(Instant.parse("2025-03-12T19:00:00Z"))).isTrue())
                .anySatisfy(i -> assertThat(i.contains(Instant.parse("2025-09-17T18:30:00Z"))).isTrue());
        assertThat(model.input().outages()).hasSize(2);
    }
}
