package org.lowtide.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.Plan;
import org.lowtide.planning.Rejection;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.Cancellation;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.PlanResult;
import org.lowtide.service.PlanService;
import org.lowtide.service.ProgressListener;
import org.lowtide.service.Samples;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * The Windows screen's rows and lines from a plan (issue 19: row formatting out of the view
 * model), without JavaFX. The expected texts are written here from the plan's own values with the
 * JDK's formatters, not through {@link PlanFormats}, so a formatting slip fails.
 */
class PlanRowsTest {

    private static final ZoneId BERLIN = Samples.SHOP.zone();
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private static PlanResult planned;
    private static PlanRows rows;

    @BeforeAll
    static void plan() throws Exception {
        // Staff hours at night rule out the quiet Sunday afternoons; the habit is Tuesday 14:00.
        planned = plan(new Constraints(BERLIN, List.of(AllowedHours.parse("Mon-Sat 01:00-06:00")),
                List.of(Blackout.parse("2026-01-12/2026-01-13=Freeze", BERLIN)), List.of(), HolidayPolicy.BLACKOUT),
                Optional.of(WindowRequest.Habit.parse("Tue 14:00")));
        rows = PlanRows.of(planned);
    }

    private static PlanResult plan(Constraints constraints, Optional<WindowRequest.Habit> habit) throws Exception {
        PlanService service = new PlanService(new AnalysisService());
        return service.plan(new PlanRequest(new AnalysisRequest(Samples.SHOP, ImportOptions.inZone(BERLIN),
                Duration.ofHours(2), AnalysisRequest.DEFAULT_TROUGHS), new WindowRequest(Duration.ofHours(2),
                Duration.ofHours(1), 3, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 25), Duration.ofDays(1),
                constraints, habit), Optional.empty()), ProgressListener.NONE, Cancellation.NEVER);
    }

    private static String span(Interval i, ZoneId zone, DateTimeFormatter start) {
        ZonedDateTime a = i.start().atZone(zone);
        ZonedDateTime b = i.end().atZone(zone);
        assertThat(b.toLocalDate()).as("these windows end on the day they start").isEqualTo(a.toLocalDate());
        return start.format(a) + "–" + HM.format(b);
    }

    @Test
    void everyDatedWindowIsARowInRankOrderWithItsTimesAndSavings() {
        Plan plan = planned.plan();
        assertThat(rows.windows()).hasSize(plan.windows().size()).isNotEmpty();
        for (int i = 0; i < plan.windows().size(); i++) {
            ChangeWindow w = plan.windows().get(i);
            PlanRows.WindowRow row = rows.windows().get(i);
            assertThat(row.rank()).isEqualTo(i + 1).isEqualTo(w.rank());
            assertThat(row.local()).isEqualTo(span(w.window(), BERLIN, SHORT));
            assertThat(row.utc()).isEqualTo(span(w.window(), ZoneOffset.UTC, UTC));
            assertThat(row.latestSafeStart()).isEqualTo(HM.format(w.latestSafeStart().atZone(BERLIN)));
            assertThat(row.expected()).isEqualTo(w.expected());
            assertThat(row.savingsShare()).isEqualTo(String.format(Locale.ENGLISH, "%.0f %%",
                    100 * w.savingsVsMedian() / plan.medianCandidate()));
            assertThat(row.reasons()).isEqualTo(w.reasons());
            assertThat(row.window()).isEqualTo(w.window());
            assertThat(row.change()).isEmpty();
        }
    }

    @Test
    void theLinesAroundTheTableNameTheBestWindowTheCountsTheHabitAndTheOutlook() {
        Plan plan = planned.plan();
        ChangeWindow best = plan.windows().get(0);
        assertThat(rows.summary()).isEqualTo("Best: " + LONG.format(best.window().start().atZone(BERLIN)) + "–"
                + HM.format(best.window().end().atZone(BERLIN)) + " Europe/Berlin");
        assertThat(rows.details()).startsWith(String.format(Locale.ENGLISH, "%,d of %,d candidate windows meet every "
                + "constraint · median window %,.0f", plan.allowed(), plan.candidates(), plan.medianCandidate()))
                .endsWith("at stake (window and 1 h rollback tail)");
        double usual = plan.habit().getAsDouble();
        assertThat(rows.habitComparison()).isEqualTo(String.format(Locale.ENGLISH,
                "Your habit (Tuesdays 14:00) puts %,.0f%s at stake per change; the best window %,.0f (%.0f %% less).", usual,
                plan.unit().isEmpty() ? "" : " " + plan.unit(), best.expected(), 100 * (usual - best.expected()) / usual));
        String note = planned.traffic().note();
        assertThat(rows.outlookNote()).isEqualTo(Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".");
        assertThat(rows.recurringRule()).contains(" at stake each time");
    }

    @Test
    void windowsRuledOutAreListedWithTheirReason() {
        List<Rejection> rejections = planned.plan().rejections();
        assertThat(rows.rejections()).hasSize(rejections.size());
        for (int i = 0; i < rejections.size(); i++) {
            assertThat(rows.rejections().get(i).local()).isEqualTo(span(rejections.get(i).window(), BERLIN, SHORT));
            assertThat(rows.rejections().get(i).reason()).isEqualTo(rejections.get(i).reason());
        }
    }

    @Test
    void aPlanWithoutWindowsSaysSoWithoutCallingTheHabitOffTheGrid() throws Exception {
        PlanResult none = plan(new Constraints(BERLIN, List.of(), List.of(Blackout.parse("2026-01-01/2026-01-31=Frozen",
                BERLIN)), List.of(), HolidayPolicy.BLACKOUT), Optional.of(WindowRequest.Habit.parse("Tue 14:00")));
        PlanRows empty = PlanRows.of(none);
        assertThat(empty.windows()).isEmpty();
        assertThat(empty.summary()).isEqualTo("No window meets every constraint between Mon 5 Jan 2026 and Sun 25 Jan 2026");
        // The habit is on the grid; with no window to compare, it is not said to be off the grid.
        assertThat(none.plan().habit()).isPresent();
        assertThat(empty.habitComparison()).isEqualTo(String.format(Locale.ENGLISH, "Your habit (Tuesdays 14:00) puts "
                + "%,.0f%s at stake per change; no window meets every constraint.", none.plan().habit().getAsDouble(),
                none.plan().unit().isEmpty() ? "" : " " + none.plan().unit()));
    }

    @Test
    void spansOverMidnightAndToMidnightReadAsPeopleWriteThem() {
        Instant sat23 = ZonedDateTime.of(2026, 11, 28, 23, 0, 0, 0, BERLIN).toInstant();
        assertThat(PlanFormats.localShort(new Interval(sat23, sat23.plus(Duration.ofHours(2))), BERLIN))
                .isEqualTo("Sat 28 Nov 23:00–Sun 01:00");
        assertThat(PlanFormats.localShort(new Interval(sat23, sat23.plus(Duration.ofHours(1))), BERLIN))
                .isEqualTo("Sat 28 Nov 23:00–24:00");
        assertThat(PlanFormats.percent(1, 0)).isEmpty();
        assertThat(PlanFormats.amount(Double.NaN)).isEqualTo("–");
    }
}
