package org.lowtide.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.ScreenThreads;
import org.lowtide.ui.cost.CostView;
import org.lowtide.ui.cost.CostViewModel;
import org.lowtide.ui.main.MainView;
import org.lowtide.ui.main.MainViewModel;
import org.lowtide.ui.plan.PlanView;
import org.lowtide.ui.plan.PlanViewModel;

/**
 * One edit on the Costs tab with a revenue entered, timed until all three screens it changes have
 * drawn their new result (issue 20, wave 7): the Costs tab re-costs, and the Windows tab and the
 * Overview re-rank in money. The three screens are wired as {@code LowtideApp} wires them (the
 * Overview's analysis feeds the other two; the Costs tab's assumptions are theirs), each in a
 * 1280 × 720 window of its own so that each is laid out and drawn (in the app the two not selected
 * are drawn when the user turns to them: this is the worst case). Run from {@link ReplanPixelsBench}
 * with EDIT {@code fanout}; each data set is timed with every screen on one shared background thread
 * (as before wave 7) and with the app's threads ({@link ScreenThreads#separate()}), one after the other.
 */
final class FanOutBench {

    private FanOutBench() {
    }

    /** How the screens share their work: before wave 7, the parts of wave 7's change alone, and the app's now. */
    enum Setup {
        BEFORE(false, false, "one thread, a cost report per screen (before)"),
        THREADS(true, false, "a thread per screen, a cost report per screen"),
        REPORT(false, true, "one thread, one shared cost report"),
        AFTER(true, true, "a thread per screen, one shared cost report (after)");

        private final boolean separateThreads;
        private final boolean sharesReports;
        private final String words;

        Setup(boolean separateThreads, boolean sharesReports, String words) {
            this.separateThreads = separateThreads;
            this.sharesReports = sharesReports;
            this.words = words;
        }

        boolean separateThreads() {
            return separateThreads;
        }

        boolean sharesReports() {
            return sharesReports;
        }
    }

    /** The three screens and when each finished its run and drew after the edit. */
    private record Screens(ScreenThreads threads, MainViewModel main, CostViewModel costs, PlanViewModel plans,
                           List<Stage> stages) {
    }

    static void run(String what, TrafficSource source, ImportOptions options, int edits, int warmUp, Duration pause)
            throws Exception {
        for (Setup setup : Setup.values()) {
            String threads = setup.words;
            Screens screens = build(source, options, setup, pause);
            waitIdle(screens);
            List<double[]> times = new ArrayList<>();
            for (int i = 0; i < warmUp + edits; i++) {
                double[] t = edit(screens, i % 2 == 0);
                if (i >= warmUp) {
                    times.add(t);
                }
            }
            String[] names = {"Costs tab drawn", "Windows tab drawn", "Overview drawn", "all three drawn",
                "Costs tab handed", "Windows tab handed", "Overview handed"};
            for (int k = 0; k < names.length; k++) {
                List<Double> ms = new ArrayList<>();
                for (double[] t : times) {
                    ms.add(t[k]);
                }
                Collections.sort(ms);
                System.out.printf(Locale.ROOT, "%s, %s, %s: median %.1f ms, p90 %.1f ms, min %.1f, max %.1f"
                                + " (%d edits after %d warm-up)%n", what, threads, names[k], ms.get(ms.size() / 2),
                        ms.get((int) Math.ceil(ms.size() * 0.9) - 1), ms.get(0), ms.get(ms.size() - 1), edits, warmUp);
            }
            ReplanPixelsBench.onFx(() -> screens.stages().forEach(Stage::close));
            screens.threads().shutdownNow();
        }
    }

