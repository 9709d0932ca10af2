package org.lowtide.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lowtide.ui.FxThread.onFx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class BackgroundJobTest {

    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() {
        BACKGROUND.shutdownNow();
    }

    @Test
    void aSynchronousJobHandsItsOutcomeBackAndIsNoLongerBusy() throws Exception {
        List<String> seen = new ArrayList<>();
        BackgroundJob job = new BackgroundJob(BackgroundJob.synchronous());
        onFx(() -> job.start("Working…", p -> {
            p.progress(0.5, "Half way");
            return 42;
        }, v -> seen.add("ok " + v), e -> seen.add("failed " + e), () -> seen.add("cancelled")));
        assertThat(seen).containsExactly("ok 42");
        assertThat(job.busyProperty().get()).isFalse();
        assertThat(job.progressProperty().get()).isZero();
        assertThat(job.messageProperty().get()).isEqualTo("Half way");
    }

    @Test
    void aFailureReachesTheFailureHandlerOnly() throws Exception {
        List<String> seen = new ArrayList<>();
        BackgroundJob job = new BackgroundJob(BackgroundJob.synchronous());
        onFx(() -> job.start("Working…", p -> {
            throw new IllegalStateException("broken");
        }, v -> seen.add("ok"), e -> seen.add("failed " + e.getMessage()), () -> seen.add("cancelled")));
        assertThat(seen).containsExactly("failed broken");
        assertThat(job.busyProperty().get()).isFalse();
    }

    @Test
    void aNewerJobCancelsTheRunningOneWhoseHandlersNeverRun() throws Exception {
        List<String> seen = new ArrayList<>();
        BackgroundJob job = new BackgroundJob(BACKGROUND);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        onFx(() -> job.start("First…", p -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "first";
        }, v -> seen.add(v), e -> seen.add("failed"), () -> seen.add("first cancelled")));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onFx(() -> job.busyProperty().get())).isTrue();
        CountDownLatch done = new CountDownLatch(1);
        onFx(() -> job.start("Second…", p -> "second", v -> {
            seen.add(v);
            done.countDown();
        }, e -> seen.add("failed"), () -> seen.add("second cancelled")));
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        onFx(() -> { });
        assertThat(seen).containsExactly("second");
        assertThat(onFx(() -> job.busyProperty().get())).isFalse();
    }

    @Test
    void cancelRunsTheCancelHandlerAndARefusedJobFails() throws Exception {
        List<String> seen = new ArrayList<>();
        BackgroundJob job = new BackgroundJob(BACKGROUND);
        CountDownLatch started = new CountDownLatch(1);
        onFx(() -> job.start("Long…", p -> {
            started.countDown();
            while (!p.isCancelled()) {
                Thread.onSpinWait();
            }
            return "never";
        }, v -> seen.add(v), e -> seen.add("failed"), () -> seen.add("cancelled")));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        onFx(job::cancel);
        assertThat(seen).containsExactly("cancelled");

        BackgroundJob refused = new BackgroundJob(r -> {
            throw new RejectedExecutionException("shut down");
        });
        onFx(() -> refused.start("x", p -> 1, v -> seen.add("ok"),
                e -> seen.add(e instanceof RejectedExecutionException ? "refused" : "other"), () -> { }));
        assertThat(seen).containsExactly("cancelled", "refused");
        assertThat(Platform.isFxApplicationThread()).isFalse();
    }

    /** Issue #14: the heap running out reaches a screen as one message saying what to do, never a stack trace. */
    @Test
    void runningOutOfMemoryReachesTheScreenAsAMessageInWords() throws Exception {
        List<Throwable> seen = new ArrayList<>();
        BackgroundJob job = new BackgroundJob(BackgroundJob.synchronous());
        onFx(() -> job.start("Reading…", p -> {
            throw new OutOfMemoryError("Java heap space");
        }, v -> { }, seen::add, () -> { }));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).isInstanceOf(org.lowtide.service.OutOfMemory.class);
        assertThat(seen.get(0).getMessage()).startsWith("not enough memory: Java was given ")
                .contains("JAVA_TOOL_OPTIONS=-Xmx4g", "coarser step", "what was open is kept")
                .doesNotContain("java.lang", "Error", "heap space");
        assertThat(job.busyProperty().get()).isFalse();
    }
}
