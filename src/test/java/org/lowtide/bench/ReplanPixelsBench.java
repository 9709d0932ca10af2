package org.lowtide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.fleet.FleetData;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanService;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.cost.CostView;
import org.lowtide.ui.cost.CostViewModel;
import org.lowtide.ui.plan.PlanView;
import org.lowtide.ui.plan.PlanViewModel;

/**
 * The whole path to pixels of an edit in the Windows tab or the Costs tab (issue 20, "Interactive"):
 * the real {@link PlanView} on its {@link PlanViewModel} (or {@link CostView} on its
 * {@link CostViewModel}), in a 1280 × 720 window, on a year of hourly data (the bundled sample) and
 * on a year of 5-minute data (52 generated weeks, Europe/Berlin). By default one edit is the staff
 * cost per hour typed into its field (alternating 80 and 120, which re-costs and re-ranks the
 * windows); the time runs from setting the field's text on the application thread to the end of the
 * first pulse after the new result reached the table and the chart (its layout done, its frame
 * handed to the renderer), the screen's own pause after typing included.
 *
 * <pre>
 * DISPLAY=:57 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.lowtide.bench.ReplanPixelsBench [EDITS] [WARMUP] [PAUSE_MS] [EDIT]
 * </pre>
 * PAUSE_MS is the screen's pause after an edit before it plans (or costs); {@code -1} (the default)
 * takes the app's own ({@link PlanViewModel#DEBOUNCE}, {@link CostViewModel#DEFAULT_DEBOUNCE}), so
 * the figure is what a user waits; 0 times the plan alone. EDIT is what is typed: {@code staff} (the
 * default: the staff cost per hour, 120 and 80), {@code money} (the same with a revenue of
 * 50 million a year on the Costs screen's assumptions, so the windows are ranked and simulated in
 * money), {@code length} (the window length, 3 h and 2 h: the troughs are found again in the analysis
 * shown), or {@code costs} (the Costs screen, {@link CostView} on {@link CostViewModel}: the change
 * failure rate, 0.2 and 0.15, re-costed with its Monte Carlo runs, until the cards and the three
 * charts show the new report), or {@code fanout} (the change failure rate on the Costs tab with a
 * revenue of 50 million a year, so the Windows tab and the Overview re-rank in money too: timed until
 * all three screens have drawn their new result; see {@link FanOutBench}), or {@code burst} (two
 * Costs edits 20 ms apart, with the tab's old pause and with its coalescing; see {@link CostBurstBench}).
 * Without {@code DISPLAY} it runs on Monocle's headless platform (software rendering). Run by hand, not a test.
 */
public final class ReplanPixelsBench {

    /** The screen's pause after an edit before it plans (set from the command line). */
    private static Duration pause = PlanViewModel.DEBOUNCE;
    /** What one edit types (set from the command line): staff, money, length or costs. */
    private static String kind = "staff";

    private ReplanPixelsBench() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        kind = args.length > 3 ? args[3] : "staff";
        if (!List.of("staff", "money", "length", "costs", "fanout", "burst").contains(kind)) {
            throw new IllegalArgumentException("EDIT is staff, money, length, costs, fanout or burst, not " + kind);
        }
        Duration own = kind.equals("costs") || kind.equals("fanout") ? CostViewModel.DEFAULT_DEBOUNCE : PlanViewModel.DEBOUNCE;
        long asked = args.length > 2 ? Long.parseLong(args[2]) : -1;
        pause = asked < 0 ? own : Duration.ofMillis(asked);
        System.out.println("edit: " + kind + "; pause after an edit before planning: " + pause.toMillis() + " ms");
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.setImplicitExit(false);

