package org.lowtide.announce;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.Plan;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileMapper;
import org.lowtide.project.PlanFiles;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.ImportOptions;

/** Plans with windows at chosen local times, and plan files of them, for the announce tests. */
public final class AnnounceFixtures {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private AnnounceFixtures() {
    }

    /**
     * A plan in Berlin whose window {@code i} starts at {@code starts[i]} (local) and lasts
     * {@code duration} of real time, with a one-hour rollback tail.
     */
    public static Plan plan(Duration duration, ZonedDateTime... starts) {
        List<ChangeWindow> windows = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            ZonedDateTime s = starts[i];
            windows.add(new ChangeWindow(i + 1, new Interval(s.toInstant(), s.toInstant().plus(duration)),
                    s.toInstant().plus(duration).plusSeconds(3600), s.toInstant(), 10, 12, 5, List.of("quiet")));
        }
        WindowRequest request = new WindowRequest(duration, Duration.ofHours(1), Math.max(1, starts.length),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30), Duration.ofDays(1), Constraints.none(BERLIN),
                Optional.empty());
        return new Plan(request, "requests", windows, Optional.empty(), List.of(), 100, OptionalDouble.empty(), 10, 10);
    }

    /** Berlin local time on a day of 2027. */
    public static ZonedDateTime berlin(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2027, month, day, hour, minute, 0, 0, BERLIN);
    }

    public static PlanDocument document(Plan plan) {
        return new PlanDocument("traffic.csv", "", ImportOptions.inZone(BERLIN), Optional.empty(), Optional.empty(),
                PlanRules.NONE, plan);
    }

    /** Saves {@code plan} to {@code file} as {@code plan --save} would (keeping what was announced from it). */
    public static Path save(Plan plan, Path file) throws Exception {
        PlanFiles.save(PlanFileMapper.toDto(document(plan), "Lowtide test"), file);
        return file;
    }
}
