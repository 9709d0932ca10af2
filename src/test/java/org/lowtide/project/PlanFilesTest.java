package org.lowtide.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.HoursOfDay;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;

class PlanFilesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private final PlanService plans = new PlanService(new AnalysisService());

    private PlanResult planOnFile() throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,requests\n");
        ZonedDateTime t = ZonedDateTime.of(2025, 10, 6, 0, 0, 0, 0, BERLIN);
        for (int i = 0; i < 3 * 168; i++, t = t.plusHours(1)) {
            csv.append(t.toOffsetDateTime()).append(',').append(t.getDayOfWeek() == DayOfWeek.SUNDAY
                    && t.getHour() == 5 ? 7 : 100 + t.getHour()).append('\n');
        }
        Path traffic = dir.resolve("traffic.csv");
        Files.writeString(traffic, csv, StandardCharsets.UTF_8);
        WindowRequest r = new WindowRequest(Duration.ofHours(1), Duration.ofMinutes(30), 2, LocalDate.of(2025, 12, 1),
                LocalDate.of(2025, 12, 31), Duration.ofDays(2),
                new Constraints(BERLIN, List.of(AllowedHours.parse("Sat,Sun 00:00-12:00")),
                        List.of(Blackout.parse("2025-12-20/2025-12-31=year-end freeze", BERLIN)), List.of(),
                        HolidayPolicy.BLACKOUT),
                Optional.of(WindowRequest.Habit.parse("Wed 15:00")));
        AnalysisRequest a = new AnalysisRequest(new TrafficSource.FileSource(traffic), ImportOptions.inZone(BERLIN),
                Duration.ofHours(1), 3);
        CostAssumptions cost = CostAssumptions.defaults().toBuilder().changeFailureRate(0.3)
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 2_000_000, true))
                .currency(java.util.Currency.getInstance("EUR")).nightHours(HoursOfDay.parse("23:00-06:00")).build();
        PlanRules rules = new PlanRules(Optional.of(new PlanRules.StaffCost(50, 2, java.time.LocalTime.of(22, 0),
                java.time.LocalTime.of(6, 0))), java.util.OptionalDouble.of(0.8), Optional.of(PlanRules.CountPeriod.MONTH));
        return plans.plan(new PlanRequest(a, r, Optional.of("DE"), Optional.of(cost), rules), ProgressListener.NONE,
                Cancellation.NEVER);
    }

    @Test
    void savedPlanReopensToTheSameRecommendation() throws Exception {
        PlanResult original = planOnFile();
        Path file = dir.resolve("plan.lowtide");

        plans.save(original, file);
        PlanDocument reopened = plans.open(file);
        PlanResult replanned = plans.replan(reopened, ProgressListener.NONE, Cancellation.NEVER);

        assertThat(reopened.plan().windows()).isEqualTo(original.plan().windows());
        assertThat(reopened.plan().recurring()).isEqualTo(original.plan().recurring());
        assertThat(reopened.plan().request()).isEqualTo(original.plan().request());
        assertThat(replanned.plan().windows()).isEqualTo(original.plan().windows());
        assertThat(reopened.sourceSha256()).isEqualTo(org.lowtide.traffic.Checksums.sha256(dir.resolve("traffic.csv")));
        assertThat(original.plan().request().constraints().holidays()).isNotEmpty(); // Christmas from Jollyday
        // The cost assumptions travel with the plan: the same money, the same seeded simulation.
        assertThat(reopened.cost()).isPresent();
        assertThat(reopened.cost().get().changeFailureRate().value()).isEqualTo(0.3);
        assertThat(reopened.cost().get().nightHours().value()).isEqualTo(HoursOfDay.parse("23:00-06:00"));
        assertThat(replanned.windowCosts()).isEqualTo(original.windowCosts());
        assertThat(original.plan().unit()).isEqualTo("EUR");
        assertThat(reopened.rules()).isEqualTo(original.request().rules());
        // The same traffic outlook (forecast or profile) again: the forecast is deterministic.
        assertThat(replanned.traffic()).isEqualTo(original.traffic());
    }

    @Test
    void theTrafficOutlookChoiceIsSavedAndOlderFilesReopenOnTheProfile() throws Exception {
        PlanResult original = planOnFile();
        PlanResult forecast = original.withRequest(new PlanRequest(original.request().analysis(),
                original.request().windows(), original.request().holidays(), original.request().cost(),
                original.request().rules().withOutlook(org.lowtide.planning.OutlookChoice.FORECAST)));
        Path file = dir.resolve("forecast.lowtide");
        plans.save(forecast, file);
        assertThat(Files.readString(file)).contains("\"trafficOutlook\" : \"forecast\"");
        assertThat(plans.open(file).rules().outlook()).isEqualTo(org.lowtide.planning.OutlookChoice.FORECAST);

        // A file written before the choice existed was planned on the weekly profile.
        Path old = dir.resolve("old.lowtide");
        Files.writeString(old, Files.readString(file).replace(",\n    \"trafficOutlook\" : \"forecast\"", ""));
        assertThat(Files.readString(old)).doesNotContain("trafficOutlook");
        assertThat(plans.open(old).rules().outlook()).isEqualTo(org.lowtide.planning.OutlookChoice.PROFILE);
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        PlanResult result = planOnFile();
        Path file = dir.resolve("plan.lowtide");
        plans.save(result, file);
        Files.writeString(file, Files.readString(file).replace("\"count\"", "\"count\" : 1, \"old\""));

        plans.save(result, file);

        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 1").doesNotContain("\"old\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plan.lowtide", "traffic.csv");
        }
    }

    @Test
    void damagedTooNewAndForeignFilesGetClearMessagesAndAreNotTouched() throws Exception {
        Path damaged = dir.resolve("damaged.lowtide");
        Files.writeString(damaged, "{\n  \"schemaVersion\": 1,\n  \"source\": [\n");
        assertThatThrownBy(() -> PlanFiles.load(damaged)).isInstanceOf(PlanFileException.class)
                .hasMessageStartingWith("damaged.lowtide: line ").hasMessageContaining("not a Lowtide plan file");
        assertThat(Files.readString(damaged)).isEqualTo("{\n  \"schemaVersion\": 1,\n  \"source\": [\n");

        Path future = dir.resolve("future.lowtide");
        Files.writeString(future, "{\"schemaVersion\": 99, \"writtenBy\": \"Lowtide 9.0\"}");
        assertThatThrownBy(() -> PlanFiles.load(future)).hasMessageContaining("written by a newer Lowtide (Lowtide 9.0, schema 99)");

        Path foreign = dir.resolve("foreign.json");
        Files.writeString(foreign, "[1, 2, 3]");
        assertThatThrownBy(() -> PlanFiles.load(foreign)).hasMessageContaining("expected a JSON object");

        Path incomplete = dir.resolve("incomplete.lowtide");
        Files.writeString(incomplete, "{\"schemaVersion\": 1, \"unknownField\": true}");
        assertThatThrownBy(() -> plans.open(incomplete)).hasMessageContaining("'source' is missing");
    }
}
