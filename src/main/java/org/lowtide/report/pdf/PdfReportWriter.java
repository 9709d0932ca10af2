package org.lowtide.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.lowtide.cost.ChangeCost;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.ErrorBudget;
import org.lowtide.cost.ScenarioResult;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.Plan;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.Rejection;
import org.lowtide.report.AssumptionRow;
import org.lowtide.report.Money;
import org.lowtide.report.ReportCharts;
import org.lowtide.report.ReportInput;
import org.lowtide.report.ReportModel;
import org.lowtide.report.ReportOptions;
import org.lowtide.report.Section;
import org.lowtide.report.Texts;
import org.lowtide.report.charts.CostCharts;
import org.lowtide.traffic.TrafficSeries;

/**
 * Writes a {@link ReportModel} as a PDF with OpenPDF: the sections the options ask for, charts
 * drawn as vectors through {@code PdfGraphics2D}, every font embedded, a header and footer with
 * page numbers on every page. The same model gives the same bytes: the creation date is the
 * options' date, and the file id and font subset tags derive from the inputs.
 */
public final class PdfReportWriter {

    private static final float MARGIN_SIDE = 50;
    private static final float MARGIN_TOP = 62;
    private static final float MARGIN_BOTTOM = 58;

    /** Hears how far rendering has come, and may stop it. */
    public interface Listener {
        /** Never cancels and hears nothing. */
        Listener NONE = new Listener() {
        };

        /** @param fraction done so far; @param message what is being drawn */
        default void progress(double fraction, String message) {
        }

        /** @return whether to stop (the writer then throws {@link CancellationException}) */
        default boolean isCancelled() {
            return false;
        }
    }

    /**
     * What was written.
     *
     * @param pages             the number of pages
     * @param missingCharacters characters no available font could show (drawn as boxes)
     * @param fallbackFont      the fallback font that was embedded for other scripts, if any
     */
    public record Result(int pages, Set<String> missingCharacters, Optional<String> fallbackFont) {
        public Result {
            missingCharacters = Set.copyOf(missingCharacters);
            Objects.requireNonNull(fallbackFont, "fallbackFont");
        }
    }

    private final ReportModel model;
    private final ReportOptions options;
    private final ReportCharts charts;
    private final Listener listener;
    private Blocks blocks;
    private Document document;
    private float contentWidth;
    /** The share of a page that must be free for a section to start on it (see {@link #roomForASection}). */
    static final float SECTION_ROOM = 0.45f;

    private PdfReportWriter(ReportModel model, Listener listener) {
        this.model = model;
        this.options = model.input().options();
        this.charts = new ReportCharts(model);
        this.listener = listener;
    }

    /**
     * Writes the report to {@code out} (not closed).
     *
     * @throws CancellationException when the listener asks to stop
     */
    public static Result write(ReportModel model, OutputStream out, Listener listener) {
        return new PdfReportWriter(model, listener).write(out);
    }

    private Result write(OutputStream out) {
        byte[] digest = digest();
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = seed << 8 | (digest[i] & 0xff);
        }
        ReportFonts fonts = ReportFonts.forDocument(seed);
        Rectangle page = new Rectangle(options.paper().widthPoints(), options.paper().heightPoints());
        document = new Document(page, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, new NonClosing(out));
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setCompressionLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
        writer.setPageEvent(new PageDecorations(fonts, options.title(), footer()));
        document.addTitle(options.title());
        if (!options.author().isBlank()) {
            document.addAuthor(options.author());
        }
        document.addSubject("Change windows and what downtime costs, for " + model.input().provenance().fileName());
        document.addKeywords("Lowtide, change window, maintenance window, downtime cost");
        document.addCreator("Lowtide " + model.input().provenance().lowtideVersion());
        document.open();
        fixMetadata(writer, digest);
        contentWidth = document.right() - document.left();
        blocks = new Blocks(fonts, writer, contentWidth);