        Path fiveMinutes = Path.of(System.getProperty("java.io.tmpdir"), "lowtide-replan-5min-52w.csv");
        if (!Files.exists(fiveMinutes)) {
            FleetData.write(fiveMinutes, 7_001, Duration.ofMinutes(5), 52);
        }
        TrafficSource hourly = Samples.defaultSample();
        ImportOptions hourlyOptions = ImportOptions.inZone(hourly.suggestedZone().orElse(ZoneId.of("UTC")));
        TrafficSource fiveMinute = new TrafficSource.FileSource(fiveMinutes);
        ImportOptions berlin = ImportOptions.inZone(ZoneId.of("Europe/Berlin"));
        if (kind.equals("burst")) {
            for (Object[] data : new Object[][] {{"hourly year (bundled sample, 8,760 points)", hourly, hourlyOptions},
                    {"5-minute year (52 weeks, Europe/Berlin, 104,832 points)", fiveMinute, berlin}}) {
                ImportOptions o = (ImportOptions) data[2];
                CostBurstBench.run((String) data[0], new org.lowtide.service.ImportService().importTraffic(
                        (TrafficSource) data[1], o, org.lowtide.service.ProgressListener.NONE,
                        org.lowtide.service.Cancellation.NEVER).series(), o.zone(), edits, warmUp);
                CostBurstBench.runWindows((String) data[0], (TrafficSource) data[1], o, edits, warmUp);
            }
        } else if (kind.equals("fanout")) {
            FanOutBench.run("hourly year (bundled sample, 8,760 points)", hourly, hourlyOptions, edits, warmUp, pause);
            FanOutBench.run("5-minute year (52 weeks, Europe/Berlin, 104,832 points)", fiveMinute, berlin, edits,
                    warmUp, pause);
        } else {
            run("hourly year (bundled sample, 8,760 points)", hourly, hourlyOptions, edits, warmUp);
            run("5-minute year (52 weeks, Europe/Berlin, 104,832 points)", fiveMinute, berlin, edits, warmUp);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void run(String what, TrafficSource source, ImportOptions options, int edits, int warmUp)
            throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lowtide-analysis");
            t.setDaemon(true);
            return t;
        });
        Screen screen = kind.equals("costs") ? costScreen(source, options, executor) : planScreen(source, options, executor);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!ready(screen)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no result within 5 minutes: " + screen.error().getValue());
            }
            Thread.sleep(50);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> computed = new ArrayList<>();
        for (int i = 0; i < warmUp + edits; i++) {
            double[] ms = edit(screen, i % 2 == 0);
            if (i >= warmUp) {
                millis.add(ms[1]);
                computed.add(ms[0]);
            }
        }
        Collections.sort(millis);
        Collections.sort(computed);
        System.out.printf(Locale.ROOT, "%s, edit %s: edit → new result handed to the screen (pause and background"
                        + " run): median %.1f ms, p90 %.1f ms%n", what, kind, computed.get(computed.size() / 2),
                computed.get((int) Math.ceil(computed.size() * 0.9) - 1));
        System.out.printf(Locale.ROOT, "%s, edit %s: edit → new result on screen, %d edits after %d warm-up:"
                        + " median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n", what, kind, edits, warmUp,
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.9) - 1), millis.get(0),
                millis.get(millis.size() - 1));
        onFx(() -> ((Stage) screen.scene().getWindow()).close());
        executor.shutdownNow();
    }

    /**
     * One screen under test: its scene, the result a new run replaces, whether it is idle, its
     * error line, and the edit ({@code true} and {@code false} alternate between two values).
     */
    private record Screen(Scene scene, ObservableValue<?> result, ObservableValue<Boolean> busy,
                          ObservableValue<String> error, java.util.function.Consumer<Boolean> edit) {
    }

    /** The Windows screen planning on {@code source}. */
    private static Screen planScreen(TrafficSource source, ImportOptions options, ExecutorService executor)
            throws Exception {
        Screen[] screen = new Screen[1];
        onFx(() -> {
            org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT); // the app's look (Primer), as the app sets it
            PlanViewModel model = new PlanViewModel(new PlanService(new AnalysisService()), executor,
                    Clock.systemDefaultZone(), pause);
            if (kind.equals("money")) {
                model.costAssumptionsProperty().set(CostAssumptions.defaults().toBuilder()
                        .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 50_000_000, true)).build());
            }
            Scene scene = show(new PlanView(model));
            model.setTraffic(source, options);
            java.util.function.Consumer<Boolean> edit = kind.equals("length")
                    ? first -> model.inputs().windowLengthProperty().set(first ? "3 h" : "2 h")
                    : first -> model.inputs().staffCostProperty().set(first ? "120" : "80");
            screen[0] = new Screen(scene, model.resultProperty(), model.busyProperty(), model.errorMessageProperty(),
                    edit);
        });
        return screen[0];
    }

    /** The Costs screen costing {@code source} as the app hands it the analysed traffic. */
    private static Screen costScreen(TrafficSource source, ImportOptions options, ExecutorService executor)
            throws Exception {
        org.lowtide.traffic.TrafficSeries series = new org.lowtide.service.ImportService().importTraffic(source,
                options, org.lowtide.service.ProgressListener.NONE, org.lowtide.service.Cancellation.NEVER).series();
        Screen[] screen = new Screen[1];
        onFx(() -> {
            org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT);
            CostViewModel model = new CostViewModel(new CostService(), executor, pause);
            Scene scene = show(new CostView(model));
            model.setTraffic(series, options.zone());
            screen[0] = new Screen(scene, model.reportProperty(), model.busyProperty(), model.errorMessageProperty(),
                    first -> model.field("changeFailureRate").textProperty().set(first ? "0.2" : "0.15"));
        });
        return screen[0];
    }

    private static Scene show(javafx.scene.Parent view) {
        return window(view).getScene();
    }

    /** A 1280 × 720 window with the app's stylesheet, showing {@code view} (on the FX thread); the benches' screens. */
    static Stage window(javafx.scene.Parent view) {
        Stage stage = new Stage();
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(org.lowtide.ui.main.MainView.stylesheet());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static boolean ready(Screen screen) throws Exception {
        boolean[] ready = new boolean[1];
        onFx(() -> ready[0] = screen.result().getValue() != null && !screen.busy().getValue());
        return ready[0];
    }

    /**
     * One edit: @return milliseconds from the edit to the new result reaching the screen's model,
     * and to the end of the pulse that lays it out
     */
    private static double[] edit(Screen screen, boolean first) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong handed = new AtomicLong();
        AtomicLong end = new AtomicLong();
        Scene scene = screen.scene();
        Platform.runLater(() -> {
            Object before = screen.result().getValue();
            javafx.beans.value.ChangeListener<Object> onResult = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(ObservableValue<?> o, Object was, Object now) {
                    if (now == null || now == before) {
                        return;
                    }
                    handed.set(System.nanoTime());
                    screen.result().removeListener(this);
                    org.lowtide.ui.StartupTrace.onNextPulse(scene, () -> {
                        end.set(System.nanoTime());
                        shown.countDown();
                    });
                }
            };
            screen.result().addListener(onResult);
            start.set(System.nanoTime());
            screen.edit().accept(first);
        });
        if (!shown.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("no new result after an edit: " + screen.error().getValue());
        }
        Thread.sleep(100); // let the renderer finish and the machine settle between edits
        return new double[] {(handed.get() - start.get()) / 1e6, (end.get() - start.get()) / 1e6};
    }

    static void onFx(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }
}
