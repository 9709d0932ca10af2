package org.lowtide.ui.plan;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Plan;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.Rejection;
import org.lowtide.service.PlanFileService;
import org.lowtide.service.PlanResult;
import org.lowtide.traffic.Interval;

/**
 * A plan as the Windows screen shows it: table rows and the lines of text around them. No JavaFX;
 * {@link PlanViewModel} puts these into its properties.
 *
 * @param windows         the dated windows, best first
 * @param rejections      windows ruled out although as quiet, best first
 * @param occurrences     the weekly rule's next dates
 * @param recurringRule   the weekly rule in words
 * @param summary         the best window in words
 * @param details         how many candidates met the constraints, and the median window's traffic or cost
 * @param habitComparison the team's habit against the best window; empty without a habit
 * @param outlookNote     what the plan's traffic stands on (forecast or weekly profile), as a sentence
 */
public record PlanRows(List<WindowRow> windows, List<RejectionRow> rejections, List<OccurrenceRow> occurrences,
                       String recurringRule, String summary, String details, String habitComparison,
                       String outlookNote) {

    public PlanRows {
        windows = List.copyOf(windows);
        rejections = List.copyOf(rejections);
        occurrences = List.copyOf(occurrences);
    }

    /** @return the rows and lines of {@code r} */
    public static PlanRows of(PlanResult r) {
        Plan plan = r.plan();
        ZoneId planZone = plan.request().constraints().zone();
        List<WindowRow> rows = new ArrayList<>();
        for (ChangeWindow w : plan.windows()) {
            rows.add(new WindowRow(w.rank(), PlanFormats.localShort(w.window(), planZone), PlanFormats.utc(w.window()),
                    PlanFormats.time(w.latestSafeStart(), planZone), w.expected(), w.upper(), w.savingsVsMedian(),
                    PlanFormats.percent(w.savingsVsMedian(), plan.medianCandidate()), w.reasons(), w.window(),
                    w.change().orElse("")));
        }

        List<RejectionRow> ruledOut = new ArrayList<>();
        for (Rejection x : plan.rejections()) {
            ruledOut.add(new RejectionRow(PlanFormats.localShort(x.window(), planZone), x.expected(), x.reason()));
        }

        List<OccurrenceRow> dates = new ArrayList<>();
        plan.recurring().ifPresent(rule -> {
            for (RecurringWindow.Occurrence o : rule.occurrences()) {
                dates.add(new OccurrenceRow(PlanFormats.localShort(o.start(), o.end()),
                        PlanFormats.utc(new Interval(o.start().toInstant(), o.end().toInstant())),
                        String.join("; ", o.flags())));
            }
        });
        String unit = plan.unit().isEmpty() ? "" : " " + plan.unit();
        boolean money = r.cost().isPresent();
        String recurringRule = (plan.recurring()
                .map(rule -> PlanFileService.describe(rule) + "  ·  " + PlanFormats.amount(rule.expected()) + unit
                        + (money ? " expected cost per change" : " at stake each time"))
                .orElse("No weekly slot fits the staff hours."));

        String summary;
        if (plan.windows().isEmpty()) {
            summary = ("No window meets every constraint between " + PlanFormats.day(plan.request().from()) + " and "
                    + PlanFormats.day(plan.request().to()));
        } else {
            ChangeWindow best = plan.windows().get(0);
            summary = ("Best: " + PlanFormats.local(best.window(), planZone) + " " + planZone.getId());
        }
        String details;
        if (money) {
            details = (PlanFormats.count(plan.allowed()) + " of " + PlanFormats.count(plan.candidates())
                    + " candidate windows meet every constraint · a change in the median window costs "
                    + PlanFormats.amount(plan.medianCandidate()) + unit + " on average (cost model: Costs tab)");
        } else {
            details = (PlanFormats.count(plan.allowed()) + " of " + PlanFormats.count(plan.candidates())
                    + " candidate windows meet every constraint · median window " + PlanFormats.amount(plan.medianCandidate())
                    + unit + " at stake (window and " + DurationText.format(plan.request().rollbackTail())
                    + " rollback tail)"
                    + (r.request().cost().isPresent() ? " · ranked by traffic only: no revenue given (enter yours on "
                    + "the Costs tab to rank by the cost of a change)" : ""));
        }
        String habitComparison;
        if (plan.habit().isPresent() && plan.request().habit().isPresent() && !plan.windows().isEmpty()) {
            double usual = plan.habit().getAsDouble();
            double best = plan.windows().get(0).expected();
            habitComparison = ("Your habit (" + plan.request().habit().get() + ") puts " + PlanFormats.amount(usual)
                    + unit + (money ? " per change at risk" : " at stake per change") + "; the best window "
                    + PlanFormats.amount(best)
                    + (usual > 0 ? " (" + PlanFormats.percent(usual - best, usual) + " less)" : "") + ".");
        } else if (plan.habit().isPresent() && plan.request().habit().isPresent()) {
            // The habit is on the grid, but nothing met the constraints: there is no best window to compare.
            habitComparison = "Your habit (" + plan.request().habit().get() + ") puts "
                    + PlanFormats.amount(plan.habit().getAsDouble()) + unit
                    + (money ? " per change at risk" : " at stake per change") + "; no window meets every constraint.";
        } else if (plan.request().habit().isPresent()) {
            habitComparison = ("Your habit (" + plan.request().habit().get() + ") never falls on the horizon's grid.");
        } else {
            habitComparison = ("");
        }
        String outlook = r.traffic().note();
        String outlookNote = (outlook.isEmpty() ? outlook : Character.toUpperCase(outlook.charAt(0)) + outlook.substring(1))
                + ".";
        return new PlanRows(rows, ruledOut, dates, recurringRule, summary, details, habitComparison, outlookNote);
    }

    /**
     * One ranked dated window as the table shows it.
     *
     * @param rank            1 for the best
     * @param local           start–end in the plan's zone
     * @param utc             start–end in UTC
     * @param latestSafeStart latest start from which a failed change is rolled back in time (local HH:mm)
     * @param expected        traffic expected at stake over window and tail
     * @param upper           p90 of the same
     * @param savings         how much less than the median candidate window
     * @param savingsShare    the savings as a share of the median, e.g. "89 %"
     * @param reasons         why it was chosen
     * @param window          the window
     * @param change          the named change it is for; empty when the plan lists no changes
     */
    public record WindowRow(int rank, String local, String utc, String latestSafeStart, double expected, double upper,
                            double savings, String savingsShare, List<String> reasons, Interval window,
                            String change) {
        public WindowRow {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A window ruled out although it is as quiet as a chosen one.
     *
     * @param local    start–end in the plan's zone
     * @param expected traffic expected at stake
     * @param reason   why it was ruled out
     */
    public record RejectionRow(String local, double expected, String reason) {
    }

    /**
     * One date of the weekly rule.
     *
     * @param local start–end in the plan's zone
     * @param utc   start–end in UTC
     * @param flags holidays, blackouts and DST changes that move or block it; empty when plain
     */
    public record OccurrenceRow(String local, String utc, String flags) {
    }
}
