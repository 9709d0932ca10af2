package org.lowtide.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.WindowRequest;
import org.lowtide.report.Paper;
import org.lowtide.report.ReportModel;
import org.lowtide.report.ReportOptions;
import org.lowtide.report.Section;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.ReportService;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;

/** Report models on the bundled shop sample (and other files), planned and costed as the CLI would. */
final class ReportFixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant MADE = Instant.parse("2025-11-26T00:00:00Z");

    private ReportFixtures() {
    }

    static ReportService service() {
        return new ReportService(new PlanService(new AnalysisService()), new CostService());
    }

    static ReportOptions options(String title, String author, String notes, Paper paper) {
        return new ReportOptions(title, author, notes, EnumSet.allOf(Section.class), paper, MADE);
    }

    /** The README's shop example: staff hours, Black Friday freeze, German holidays, habit Tue 14:00, revenue 120 M EUR. */
    static ReportModel shop(ReportOptions options) throws Exception {
        return model(Samples.SHOP, options);
    }

    static ReportModel model(TrafficSource source, ReportOptions options) throws Exception {
        return model(source, options, "Black Friday freeze", ScenarioSet.defaults());
    }

    static ReportModel model(TrafficSource source, ReportOptions options, String freeze, ScenarioSet scenarios)
            throws Exception {
        WindowRequest windows = new WindowRequest(Duration.ofHours(2), Duration.ofHours(1), 4,
                LocalDate.of(2025, 11, 17), LocalDate.of(2025, 12, 28), Duration.ofDays(1),
                new Constraints(BERLIN, List.of(AllowedHours.parse("Mon-Fri 01:00-06:00"),
                        AllowedHours.parse("Sat 02:00-08:00")),
                        List.of(Blackout.parse("2025-11-24/2025-11-30=" + freeze, BERLIN)), List.of(),
                        HolidayPolicy.BLACKOUT),
                Optional.of(WindowRequest.Habit.parse("Tue 14:00")));
        CostAssumptions cost = CostAssumptions.defaults().toBuilder()
                .currency(java.util.Currency.getInstance("EUR"))
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 120_000_000, true)).build();
        // Ranked in money, as `lowtide plan` and `lowtide report` do by default.
        PlanRequest request = new PlanRequest(new AnalysisRequest(source, ImportOptions.inZone(BERLIN),
                Duration.ofHours(2), AnalysisRequest.DEFAULT_TROUGHS), windows, Optional.of("DE"), Optional.of(cost));
        return service().prepare(request, Optional.of(new ReportService.CostInputs(cost, scenarios,
                        20_000, CostAnalysis.DEFAULT_SEED)), options,
                Set.of("duration", "horizon", "allowed", "blackouts", "holidays", "habit", "zone"),
                ProgressListener.NONE, Cancellation.NEVER);
    }

    static ReportModel file(Path csv, ReportOptions options) throws Exception {
        return model(new TrafficSource.FileSource(csv), options);
    }

    static byte[] pdf(ReportModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReportWriter.write(model, out, PdfReportWriter.Listener.NONE);
        return out.toByteArray();
    }
}
