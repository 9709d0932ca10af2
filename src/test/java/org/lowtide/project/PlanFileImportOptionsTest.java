package org.lowtide.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.DateOrder;
import org.lowtide.traffic.imports.ImportFormat;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.MetricKind;

/** A saved plan remembers every import setting, so reopening reads the traffic the same way. */
class PlanFileImportOptionsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    @Test
    void everyImportSettingSurvivesSaveAndOpen() throws Exception {
        StringBuilder csv = new StringBuilder("time;web;api\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 10, 6, 0, 0, 0, 0, BERLIN);
        for (int i = 0; i < 3 * 168; i++, t = t.plusHours(1)) {
            csv.append(String.format("%02d.%02d.%d %02d:00;%d;%d%n", t.getDayOfMonth(), t.getMonthValue(),
                    t.getYear(), t.getHour(), 100 + t.getHour(), 50 + t.getHour()));
        }
        Path traffic = dir.resolve("traffic.csv");
        Files.writeString(traffic, csv, StandardCharsets.UTF_8);
        ImportOptions options = ImportOptions.inZone(BERLIN).withFormat(ImportFormat.CSV)
                .withSeries(List.of("web", "api")).withSum(true).withDateOrder(DateOrder.DMY)
                .withKind(MetricKind.COUNT).withStep(Duration.ofMinutes(30));
        WindowRequest request = new WindowRequest(Duration.ofHours(2), Duration.ofMinutes(30), 1,
                LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), Duration.ofDays(2),
                new Constraints(BERLIN, List.of(AllowedHours.parse("Sat,Sun 00:00-12:00")), List.of(), List.of(),
                        HolidayPolicy.BLACKOUT), Optional.empty());
        PlanService plans = new PlanService(new AnalysisService());
        PlanResult planned = plans.plan(new PlanRequest(new AnalysisRequest(new TrafficSource.FileSource(traffic),
                options, Duration.ofHours(2), 3), request, Optional.empty(), Optional.empty()),
                ProgressListener.NONE, Cancellation.NEVER);
        Path file = dir.resolve("plan.lowtide");

        plans.save(planned, file);
        PlanDocument reopened = plans.open(file);

        assertThat(reopened.importOptions()).isEqualTo(options);
        assertThat(Files.readString(file)).contains("\"series\"", "\"dateOrder\" : \"dmy\"", "\"kind\" : \"count\"");
    }
}
