package org.lowtide.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs test code on the FX thread and waits for it, then for the events it posted (a Task posts
 * its state changes, and so its handlers, to the FX queue), so that a view model has shown the
 * outcome of a call when it returns. For view-model tests that drive no controls.
 */
public final class FxThread {

    private static final long TIMEOUT_SECONDS = 60;

    private FxThread() {
    }

    /** Runs {@code action} on the FX thread and waits for it and the events it posted. */
    public static void onFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Calls {@code action} on the FX thread, waits for it and the events it posted, and returns its value. */
    public static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(action.call());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        T value = done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }
}
