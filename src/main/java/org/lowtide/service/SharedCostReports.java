package org.lowtide.service;

import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.traffic.TrafficSeries;

/**
 * Cost reports made for one set of inputs, handed to every caller asking for the same inputs (issue
 * 20, wave 7). In the GUI, one edit on the Costs tab with a revenue entered asks for the same report
 * three times, on three threads: the Costs tab's, the Windows tab's plan in money and the
 * Overview's recommendation in money. The first caller makes it; a caller asking while it is being
 * made waits for it (still honouring its own cancellation) instead of making it again. A report
 * whose making failed or was cancelled is not kept: the next caller makes it itself, so a cancelled
 * (superseded) run never hands another run an error. The report is deterministic (seeded), so a
 * shared one is the one each caller would have made.
 *
 * <p>Keeps the reports of the latest traffic only, at most {@link #CAPACITY} (a new file's traffic
 * drops the old one's, so an old series is not held in memory). Thread-safe.
 */
final class SharedCostReports {

    /** Reports kept: a few edits back and forth on the same traffic. */
    static final int CAPACITY = 4;

    /** What a report is made from. */
    private record Key(TrafficSeries traffic, Optional<TrafficSeries> revenue, ZoneId zone, CostAssumptions assumptions,
                       ScenarioSet scenarios, int simulations, long seed) {
    }

    /** Least recently used first. */
    private final Map<Key, CompletableFuture<CostReport>> reports = new LinkedHashMap<>(8, 0.75f, true);

    /**
     * @return the report for these inputs: a kept one, one being made by another caller, or {@code make}'s
     * @throws CancelledException when {@code cancellation} says so while waiting
     */
    CostReport get(TrafficSeries traffic, Optional<TrafficSeries> revenue, ZoneId zone, CostAssumptions assumptions,
                   ScenarioSet scenarios, int simulations, long seed, Cancellation cancellation,
                   Supplier<CostReport> make) {
        Key key = new Key(traffic, revenue, zone, assumptions, scenarios, simulations, seed);
        while (true) {
            CompletableFuture<CostReport> mine = null;
            CompletableFuture<CostReport> theirs;
            synchronized (this) {
                theirs = reports.get(key);
                if (theirs == null) {
                    mine = new CompletableFuture<>();
                    dropOtherTraffic(key);
                    reports.put(key, mine);
                    evict();
                }
            }
            if (mine != null) {
                try {
                    CostReport made = make.get();
                    mine.complete(made);
                    return made;
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        reports.remove(key, mine);
                    }
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            try {
                return await(theirs, cancellation);
            } catch (ExecutionException e) {
                // The one making it failed or was cancelled (its entry is gone): make it here (an
                // error of the inputs' then arises here too, as it would have without sharing).
            }
        }
    }

    private static CostReport await(CompletableFuture<CostReport> future, Cancellation cancellation)
            throws ExecutionException {
        while (true) {
            cancellation.check();
            try {
                return future.get(5, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look at the cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** Drops the reports of another traffic than {@code key}'s (holding on to the series otherwise). */
    private void dropOtherTraffic(Key key) {
        reports.keySet().removeIf(k -> !k.traffic().equals(key.traffic()) || !k.revenue().equals(key.revenue()));
    }

    private void evict() {
        Iterator<Map.Entry<Key, CompletableFuture<CostReport>>> oldest = reports.entrySet().iterator();
        while (reports.size() > CAPACITY && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