    private static Screens build(TrafficSource source, ImportOptions options, Setup setup, Duration pause)
            throws Exception {
        ScreenThreads threads = setup.separateThreads() ? ScreenThreads.separate() : ScreenThreads.shared();
        AtomicReference<Screens> built = new AtomicReference<>();
        ReplanPixelsBench.onFx(() -> {
            org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT);
            AnalysisService analysis = new AnalysisService();
            // Before wave 7: each screen made its own cost report; after: one, shared (as LowtideApp does).
            CostService reports = setup.sharesReports() ? CostService.sharingReports() : new CostService();
            MainViewModel main = new MainViewModel(analysis, new PlanService(analysis, reports), threads.analysis(),
                    Clock.systemUTC());
            CostViewModel costs = new CostViewModel(reports, threads.costs(), pause);
            costs.field("revenuePerYear").textProperty().set("50000000");
            main.costAssumptionsProperty().bind(costs.assumptionsProperty());
            PlanViewModel plans = new PlanViewModel(new PlanService(analysis, reports), threads.plans(),
                    Clock.systemDefaultZone(), PlanViewModel.DEBOUNCE);
            plans.costAssumptionsProperty().bind(costs.assumptionsProperty());
            main.resultProperty().addListener((o, before, shown) -> {
                if (shown != null) {
                    costs.setTraffic(shown.series(), shown.request().options().zone());
                    plans.setTraffic(shown.request().source(), shown.request().options());
                }
            });
            List<Stage> stages = List.of(show(new MainView(main)), show(new CostView(costs)), show(new PlanView(plans)));
            main.load(source, options);
            built.set(new Screens(threads, main, costs, plans, stages));
        });
        return built.get();
    }

    private static Stage show(javafx.scene.Parent view) {
        Stage stage = new Stage();
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(MainView.stylesheet());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static void waitIdle(Screens s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            boolean[] ready = new boolean[1];
            ReplanPixelsBench.onFx(() -> ready[0] = s.main().getResult() != null && s.costs().reportProperty().get() != null
                    && s.plans().getResult() != null && !s.main().isBusy() && !s.costs().busyProperty().get()
                    && !s.plans().isBusy());
            if (ready[0]) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no results within 5 minutes: " + s.main().getErrorMessage() + " "
                        + s.costs().errorMessageProperty().get() + " " + s.plans().getErrorMessage());
            }
            Thread.sleep(50);
        }
    }

    /**
     * One edit of the change failure rate: @return milliseconds from the edit to the end of the first
     * pulse after each screen's run ended (Costs, Windows, Overview), to the last of them, and to the end
     * of each screen's run (its result handed to the screen, before layout and drawing)
     */
    private static double[] edit(Screens s, boolean first) throws Exception {
        List<ObservableValue<Boolean>> busy = List.of(s.costs().busyProperty(), s.plans().busyProperty(),
                s.main().busyProperty());
        List<Scene> scenes = List.of(s.stages().get(1).getScene(), s.stages().get(2).getScene(),
                s.stages().get(0).getScene());
        CountDownLatch drawn = new CountDownLatch(3);
        AtomicLong start = new AtomicLong();
        long[] ends = new long[3];
        long[] handed = new long[3];
        String[] problem = new String[1];
        Platform.runLater(() -> {
            for (int k = 0; k < 3; k++) {
                int screen = k;
                busy.get(k).addListener(new ChangeListener<>() {
                    @Override
                    public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                        if (now) {
                            return;
                        }
                        o.removeListener(this);
                        handed[screen] = System.nanoTime();
                        // The run's result is handed to the screen in this same event (after busy falls):
                        // the next pulse lays it out and hands its frame to the renderer.
                        Scene scene = scenes.get(screen);
                        Runnable[] pulse = new Runnable[1];
                        pulse[0] = () -> {
                            scene.removePostLayoutPulseListener(pulse[0]);
                            ends[screen] = System.nanoTime();
                            drawn.countDown();
                        };
                        scene.addPostLayoutPulseListener(pulse[0]);
                        Platform.requestNextPulse();
                    }
                });
            }
            start.set(System.nanoTime());
            s.costs().field("changeFailureRate").textProperty().set(first ? "0.2" : "0.15");
            for (int k = 0; k < 3; k++) {
                if (!busy.get(k).getValue()) {
                    problem[0] = "screen " + k + " started no run after the edit";
                }
            }
        });
        if (!drawn.await(2, TimeUnit.MINUTES) || problem[0] != null) {
            throw new IllegalStateException("not every screen re-ran after an edit: " + problem[0]);
        }
        Thread.sleep(150); // let the renderer finish, the pauses end and the machine settle between edits
        waitIdle(s);
        double[] ms = new double[7];
        for (int k = 0; k < 3; k++) {
            ms[k] = (ends[k] - start.get()) / 1e6;
            ms[4 + k] = (handed[k] - start.get()) / 1e6;
            ms[3] = Math.max(ms[3], ms[k]);
        }
        return ms;
    }
}
