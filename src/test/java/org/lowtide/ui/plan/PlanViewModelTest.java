package org.lowtide.ui.plan;

import static org.lowtide.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.Plan;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.ImportOptions;
import org.testfx.api.FxToolkit;

/**
 * The Windows screen's state, driven without controls. Plans run on the calling thread (no pause
 * before planning), every call is made on the FX thread, and {@link org.lowtide.ui.FxThread#onFx} waits for the task's
 * handlers, so a call has planned and shown the outcome when it returns. The executor counts the
 * tasks it is given, so a test can tell that invalid inputs planned nothing.
 */
class PlanViewModelTest {

    private static final ZoneId BERLIN = Samples.SHOP.zone();
    /** "Now" is Tuesday 10 November 2026: the default horizon is 11 Nov – 8 Dec 2026. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-10T12:00:00Z"), ZoneId.of("UTC"));

    private final PlanService service = new PlanService(new AnalysisService());
    private final AtomicInteger tasks = new AtomicInteger();
    private final Executor counting = r -> {
        tasks.incrementAndGet();
        r.run();
    };
    private final PlanViewModel viewModel = new PlanViewModel(service, counting, CLOCK, Duration.ZERO);

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // starts the (headless) FX toolkit once per JVM
    }

    @Test
    void planningTheDefaultSampleGivesTheServicesWindows() throws Exception {
        PlanResult expected = service.plan(defaultRequest(List.of()), ProgressListener.NONE, Cancellation.NEVER);

        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));

        assertThat(tasks).hasValue(1);
        assertThat(viewModel.getErrorMessage()).isEmpty();
        assertThat(viewModel.inputs().isValid()).isTrue();
        assertThat(viewModel.getResult().plan().windows()).isEqualTo(expected.plan().windows()).hasSize(4);
        ChangeWindow first = expected.plan().windows().get(0);
        assertThat(viewModel.windowsProperty().get(0).window()).isEqualTo(first.window());
        assertThat(viewModel.windowsProperty().get(0).rank()).isEqualTo(1);
        assertThat(viewModel.windowsProperty().get(0).expected()).isEqualTo(first.expected());
        assertThat(viewModel.summaryProperty().get()).startsWith("Best: ")
                .contains(PlanFormats.local(first.window(), BERLIN));
        assertThat(viewModel.timelineChartProperty().get()).isNotNull();
        assertThat(viewModel.occurrencesProperty()).hasSize(expected.plan().recurring().orElseThrow().occurrences().size());
        assertThat(viewModel.recurringRuleProperty().get())
                .startsWith(ScheduleExports.describe(expected.plan().recurring().orElseThrow()));
        assertThat(viewModel.isBusy()).isFalse();
    }

    @Test
    void correctingAStaffHoursLinePlansAgainOnItsOwn() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        AllowedHoursRow[] row = new AllowedHoursRow[1];
        onFx(() -> row[0] = viewModel.inputs().addAllowedHours("weekdays early"));
        assertThat(row[0].errorProperty().get()).isNotEmpty();
        assertThat(viewModel.inputs().isValid()).isFalse();
        int before = tasks.get();

        onFx(() -> row[0].setText("Mon-Fri 01:00-06:00"));

        assertThat(row[0].errorProperty().get()).isEmpty();
        assertThat(viewModel.inputs().isValid()).isTrue();
        assertThat(tasks.get()).isGreaterThan(before);
        assertThat(viewModel.getResult().plan().request().constraints().allowed())
                .containsExactly(org.lowtide.planning.AllowedHours.parse("Mon-Fri 01:00-06:00"));
    }

    @Test
    void theSameInputsAreNotPlannedTwiceButPlanNowForcesIt() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        PlanResult shown = viewModel.getResult();

        onFx(() -> {
            viewModel.inputs().windowLengthProperty().set("3 h");
            viewModel.inputs().windowLengthProperty().set("2 h"); // back to what is shown... but 3 h was planned meanwhile
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)); // the main window re-analysed: same
        });
        assertThat(tasks).hasValue(3);
        assertThat(viewModel.getResult().plan().windows()).isEqualTo(shown.plan().windows());

        onFx(() -> viewModel.inputs().countProperty().set(4)); // unchanged value
        assertThat(tasks).hasValue(3);

        onFx(viewModel::plan);
        assertThat(tasks).hasValue(4);
    }

    /**
     * Issue 20: a window-length edit re-ranks on the analysis shown (no second import or
     * decomposition) and shows what a fresh plan of that length gives ({@code lowtide plan --window}).
     */
    @Test
    void aWindowLengthEditIsRankedOnTheAnalysisShownAndIsTheFreshPlan() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        PlanResult before = viewModel.getResult();

