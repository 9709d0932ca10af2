package org.lowtide.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.lowtide.service.Cancellation;
import org.lowtide.service.CancelledException;
import org.lowtide.service.ProgressListener;

/**
 * One way for a screen to run its work off the FX thread: a {@link Task} on the screen's executor,
 * with busy, progress and status state a status bar binds to, cancel, and the outcome handed back
 * on the FX thread. Starting a job cancels the one running (a newer request supersedes an older
 * one), and a superseded job's handlers never run, so a slow old answer cannot overwrite a new one.
 *
 * <p>The work gets a {@link Progress}, which is the service layer's {@link ProgressListener} and
 * {@link Cancellation}, so it passes it straight to a service. Confined to the FX application
 * thread. In tests, {@link #synchronous()} runs the work at once on the calling thread; the
 * outcome then arrives through the FX event queue as with a real executor.
 */
public final class BackgroundJob {

    /** What the work reports to and asks of its job. */
    public interface Progress extends ProgressListener, Cancellation {
    }

    /** The work of a job. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param progress report progress here and stop when it says cancelled
         * @return the outcome, handed to the success handler on the FX thread
         */
        T run(Progress progress) throws Exception;
    }

    private final Executor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private JobTask<?> running;

    /** @param executor runs the jobs; a single background thread in the app, {@link #synchronous()} in tests */
    public BackgroundJob(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** @return an executor that runs a job at once on the calling thread (tests) */
    public static Executor synchronous() {
        return Runnable::run;
    }

    /**
     * Starts {@code work}, cancelling the job running. Exactly one handler runs, on the FX thread,
     * unless a newer job superseded this one.
     *
     * @param startMessage the status while it starts, e.g. "Planning…"
     * @param succeeded    given the outcome
     * @param failed       given what went wrong; a {@link RejectedExecutionException} when the executor
     *                     refused the job (the app is shutting down)
     * @param cancelled    runs when the job was cancelled
     */
    public <T> void start(String startMessage, Work<T> work, Consumer<? super T> succeeded,
                          Consumer<Throwable> failed, Runnable cancelled) {
        Objects.requireNonNull(work, "work");
        JobTask<T> task = new JobTask<>(work);
        JobTask<?> previous = running;
        running = task;
        if (previous != null) {
            previous.cancel();
        }
        busy.set(true);
        message.set(startMessage);
        progress.bind(task.progressProperty());
        task.messageProperty().addListener((o, before, now) -> {
            if (running == task && now != null && !now.isEmpty()) {
                message.set(now);
            }
        });
        task.setOnSucceeded(e -> finish(task, () -> succeeded.accept(task.getValue())));
        task.setOnFailed(e -> finish(task, () -> {
            Throwable error = task.getException();
            if (org.lowtide.service.OutOfMemory.isOutOfMemory(error)
                    && !(error instanceof org.lowtide.service.OutOfMemory)) {
                // The heap ran out: the screens get a message saying what to do, never a stack trace,
                // and keep what they show (the work's partial results are gone with its thread).
                error = org.lowtide.service.OutOfMemory.of(java.util.Optional.empty(), error,
                        org.lowtide.service.OutOfMemory.Face.GUI);
            }
            if (error instanceof CancelledException) {
                cancelled.run();
            } else {
                failed.accept(error);
            }
        }));
        task.setOnCancelled(e -> finish(task, cancelled));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            finish(task, () -> failed.accept(e));
        }
    }

    /**
     * Mirrors this job's state into a screen's own: {@code busy} and {@code progress} follow it, and
     * each message of a running job goes to {@code status} (the screen sets its status itself too).
     */
    public void mirrorInto(javafx.beans.property.BooleanProperty busyState,
                           javafx.beans.property.DoubleProperty progressState, Consumer<String> status) {
        busyState.bind(busy);
        progressState.bind(progress);
        message.addListener((o, before, now) -> {
            if (now != null && !now.isEmpty() && running != null) {
                status.accept(now);
            }
        });
    }

    /** Cancels the job running, if any; its cancel handler runs. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** @return whether a job is running */
    public boolean isRunning() {
        return running != null;
    }

    private void finish(JobTask<?> task, Runnable action) {
        if (task != running) {
            return; // superseded
        }
        running = null;
        progress.unbind();
        progress.set(0);
        busy.set(false);
        action.run();
    }

    /** Whether a job is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Progress of the running job in [0, 1]; 0 when none runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the running job does now; the last message after it ends. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private static final class JobTask<T> extends Task<T> implements Progress {
        private final Work<T> work;

        JobTask(Work<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            T outcome = work.run(this);
            if (isCancelled()) {
                throw new CancelledException();
            }
            updateProgress(1.0, 1.0);
            return outcome;
        }

        @Override
        public void progress(double fraction, String text) {
            updateProgress(fraction, 1.0);
            updateMessage(text);
        }
    }
}
