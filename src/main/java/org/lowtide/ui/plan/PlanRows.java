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
import org.lowtide.ui.plan.PlanViewModel.OccurrenceRow;
import org.lowtide.ui.plan.PlanViewModel.RejectionRow;
import org.lowtide.ui.plan.PlanViewModel.WindowRow;

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
}
