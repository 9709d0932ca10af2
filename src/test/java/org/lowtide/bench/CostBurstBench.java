package org.lowtide.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lowtide.service.CostService;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.ui.cost.CostView;
import org.lowtide.ui.cost.CostViewModel;

/**
 * Two edits on the Costs tab {@value #APART_MS} ms apart (key repeat, fast typing: wave 6's second
 * gap of issue 20), timed from the second edit until the Costs tab has drawn the numbers for it:
 * with the pause the tab had (the first edit costs at once, the second waits 40 ms after it, then
 * costs) and with none, as the app's tab now runs (every edit costs at once and cancels the run
 * going). Both modes are {@link CostViewModel}'s own, so the one build times both. Run from
 * {@link ReplanPixelsBench} with EDIT {@code burst}.
 */
final class CostBurstBench {

    /** How far apart the two edits are. */
    static final long APART_MS = 20;

    private CostBurstBench() {
    }

    static void run(String what, TrafficSeries series, java.time.ZoneId zone, int edits, int warmUp) throws Exception {
        for (int mode = 0; mode < 2; mode++) {
            Duration pause = mode == 1 ? Duration.ZERO : CostViewModel.DEFAULT_DEBOUNCE;
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lowtide-costs");
                t.setDaemon(true);
                return t;
            });
            AtomicReference<CostViewModel> made = new AtomicReference<>();
            AtomicReference<Stage> stage = new AtomicReference<>();
            ReplanPixelsBench.onFx(() -> {
                org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT);
                CostViewModel model = new CostViewModel(new CostService(), thread, pause);
                stage.set(ReplanPixelsBench.window(new CostView(model)));
                model.setTraffic(series, zone);
                made.set(model);
            });
            CostViewModel model = made.get();
            waitIdle(model);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < warmUp + edits; i++) {
                double t = burst(model, stage.get().getScene(), i % 2 == 0 ? "0.2" : "0.15");
                if (i >= warmUp) {
                    ms.add(t);
                }
            }
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "%s, two Costs edits %d ms apart, %s: second edit → its numbers drawn:"
                            + " median %.1f ms, p90 %.1f ms, min %.1f, max %.1f (%d bursts after %d warm-up)%n", what,
                    APART_MS, mode == 1 ? "no pause, a newer edit cancels the run going (the app now)"
                            : "40 ms pause (before)", ms.get(ms.size() / 2),
                    ms.get((int) Math.ceil(ms.size() * 0.9) - 1), ms.get(0), ms.get(ms.size() - 1), edits, warmUp);
            ReplanPixelsBench.onFx(() -> stage.get().close());
            thread.shutdownNow();
        }
    }

    private static void waitIdle(CostViewModel model) throws Exception {
        while (true) {
            boolean[] idle = new boolean[1];
            ReplanPixelsBench.onFx(() -> idle[0] = model.reportProperty().get() != null && !model.busyProperty().get());
            if (idle[0]) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /** One burst: an edit to 0.3, then {@link #APART_MS} later to {@code target}; @return ms from the second to its numbers drawn */
    private static double burst(CostViewModel model, Scene scene, String target) throws Exception {
        double wanted = Double.parseDouble(target);
        double ms = burst(scene, () -> model.field("changeFailureRate").textProperty().set("0.3"),
                () -> model.field("changeFailureRate").textProperty().set(target), model.reportProperty(),
                r -> r.assumptions().changeFailureRate().value() == wanted, model.errorMessageProperty());
        waitIdle(model);
        return ms;
    }

    /**
     * Makes {@code first}, then {@link #APART_MS} later {@code second}, and waits until {@code result}
     * holds one that {@code answers} the second and the pulse after it has laid it out.
     *
     * @return ms from the second edit to the end of that pulse
     */
    private static <T> double burst(Scene scene, Runnable first, Runnable second, ObservableValue<T> result,
                                    java.util.function.Predicate<T> answers, ObservableValue<String> error)
            throws Exception {
        CountDownLatch drawn = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        Platform.runLater(first);
        Thread.sleep(APART_MS);
        Platform.runLater(() -> {
            result.addListener(new ChangeListener<T>() {
                @Override
                public void changed(ObservableValue<? extends T> o, T was, T now) {
                    if (now == null || !answers.test(now)) {
                        return;
                    }
                    o.removeListener(this);
                    org.lowtide.ui.StartupTrace.onNextPulse(scene, () -> {
                        end.set(System.nanoTime());
                        drawn.countDown();
                    });
                }
            });
            start.set(System.nanoTime());
            second.run();
        });
        if (!drawn.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the second edit never reached the screen: " + error.getValue());
        }
        Thread.sleep(150); // let the renderer finish and the machine settle between bursts
        return (end.get() - start.get()) / 1e6;
    }

    /**
     * The same burst on the Windows tab: the staff cost per hour set to 150, then {@link #APART_MS}
     * ms later to 120 or 80, timed from the second edit until the plan for it is drawn; with the
     * tab's 40 ms pause ({@link org.lowtide.ui.plan.PlanViewModel#DEBOUNCE}) and with none.
     */
    static void runWindows(String what, org.lowtide.service.TrafficSource source,
                           org.lowtide.traffic.imports.ImportOptions options, int edits, int warmUp) throws Exception {
        for (Duration pause : List.of(org.lowtide.ui.plan.PlanViewModel.DEBOUNCE, Duration.ZERO)) {
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lowtide-windows");
                t.setDaemon(true);
                return t;
            });
            AtomicReference<org.lowtide.ui.plan.PlanViewModel> made = new AtomicReference<>();
            AtomicReference<Stage> stage = new AtomicReference<>();
            ReplanPixelsBench.onFx(() -> {
                org.lowtide.ui.common.Themes.apply(org.lowtide.ui.common.Theme.LIGHT);
                org.lowtide.ui.plan.PlanViewModel model = new org.lowtide.ui.plan.PlanViewModel(
                        new org.lowtide.service.PlanService(new org.lowtide.service.AnalysisService()), thread,
                        java.time.Clock.systemDefaultZone(), pause);
                stage.set(ReplanPixelsBench.window(new org.lowtide.ui.plan.PlanView(model)));
                model.setTraffic(source, options);
                made.set(model);
            });
            org.lowtide.ui.plan.PlanViewModel model = made.get();
            waitPlanned(model);
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < warmUp + edits; i++) {
                String target = i % 2 == 0 ? "120" : "80";
                double wanted = Double.parseDouble(target);
                double t = burst(stage.get().getScene(), () -> model.inputs().staffCostProperty().set("150"),
                        () -> model.inputs().staffCostProperty().set(target), model.resultProperty(),
                        r -> r.request().rules().staffCost().map(org.lowtide.planning.PlanRules.StaffCost::perHour)
                                .orElse(Double.NaN) == wanted, model.errorMessageProperty());
                waitPlanned(model);
                if (i >= warmUp) {
                    ms.add(t);
                }
            }
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "%s, two Windows edits %d ms apart, %s: second edit → its plan drawn:"
                            + " median %.1f ms, p90 %.1f ms, min %.1f, max %.1f (%d bursts after %d warm-up)%n", what,
                    APART_MS, pause.isZero() ? "no pause, a newer edit cancels the run going (the app now)"
                            : "40 ms pause (before)", ms.get(ms.size() / 2),
                    ms.get((int) Math.ceil(ms.size() * 0.9) - 1), ms.get(0), ms.get(ms.size() - 1), edits, warmUp);
            ReplanPixelsBench.onFx(() -> stage.get().close());
            thread.shutdownNow();
        }
    }

    private static void waitPlanned(org.lowtide.ui.plan.PlanViewModel model) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            boolean[] idle = new boolean[1];
            ReplanPixelsBench.onFx(() -> idle[0] = model.getResult() != null && !model.isBusy());
            if (idle[0]) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not planned: " + model.getErrorMessage());
    }
}
