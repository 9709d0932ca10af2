package org.lowtide.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The background threads the main window's screens work on (issue 20, wave 7). One edit on the
 * Costs tab with a revenue entered re-costs the Costs tab, re-plans the Windows tab and
 * re-recommends on the Overview (both rank in money). On one shared thread the three runs queued
 * behind each other, and the Costs tab, whose run was asked for last, was drawn last. Here the
 * Costs tab and the Windows tab each have a thread of their own; the Overview, the Patterns tab and
 * the report keep the analysis thread. Each screen's {@link org.lowtide.ui.common.BackgroundJob}
 * still cancels its own superseded run, so a newer edit's result always wins on every screen. The
 * Fleet tab plans on a thread of its own (its services then run on a pool of their own).
 */
public final class ScreenThreads {

    private final ExecutorService analysis;
    private final ExecutorService costs;
    private final ExecutorService plans;
    private final ExecutorService fleet = thread("lowtide-fleet-ui");

    private ScreenThreads(ExecutorService analysis, ExecutorService costs, ExecutorService plans) {
        this.analysis = analysis;
        this.costs = costs;
        this.plans = plans;
    }

    /** @return the app's threads: the analysis (Overview, Patterns, report), the Costs tab's, the Windows tab's */
    public static ScreenThreads separate() {
        return new ScreenThreads(thread("lowtide-analysis"), thread("lowtide-costs"), thread("lowtide-windows"));
    }

    /** @return one thread for every screen, as before wave 7 (benchmarks compare with it) */
    public static ScreenThreads shared() {
        ExecutorService one = thread("lowtide-analysis");
        return new ScreenThreads(one, one, one);
    }

    private static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the thread of the Overview's analysis (and the Patterns tab's and the report's) */
    public Executor analysis() {
        return analysis;
    }

    /** @return the Costs tab's thread */
    public Executor costs() {
        return costs;
    }

    /** @return the Windows tab's thread */
    public Executor plans() {
        return plans;
    }

    /** @return the Fleet tab's thread */
    public Executor fleet() {
        return fleet;
    }

    /** Stops every thread (the app is closing); work still queued is dropped. */
    public void shutdownNow() {
        for (ExecutorService e : List.of(analysis, costs, plans, fleet)) {
            e.shutdownNow();
        }
    }
}
