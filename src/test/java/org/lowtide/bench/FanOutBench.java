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
 * with EDIT {@code fanout}; each data set is timed with every screen on one background thread making
 * its own cost report (as before wave 7), then, when the build has them ({@link FanOutAppWiring}),
 * with a thread per screen, with one shared cost report, and with both (as the app runs now), one
 * after the other. Compiled against the branch point (without {@link FanOutAppWiring}), it times the
 * app as it was there; {@code -Dlowtide.bench.build=NAME} names the build in the output.
 */
public final class FanOutBench {

    private FanOutBench() {
    }

    /** How the three screens are made: their threads and services. */
    public interface Setup {
        /** @return what the setup is, in words, for the output */
        String words();

        /** @return the three models (called on the FX thread) and what stops their threads */
        Models make(Duration pause);
    }

    /** The three screens' models and what stops their threads. */
    public record Models(MainViewModel main, CostViewModel costs, PlanViewModel plans, Runnable shutdown) {
    }

    /**
     * Every screen on one background thread, each making its own cost report: the app before wave 7,
     * made with constructors the branch point has too (this class compiles against it without
     * {@link FanOutAppWiring}, which then is left out).
     */
    static final Setup ONE_THREAD = new Setup() {
        @Override
        public String words() {
            return "one thread, a cost report per screen";
        }

        @Override
        public Models make(Duration pause) {
            java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lowtide-analysis");
                t.setDaemon(true);
                return t;
            });
            AnalysisService analysis = new AnalysisService();
            return new Models(new MainViewModel(analysis, one, Clock.systemUTC()),
                    new CostViewModel(new CostService(), one, pause),
                    new PlanViewModel(new PlanService(analysis), one, Clock.systemDefaultZone(), PlanViewModel.DEBOUNCE),
                    one::shutdownNow);
        }
    };

    /** @return the setups to time: one thread, then wave 7's when this build has them ({@link FanOutAppWiring}) */
    @SuppressWarnings("unchecked")
    private static List<Setup> setups() {
        List<Setup> all = new ArrayList<>(List.of(ONE_THREAD));
        try {
            all.addAll((List<Setup>) Class.forName("org.lowtide.bench.FanOutAppWiring").getMethod("setups").invoke(null));
        } catch (ClassNotFoundException e) {
            System.out.println("(a build without wave 7's threads: timing one thread only)");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    /** The three screens on show, and what stops their threads. */
    private record Screens(Runnable shutdown, MainViewModel main, CostViewModel costs, PlanViewModel plans,
                           List<Stage> stages) {
    }

    static void run(String what, TrafficSource source, ImportOptions options, int edits, int warmUp, Duration pause)
            throws Exception {
        String build = System.getProperty("lowtide.bench.build", "this build");
        for (Setup setup : setups()) {
            String threads = setup.words() + ", " + build;
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
            screens.shutdown().run();
        }
    }

    private static Screens build(TrafficSource source, ImportOptions options, Setup setup, Duration pause)
            throws Exception {
        AtomicReference<Screens> built = new AtomicReference<>();
        ReplanPixelsBench.onFx(() -> {
            org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT);
            Models models = setup.make(pause);
            MainViewModel main = models.main();
            CostViewModel costs = models.costs();
            PlanViewModel plans = models.plans();
            costs.field("revenuePerYear").textProperty().set("50000000");
            main.costAssumptionsProperty().bind(costs.assumptionsProperty());
            plans.costAssumptionsProperty().bind(costs.assumptionsProperty());
            main.resultProperty().addListener((o, before, shown) -> {
                if (shown != null) {
                    costs.setTraffic(shown.series(), shown.request().options().zone());
                    plans.setTraffic(shown.request().source(), shown.request().options());
                }
            });
            List<Stage> stages = List.of(ReplanPixelsBench.window(new MainView(main)),
                    ReplanPixelsBench.window(new CostView(costs)), ReplanPixelsBench.window(new PlanView(plans)));
            main.load(source, options);
            built.set(new Screens(models.shutdown(), main, costs, plans, stages));
        });
        return built.get();
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
                        org.lowtide.ui.StartupTrace.onNextPulse(scenes.get(screen), () -> {
                            ends[screen] = System.nanoTime();
                            drawn.countDown();
                        });
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
