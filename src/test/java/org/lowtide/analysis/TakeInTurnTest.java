package org.lowtide.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 20: the backtest's tasks (the final decomposition and the origins' fits) are taken in turn
 * by the calling thread and one helper of the common pool. Results come back in task order, null
 * results stay null, a failure (an error too) comes back as itself, and a caller whose helper never
 * starts runs every task alone instead of waiting for it.
 */
class TakeInTurnTest {

    @Test
    void resultsComeBackInTaskOrderWithNullsKept() {
        Object[] results = ForecastSelection.takeInTurn(9, j -> j % 3 == 2 ? null : "task " + j);
        assertThat(results).containsExactly("task 0", "task 1", null, "task 3", "task 4", null, "task 6", "task 7", null);
    }

    @Test
    void failuresComeBackAsValuesErrorsIncluded() {
        Object[] results = ForecastSelection.takeInTurn(4, j -> {
            if (j == 1) {
                throw new IllegalStateException("origin 1 failed");
            }
            if (j == 3) {
                throw new StackOverflowError("too deep");
            }
            return j;
        });
        assertThat(results[0]).isEqualTo(0);
        assertThat(results[2]).isEqualTo(2);
        assertThat(((ForecastSelection.Failure) results[1]).thrown()).isInstanceOf(IllegalStateException.class)
                .hasMessage("origin 1 failed");
        assertThat(((ForecastSelection.Failure) results[3]).thrown()).isInstanceOf(StackOverflowError.class);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aCallerWhoseHelperCannotStartRunsEveryTaskItself() throws Exception {
        ForkJoinPool pool = ForkJoinPool.commonPool();
        int workers = Math.max(1, pool.getParallelism());
        CountDownLatch held = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            pool.execute(() -> {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).as("every worker of the common pool is busy").isTrue();
            Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
            Object[] results = ForecastSelection.takeInTurn(6, j -> {
                ranOn.add(Thread.currentThread());
                return j * j;
            });
            assertThat(results).containsExactly(0, 1, 4, 9, 16, 25);
            assertThat(ranOn).containsExactly(Thread.currentThread());
        } finally {
            release.countDown();
        }
    }
}
