package org.lowtide.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.cost.RevenueCurve;
import org.lowtide.report.Money;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportCharts;
import org.lowtide.report.ReportModel;
import org.lowtide.service.Samples;

/** Issue #12: the revenue week of 5-minute data is drawn on the ranking's profile, its peak the profile's. */
class RevenueOnProfileTest {

    @Test
    void fiveMinuteRevenueIsDrawnOnTheProfileAndItsPeakIsTheProfilesPeak() throws Exception {
        ReportModel api = ReportFixtures.model(Samples.API, ReportFixtures.options("API", "Ops", "", Paper.A4));
        Money m = api.money().orElseThrow();
        WeeklyProfile profile = api.input().profile();
        RevenueCurve curve = m.cost().curve();
        assertThat(curve.slotMinutes()).as("5-minute data").isEqualTo(5.0);
        double[] drawn = new ReportCharts(api).revenueOnProfile();
        double[] expected = profile.expected();
        assertThat(drawn).hasSize(expected.length);
        double week = 0;
        int peak = 0;
        for (int s = 0; s < drawn.length; s++) {
            week += drawn[s] * curve.slotMinutes();
            if (expected[s] > expected[peak]) {
                peak = s;
            }
        }
        assertThat(week).as("the week's revenue is kept").isCloseTo(curve.weekRevenue(), offset(1e-6 * week));
        double ratio = drawn[peak] / expected[peak];
        for (int s = 0; s < drawn.length; s += 97) {
            assertThat(drawn[s]).as("slot %d follows the profile", s).isCloseTo(expected[s] * ratio,
                    offset(1e-9 * drawn[peak]));
        }
        assertThat(m.peak().day()).isEqualTo(profile.slots().dayOf(peak));
        assertThat(m.peak().time()).isEqualTo(profile.slots().timeOf(peak));
        assertThat(m.peak().expected()).isEqualTo(m.cost().model().expectedCost(
                RevenueCurve.minuteOfWeek(m.peak().day(), m.peak().time())));
    }

    @Test
    void theCostTablesPeakIsThePeakTheChartMarksAndTheDearestStartIsNamedAsSuch() throws Exception {
        ReportModel api = ReportFixtures.model(Samples.API, ReportFixtures.options("API", "Ops", "", Paper.A4));
        Money m = api.money().orElseThrow();
        String text = PdfText.squeezed(ReportFixtures.pdf(api));
        String peak = org.lowtide.report.Texts.days(m.peak().day()) + " "
                + org.lowtide.report.Texts.HM.format(m.peak().time());
        assertThat(text).as("the table's peak row is the chart's peak").contains(PdfText.squeeze("Peak of the week: " + peak));
        org.lowtide.cost.ChangeCost worst = m.cost().worst();
        if (worst.day() != m.peak().day() || !worst.time().equals(m.peak().time())) {
            assertThat(text).contains(PdfText.squeeze("Dearest start of the week: "
                    + org.lowtide.report.Texts.days(worst.day()) + " " + org.lowtide.report.Texts.HM.format(worst.time())));
        }
        assertThat(text).as("no row calls the dearest start the peak").doesNotContain(PdfText.squeeze("Peak: "));
    }
}
