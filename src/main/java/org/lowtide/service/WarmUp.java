package org.lowtide.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.lowtide.analysis.PatternAnalysis;
import org.lowtide.traffic.PhaseTimer;
import org.lowtide.traffic.TrafficSeries;

/**
 * Warms the analysis code on the second core while the command line is still being set up
 * (issue 20: waiting time). A short command spends its first quarter of a second building
 * picocli's model and reading the file on one thread; the analysis then runs cold (interpreted,
 * its classes still to load). This runs the same periods, anomaly test and robust MSTL on four
 * weeks of made-up hourly traffic on a background thread in that time, so that the real analysis
 * finds its classes loaded and its hot loops compiled. Nothing it computes is kept or shared: the
 * analysis code has no static state, and this thread's phases are left out of {@code --timings}.
 * It stops at its next step once the real analysis begins ({@link #stop}).
 */
public final class WarmUp {

    private static volatile boolean stopped;

    private WarmUp() {
    }

    /** Starts the warm-up on a daemon thread, where a second processor is there to run it. */
    public static void startInBackground() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        stopped = false;
        Thread t = new Thread(WarmUp::run, "lowtide-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The real analysis begins (or the command ends): the warm-up stops at its next step. */
    public static void stop() {
        stopped = true;
    }

    /** Lets {@link #run} work again after {@link #stop} (tests, which run several commands in one JVM). */
    static void resume() {
        stopped = false;
    }

    static void run() {
        PhaseTimer.muteThisThread();
        try {
            PatternAnalysis.analyze(series(), 0, PatternAnalysis.Progress.NONE, () -> stopped);
        } catch (RuntimeException | LinkageError e) {
            // stopped, or anything else: the real analysis does its own work and reports its own errors
        }
    }

    /** Four weeks of hourly traffic with a daily and a weekly shape and a little deterministic noise. */
    static TrafficSeries series() {
        int n = 4 * 7 * 24;
        double[] v = new double[n];
        long noise = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            noise ^= noise << 13;
            noise ^= noise >>> 7;
            noise ^= noise << 17;
            double day = Math.sin(2 * Math.PI * (i % 24) / 24.0);
            double week = (i / 24) % 7 >= 5 ? 0.7 : 1.0;
            v[i] = 1000 * week * (1.5 + day) + (noise % 50);
        }
        return new TrafficSeries("warm-up", Instant.parse("2025-01-06T00:00:00Z"), Duration.ofHours(1), v,
                ZoneOffset.UTC, "requests");
    }
}
