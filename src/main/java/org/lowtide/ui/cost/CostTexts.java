package org.lowtide.ui.cost;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.lowtide.cost.BrownOut;
import org.lowtide.cost.ChangeCost;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.ErrorBudget;
import org.lowtide.service.RecommendationService;
import org.lowtide.ui.cost.CostViewModel.Card;

/**
 * A cost report as the Costs screen words it: the summary lines and the result cards. No JavaFX;
 * {@link CostViewModel} puts these into its properties (as {@code PlanRows} does for the Windows screen).
 *
 * @param perMinute revenue per minute: lowest, median, highest
 * @param change    the cheapest, median and dearest start minute
 * @param chosen    a change at the chosen day and hour
 * @param budget    the error budget and what the expected incidents use of it
 * @param brownOut  what a slow hour costs against a down hour
 * @param cards     the result cards, in display order
 */
record CostTexts(String perMinute, String change, String chosen, String budget, String brownOut, List<Card> cards) {

    CostTexts {
        cards = List.copyOf(cards);
    }

    /** @return the texts of {@code r}, with a change simulated at {@code day} {@code time} */
    static CostTexts of(CostReport r, ChangeSimulator.Run chosen, DayOfWeek day, LocalTime time) {
        Currency c = r.currency();
        double[] mmm = r.curve().minMedianMax();
        boolean own = RecommendationService.revenueGiven(r.assumptions()); // the user's or the data's

        String perMinute = String.format(Locale.ROOT, "Revenue per minute: lowest %s, median %s, highest %s%s",
                money(mmm[0], c), money(mmm[1], c), money(mmm[2], c), own ? ""
                        : " (illustrative: no revenue given, so windows are ranked by traffic only; Gartner's "
                        + "oft-quoted 2014 average of $5,600 per minute stands in until you enter your revenue)");
        // One start minute by money alone, not the recommended window (window and rollback, on the Overview).
        String change = line("Cheapest start minute (money alone, not a window)", r.best(), c) + "\n"
                + line("Median start", r.median(), c) + "\n" + line("Dearest start", r.worst(), c) + "\n"
                + "p90: the cost 9 in 10 changes stay under; p99: 99 in 100. The recommended window (Overview, "
                + "Windows) counts the window and the rollback after it"
                + (RecommendationService.revenueGiven(r.assumptions()) ? "." : ", ranked by traffic only until you "
                + "enter your revenue.");
        CostEstimate e = chosen.estimate();
        String chosenText = String.format(Locale.ROOT, "A change on %s at %02d:00: expected %s (closed form %s ± %s); "
                        + "p50 %s, p90 %s, p99 %s; %.1f %% of the simulated changes failed",
                name(day), time.getHour(), money(e.mean(), c), money(e.exactMean(), c),
                money(e.standardError(), c), money(e.p50(), c), money(e.p90(), c), money(e.p99(), c),
                e.failureProbability() * 100);
        ErrorBudget b = r.errorBudget();
        String budget = String.format(Locale.ROOT, "Error budget at %s %%: %.1f min per 30 days (%.1f per quarter). "
                        + "Expected incidents use %.0f %% of it%s%s.", plain(b.sloPercent()),
                b.allowedMinutesPer30Days(), b.allowedMinutesPerQuarter(), b.consumedShare() * 100,
                b.changesPer30DaysThatFit().isPresent() ? String.format(Locale.ROOT, "; %,.0f changes per 30 days fit",
                        b.changesPer30DaysThatFit().getAsDouble()) : "",
                b.consumedShare() > 1 ? String.format(Locale.ROOT, " (over budget: %,.0f changes a year, %.0f %% "
                        + "failing; enter your team's figures)", r.assumptions().changesPerYear().value(),
                        r.assumptions().changeFailureRate().value() * 100) : "");
        BrownOut bo = r.brownOut();
        String brownOut = String.format(Locale.ROOT, "Brown-out: +%.0f ms loses %.1f %% of revenue; an hour slow at the "
                        + "median hour costs %s, an hour down %s", bo.extraLatencyMs(), bo.lossFraction() * 100,
                money(bo.hourSlowAtMedian(), c), money(bo.hourDownAtMedian(), c));
        return new CostTexts(perMinute, change, chosenText, budget, brownOut, cards(r, chosen, day, time));
    }

    /** The result cards: the cheapest and median start, what choosing the cheapest saves a year, the chosen start, the budget. */
    private static List<Card> cards(CostReport r, ChangeSimulator.Run chosenRun, DayOfWeek day, LocalTime time) {
        String c = r.currency().getCurrencyCode();
        double perYear = r.assumptions().changesPerYear().value();
        double saved = (r.median().estimate().mean() - r.best().estimate().mean()) * perYear;
        CostEstimate chosen = chosenRun.estimate();
        ErrorBudget b = r.errorBudget();
        return List.of(
                new Card("cheapest", "Expected cost of a change at the cheapest start",
                        org.lowtide.report.Texts.moneyRounded(r.best().estimate().mean(), c),
                        name(r.best().day()) + " " + r.best().time() + " · 1 in 10 costs over "
                                + org.lowtide.report.Texts.moneyRounded(r.best().estimate().p90(), c)),
                new Card("median", "At the median start of the week",
                        org.lowtide.report.Texts.moneyRounded(r.median().estimate().mean(), c),
                        name(r.median().day()) + " " + r.median().time() + " · 1 in 10 costs over "
                                + org.lowtide.report.Texts.moneyRounded(r.median().estimate().p90(), c)),
                new Card("savings", "Saved a year by the cheapest start",
                        org.lowtide.report.Texts.moneyRounded(Math.max(0, saved), c),
                        String.format(Locale.ROOT, "%s changes a year, cheapest start instead of the median",
                                org.lowtide.report.Texts.number(perYear))),
                new Card("chosen", "A change " + name(day) + " " + String.format(Locale.ROOT, "%02d:00",
                        time.getHour()), org.lowtide.report.Texts.moneyRounded(chosen.mean(), c),
                        "1 in 10 costs over " + org.lowtide.report.Texts.moneyRounded(chosen.p90(), c)),
                new Card("budget", "Error budget per 30 days", String.format(Locale.ROOT, "%.0f min",
                        b.allowedMinutesPer30Days()), String.format(Locale.ROOT, "expected incidents use %.0f %%%s",
                        b.consumedShare() * 100, b.consumedShare() > 1 ? " (over budget)" : "")));
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String line(String label, ChangeCost c, Currency currency) {
        CostEstimate e = c.estimate();
        return String.format(Locale.ROOT, "%s: %s %s, expected %s (p90 %s, p99 %s)", label, name(c.day()),
                c.time(), money(e.mean(), currency), money(e.p90(), currency), money(e.p99(), currency));
    }

    private static String name(DayOfWeek d) {
        return d.name().charAt(0) + d.name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** @return an amount with the currency's usual decimals and its code */
    static String money(double amount, Currency currency) {
        // As the CLI and the report write money: cents only where they mean something.
        return org.lowtide.report.Texts.money(amount, currency.getCurrencyCode());
    }
}
