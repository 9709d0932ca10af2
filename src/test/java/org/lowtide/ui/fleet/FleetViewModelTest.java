package org.lowtide.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowtide.fleet.Candidate;
import org.lowtide.fleet.FleetData;
import org.lowtide.fleet.FleetChecker;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.FleetOutputs;
import org.lowtide.service.FleetRequest;
import org.lowtide.service.FleetResult;
import org.lowtide.service.FleetService;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.RecommendationService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.common.BackgroundJob;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Fleet screen's model on small generated fleets: the table is the fleet service's plan, a
 * broken file fails one service only, cancel stops the planning, a selected service opens with
 * the fleet's reading of its file, and the calendar is the CLI's.
 */
class FleetViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static FleetService service() {
        PlanService plans = new PlanService(new AnalysisService());
        return new FleetService(plans, new RecommendationService(plans, CLOCK));
    }

    private FleetViewModel viewModel(java.util.concurrent.Executor executor) throws Exception {
        return onFx(() -> {
            FleetViewModel vm = new FleetViewModel(service(), executor);
            vm.zoneProperty().set(ZoneId.of("UTC")); // FleetCalendar.ics fails on the offset id "Z"
            return vm;
        });
    }

    private Path folderOf(int services) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("fleet" + services));
        for (int i = 0; i < services; i++) {
            FleetData.write(folder.resolve("svc" + i + ".csv"), 7 * i + 1, Duration.ofHours(1), 5);
        }
        return folder;
    }

    @Test
    void aFolderWithOneBrokenFileListsOneFailedServiceAndPlansTheRest() throws Exception {
        Path folder = folderOf(3);
        Files.writeString(folder.resolve("broken.csv"), "timestamp,requests\n2026-01-01T00:00:00Z,12\nnot a time,x\n");
        FleetViewModel vm = viewModel(BackgroundJob.synchronous());
        onFx(() -> vm.open(folder));

        assertThat(vm.errorProperty().get()).isEmpty();
        List<FleetViewModel.ServiceRow> rows = onFx(() -> List.copyOf(vm.rows()));
        assertThat(rows).extracting(FleetViewModel.ServiceRow::service)
                .containsExactlyInAnyOrder("broken", "svc0", "svc1", "svc2");
        FleetViewModel.ServiceRow broken = rows.stream().filter(r -> r.service().equals("broken")).findFirst()
                .orElseThrow();
        assertThat(broken.failed()).isTrue();
        assertThat(broken.status()).isEqualTo("failed");
        assertThat(broken.reasons()).startsWith("broken.csv").doesNotContain("Exception");
        assertThat(broken.next()).isEmpty();

        // The rows are the fleet service's plan of the same fleet, planned here independently.
        FleetService fleets = service();
        FleetResult expected = fleets.plan(new FleetRequest(fleets.read(folder, ZoneId.of("UTC")),
                ImportOptions.inZone(ZoneId.of("UTC")), Optional.of(org.lowtide.cost.CostAssumptions.defaults()),
                Optional.empty(), FleetRequest.DEFAULT_CANDIDATES, 2), ProgressListener.NONE, Cancellation.NEVER);
        FleetResult shown = vm.resultProperty().get();
        assertThat(FleetChecker.violations(shown.problem(), shown.solution())).isEmpty();
        for (int i = 0; i < 3; i++) {
            String name = "svc" + i;
            FleetViewModel.ServiceRow row = rows.stream().filter(r -> r.service().equals(name)).findFirst().orElseThrow();
            assertThat(row.status()).isEqualTo("planned");
            assertThat(row.failed()).isFalse();
            List<Candidate> chosen = vm.chosen(name);
            assertThat(chosen).hasSize(1);
            assertThat(chosen.get(0).start()).isEqualTo(expected.chosen(name).get(0).start());
            String hm = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(chosen.get(0).start()
                    .atZone(ZoneOffset.UTC));
            assertThat(row.next()).contains(chosen.get(0).start().atZone(ZoneOffset.UTC).toLocalDate().toString())
                    .contains(hm);
            assertThat(row.weekly()).isEqualTo(FleetOutputs.rows(expected).stream()
                    .filter(r -> r.service().equals(name)).findFirst().orElseThrow().weekly()).isNotEmpty();
            assertThat(row.atStake()).isNotEmpty();
            assertThat(row.gap()).isNotEmpty();
        }
        // The timeline has one row per service, failed ones marked, in the fleet's order.
        XYPlot plot = (XYPlot) vm.timelineChartProperty().get().getPlot();
        SymbolAxis axis = (SymbolAxis) plot.getRangeAxis();
        assertThat(axis.getSymbols()).hasSize(4).contains("broken (failed)", "svc0", "svc1", "svc2");
        int bars = plot.getDataset().getItemCount(0);
        assertThat(bars).isEqualTo(3);
        assertThat(vm.summaryProperty().get()).contains("4 services, 1 failed");
    }

    @Test
    void rankedOnTheTypicalWeekTheFleetIsTheProfilePlanAndSaysSo() throws Exception {
        Path folder = folderOf(2);
        FleetViewModel vm = viewModel(BackgroundJob.synchronous());
        assertThat(vm.outlookProperty().get()).isEqualTo(org.lowtide.planning.OutlookChoice.AUTO);
        onFx(() -> vm.outlookProperty().set(org.lowtide.planning.OutlookChoice.PROFILE));
        onFx(() -> vm.open(folder));

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.plannedRequest().outlook()).isEqualTo(org.lowtide.planning.OutlookChoice.PROFILE);
        assertThat(vm.summaryProperty().get()).endsWith("Ranked on the typical week (profile), not on a forecast.");
        FleetService fleets = service();
        FleetResult expected = fleets.plan(new FleetRequest(fleets.read(folder, ZoneId.of("UTC")),
                ImportOptions.inZone(ZoneId.of("UTC")), Optional.of(org.lowtide.cost.CostAssumptions.defaults()),
                Optional.empty(), FleetRequest.DEFAULT_CANDIDATES, 2, org.lowtide.planning.OutlookChoice.PROFILE),
                ProgressListener.NONE, Cancellation.NEVER);
        for (String name : List.of("svc0", "svc1")) {
            assertThat(vm.chosen(name)).extracting(Candidate::start)
                    .containsExactlyElementsOf(expected.chosen(name).stream().map(Candidate::start).toList());
        }

        // Back to the default: Plan Again ranks as a single plan does, and the summary says nothing more.
        onFx(() -> vm.outlookProperty().set(org.lowtide.planning.OutlookChoice.AUTO));
        onFx(vm::replan);
        assertThat(vm.plannedRequest().outlook()).isEqualTo(org.lowtide.planning.OutlookChoice.AUTO);
        assertThat(vm.summaryProperty().get()).doesNotContain("Ranked on");
    }

    @Test
    void planAgainOnALongFormatCsvDeletesTheSplitOfTheFleetItReplaces() throws Exception {
        Path csv = dir.resolve("long.csv");
        FleetData.writeLongFormat(csv, List.of("web", "db"), 24 * 14);
        FleetViewModel vm = viewModel(BackgroundJob.synchronous());
        onFx(() -> vm.open(csv));
        Path first = splitFolder(vm);
        assertThat(first).isDirectory();

        onFx(vm::replan);
        Path second = splitFolder(vm);
        assertThat(second).isNotEqualTo(first).isDirectory();
        assertThat(first).doesNotExist();

        // A fleet a service was opened from keeps its files: the other tabs may read that file again.
        List<TrafficSource> opened = new ArrayList<>();
        onFx(() -> {
            vm.setOnOpen((source, options) -> opened.add(source));
            vm.selectedProperty().set(vm.rows().get(0));
            return vm.openSelected();
        });
        assertThat(opened).hasSize(1);
        onFx(vm::replan);
        assertThat(second).isDirectory();
        assertThat(splitFolder(vm)).isNotEqualTo(second).isDirectory();
    }

    private static Path splitFolder(FleetViewModel vm) {
        return ((org.lowtide.fleet.MemberTraffic.File) vm.plannedRequest().fleet().members().get(0).traffic())
                .path().getParent();
    }

    @Test
    void aFleetThatCannotBeReadSaysSoAndShowsNothing() throws Exception {
        FleetViewModel vm = viewModel(BackgroundJob.synchronous());
        Path yaml = dir.resolve("fleet.yaml");
        Files.writeString(yaml, "services:\n  - name: a\n    source: a.csv\n  - name: b\n    sauce: b.csv\n");
        onFx(() -> vm.open(yaml));
        assertThat(vm.errorProperty().get()).contains("fleet.yaml line 4").contains("sauce");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.resultProperty().get()).isNull();
    }

    @Test
    void aFleetFileWithAGroupPlansItsMembersApart() throws Exception {
        Path folder = folderOf(3);
        Path yaml = folder.resolve("fleet.yaml");
        Files.writeString(yaml, """
                rules:
                  maxConcurrent: 1
                groups:
                  - name: db
                    kind: never-together
                    members: [a, b]
                services:
                  - name: a
                    source: svc0.csv
                  - name: b
                    source: svc0.csv
                  - name: c
                    source: svc2.csv
                    zone: Europe/Berlin
                """);
        FleetViewModel vm = viewModel(BackgroundJob.synchronous());
        onFx(() -> vm.open(yaml));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.rows()).extracting(FleetViewModel.ServiceRow::service).containsExactly("a", "b", "c");
        // a and b share one series, so alone they would take the same window; the group keeps them apart.
        Candidate a = vm.chosen("a").get(0);
        Candidate b = vm.chosen("b").get(0);
        assertThat(a.overlaps(b)).isFalse();
        assertThat(vm.rows().get(2).next()).endsWith("Europe/Berlin");
    }

    @Test
    void cancelStopsThePlanningAndKeepsTheScreenEmpty() throws Exception {
        Path folder = folderOf(40);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            FleetViewModel vm = viewModel(executor);
            onFx(() -> vm.open(folder));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.progressProperty().get() > 0
                    && vm.statusProperty().get().contains("services planned"));
            onFx(vm::cancel);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.statusProperty().get()).startsWith("Cancelled");
            assertThat(vm.resultProperty().get()).isNull();
            assertThat(vm.rows()).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theSelectedServiceOpensWithTheFleetsReadingAndTheCalendarIsTheClis() throws Exception {
        Path folder = folderOf(2);
        Path yaml = folder.resolve("fleet.yaml");
        Files.writeString(yaml, """
                services:
                  - name: tokyo
                    source: svc1.csv
                    zone: Asia/Tokyo
                  - name: plain
                    source: svc0.csv
                """);
        FleetViewModel vm = viewModel(BackgroundJob.synchronous());
        AtomicReference<TrafficSource> opened = new AtomicReference<>();
        AtomicReference<ImportOptions> options = new AtomicReference<>();
        onFx(() -> {
            vm.setOnOpen((s, o) -> {
                opened.set(s);
                options.set(o);
            });
            vm.open(yaml);
        });
        assertThat(onFx(vm::openSelected)).isFalse();
        boolean done = onFx(() -> {
            vm.selectedProperty().set(vm.rows().get(0));
            return vm.openSelected();
        });
        assertThat(done).isTrue();
        assertThat(opened.get()).isInstanceOf(TrafficSource.FileSource.class);
        assertThat(((TrafficSource.FileSource) opened.get()).path().getFileName().toString()).isEqualTo("svc1.csv");
        assertThat(options.get().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));

        Path ics = dir.resolve("out").resolve("fleet.ics");
        Files.createDirectories(ics.getParent());
        onFx(() -> vm.exportCalendar(ics));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("Wrote the fleet calendar");
        String text = Files.readString(ics);
        // DTSTAMP is the moment of writing, so the two writes may differ in it by a second.
        assertThat(withoutStamps(text)).isEqualTo(withoutStamps(FleetOutputs.ics(vm.resultProperty().get())));
        List<String> events = new ArrayList<>();
        text.lines().filter(l -> l.equals("BEGIN:VEVENT")).forEach(events::add);
        assertThat(events).hasSize(vm.chosen("tokyo").size() + vm.chosen("plain").size());
        Path pdf = dir.resolve("out").resolve("fleet.pdf");
        onFx(() -> vm.exportReport(pdf));
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(vm.statusProperty().get()).contains("Wrote the fleet report");
    }

    private static String withoutStamps(String ics) {
        return ics.lines().filter(l -> !l.startsWith("DTSTAMP:")).collect(java.util.stream.Collectors.joining("\n"));
    }
}
