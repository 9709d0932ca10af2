package org.lowtide.project;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * The child process of {@link CrashSafetyTest}: plans once on a traffic file, then saves the plan
 * to the target again and again (the path {@code plan --save} takes) until it is killed.
 * Prints "saving" once the first save is done.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path traffic = Path.of(args[0]);
        Path target = Path.of(args[1]);
        ZoneId zone = ZoneId.of("Europe/Berlin");
        PlanService plans = new PlanService(new AnalysisService());
        WindowRequest request = new WindowRequest(Duration.ofHours(1), Duration.ofMinutes(30), 120,
                LocalDate.of(2025, 11, 17), LocalDate.of(2026, 2, 17), Duration.ZERO,
                new Constraints(zone, List.of(AllowedHours.parse("daily 00:00-24:00")), List.of(), List.of(),
                        HolidayPolicy.BLACKOUT), Optional.empty());
        PlanResult result = plans.plan(new PlanRequest(new AnalysisRequest(new TrafficSource.FileSource(traffic),
                ImportOptions.inZone(zone), request.duration(), AnalysisRequest.DEFAULT_TROUGHS), request,
                Optional.empty(), Optional.empty(), PlanRules.NONE), ProgressListener.NONE, Cancellation.NEVER);
        plans.save(result, target);
        System.out.println("saving");
        System.out.flush();
        while (true) {
            plans.save(result, target);
        }
    }
}