        onFx(() -> viewModel.inputs().windowLengthProperty().set("3 h"));

        PlanResult after = viewModel.getResult();
        assertThat(after.request().analysis().window()).isEqualTo(Duration.ofHours(3));
        assertThat(after.analysis().imported()).as("planned on the analysis shown").isSameAs(before.analysis().imported());
        PlanResult fresh = service.plan(after.request(), ProgressListener.NONE, Cancellation.NEVER);
        assertThat(after.plan().windows()).isNotEmpty().isEqualTo(fresh.plan().windows())
                .isNotEqualTo(before.plan().windows());
        assertThat(after.plan().recurring()).isEqualTo(fresh.plan().recurring());
        assertThat(after.analysis().troughs()).isEqualTo(fresh.analysis().troughs());
        assertThat(viewModel.windowsProperty().get(0).window()).isEqualTo(fresh.plan().windows().get(0).window());
    }

    /**
     * Issue 20: the first edit after a still moment plans at once; edits within the pause that
     * follows wait for it to end (a pause of an hour here, so it never ends during the test).
     */
    @Test
    void theFirstEditPlansAtOnceAndTheNextOnesWaitForThePause() throws Exception {
        PlanViewModel paused = new PlanViewModel(service, counting, CLOCK, Duration.ofHours(1));
        onFx(() -> paused.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        assertThat(paused.getResult()).isNotNull();
        onFx(paused::cancel); // the pause after the traffic came: a still moment from here
        int before = tasks.get();

        onFx(() -> paused.inputs().countProperty().set(3));
        assertThat(tasks.get()).isEqualTo(before + 1);
        assertThat(paused.getResult().plan().windows()).hasSize(3);

        onFx(() -> paused.inputs().countProperty().set(2));
        assertThat(tasks.get()).as("changed within the pause: waits for it").isEqualTo(before + 1);
        assertThat(paused.getResult().plan().windows()).hasSize(3);
        onFx(paused::cancel);
    }

    @Test
    void invalidInputsShowTheirMessageAndPlanNothing() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        PlanResult shown = viewModel.getResult();
        int planned = tasks.get();

        AllowedHoursRow hours = onFx(() -> viewModel.inputs().addAllowedHours("Mon-Fry 01:00-06:00"));
        assertThat(hours.getError()).contains("Fry").endsWith(".");
        assertThat(viewModel.inputs().isValid()).isFalse();
        assertThat(viewModel.inputs().inputProblemProperty().get()).startsWith("1 input needs fixing");

        BlackoutRow freeze = onFx(() -> viewModel.inputs().addBlackout("2026-11-30", "2026-11-20", "freeze"));
        assertThat(freeze.getError()).contains("ends before it starts");

        onFx(() -> viewModel.inputs().holidaysProperty().set("XX"));
        assertThat(viewModel.inputs().holidaysErrorProperty().get()).contains("No holiday calendar for 'XX'");

        onFx(() -> viewModel.inputs().habitProperty().set("Tuesday"));
        assertThat(viewModel.inputs().habitErrorProperty().get()).contains("\"Tue 14:00\"");

        onFx(() -> viewModel.inputs().windowLengthProperty().set("two hours"));
        assertThat(viewModel.inputs().windowLengthErrorProperty().get()).contains("two hours");

        onFx(() -> viewModel.inputs().toProperty().set(LocalDate.of(2026, 11, 1)));
        assertThat(viewModel.inputs().horizonErrorProperty().get()).contains("ends (2026-11-01) before it starts");
        assertThat(viewModel.inputs().inputProblemProperty().get()).startsWith("6 inputs need fixing");

        assertThat(tasks).as("nothing planned while an input is invalid").hasValue(planned);
        assertThat(viewModel.getResult()).as("the last plan stays").isSameAs(shown);
        assertThat(viewModel.getErrorMessage()).isEmpty();

        onFx(() -> {
            hours.setText("Mon-Fri 01:00-06:00");
            freeze.endProperty().set("2026-12-02");
            viewModel.inputs().holidaysProperty().set("DE");
            viewModel.inputs().habitProperty().set("Tue 14:00");
            viewModel.inputs().windowLengthProperty().set("2h");
            viewModel.inputs().toProperty().set(LocalDate.of(2026, 12, 8));
        });
        assertThat(viewModel.inputs().isValid()).isTrue();
        assertThat(viewModel.inputs().inputProblemProperty().get()).isEmpty();
        assertThat(tasks).as("planned once the last input was fixed").hasValue(planned + 1);
        assertThat(viewModel.getResult().plan().request().constraints().allowed()).hasSize(1);
    }

    @Test
    void withTheCostScreensAssumptionsThePlanIsInMoneyAsInTheCli() throws Exception {
        // A revenue of the user's: on the placeholder revenue the plan ranks by traffic (next test).
        CostAssumptions cost = CostAssumptions.defaults().toBuilder().changeFailureRate(0.25)
                .revenue(new org.lowtide.cost.RevenueBasis.Amount(org.lowtide.cost.RevenueBasis.Period.YEAR,
                        20_000_000, true))
                .currency(java.util.Currency.getInstance("EUR")).build();
        PlanRequest traffic = defaultRequest(List.of());
        PlanResult expected = service.plan(new PlanRequest(traffic.analysis(), traffic.windows(), Optional.empty(),
                Optional.of(cost)), ProgressListener.NONE, Cancellation.NEVER);

        onFx(() -> {
            viewModel.costAssumptionsProperty().set(cost);
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN));
        });

        assertThat(viewModel.getResult().plan().unit()).isEqualTo("EUR");
        assertThat(viewModel.getResult().plan().windows()).isEqualTo(expected.plan().windows());
        assertThat(viewModel.getResult().windowCosts()).isEqualTo(expected.windowCosts());
    }

    @Test
    void onThePlaceholderRevenueThePlanRanksByTrafficAsTheRecommendation() throws Exception {
        CostAssumptions placeholder = CostAssumptions.defaults();
        PlanRequest traffic = defaultRequest(List.of());
        PlanResult byTraffic = service.plan(traffic, ProgressListener.NONE, Cancellation.NEVER);

        onFx(() -> {
            viewModel.costAssumptionsProperty().set(placeholder);
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN));
        });

        assertThat(viewModel.getResult().cost()).as("no money headlined on a placeholder").isEmpty();
        assertThat(viewModel.getResult().plan().windows()).isEqualTo(byTraffic.plan().windows());
    }

    @Test
    void aBlackoutMovesTheFirstWindow() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        Interval before = viewModel.windowsProperty().get(0).window();
        LocalDate day = before.start().atZone(BERLIN).toLocalDate();

        onFx(() -> viewModel.inputs().addBlackout(day.toString(), day.toString(), "release freeze"));

        Blackout freeze = Blackout.parse(day + "/" + day + "=release freeze", BERLIN);
        PlanResult expected = service.plan(defaultRequest(List.of(freeze)), ProgressListener.NONE, Cancellation.NEVER);
        Interval after = viewModel.windowsProperty().get(0).window();
        assertThat(after).isNotEqualTo(before).isEqualTo(expected.plan().windows().get(0).window());
        assertThat(viewModel.getResult().plan().windows())
                .noneMatch(w -> w.window().overlaps(freeze.interval()) || new Interval(w.window().start(), w.tailEnd())
                        .overlaps(freeze.interval()));
        assertThat(viewModel.rejectionsProperty()).extracting(PlanRows.RejectionRow::reason)
                .contains("blackout: release freeze");
        assertThat(viewModel.getResult().plan().request().constraints().blackouts()).containsExactly(freeze);
    }

    @Test
    void savingAndOpeningRestoresTheInputsAndTheWindows() throws Exception {
        onFx(() -> {
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN));
            viewModel.inputs().windowLengthProperty().set("1 h");
            viewModel.inputs().rollbackTailProperty().set("30 min");
            viewModel.inputs().countProperty().set(3);
            viewModel.inputs().minGapProperty().set("2 d");
            viewModel.inputs().fromProperty().set(LocalDate.of(2026, 12, 1));
            viewModel.inputs().toProperty().set(LocalDate.of(2026, 12, 31));
            viewModel.inputs().addAllowedHours("Mon-Fri 01:00-06:00");
            viewModel.inputs().addAllowedHours("Sat 02:00-08:00");
            viewModel.inputs().addBlackout("2026-12-18T18:00", "2026-12-21T06:00", "year-end freeze");
            viewModel.inputs().holidaysProperty().set("DE");
            viewModel.inputs().holidayPolicyProperty().set(HolidayPolicy.BLACKOUT);
            viewModel.inputs().habitProperty().set("Tue 14:00");
        });
        PlanResult saved = viewModel.getResult();
        assertThat(viewModel.getErrorMessage()).isEmpty();
        assertThat(saved.plan().request().constraints().holidays()).as("Christmas from Jollyday").isNotEmpty();
        Path file = dir.resolve("shop.lowtide");

        onFx(() -> viewModel.savePlan(file));

        assertThat(viewModel.getErrorMessage()).isEmpty();
        assertThat(file).exists();
        Path copy = dir.resolve(Samples.SHOP.fileName());
        assertThat(copy).as("a plan on a sample is saved with a copy of the sample").exists();
        assertThat(viewModel.getStatusMessage()).contains("Saved the plan", "copy of the sample");

        PlanViewModel reopened = new PlanViewModel(service, counting, CLOCK, Duration.ZERO);
        AtomicReference<TrafficSource> told = new AtomicReference<>();
        AtomicReference<ImportOptions> toldOptions = new AtomicReference<>();
        reopened.setOnPlanOpened((source, options) -> {
            told.set(source);
            toldOptions.set(options);
        });
        onFx(() -> reopened.openPlan(file));

        assertThat(reopened.getErrorMessage()).isEmpty();
        assertThat(reopened.inputs().windowLengthProperty().get()).isEqualTo("1 h");
        assertThat(reopened.inputs().rollbackTailProperty().get()).isEqualTo("30 min");
        assertThat(reopened.inputs().countProperty().get()).isEqualTo(3);
        assertThat(reopened.inputs().minGapProperty().get()).isEqualTo("2 d");
        assertThat(reopened.inputs().fromProperty().get()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(reopened.inputs().toProperty().get()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(reopened.inputs().getAllowedHours()).extracting(AllowedHoursRow::getText)
                .containsExactly("Mon-Fri 01:00-06:00", "Sat 02:00-08:00");
        assertThat(reopened.inputs().getBlackouts()).hasSize(1);
        BlackoutRow freeze = reopened.inputs().getBlackouts().get(0);
        assertThat(List.of(freeze.startProperty().get(), freeze.endProperty().get(), freeze.reasonProperty().get()))
                .containsExactly("2026-12-18T18:00", "2026-12-21T06:00", "year-end freeze");
        assertThat(reopened.inputs().holidaysProperty().get()).isEqualTo("DE");
        assertThat(reopened.inputs().habitProperty().get()).isEqualTo("Tue 14:00");
        assertThat(reopened.getZone()).isEqualTo(BERLIN);
        assertThat(reopened.inputs().isValid()).isTrue();

        Plan plan = reopened.getResult().plan();
        assertThat(plan.windows()).isEqualTo(saved.plan().windows());
        assertThat(plan.recurring()).isEqualTo(saved.plan().recurring());
        assertThat(reopened.noteProperty().get()).isEmpty();
        assertThat(reopened.planFileProperty().get()).isEqualTo(file);
        assertThat(told.get()).isEqualTo(new TrafficSource.FileSource(copy));
        assertThat(toldOptions.get().zone()).isEqualTo(BERLIN);

        int before = tasks.get();
        onFx(() -> reopened.setTraffic(told.get(), toldOptions.get())); // the main window shows the same traffic
        assertThat(tasks).as("the opened plan is not planned again").hasValue(before);

        // Saving the reopened plan again keeps the holiday calendar's name.
        Path again = dir.resolve("again.lowtide");
        onFx(() -> reopened.savePlan(again));
        assertThat(service.open(again).holidays()).contains("DE");
    }

    @Test
    void aDamagedOrNewerPlanFileSaysWhyAndKeepsWhatWasShown() throws Exception {
        onFx(() -> {
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN));
            viewModel.inputs().habitProperty().set("Tue 14:00");
        });
        PlanResult shown = viewModel.getResult();
        Path damaged = dir.resolve("damaged.lowtide");
        Files.writeString(damaged, "{\n  \"schemaVersion\": 1,\n  \"plan\": [oops\n", StandardCharsets.UTF_8);
        List<Boolean> failed = new java.util.ArrayList<>();

        onFx(() -> viewModel.openPlan(damaged, () -> failed.add(true)));

        assertThat(viewModel.getErrorMessage()).startsWith("damaged.lowtide: line 3")
                .contains("not a Lowtide plan file");
        assertThat(failed).containsExactly(true);
        assertThat(viewModel.getResult()).isSameAs(shown);
        assertThat(viewModel.inputs().habitProperty().get()).isEqualTo("Tue 14:00");
        assertThat(viewModel.sourceProperty().get()).isEqualTo(Samples.SHOP);
        assertThat(viewModel.isBusy()).isFalse();
        assertThat(damaged).content(StandardCharsets.UTF_8).contains("[oops"); // never rewritten

        Path newer = dir.resolve("newer.lowtide");
        Files.writeString(newer, "{\"schemaVersion\": 99, \"writtenBy\": \"Lowtide 9.0\"}", StandardCharsets.UTF_8);
        onFx(() -> viewModel.openPlan(newer));
        assertThat(viewModel.getErrorMessage()).contains("newer.lowtide", "newer Lowtide");
        assertThat(viewModel.getResult()).isSameAs(shown);

        onFx(() -> viewModel.openPlan(dir.resolve("missing.lowtide")));
        assertThat(viewModel.getErrorMessage()).isEqualTo("missing.lowtide: file not found");
    }

    @Test
    void exportsWriteWholeFilesAndSnippetsComeFromTheWeeklyRule() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        Path ics = dir.resolve("windows.ics");
        Path csv = dir.resolve("out/windows.csv");

        assertThat(onFx(() -> viewModel.exportIcs(ics))).isTrue();
        assertThat(onFx(() -> viewModel.exportCsv(csv))).isTrue();

        Plan plan = viewModel.getResult().plan();
        // DTSTAMP is the time of writing; everything else must be the same.
        assertThat(withoutStamps(Files.readString(ics))).isEqualTo(withoutStamps(ScheduleExports.ics(plan)));
        assertThat(csv).content(StandardCharsets.UTF_8).isEqualTo(ScheduleExports.csv(plan));
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
        assertThat(viewModel.snippet(ScheduleExports.Target.AWS)).contains(
                ScheduleExports.snippet(ScheduleExports.Target.AWS, plan.recurring().orElseThrow()));
        assertThat(viewModel.snippet(ScheduleExports.Target.KURED).orElseThrow()).contains("--time-zone=Europe/Berlin");
    }

    @Test
    void exportsRunOnTheExecutorAndAFailedOneSaysWhy() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        int before = tasks.get();
        Path blocked = Files.createDirectories(dir.resolve("taken.ics")); // a folder where the file should go

        assertThat(onFx(() -> viewModel.exportIcs(blocked))).isTrue();

        assertThat(tasks.get()).as("the file is written off the FX thread").isEqualTo(before + 1);
        assertThat(viewModel.getErrorMessage()).startsWith("Could not write taken.ics: ");
        assertThat(Files.isDirectory(blocked)).isTrue();
    }

    @Test
    void theTrafficFollowsTheMainWindowsZone() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(tokyo)));

        assertThat(viewModel.getResult().plan().request().constraints().zone()).isEqualTo(tokyo);
        assertThat(viewModel.getResult().request().analysis().options().zone()).isEqualTo(tokyo);
    }

    @Test
    void perWeekPlansOneWindowInEachWeekAsTheService() throws Exception {
        PlanRules perWeek = new PlanRules(Optional.empty(), OptionalDouble.empty(),
                Optional.of(PlanRules.CountPeriod.WEEK));
        PlanRequest plain = defaultRequest(List.of());
        WindowRequest d = plain.windows();
        WindowRequest one = new WindowRequest(d.duration(), d.rollbackTail(), 1, d.from(), d.to(), d.minGap(),
                d.constraints(), d.habit());
        PlanResult expected = service.plan(new PlanRequest(plain.analysis(), one, plain.holidays(), plain.cost(),
                perWeek), ProgressListener.NONE, Cancellation.NEVER);

        onFx(() -> {
            viewModel.inputs().countProperty().set(1);
            viewModel.inputs().countPerProperty().set(PlanRules.CountPeriod.WEEK);
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN));
        });

        assertThat(viewModel.getErrorMessage()).isEmpty();
        assertThat(viewModel.getResult().request().rules()).isEqualTo(perWeek);
        List<ChangeWindow> windows = viewModel.getResult().plan().windows();
        // The default horizon, Wed 11 Nov – Tue 8 Dec 2026, touches five ISO weeks (46 to 50): one window in each.
        assertThat(windows).isEqualTo(expected.plan().windows()).hasSize(5);
        assertThat(windows).extracting(w -> {
            LocalDate day = w.window().start().atZone(BERLIN).toLocalDate();
            return day.get(IsoFields.WEEK_BASED_YEAR) * 100 + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }).doesNotHaveDuplicates();
    }

    @Test
    void invalidRulesShowTheirMessageAndPlanNothing() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        PlanResult shown = viewModel.getResult();
        int planned = tasks.get();

        onFx(() -> viewModel.inputs().staffCostProperty().set("-10"));
        assertThat(viewModel.inputs().staffCostErrorProperty().get()).contains("at least 0");
        assertThat(viewModel.inputs().isValid()).isFalse();

        onFx(() -> viewModel.inputs().nightPremiumProperty().set("0.5"));
        assertThat(viewModel.inputs().nightPremiumErrorProperty().get()).contains("at least 1");

        onFx(() -> viewModel.inputs().maxP90ShareProperty().set("150"));
        assertThat(viewModel.inputs().maxP90ShareErrorProperty().get()).contains("1 to 100");

        onFx(() -> viewModel.inputs().teamZoneProperty().set("Mars/Base"));
        assertThat(viewModel.inputs().teamZoneErrorProperty().get()).contains("Mars/Base");
        assertThat(viewModel.inputs().inputProblemProperty().get()).startsWith("4 inputs need fixing");

        onFx(() -> {
            viewModel.inputs().staffCostProperty().set("");
            viewModel.inputs().nightPremiumProperty().set("1.5");
        });
        assertThat(viewModel.inputs().staffCostErrorProperty().get()).isEmpty();
        assertThat(viewModel.inputs().nightPremiumErrorProperty().get()).contains("give both");

        onFx(viewModel::plan);
        assertThat(tasks).as("nothing planned while inputs are invalid").hasValue(planned);
        assertThat(viewModel.getResult()).isSameAs(shown);
    }

    @Test
    void savingAndOpeningRestoresTheRulesAndTheTeamZone() throws Exception {
        onFx(() -> {
            viewModel.costAssumptionsProperty().set(CostAssumptions.defaults());
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN));
            viewModel.inputs().staffCostProperty().set("120");
            viewModel.inputs().nightPremiumProperty().set("1.5");
            viewModel.inputs().maxP90ShareProperty().set("40");
            viewModel.inputs().countPerProperty().set(PlanRules.CountPeriod.MONTH);
            viewModel.inputs().teamZoneProperty().set("America/New_York");
            viewModel.inputs().trafficOutlookProperty().set(OutlookChoice.FORECAST);
        });
        assertThat(viewModel.getErrorMessage()).isEmpty();
        PlanResult saved = viewModel.getResult();
        PlanRules rules = saved.request().rules();
        assertThat(rules.staffCost()).hasValueSatisfying(c -> {
            assertThat(c.perHour()).isEqualTo(120);
            assertThat(c.nightPremium()).isEqualTo(1.5);
            assertThat(c.nightFrom()).isEqualTo(CostAssumptions.defaults().nightHours().value().from());
        });
        assertThat(rules.maxP90Share()).hasValue(0.4);
        assertThat(rules.per()).contains(PlanRules.CountPeriod.MONTH);
        assertThat(rules.outlook()).isEqualTo(OutlookChoice.FORECAST);
        assertThat(saved.request().windows().constraints().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(saved.request().analysis().options().zone()).isEqualTo(BERLIN);
        Path file = dir.resolve("rules.lowtide");
        onFx(() -> viewModel.savePlan(file));
        assertThat(viewModel.getErrorMessage()).isEmpty();

        PlanViewModel reopened = new PlanViewModel(service, counting, CLOCK, Duration.ZERO);
        onFx(() -> reopened.openPlan(file));

        assertThat(reopened.getErrorMessage()).isEmpty();
        assertThat(reopened.inputs().staffCostProperty().get()).isEqualTo("120");
        assertThat(reopened.inputs().nightPremiumProperty().get()).isEqualTo("1.5");
        assertThat(reopened.inputs().maxP90ShareProperty().get()).isEqualTo("40");
        assertThat(reopened.inputs().countPerProperty().get()).isEqualTo(PlanRules.CountPeriod.MONTH);
        assertThat(reopened.inputs().teamZoneProperty().get()).isEqualTo("America/New_York");
        assertThat(reopened.inputs().trafficOutlookProperty().get()).isEqualTo(OutlookChoice.FORECAST);
        assertThat(reopened.getZone()).isEqualTo(BERLIN);
        assertThat(reopened.getResult().plan().windows()).isEqualTo(saved.plan().windows());
    }

    @Test
    void theForecastRanksWhereItReachesAndTheScreenSaysSo() throws Exception {
        // The shop sample ends with 2025; a horizon in January 2026 lies within the forecast's reach.
        onFx(() -> {
            viewModel.inputs().fromProperty().set(LocalDate.of(2026, 1, 5));
            viewModel.inputs().toProperty().set(LocalDate.of(2026, 2, 1));
            viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN));
        });
        assertThat(viewModel.getErrorMessage()).isEmpty();
        PlanResult shown = viewModel.getResult();
        assertThat(shown.request().rules().outlook()).isEqualTo(OutlookChoice.AUTO);
        assertThat(shown.traffic().usesForecast()).isTrue();
        assertThat(viewModel.outlookNoteProperty().get()).startsWith("Ranked on the forecast (backtest MASE")
                .endsWith(".");
        org.jfree.chart.plot.XYPlot plot = viewModel.timelineChartProperty().get().getXYPlot();
        assertThat(plot.getFixedLegendItems().get(0).getLabel()).isEqualTo("expected traffic (forecast)");
        assertThat(plot.getDataset(2).getItemCount(0)).as("the p90 line").isPositive();

        // The typical week instead, on the same inputs: the note says so, the plan is planned again.
        onFx(() -> viewModel.inputs().trafficOutlookProperty().set(OutlookChoice.PROFILE));
        assertThat(viewModel.getResult().traffic().usesForecast()).isFalse();
        assertThat(viewModel.outlookNoteProperty().get())
                .isEqualTo("Ranked on the weekly profile (median of past weeks), as asked.");
        assertThat(viewModel.timelineChartProperty().get().getXYPlot().getFixedLegendItems().get(0).getLabel())
                .isEqualTo("expected traffic (typical week)");
    }

    @Test
    void namedChangesEachGetAWindowOfTheirOwnLengthAsTheService() throws Exception {
        PlanRules.Change migration = new PlanRules.Change("Migration", Duration.ofHours(4));
        PlanRules.Change patch = new PlanRules.Change("Patch", Duration.ofHours(1));
        PlanRules rules = PlanRules.NONE.withChanges(List.of(migration, patch));
        PlanRequest plain = defaultRequest(List.of());
        PlanResult expected = service.plan(new PlanRequest(plain.analysis(), plain.windows(), plain.holidays(),
                plain.cost(), rules), ProgressListener.NONE, Cancellation.NEVER);

        onFx(() -> {
            viewModel.inputs().addChange("Migration", "4 h");
            viewModel.inputs().addChange("Patch", "1 h");
        });
        assertThat(viewModel.inputs().changesListedProperty().get()).isTrue();
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));

        assertThat(viewModel.getErrorMessage()).isEmpty();
        assertThat(viewModel.getResult().request().rules()).isEqualTo(rules);
        List<ChangeWindow> windows = viewModel.getResult().plan().windows();
        assertThat(windows).isEqualTo(expected.plan().windows()).hasSize(2);
        assertThat(windows).extracting(w -> w.change().orElse("")).containsExactly("Migration", "Patch");
        assertThat(windows).extracting(w -> w.window().duration())
                .containsExactly(Duration.ofHours(4), Duration.ofHours(1));
        assertThat(viewModel.windowsProperty()).extracting(PlanRows.WindowRow::change)
                .containsExactly("Migration", "Patch");
    }

    @Test
    void aChangeWithoutANameOrALengthShowsItsMessageAndPlansNothing() throws Exception {
        onFx(() -> viewModel.setTraffic(Samples.SHOP, ImportOptions.inZone(BERLIN)));
        PlanResult shown = viewModel.getResult();
        int planned = tasks.get();

        ChangeRow blank = onFx(() -> viewModel.inputs().addChange("", ""));
        assertThat(blank.getError()).as("a blank row means nothing").isEmpty();
        assertThat(viewModel.inputs().isValid()).isTrue();

        ChangeRow nameless = onFx(() -> viewModel.inputs().addChange("", "4 h"));
        assertThat(nameless.getError()).contains("name").endsWith(".");
        assertThat(viewModel.inputs().isValid()).isFalse();
        assertThat(viewModel.inputs().inputProblemProperty().get()).startsWith("1 input needs fixing");

        ChangeRow vague = onFx(() -> viewModel.inputs().addChange("Migration", "four hours"));
        assertThat(vague.getError()).contains("four hours").endsWith(".");
        assertThat(viewModel.inputs().inputProblemProperty().get()).startsWith("2 inputs need fixing");

        onFx(viewModel::plan);
        assertThat(tasks).as("nothing planned while a change is invalid").hasValue(planned);
        assertThat(viewModel.getResult()).isSameAs(shown);

        onFx(() -> {
            viewModel.inputs().getChanges().remove(nameless);
            vague.lengthProperty().set("4 h");
        });
        assertThat(vague.getError()).isEmpty();
        assertThat(tasks).hasValue(planned + 1);
        assertThat(viewModel.getResult().plan().windows()).extracting(w -> w.change().orElse(""))
                .containsExactly("Migration");
    }

    @Test
    void staffHoursReadAsPeopleWriteThem() {
        assertThat(PlanForm.allowedText(org.lowtide.planning.AllowedHours.parse("Mon-Fri 01:00-06:00")))
                .isEqualTo("Mon-Fri 01:00-06:00");
        assertThat(PlanForm.allowedText(org.lowtide.planning.AllowedHours.parse("Sat,Sun 22:00-02:00")))
                .isEqualTo("Sat,Sun 22:00-02:00");
        assertThat(PlanForm.allowedText(org.lowtide.planning.AllowedHours.parse("Mon,Wed-Fri,Sun 00:00-24:00")))
                .isEqualTo("Mon,Wed-Fri,Sun 00:00-24:00");
    }

    /**
     * The CLI's defaults: 2 h windows, a tail of detect + restore p90 (5 min + 2 h), 4 windows, 1 day
     * apart, four weeks from tomorrow, any time; ranked by traffic (no cost model given here).
     */
    private static PlanRequest defaultRequest(List<Blackout> blackouts) {
        LocalDate tomorrow = LocalDate.of(2026, 11, 11);
        WindowRequest windows = new WindowRequest(Duration.ofHours(2), Duration.ofMinutes(125), 4, tomorrow,
                tomorrow.plusWeeks(4).minusDays(1), Duration.ofDays(1),
                new Constraints(BERLIN, List.of(), blackouts, List.of(), HolidayPolicy.BLACKOUT), Optional.empty());
        return new PlanRequest(new AnalysisRequest(Samples.SHOP, ImportOptions.inZone(BERLIN), Duration.ofHours(2),
                AnalysisRequest.DEFAULT_TROUGHS), windows, Optional.empty());
    }

    private static String withoutStamps(String ics) {
        return ics.replaceAll("(?m)^DTSTAMP:.*\\R", "");
    }



    /**
     * Issue #12: "tomorrow" is the plan's, never this computer's. At 23:30 UTC on Tuesday it is
     * already Wednesday 05:00 in Kolkata: the Windows tab, like the recommendation (and the CLI's
     * {@code LocalDate.now(zone)}), starts the horizon on Thursday; the computer's zone would say Wednesday.
     */
    @Test
    void tomorrowIsThePlansNotTheComputersAroundMidnight() throws Exception {
        Clock nearMidnight = Clock.fixed(Instant.parse("2026-11-10T23:30:00Z"), ZoneId.of("UTC"));
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        PlanViewModel late = new PlanViewModel(service, counting, nearMidnight, Duration.ofHours(1));
        assertThat(late.inputs().fromProperty().get()).as("before any traffic: this computer's zone")
                .isEqualTo(java.time.LocalDate.of(2026, 11, 11));
        onFx(() -> late.setTraffic(Samples.SHOP, ImportOptions.inZone(kolkata)));
        java.time.LocalDate expected = new org.lowtide.service.RecommendationService(service, nearMidnight)
                .defaultWindows(Duration.ofHours(2), org.lowtide.cost.CostAssumptions.defaults(), kolkata).from();
        assertThat(expected).isEqualTo(java.time.LocalDate.of(2026, 11, 12));
        assertThat(late.inputs().fromProperty().get()).isEqualTo(expected);
        assertThat(late.inputs().toProperty().get()).isEqualTo(expected.plusWeeks(4).minusDays(1));
        // A team zone moves it back a day (Honolulu is still Tuesday); a date the user typed is kept.
        onFx(() -> late.inputs().teamZoneProperty().set("Pacific/Honolulu"));
        assertThat(late.inputs().fromProperty().get()).isEqualTo(java.time.LocalDate.of(2026, 11, 11));
        onFx(() -> late.inputs().fromProperty().set(java.time.LocalDate.of(2026, 12, 1)));
        onFx(() -> late.inputs().teamZoneProperty().set(""));
        assertThat(late.inputs().fromProperty().get()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
    }
}