        List<Section> sections = new ArrayList<>();
        for (Section s : Section.values()) {
            if (options.has(s)) {
                sections.add(s);
            }
        }
        int number = 0;
        for (Section s : sections) {
            check();
            listener.progress(number / (double) sections.size(), "Drawing " + s.title().toLowerCase(Locale.ROOT));
            if (number > 0 && !(number >= 2 && roomForASection())) {
                document.newPage();
            }
            number++;
            switch (s) {
                case SUMMARY:
                    summary();
                    break;
                case PATTERN:
                    pattern(number);
                    break;
                case MONEY:
                    money(number);
                    break;
                case PLAN:
                    plan(number);
                    break;
                default:
                    assumptions(number);
                    break;
            }
        }
        check();
        int pages = writer.getPageNumber();
        listener.progress(0.95, "Writing the file");
        document.close();
        listener.progress(1.0, "Done");
        return new Result(pages, fonts.missingCharacters(), fonts.fallbackUsed().map(Object::toString));
    }

    private void check() {
        if (listener.isCancelled()) {
            throw new CancellationException("report cancelled");
        }
    }

    // ------------------------------------------------------------------ sections

    private void summary() {
        ReportInput in = model.input();
        ReportModel.Summary s = model.summary();
        add(blocks.title(options.title()));
        List<String> meta = new ArrayList<>();
        if (!options.author().isBlank()) {
            meta.add("Prepared by " + options.author());
        }
        meta.add(madeOn());
        meta.add("Lowtide " + in.provenance().lowtideVersion());
        add(blocks.small(String.join("  ·  ", meta)));
        add(blocks.small(dataLine()));

        List<String> lines = new ArrayList<>();
        if (!s.windows().isEmpty()) {
            lines.add("Next planned windows: " + String.join(";  ", s.windows().subList(0, Math.min(4,
                    s.windows().size()))) + ".");
        }
        in.plan().windows().stream().findFirst().ifPresent(w -> lines.add("Start a risky change by "
                + Texts.HM.format(w.latestSafeStart().atZone(model.zone())) + " in the first window: a failed change "
                + "is then rolled back before traffic rises."));
        add(blocks.callout("Recommendation", s.headline(), lines));

        add(blocks.tiles(model.money().map(this::moneyTiles).orElseGet(this::trafficTiles), 3));
        model.money().ifPresent(m -> {
            if (m.cost().assumptions().revenue().source().kind() != org.lowtide.cost.Source.Kind.USER
                    && m.cost().assumptions().revenue().source().kind() != org.lowtide.cost.Source.Kind.DATA) {
                add(blocks.small("No revenue was given: the windows are ranked by traffic only (the traffic at stake), and every "
                        + "amount is illustrative, on a published placeholder (5,600 USD a minute, Gartner 2014). "
                        + "Section 5 lists every assumption."));
            }
        });
        if (!options.audienceNotes().isBlank()) {
            add(blocks.subheading("Notes for the reader"));
            add(blocks.body(options.audienceNotes()));
        }
        if (model.money().isPresent() && in.plannedInMoney()) {
            Money m = model.money().get();
            add(blocks.subheading("Why: what a minute is worth over the week, with the recommended window"));
            float remaining = writerY() - document.bottom() - 46;
            float height = Math.max(150, Math.min(320, remaining));
            add(blocks.chart(charts.moneyWeek(false), contentWidth, height));
            add(blocks.caption("Expected revenue per minute in each slot of the local week, " + model.zone().getId()
                    + " time: downtime costs what the minute would have earned. Green: the recommended window; "
                    + (s.habit().isPresent() ? "orange: when the team changes today; " : "") + "red: the peak ("
                    + Texts.days(m.peak().day()) + " " + Texts.HM.format(m.peak().time()) + ")."));
        } else {
            add(blocks.subheading("Why: the typical week, with the recommended window"));
            float remaining = writerY() - document.bottom() - 46;
            float height = Math.max(150, Math.min(330, remaining));
            add(blocks.chart(charts.week(), contentWidth, height));
            add(blocks.caption("Expected " + model.trafficUnit() + " per "
                    + Texts.duration(in.profile().slots().slot()) + " in each slot of the local week (median over "
                    + Texts.count(weeks(in.series())) + " weeks of history), " + model.zone().getId()
                    + " time. Green: the recommended window." + (s.habit().isPresent()
                    ? " Orange: when the team changes today." : "")));
        }
    }

    private List<String[]> moneyTiles(Money m) {
        String c = m.currency();
        List<String[]> tiles = new ArrayList<>();
        ErrorBudget budget = m.cost().errorBudget();
        if (m.recommended().isPresent() && !model.input().plannedInMoney()) {
            // Ranked by traffic (no revenue of the user's): traffic leads; money is marked illustrative.
            tiles.addAll(trafficTiles());
            Money.Priced r = m.recommended().get();
            tiles.add(new String[] {"Cost of a change in the window (illustrative)", Texts.money(r.expected(), c),
                "on a placeholder revenue; give yours for an amount to present"});
            tiles.add(budgetTile(budget));
        } else if (m.recommended().isPresent()) {
            Money.Priced r = m.recommended().get();
            double expected = r.expected();
            double median = m.medianWindow();
            tiles.add(new String[] {"Expected cost of a change in the window", Texts.money(expected, c),
                r.label() + "; simulated over " + Texts.count(r.estimate().simulations()) + " changes: mean "
                + Texts.money(r.estimate().mean(), c)});
            tiles.add(new String[] {model.input().plannedInMoney() ? "…in the median window of the horizon"
                : "…at the median start of the week", Texts.money(median, c),
                median > 0 ? Texts.percent(1 - expected / median) + " less in the recommended window" : ""});
            tiles.add(new String[] {"…" + m.habit().description(), Texts.money(m.habit().costPerChange(), c),
                Texts.money(m.habit().costPerChange() - expected, c) + " more per change than in the window"});
            tiles.add(new String[] {"Yearly savings", m.yearlySavings() > 0 ? Texts.money(m.yearlySavings(), c)
                : "none", Texts.count(m.changesPerYear()) + " changes a year moved from " + m.habit().description()
                + " to the recommended window"});
            tiles.add(budgetTile(budget));
            tiles.add(new String[] {"Cost 9 in 10 changes stay under (p90)", Texts.money(r.estimate().p90(), c),
                "9 in 10 changes in the window cost less; 99 in 100 less than " + Texts.money(r.estimate().p99(), c)});
        } else {
            tiles.addAll(trafficTiles());
        }
        return tiles;
    }

    /** The error budget in a tile; a budget overrun says in words what it assumes. */
    private String[] budgetTile(ErrorBudget budget) {
        CostAssumptions a = model.money().get().cost().assumptions();
        String use = "expected incidents of " + Texts.number(budget.changesPer30Days()) + " changes a month use "
                + Texts.number(budget.incidentMinutesPer30Days()) + " of the "
                + Texts.number(budget.allowedMinutesPer30Days()) + " minutes a " + Texts.number(budget.sloPercent())
                + " % objective allows in 30 days";
        if (budget.consumedShare() > 1) {
            use = "over budget: " + Texts.count(a.changesPerYear().value()) + " changes a year, "
                    + Texts.percent(a.changeFailureRate().value()) + " failing, restored in "
                    + Texts.duration(a.restoreMedian().value()) + " (median): " + use
                    + "; give your team's figures (section 5)";
        }
        return new String[] {"Error budget used", Texts.percent(budget.consumedShare()), use};
    }

    /** An amount the planner ranked by: money when the plan was ranked in money, else traffic. */
    private String planAmount(double v) {
        if (model.input().plannedInMoney()) {
            return Texts.money(v, model.money().map(Money::currency).orElse(""));
        }
        return Texts.count(v);
    }

    /** The heading of the planner's amounts. */
    private String planAmountHeading() {
        return model.input().plannedInMoney() ? "Expected cost of a change" : model.trafficUnit() + " at stake";
    }

    private List<String[]> trafficTiles() {
        ReportModel.Summary s = model.summary();
        Plan plan = model.input().plan();
        String unit = model.trafficUnit();
        List<String[]> tiles = new ArrayList<>();
        tiles.add(new String[] {"Traffic at stake in the recommended window", Texts.count(s.atStakeInBest()) + " " + unit,
            "over the window and its " + Texts.duration(plan.request().rollbackTail()) + " rollback tail"});
        tiles.add(new String[] {"…in the median window", Texts.count(s.atStakeInMedian()) + " " + unit,
            Texts.percent(s.shareBelowMedian()) + " less in the recommended window"});
        if (s.atStakeInHabit().isPresent()) {
            double habit = s.atStakeInHabit().getAsDouble();
            tiles.add(new String[] {"…at your habit (" + s.habit().orElse("") + ")", Texts.count(habit) + " " + unit,
                habit > 0 ? Texts.percent(1 - s.atStakeInBest() / habit) + " less in the recommended window" : ""});
        } else {
            tiles.add(new String[] {"Candidate windows", Texts.count(plan.candidates()),
                Texts.count(plan.allowed()) + " met every constraint"});
        }
        if (!plan.windows().isEmpty()) {
            ChangeWindow w = plan.windows().get(0);
            tiles.add(new String[] {"Traffic 9 in 10 weeks stay under (p90)", Texts.count(w.upper()) + " " + unit,
                "in 9 of 10 weeks the recommended window puts no more at stake"});
        }
        return tiles;
    }

    private void pattern(int number) {
        ReportInput in = model.input();
        add(blocks.heading(number + ". " + Section.PATTERN.title()));
        add(blocks.keep(blocks.body("Traffic over the whole history. Green: every occurrence of the recommended "
                + "weekly window; grey: steps without data" + (in.outages().isEmpty() ? "" : "; red: outages")
                + ". A past outage never becomes a quiet time: the typical week takes the median of every slot."),
                blocks.chart(charts.traffic(), contentWidth, 190),
                blocks.caption(dataLine() + " " + (model.gaps().isEmpty() ? "No gaps."
                        : Texts.count(model.gaps().size()) + " gaps without data."))));
        check();
        List<String> troughs = new ArrayList<>();
        for (int i = 0; i < in.troughs().size(); i++) {
            troughs.add((i + 1) + ". " + in.troughs().get(i).describe() + ".");
        }
        add(blocks.keep(blocks.subheading("The typical week"), blocks.chart(charts.heatmap(), contentWidth, 215),
                blocks.caption(heatmapCaption(troughs))));
        check();
        add(blocks.keep(blocks.subheading("The planning horizon"), blocks.chart(charts.forecast(), contentWidth, 190),
                blocks.caption(model.forecast().caption() + " Green: the planned windows; grey: blackouts and "
                        + "holidays.")));
    }

    /** The heat map's caption: the recommended window in bold, the quietest windows by traffic alone thin. */
    private String heatmapCaption(List<String> troughs) {
        ReportInput in = model.input();
        String length = Texts.duration(in.plan().request().duration());
        String quiet = "thin: the quietest windows of " + length + " by the traffic in the window alone, no "
                + "rollback time (the first labelled \"quietest\"). " + String.join("  ", troughs);
        if (in.plan().recurring().isEmpty()) {
            return "Median traffic in each slot of the local week; no weekly window meets the constraints; " + quiet;
        }
        return "Median traffic in each slot of the local week. Bold, labelled \"recommended\": the recommended "
                + "window of page 1, " + org.lowtide.planning.Recommendation.weekly(in.plan().recurring().get().day(),
                in.plan().recurring().get().start(), in.plan().recurring().get().duration(),
                in.plan().recurring().get().zone()) + ", ranked by the "
                + (in.plannedInMoney() ? "expected cost of a change" : "traffic at stake") + " over the window and its "
                + Texts.duration(in.plan().request().rollbackTail()) + " rollback; " + quiet;
    }

    private void money(int number) {
        add(blocks.heading(number + ". " + Section.MONEY.title()));
        if (model.money().isEmpty()) {
            add(blocks.body("No cost model was run for this report, so it counts traffic at stake rather than money."));
            return;
        }
        Money m = model.money().get();
        String c = m.currency();
        for (String note : m.cost().notes()) {
            add(blocks.callout("Read with care", note, List.of()));
        }
        double[] mmm = org.lowtide.report.ProfileRevenue.of(m.cost().curve(), model.input().profile())
                .map(org.lowtide.report.ProfileRevenue::minMedianMax).orElseGet(() -> m.cost().curve().minMedianMax());
        add(blocks.keep(blocks.body("Revenue per minute over the local week, from " + Texts.money(mmm[0], c) + " in the "
                + "quietest slot through a median of " + Texts.money(mmm[1], c) + " to " + Texts.money(mmm[2], c)
                + " at the peak (average " + Texts.money(m.cost().curve().averagePerMinute(), c) + "). The dashed "
                + "line is the expected cost of a change started at that time: it stays high for a while after "
                + "the traffic, because a failure lasts past its start."),
                blocks.chart(charts.moneyWeek(true), contentWidth, 215),
                blocks.caption("Green: the recommended window; red: the peak; "
                        + (model.summary().habit().isPresent() ? "orange: the team's habit; " : "")
                        + model.zone().getId() + " time.")));
        check();
        List<List<String>> rows = new ArrayList<>();
        m.recommended().ifPresent(r -> rows.add(costRow("Recommended window: " + r.label(), r.estimate(), c)));
        rows.add(costRow("Cheapest start of the week: " + start(m.cost().best()), m.cost().best().estimate(), c));
        rows.add(costRow("Median start of the week: " + start(m.median()), m.median().estimate(), c));
        m.habit().estimate().ifPresent(e -> rows.add(costRow("Your habit: " + model.summary().habit().orElse(""), e,
                c)));
        // "The peak" is the one the revenue chart marks and the histogram below simulates (the
        // profile's); the dearest start minute is its own row when it is another time.
        rows.add(costRow("Peak of the week: " + Texts.days(m.peak().day()) + " " + Texts.HM.format(m.peak().time()),
                m.peak().estimate(), c));
        if (m.cost().worst().day() != m.peak().day() || !m.cost().worst().time().equals(m.peak().time())) {
            rows.add(costRow("Dearest start of the week: " + start(m.cost().worst()), m.cost().worst().estimate(), c));
        }
        add(blocks.keep(blocks.subheading("What one change costs, by when it starts"),
                blocks.table(new float[] {2.6f, 1f, 1f, 1f, 1f, 0.9f}, List.of("Start", "Mean", "p50", "p90", "p99",
                        "Fails"), rows),
                blocks.small("Each row simulates " + Texts.count(m.cost().best().estimate().simulations())
                        + " changes started then (seed " + m.cost().seed() + "). Most changes do not fail and cost "
                        + "nothing, so p50 is often zero; the mean carries the risk.")));
        check();
        m.recommended().ifPresent(r -> add(blocks.keep(blocks.subheading("If a change in the window fails"),
                blocks.chart(CostCharts.changeCostHistogram(r.failureCosts(), r.failuresOf()), contentWidth, 165),
                blocks.caption("A change started at " + Texts.HM.format(r.time()) + ", the window's start, "
                        + Texts.count(r.failuresOf().simulations()) + " times."))));
        add(blocks.keep(blocks.subheading("If a change at the peak fails"),
                blocks.chart(CostCharts.changeCostHistogram(m.peak().failureCosts(), m.peak().failuresOf()),
                        contentWidth, 165),
                blocks.caption("The same failure costs more at the peak: more revenue per minute is lost while it "
                        + "lasts.")));
        check();
        scenarios(m);
        ErrorBudget b = m.cost().errorBudget();
        add(blocks.keep(blocks.subheading("Error budget"), blocks.body("An availability objective of "
                + Texts.number(b.sloPercent()) + " % allows " + Texts.number(b.allowedMinutesPer30Days())
                + " minutes of downtime in 30 days (" + Texts.number(b.allowedMinutesPerQuarter()) + " a quarter). "
                + Texts.number(b.changesPer30Days()) + " changes a month are expected to cost "
                + Texts.number(b.incidentMinutesPer30Days()) + " minutes of incidents"
                + (b.plannedCounts() ? " and " + Texts.number(b.plannedMinutesPer30Days()) + " of planned downtime"
                : "") + ": " + Texts.percent(b.consumedShare()) + " of the budget." + (b.changesPer30DaysThatFit()
                .isPresent() ? " About " + Texts.count(b.changesPer30DaysThatFit().getAsDouble())
                + " changes a month fit in it." : ""))));
    }

    private void scenarios(Money m) {
        String c = m.currency();
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioResult r : m.scenarios()) {
            rows.add(List.of(r.name(), Texts.leverNames(r),
                    Texts.count(r.changesPerYear()), Texts.number(r.innovationPerYear()),
                    Texts.number(r.downtimePerChangeMinutes()) + " min", Texts.count(r.downtimeMinutesPerYear()),
                    Texts.money(r.downtimeCostPerYear(), c), Texts.money(r.troughSavingsPerYear(), c)));
        }
        add(blocks.keep(blocks.subheading("What if: the k/h scenarios"),
                blocks.body("Each change brings k innovation and h expected downtime (h = change failure rate × "
                        + "(detect + restore) × users affected). Levers raise k (test environments, A/B tests, "
                        + "continuous integration) or lower h (fast rollback, better alerting, smaller services)."),
                blocks.chart(CostCharts.scenarios(m.scenarios(), m.cost().currency()), contentWidth, 185)));
        add(blocks.table(SCENARIO_WIDTHS, SCENARIO_HEADER, rows));
        add(blocks.small("Innovation a year is k × changes, in changes of today's size unless you set k; "
                + "downtime cost assumes changes at random business hours; the trough saving is what moving them all "
                + "to the cheapest start of the week would save (an upper bound)."));
    }

    /** The k/h table's relative column widths and header; header words are fitted by {@link Blocks#table}. */
    static final float[] SCENARIO_WIDTHS = {1.3f, 2.1f, 0.95f, 1.15f, 0.95f, 1.05f, 1.35f, 1.35f};
    static final List<String> SCENARIO_HEADER = List.of("Scenario", "Levers", "Changes a year", "Innovation a year",
            "h per change", "Incident min a year", "Downtime cost a year", "Trough saving a year");

    private static List<String> costRow(String start, CostEstimate e, String currency) {
        return List.of(start, Texts.money(e.mean(), currency), Texts.money(e.p50(), currency),
                Texts.money(e.p90(), currency), Texts.money(e.p99(), currency), Texts.percent(e.failureProbability()));
    }

    private static String start(ChangeCost c) {
        return Texts.days(c.day()) + " " + Texts.HM.format(c.time());
    }

    private void plan(int number) {
        Plan plan = model.input().plan();
        ZoneId zone = model.zone();
        String unit = model.trafficUnit();
        add(blocks.heading(number + ". " + Section.PLAN.title()));
        add(blocks.body("Dated windows from " + Texts.DATE.format(plan.request().from()) + " to "
                + Texts.DATE.format(plan.request().to()) + ", " + zone.getId() + " time, best first: "
                + Texts.count(plan.candidates()) + " candidate windows of " + Texts.duration(plan.request().duration())
                + " were scored, " + Texts.count(plan.allowed()) + " met every constraint."));
        List<List<String>> rows = new ArrayList<>();
        Optional<Money> money = model.money();
        boolean inMoney = model.input().plannedInMoney();
        for (int i = 0; i < plan.windows().size(); i++) {
            ChangeWindow w = plan.windows().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(w.rank()),
                    Texts.dayTime(w.window().start().atZone(zone)) + " – " + Texts.HM.format(w.window().end().atZone(zone)),
                    Texts.HM.format(w.latestSafeStart().atZone(zone))));
            if (inMoney) {
                CostEstimate e = money.get().windows().get(i).estimate();
                row.add(Texts.count(model.input().traffic().trafficOver(w.window())));
                row.add(planAmount(w.expected()) + " (simulated p90 " + Texts.money(e.p90(), money.get().currency())
                        + ")");
                row.add(planAmount(w.savingsVsMedian()));
            } else {
                row.add(Texts.count(w.expected()) + " (p90 " + Texts.count(w.upper()) + ")");
                row.add(Texts.count(w.savingsVsMedian()));
                money.ifPresent(m -> {
                    CostEstimate e = m.windows().get(w.rank() - 1).estimate();
                    row.add(Texts.money(e.mean(), m.currency()) + " (p90 " + Texts.money(e.p90(), m.currency()) + ")");
                });
            }
            row.add(String.join("; ", w.reasons()));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            add(blocks.body("No window meets every constraint."));
        } else if (inMoney) {
            add(blocks.table(new float[] {0.35f, 2f, 0.8f, 1.1f, 1.6f, 1.1f, 3f},
                    List.of("#", "Window (local time)", "Latest safe start", unit + " in the window",
                            "Expected cost of a change", "Less than the median window", "Why"), rows));
        } else if (money.isPresent()) {
            add(blocks.table(new float[] {0.35f, 2f, 0.8f, 1.3f, 1f, 1.4f, 3.2f},
                    List.of("#", "Window (local time)", "Latest safe start", unit + " at stake", "Less than the median",
                            "Cost of a change started then", "Why"), rows));
        } else {
            add(blocks.table(new float[] {0.35f, 2.3f, 0.9f, 1.5f, 1.1f, 3.6f},
                    List.of("#", "Window (local time)", "Latest safe start", unit + " at stake", "Less than the median",
                            "Why"), rows));
        }
        ReportModel.Summary sum = model.summary();
        add(blocks.small((inMoney ? "Expected cost of a change: " : "Traffic at stake per change (window and rollback "
                + "tail): ") + planAmount(sum.atStakeInBest()) + (inMoney ? "" : " " + unit) + " in the best window, "
                + planAmount(sum.atStakeInMedian()) + " in the median window"
                + (sum.atStakeInHabit().isPresent() ? ", " + planAmount(sum.atStakeInHabit().getAsDouble())
                + " at your habit (" + sum.habit().orElse("") + ")" : "") + "."));
        plan.recurring().ifPresent(r -> recurring(r, zone));
        if (!plan.rejections().isEmpty()) {
            List<List<String>> out = new ArrayList<>();
            for (Rejection x : plan.rejections()) {
                out.add(List.of(Texts.dayTime(x.window().start().atZone(zone)) + " – "
                        + Texts.HM.format(x.window().end().atZone(zone)), planAmount(x.expected()), x.reason()));
            }
            addGrouped(blocks.subheading(inMoney ? "Ruled out although as cheap or cheaper"
                            : "Ruled out although as quiet or quieter"),
                    blocks.table(new float[] {2.4f, 1.2f, 4f}, List.of("Window", planAmountHeading(), "Ruled out by"),
                            out), out.size());
        }
        List<Blackout> blackouts = plan.request().constraints().blackouts();
        if (blackouts.isEmpty()) {
            add(blocks.keep(blocks.subheading("Blackouts"), blocks.small("None given.")));
        } else {
            List<List<String>> b = new ArrayList<>();
            for (Blackout x : blackouts) {
                b.add(List.of(Texts.dayTime(x.interval().start().atZone(zone)),
                        Texts.dayTime(x.interval().end().atZone(zone)), x.reason()));
            }
            addGrouped(blocks.subheading("Blackouts"), blocks.table(new float[] {2f, 2f, 3f},
                    List.of("From", "Until (excluded)", "Reason"), b), b.size());
        }
        List<Holiday> holidays = plan.request().constraints().holidays();
        if (holidays.isEmpty()) {
            add(blocks.keep(blocks.subheading("Public holidays in the horizon"),
                    blocks.small("None (no holiday calendar given, or none falls in the horizon).")));
        } else {
            List<List<String>> h = new ArrayList<>();
            for (Holiday x : holidays) {
                h.add(List.of(Texts.DATE.format(x.date()), x.name()));
            }
            add(blocks.keep(blocks.subheading("Public holidays in the horizon"), blocks.table(new float[] {1.4f, 4f},
                    List.of("Date", "Holiday"), h), blocks.small(plan.request().constraints().holidayPolicy()
                    == org.lowtide.planning.HolidayPolicy.BLACKOUT ? "No change is planned on a holiday."
                    : "Holidays are allowed and flagged.")));
        }
    }

    /** A heading and its table on one page when the table is short; a long table may break. */
    private void addGrouped(Element heading, Element table, int rows) {
        if (rows <= 20) {
            add(blocks.keep(heading, table));
        } else {
            add(heading);
            add(table);
        }
    }

    private void recurring(RecurringWindow r, ZoneId zone) {
        Element heading = blocks.subheading("The weekly rule: " + org.lowtide.planning.ScheduleExports.describe(r));
        List<List<String>> occ = new ArrayList<>();
        for (RecurringWindow.Occurrence o : r.occurrences()) {
            occ.add(List.of(Texts.dayTime(o.start()) + " – " + Texts.HM.format(o.end()),
                    o.flags().isEmpty() ? "as planned" : String.join("; ", o.flags())));
        }
        if (occ.isEmpty()) {
            add(heading);
        } else {
            addGrouped(heading, blocks.table(new float[] {2.4f, 4f}, List.of("Next dates", "Note"), occ), occ.size());
        }
    }

    private void assumptions(int number) {
        ReportInput in = model.input();
        add(blocks.heading(number + ". " + Section.ASSUMPTIONS.title()));
        add(blocks.body("Every input behind the numbers, with its value and where it comes from: your input, your "
                + "data, a published figure (cited), or Lowtide's default (with the reason)."));
        List<List<String>> rows = new ArrayList<>();
        String group = "";
        for (AssumptionRow a : model.assumptions()) {
            rows.add(List.of(a.group().equals(group) ? "" : a.group(), a.name(), a.value(), a.source()));
            group = a.group();
        }
        add(blocks.table(new float[] {0.8f, 1.8f, 2.4f, 3.2f}, List.of("Part", "Input", "Value", "Source"), rows));
        in.risk().ifPresent(this::risk);
        add(blocks.subheading("Method"));
        for (String m : model.method()) {
            add(blocks.body(m));
        }
        TrafficSeries s = in.series();
        List<List<String>> about = new ArrayList<>();
        about.add(List.of("Made with", "Lowtide " + in.provenance().lowtideVersion()));
        about.add(List.of("Made on", madeOn()));
        about.add(List.of("Data file", in.provenance().fileName()));
        about.add(List.of("Data span", Texts.dayTime(s.start().atZone(model.zone())) + " to "
                + Texts.dayTime(s.end().atZone(model.zone()))));
        about.add(List.of("SHA-256 of the data file", in.provenance().sha256().isEmpty()
                ? "(a sample bundled with Lowtide)" : in.provenance().sha256()));
        for (String note : in.notes()) {
            about.add(List.of("Note", note));
        }
        add(blocks.keep(blocks.subheading("About this report"), blocks.facts(new float[] {1.4f, 5f}, about)));
    }

    /** The risk learned from the team's history: what it stands on, and each fit against its data (#21). */
    private void risk(org.lowtide.risk.RiskEstimate risk) {
        List<Element> parts = new ArrayList<>();
        parts.add(blocks.subheading("Your own risk"));
        parts.add(blocks.body("Learned from " + risk.source() + "."
                + risk.band().map(b -> " DORA 2023 cluster: " + b.label() + ".").orElse("")));
        risk.failureRate().ifPresent(f -> parts.add(blocks.body(String.format(java.util.Locale.ROOT,
                "Change failure rate %.1f %% (measured %.1f %%, 90 %% bootstrap interval %.1f–%.1f %%): %s.",
                100 * f.value(), 100 * f.measured(), 100 * f.low(), 100 * f.high(), f.rule()))));
        add(blocks.keep(parts.toArray(new Element[0])));
        risk.restore().ifPresent(r -> add(blocks.keep(blocks.body("Time to restore: " + r.from() + "."),
                blocks.chart(org.lowtide.report.charts.RiskCharts.fitted("Time to restore", r), contentWidth, 170))));
        risk.detect().ifPresent(d -> add(blocks.keep(blocks.body("Time to detect: " + d.from() + "."),
                blocks.chart(org.lowtide.report.charts.RiskCharts.fitted("Time to detect", d), contentWidth, 150))));
        for (String note : risk.notes()) {
            add(blocks.body(note.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + note.substring(1) + "."));
        }
    }

    // ------------------------------------------------------------------ helpers

    private void add(Element element) {
        document.add(element);
    }

    /**
     * Whether the next section may start on this page rather than a new one: the summary and the
     * pattern always have pages of their own, later sections follow on when more than
     * {@value #SECTION_ROOM} of the page is still free, so no page is left half empty.
     */
    private boolean roomForASection() {
        float content = document.top() - document.bottom();
        return writerY() - document.bottom() > SECTION_ROOM * content;
    }

    /** @return the height on the page where the next element goes */
    private float writerY() {
        return blocks.writer().getVerticalPosition(true);
    }

    private String footer() {
        ReportInput in = model.input();
        return in.provenance().fileName() + "  ·  " + madeOn() + "  ·  Lowtide " + in.provenance().lowtideVersion()
                + (options.author().isBlank() ? "" : "  ·  " + options.author());
    }

    private String madeOn() {
        return "made " + Texts.DATE.format(options.createdAt().atZone(model.zone()));
    }

    private String dataLine() {
        TrafficSeries s = model.input().series();
        return "Data: " + model.input().provenance().fileName() + ", " + Texts.count(s.size()) + " steps of "
                + Texts.duration(s.step()) + " from " + Texts.DATE.format(s.start().atZone(model.zone())) + " to "
                + Texts.DATE.format(s.end().minus(s.step()).atZone(model.zone())) + " (" + model.zone().getId()
                + "), " + Texts.count(s.missingCount()) + " without data.";
    }

    private static double weeks(TrafficSeries s) {
        return Math.floor(java.time.Duration.between(s.start(), s.end()).toDays() / 7.0);
    }

    /** Creation and modification date from the options, a file id from the inputs, Lowtide as producer. */
    private void fixMetadata(PdfWriter writer, byte[] digest) {
        ZonedDateTime made = options.createdAt().atZone(ZoneId.of("UTC"));
        PdfDate date = new PdfDate(GregorianCalendar.from(made));
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
        writer.getInfo().put(PdfName.PRODUCER, new PdfString("Lowtide " + model.input().provenance().lowtideVersion()
                + " with OpenPDF"));
        byte[] id = Arrays.copyOf(digest, 16);
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    /** A digest of everything the report shows, for its file id and font subset tags. */
    private byte[] digest() {
        ReportInput in = model.input();
        return org.lowtide.traffic.Checksums.sha256(List.of(in.provenance().sha256(), in.provenance().fileName(),
                in.provenance().lowtideVersion(), options.toString(), in.plan().toString()));
    }

    /** Keeps OpenPDF from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
