package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * Issue 20, wave 7: one cost report for the screens asking for the same inputs
 * ({@link CostService#sharingReports()}), the one a fresh run makes; a run cancelled while making
 * it hands the others no error.
 */
class SharedCostReportsTest {

    private static final ZoneId ZONE = Samples.SHOP.zone();

    private static TrafficSeries shop() throws Exception {
        return CsvTrafficReader.read(Samples.SHOP.open(), Samples.SHOP.fileName(), ImportOptions.inZone(ZONE)).series();
    }

    private static CostAssumptions withRevenue(double changeFailureRate) {
        return CostAssumptions.defaults().toBuilder()
                .revenue(new RevenueBasis.Amount(RevenueBasis.Period.YEAR, 50_000_000, true))
                .changeFailureRate(changeFailureRate).build();
    }

    private static CostReport report(CostService service, TrafficSeries traffic, CostAssumptions a, Cancellation c) {
        return service.report(traffic, Optional.empty(), ZONE, a, ScenarioSet.defaults(),
                CostAnalysis.DEFAULT_SIMULATIONS, CostAnalysis.DEFAULT_SEED, c);
    }

    @Test
    void theSameInputsGetOneReportWhichIsTheOneAFreshRunMakes() throws Exception {
        TrafficSeries shop = shop();
        CostService shared = CostService.sharingReports();
        CostReport first = report(shared, shop, withRevenue(0.2), Cancellation.NEVER);
        // Equal inputs in other objects (the Windows tab analyses the file itself) get the same report.
        CostReport again = report(shared, shop(), withRevenue(0.2), Cancellation.NEVER);
        CostReport fresh = report(new CostService(), shop, withRevenue(0.2), Cancellation.NEVER);

        assertThat(again == first).as("the same report").isTrue();
        assertThat(first.expectedBySlot()).containsExactly(fresh.expectedBySlot());
        assertThat(first.best().estimate()).isEqualTo(fresh.best().estimate());
        assertThat(first.scenarios()).isEqualTo(fresh.scenarios());
        assertThat(first.errorBudget()).isEqualTo(fresh.errorBudget());

        CostReport other = report(shared, shop, withRevenue(0.15), Cancellation.NEVER);
        assertThat(other == first).isFalse();
        assertThat(other.expectedBySlot())
                .containsExactly(report(new CostService(), shop, withRevenue(0.15), Cancellation.NEVER).expectedBySlot());
        assertThat(report(new CostService(), shop, withRevenue(0.2), Cancellation.NEVER) == fresh)
                .as("without sharing, each call makes its own").isFalse();
    }

    @Test
    void aCallerAskingWhileTheReportIsMadeWaitsForItInsteadOfMakingItAgain() throws Exception {
        TrafficSeries shop = shop();
        SharedCostReports reports = new SharedCostReports();
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        CostReport real = report(new CostService(), shop, withRevenue(0.2), Cancellation.NEVER);
        CompletableFuture<CostReport> maker = CompletableFuture.supplyAsync(() -> get(reports, shop, Cancellation.NEVER,
                () -> {
                    made.incrementAndGet();
                    making.countDown();
                    await(release);
                    return real;
                }));
        assertThat(making.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CostReport> waiter = CompletableFuture.supplyAsync(() -> get(reports, shop,
                Cancellation.NEVER, () -> {
                    made.incrementAndGet();
                    return report(new CostService(), shop, withRevenue(0.2), Cancellation.NEVER);
                }));
        Thread.sleep(50);
        assertThat(waiter).as("waits for the report being made").isNotDone();
        release.countDown();
        assertThat(waiter.get(10, TimeUnit.SECONDS) == real).isTrue();
        assertThat(maker.get(10, TimeUnit.SECONDS) == real).isTrue();
        assertThat(made).hasValue(1);
    }

    @Test
    void aCancelledMakerHandsTheWaiterNoErrorAndAWaiterCancelledStopsWaiting() throws Exception {
        TrafficSeries shop = shop();
        SharedCostReports reports = new SharedCostReports();
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<CostReport> maker = CompletableFuture.supplyAsync(() -> get(reports, shop, Cancellation.NEVER,
                () -> {
                    making.countDown();
                    await(release);
                    throw new CancelledException(); // superseded by a newer edit
                }));
        assertThat(making.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<CostReport> cancelledWaiter = CompletableFuture.supplyAsync(() -> get(reports, shop,
                cancelled::get, () -> {
                    throw new AssertionError("a cancelled waiter makes nothing");
                }));
        CostReport real = report(new CostService(), shop, withRevenue(0.2), Cancellation.NEVER);
        CompletableFuture<CostReport> waiter = CompletableFuture.supplyAsync(() -> get(reports, shop,
                Cancellation.NEVER, () -> real));
        Thread.sleep(50);
        cancelled.set(true);
        assertThatThrownBy(() -> cancelledWaiter.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        release.countDown();
        assertThat(waiter.get(10, TimeUnit.SECONDS) == real).as("made by the waiter itself").isTrue();
        assertThatThrownBy(() -> maker.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        // Kept now: the next caller gets it without making it.
        assertThat(get(reports, shop, Cancellation.NEVER, () -> {
            throw new AssertionError("kept");
        }) == real).isTrue();
    }

    @Test
    void anotherTrafficDropsTheReportsOfTheOldOne() throws Exception {
        TrafficSeries shop = shop();
        TrafficSeries other = new TrafficSeries("other", shop.start(), shop.step(), shop.values().clone(), shop.zone(),
                shop.unit());
        SharedCostReports reports = new SharedCostReports();
        CostReport real = report(new CostService(), shop, withRevenue(0.2), Cancellation.NEVER);
        get(reports, shop, Cancellation.NEVER, () -> real);
        get(reports, other, Cancellation.NEVER, () -> real);
        AtomicInteger made = new AtomicInteger();
        get(reports, shop, Cancellation.NEVER, () -> {
            made.incrementAndGet();
            return real;
        });
        assertThat(made).as("the old traffic's report was dropped").hasValue(1);
    }

    private static CostReport get(SharedCostReports reports, TrafficSeries traffic, Cancellation c,
                                  java.util.function.Supplier<CostReport> make) {
        return reports.get(traffic, Optional.empty(), ZONE, withRevenue(0.2), ScenarioSet.defaults(),
                CostAnalysis.DEFAULT_SIMULATIONS, CostAnalysis.DEFAULT_SEED, c, make);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
