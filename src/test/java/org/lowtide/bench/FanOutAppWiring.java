package org.lowtide.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanService;
import org.lowtide.ui.ScreenThreads;
import org.lowtide.ui.cost.CostViewModel;
import org.lowtide.ui.main.MainViewModel;
import org.lowtide.ui.plan.PlanViewModel;

/**
 * Wave 7's setups for {@link FanOutBench}: a thread per screen ({@link ScreenThreads}) and one shared
 * cost report ({@link CostService#sharingReports()}), each alone and both together (as
 * {@code LowtideApp} wires them). Kept apart so that {@link FanOutBench} compiles against the branch
 * point too.
 */
public final class FanOutAppWiring {

    private FanOutAppWiring() {
    }

    /** @return a thread per screen; one shared report on one thread; both (the app) */
    public static List<FanOutBench.Setup> setups() {
        return List.of(setup(true, false), setup(false, true), setup(true, true));
    }

    private static FanOutBench.Setup setup(boolean separateThreads, boolean sharedReport) {
        return new FanOutBench.Setup() {
            @Override
            public String words() {
                return (separateThreads ? "a thread per screen, " : "one thread, ")
                        + (sharedReport ? "one shared cost report" : "a cost report per screen")
                        + (separateThreads && sharedReport ? " (the app now)" : "");
            }

            @Override
            public FanOutBench.Models make(Duration pause) {
                ScreenThreads threads = separateThreads ? ScreenThreads.separate() : ScreenThreads.shared();
                AnalysisService analysis = new AnalysisService();
                CostService reports = sharedReport ? CostService.sharingReports() : new CostService();
                return new FanOutBench.Models(
                        new MainViewModel(analysis, new PlanService(analysis, reports), threads.analysis(),
                                Clock.systemUTC()),
                        new CostViewModel(reports, threads.costs(), separateThreads && sharedReport
                                ? Duration.ZERO : pause), // the app's tab: no pause
                        new PlanViewModel(new PlanService(analysis, reports), threads.plans(), Clock.systemDefaultZone(),
                                separateThreads && sharedReport ? Duration.ZERO : PlanViewModel.DEBOUNCE),
                        threads::shutdownNow);
            }
        };
    }
}
