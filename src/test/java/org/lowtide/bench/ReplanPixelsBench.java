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
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lowtide.fleet.FleetData;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.PlanService;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.plan.PlanView;
import org.lowtide.ui.plan.PlanViewModel;

/**
 * The whole path to pixels of an edit in the Windows tab (issue 20, "Interactive"): the real
 * {@link PlanView} on its {@link PlanViewModel}, in a 1280 × 720 window, on a year of hourly data
 * (the bundled sample) and on a year of 5-minute data (52 generated weeks, Europe/Berlin). One edit
 * is the staff cost per hour typed into its field (alternating 80 and 120, which re-costs and
 * re-ranks the windows); the time runs from setting the field's text on the application thread to
 * the end of the first pulse after the new result reached the table and the chart (its layout done,
 * its frame handed to the renderer). The view model's pause after typing (300 ms, for a user who is
 * still typing) is set to zero here and is not included: add it for what a user waits.
 *
 * <pre>
 * DISPLAY=:57 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.lowtide.bench.ReplanPixelsBench [EDITS] [WARMUP] [PAUSE_MS]
 * </pre>
 * PAUSE_MS is the Windows screen's pause after an edit before it plans; by default the app's own
 * ({@link PlanViewModel#DEBOUNCE}), so the figure is what a user waits; 0 times the plan alone.
 * Without {@code DISPLAY} it runs on Monocle's headless platform (software rendering). Run by hand, not a test.
 */
public final class ReplanPixelsBench {

    /** The screen's pause after an edit before it plans (set from the command line). */
    private static Duration pause = PlanViewModel.DEBOUNCE;

    private ReplanPixelsBench() {
    }

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        pause = args.length > 2 ? Duration.ofMillis(Long.parseLong(args[2])) : PlanViewModel.DEBOUNCE;
        System.out.println("pause after an edit before planning: " + pause.toMillis() + " ms");
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
        run("hourly year (bundled sample, 8,760 points)", Samples.defaultSample(),
                ImportOptions.inZone(Samples.defaultSample().suggestedZone().orElse(ZoneId.of("UTC"))), edits, warmUp);
        run("5-minute year (52 weeks, Europe/Berlin, 104,832 points)", new TrafficSource.FileSource(fiveMinutes),
                ImportOptions.inZone(ZoneId.of("Europe/Berlin")), edits, warmUp);
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
        PlanViewModel[] model = new PlanViewModel[1];
        Scene[] scene = new Scene[1];
        onFx(() -> {
            org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT); // the app's look (Primer), as the app sets it
            model[0] = new PlanViewModel(new PlanService(new AnalysisService()), executor, Clock.systemDefaultZone(),
                    pause);
            Stage stage = new Stage();
            scene[0] = new Scene(new PlanView(model[0]), 1280, 720);
            scene[0].getStylesheets().add(org.lowtide.ui.main.MainView.stylesheet());
            stage.setScene(scene[0]);
            stage.show();
            model[0].setTraffic(source, options);
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!ready(model[0])) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no plan within 5 minutes: " + model[0].getErrorMessage());
            }
            Thread.sleep(50);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmUp + edits; i++) {
            String cost = i % 2 == 0 ? "120" : "80";
            double ms = edit(model[0], scene[0], cost);
            if (i >= warmUp) {
                millis.add(ms);
            }
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%s: edit → re-ranked table and chart on screen, %d edits after %d warm-up:"
                        + " median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n", what, edits, warmUp,
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.9) - 1), millis.get(0),
                millis.get(millis.size() - 1));
        onFx(() -> ((Stage) scene[0].getWindow()).close());
        executor.shutdownNow();
    }

    private static boolean ready(PlanViewModel model) throws Exception {
        boolean[] ready = new boolean[1];
        onFx(() -> ready[0] = model.getResult() != null && !model.busyProperty().get());
        return ready[0];
    }

    /** One edit: @return milliseconds from the edit to the end of the pulse that lays out its result */
    private static double edit(PlanViewModel model, Scene scene, String staffCost) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        Platform.runLater(() -> {
            Object before = model.getResult();
            javafx.beans.value.ChangeListener<Object> onResult = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<?> o, Object was, Object now) {
                    if (now == null || now == before) {
                        return;
                    }
                    model.resultProperty().removeListener(this);
                    Runnable[] pulse = new Runnable[1];
                    pulse[0] = () -> {
                        scene.removePostLayoutPulseListener(pulse[0]);
                        end.set(System.nanoTime());
                        shown.countDown();
                    };
                    scene.addPostLayoutPulseListener(pulse[0]);
                    Platform.requestNextPulse();
                }
            };
            model.resultProperty().addListener(onResult);
            start.set(System.nanoTime());
            model.inputs().staffCostProperty().set(staffCost);
        });
        if (!shown.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("no new plan after an edit: " + model.getErrorMessage());
        }
        Thread.sleep(100); // let the renderer finish and the machine settle between edits
        return (end.get() - start.get()) / 1e6;
    }

    private static void onFx(Runnable action) throws Exception {
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
