package org.lowtide.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TimeFormats;

/**
 * Finds dated change windows over a horizon.
 *
 * <p>Every step of the outlook inside the horizon is a candidate start. A candidate window covers
 * the request's duration in absolute time, so a window over a DST change is as long as asked
 * (never doubled on a fall-back night), and a start inside a spring-forward gap never occurs:
 * candidates are instants, and their wall-clock times are what the clock shows. A candidate is
 * scored by the outlook summed over the window <b>and</b> the rollback tail (prefix sums: O(1)
 * per candidate), then checked against staff hours, blackouts and holidays. Allowed candidates are
 * ranked by expected score, then by the upper (p90) score, then by time; windows are chosen
 * greedily from the top, keeping the minimum gap between starts.
 */
public final class WindowPlanner {

    /** How many ruled-out windows to report. */
    static final int REJECTIONS_KEPT = 10;

    private static final DateTimeFormatter HM = TimeFormats.HM;

    private WindowPlanner() {
    }

    /**
     * @param request what to plan
     * @param outlook value at stake per step; must cover the horizon plus window and tail
     * @param profile the weekly profile behind the outlook, for the recurring rule (may be empty)
     */
    public static Plan plan(WindowRequest request, Outlook outlook, Optional<WeeklyProfile> profile) {
        return plan(request, outlook, profile.map(WeeklyProfile::slots), profile.map(WeeklyProfile::expected));
    }

    /**
     * @param slots   how the week is cut, for the recurring rule (empty: no rule)
     * @param perSlot the weekly values behind the outlook, one per slot, scored like the outlook
     */
    public static Plan plan(WindowRequest request, Outlook outlook, Optional<WeekSlots> slots,
                            Optional<double[]> perSlot) {
        return plan(request, outlook, slots, perSlot, PlanRules.NONE, null);
    }

    /**
     * @param rules           staff cost, the p90 limit and the count per week or month
     * @param p90ShareOfPeak  the p90 traffic of each outlook step as a share of the weekly peak, for
     *                        {@link PlanRules#maxP90Share()}; {@code null} when unknown
     */
    public static Plan plan(WindowRequest request, Outlook outlook, Optional<WeekSlots> slots,
                            Optional<double[]> perSlot, PlanRules rules, double[] p90ShareOfPeak) {
        if (!rules.changes().isEmpty()) {
            return planChanges(request, outlook, slots, perSlot, rules, p90ShareOfPeak);
        }
        Constraints c = request.constraints();
        ZoneId zone = c.zone();
        Instant horizonStart = request.from().atStartOfDay(zone).toInstant();
        Instant horizonEnd = request.to().plusDays(1).atStartOfDay(zone).toInstant();
        long stepSeconds = outlook.step().getSeconds();
        int k = steps(request.duration(), stepSeconds);
        int r = steps(request.rollbackTail(), stepSeconds);
        boolean perChange = outlook.kind() == Outlook.Kind.COST_OF_CHANGE;
        // Steps a window's score covers, and the divisor that makes a mean of a change's cost.
        int covered = perChange ? k : k + r;
        double divisor = perChange ? k : 1;
        int first = (int) Math.max(0, -Math.floorDiv(-Duration.between(outlook.start(), horizonStart).getSeconds(), stepSeconds));
        int lastStart = (int) Math.min(outlook.size() - k - r,
                Duration.between(outlook.start(), horizonEnd).getSeconds() / stepSeconds - k);
        if (lastStart < first) {
            throw new IllegalArgumentException("the outlook does not cover the horizon " + request.from() + " – "
                    + request.to() + " with a " + request.duration() + " window and " + request.rollbackTail() + " tail");
        }

        double[] prefix = new double[outlook.size() + 1];
        double[] prefixUpper = new double[outlook.size() + 1];
        int[] unknown = new int[outlook.size() + 1];
        for (int i = 0; i < outlook.size(); i++) {
            double e = outlook.expectedAt(i);
            boolean missing = Double.isNaN(e);
            prefix[i + 1] = prefix[i] + (missing ? 0 : e);
            prefixUpper[i + 1] = prefixUpper[i] + (missing ? 0 : outlook.upperAt(i));
            unknown[i + 1] = unknown[i] + (missing ? 1 : 0);
        }
        // Staff cost of keeping a window open: money, so only where the outlook is money too.
        double[] prefixStaff = new double[outlook.size() + 1];
        if (rules.staffCost().isPresent() && perChange) {
            PlanRules.StaffCost staff = rules.staffCost().get();
            double stepHours = stepSeconds / 3600.0;
            for (int i = 0; i < outlook.size(); i++) {
                LocalTime local = LocalDateTime.ofInstant(outlook.timeAt(i), zone).toLocalTime();
                prefixStaff[i + 1] = prefixStaff[i] + staff.perHourAt(local) * stepHours;
            }
        }

        int n = lastStart - first + 1;
        double[] score = new double[n];
        double[] upper = new double[n];
        String[] rejected = new String[n];
        Integer[] order = new Integer[n];
        int allowedCount = 0;
        List<Double> allScores = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            int i = first + j;
            Instant start = outlook.timeAt(i);
            Instant end = start.plusSeconds(k * stepSeconds);
            Instant tailEnd = end.plusSeconds(r * stepSeconds);
            if (unknown[i + covered] - unknown[i] > 0) {
                rejected[j] = "no traffic expectation for part of the window";
                score[j] = Double.NaN;
                continue;
            }
            double staffCost = prefixStaff[i + k] - prefixStaff[i];
            score[j] = (prefix[i + covered] - prefix[i]) / divisor + staffCost;
            upper[j] = (prefixUpper[i + covered] - prefixUpper[i]) / divisor + staffCost;
            allScores.add(score[j]);
            rejected[j] = ruleOut(c, start, end, tailEnd);
            if (rejected[j] == null && rules.maxP90Share().isPresent() && p90ShareOfPeak != null) {
                rejected[j] = tooBusy(p90ShareOfPeak, i, k, rules.maxP90Share().getAsDouble());
            }
            if (rejected[j] == null) {
                order[allowedCount++] = j;
            }
        }
        // Scores that differ only by rounding in the prefix sums are ties: the earlier window wins.
        Arrays.sort(order, 0, allowedCount, (a, b) -> {
            int byScore = compareRounded(score[a], score[b]);
            if (byScore != 0) {
                return byScore;
            }
            int byUpper = compareRounded(upper[a], upper[b]);
            return byUpper != 0 ? byUpper : Integer.compare(a, b);
        });
        double median = median(allScores);
        double rampLevel = medianLevel(outlook, first, lastStart + k + r);

        List<ChangeWindow> chosen = new ArrayList<>();
        List<Instant> chosenStarts = new ArrayList<>();
        long gapSeconds = Math.max(request.minGap().getSeconds(), (long) (k + r) * stepSeconds);
        Map<Object, Integer> perPeriod = new HashMap<>();
        for (int o = 0; o < allowedCount && (rules.per().isPresent() || chosen.size() < request.count()); o++) {
            int j = order[o];
            Instant start = outlook.timeAt(first + j);
            if (tooClose(chosenStarts, start, gapSeconds)) {
                continue;
            }
            if (rules.per().isPresent()) {
                Object period = periodOf(start, zone, rules.per().get());
                if (perPeriod.getOrDefault(period, 0) >= request.count()) {
                    continue;
                }
                perPeriod.merge(period, 1, Integer::sum);
            }
            chosenStarts.add(start);
            chosen.add(window(chosen.size() + 1, first + j, k, r, score[j], upper[j], median, rampLevel, outlook,
                    request, allowedCount, n));
        }

        List<Rejection> rejections = bestRejections(score, rejected, first, k, stepSeconds, outlook,
                chosen.isEmpty() ? Double.POSITIVE_INFINITY : chosen.get(chosen.size() - 1).expected());
        OptionalDouble habit = request.habit().map(h -> habitScore(h, request, outlook, covered, divisor, prefix, unknown,
                prefixStaff, k)).orElse(OptionalDouble.empty());
        Optional<RecurringWindow> recurring = slots.isPresent() && perSlot.isPresent()
                ? recurring(slots.get(), perSlot.get(), request, k, covered, divisor) : Optional.empty();
        return new Plan(request, outlook.unit(), chosen, recurring, rejections, median, habit, n, allowedCount);
    }

    /**
     * One window per named change, in the list's order (its priority): each change gets the best
     * window of its own length that keeps the minimum gap to the windows already given, which are
     * blackouts for the changes after it. The plan's median, habit, rule and rejections are those of
     * the first change.
     */
    private static Plan planChanges(WindowRequest request, Outlook outlook, Optional<WeekSlots> slots,
                                    Optional<double[]> perSlot, PlanRules rules, double[] p90ShareOfPeak) {
        PlanRules single = rules.withChanges(List.of());
        Constraints c = request.constraints();
        List<Blackout> taken = new ArrayList<>(c.blackouts());
        List<ChangeWindow> windows = new ArrayList<>();
        Plan first = null;
        for (PlanRules.Change change : rules.changes()) {
            WindowRequest one = new WindowRequest(change.duration(), request.rollbackTail(), 1, request.from(),
                    request.to(), request.minGap(),
                    new Constraints(c.zone(), c.allowed(), taken, c.holidays(), c.holidayPolicy()), request.habit());
            Plan plan = plan(one, outlook, slots, perSlot, single, p90ShareOfPeak);
            if (first == null) {
                first = plan;
            }
            if (plan.windows().isEmpty()) {
                continue;
            }
            ChangeWindow w = plan.windows().get(0);
            List<String> reasons = new ArrayList<>();
            reasons.add("for " + change.name() + " (" + change.duration().toMinutes() + " min)");
            reasons.addAll(w.reasons());
            windows.add(new ChangeWindow(windows.size() + 1, w.window(), w.tailEnd(), w.latestSafeStart(), w.expected(),
                    w.upper(), w.savingsVsMedian(), reasons, Optional.of(change.name())));
            // Later changes keep the minimum gap to this one's window and its rollback tail.
            taken.add(new Blackout(new Interval(w.window().start().minus(request.minGap()),
                    w.tailEnd().plus(request.minGap())), "taken by " + change.name()));
        }
        return new Plan(request, first.unit(), windows, first.recurring(), first.rejections(), first.medianCandidate(),
                first.habit(), first.candidates(), first.allowed());
    }

    /** @return why the window is too busy at its p90, or {@code null} when it is not */
    private static String tooBusy(double[] p90ShareOfPeak, int i, int k, double limit) {
        double worst = 0;
        for (int step = i; step < i + k && step < p90ShareOfPeak.length; step++) {
            worst = Math.max(worst, p90ShareOfPeak[step]);
        }
        return worst > limit ? String.format(Locale.ROOT, "p90 traffic too high (%.0f %% of the weekly peak; limit %.0f %%)",
                100 * worst, 100 * limit) : null;
    }

    /** @return the calendar week (ISO) or month the instant falls in, in the plan's zone */
    private static Object periodOf(Instant t, ZoneId zone, PlanRules.CountPeriod per) {
        LocalDate d = LocalDateTime.ofInstant(t, zone).toLocalDate();
        return per == PlanRules.CountPeriod.MONTH ? java.time.YearMonth.from(d)
                : d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) * 100
                        + d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Compares two sums, treating a relative difference below 1e-9 as equal. */
    public static int compareRounded(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= 1e-9 * scale ? 0 : Double.compare(a, b);
    }

    private static int steps(Duration d, long stepSeconds) {
        return (int) ((d.getSeconds() + stepSeconds - 1) / stepSeconds);
    }

    /** @return why the window may not be used, or {@code null} when it may (the fleet planner asks too) */
    public static String ruleOut(Constraints c, Instant start, Instant end, Instant tailEnd) {
        ZoneId zone = c.zone();
        for (Blackout b : c.blackouts()) {
            if (b.interval().overlaps(new Interval(start, tailEnd))) {
                return "blackout: " + b.reason();
            }
        }
        boolean holidaysRule = c.holidayPolicy() == HolidayPolicy.BLACKOUT && !c.holidays().isEmpty();
        if (!holidaysRule && c.allowed().isEmpty()) {
            return null; // no rule reads the local time (the planner asks this for every start)
        }
        LocalDateTime localStart = LocalDateTime.ofInstant(start, zone);
        LocalDateTime localEnd = LocalDateTime.ofInstant(end, zone);
        if (holidaysRule) {
            LocalDate lastDay = LocalDateTime.ofInstant(tailEnd.minusNanos(1), zone).toLocalDate();
            for (Holiday h : c.holidays()) {
                if (!h.date().isBefore(localStart.toLocalDate()) && !h.date().isAfter(lastDay)) {
                    return "holiday: " + h.name();
                }
            }
        }
        if (!c.allowed().isEmpty()) {
            boolean inside = false;
            for (AllowedHours a : c.allowed()) {
                if (a.contains(localStart, localEnd)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return "outside staff hours (" + joined(c.allowed()) + ")";
            }
        }
        return null;
    }

    private static String joined(List<AllowedHours> allowed) {
        StringBuilder sb = new StringBuilder();
        for (AllowedHours a : allowed) {
            sb.append(sb.length() == 0 ? "" : "; ").append(a);
        }
        return sb.toString();
    }

    private static boolean tooClose(List<Instant> chosen, Instant start, long gapSeconds) {
        for (Instant s : chosen) {
            if (Math.abs(Duration.between(s, start).getSeconds()) < gapSeconds) {
                return true;
            }
        }
        return false;
    }

    private static ChangeWindow window(int rank, int i, int k, int r, double score, double upper, double median,
                                       double rampLevel, Outlook outlook, WindowRequest request, int allowed, int all) {
        ZoneId zone = request.constraints().zone();
        Instant start = outlook.timeAt(i);
        Instant end = outlook.timeAt(i + k);
        Instant tailEnd = outlook.timeAt(i + k + r);
        // Traffic "ramps up" where the outlook first rises above the horizon's median level.
        int ramp = i;
        while (ramp < outlook.size() && !(outlook.expectedAt(ramp) > rampLevel)) {
            ramp++;
        }
        Instant rampAt = outlook.timeAt(ramp);
        Instant latest = rampAt.minus(request.rollbackTail());
        List<String> reasons = new ArrayList<>();
        String what = outlook.kind() == Outlook.Kind.COST_OF_CHANGE ? "cost of a change (" + outlook.unit() + ")"
                : outlook.unit().isEmpty() ? "traffic at stake" : outlook.unit() + " at stake";
        reasons.add(String.format(Locale.ROOT, "lowest expected %s among %d allowed of %d candidate windows (rank %d)",
                what, allowed, all, rank));
        if (median > 0) {
            reasons.add(String.format(Locale.ROOT, "%.0f %% below the median window", 100 * (median - score) / median));
        }
        if (latest.isBefore(start)) {
            latest = start;
            reasons.add("traffic rises above the median level at " + at(rampAt, start, zone)
                    + ": a failed change may still be rolling back then");
        } else {
            if (latest.isAfter(end)) {
                latest = end;
            }
            reasons.add("a failed change started by " + HM.format(latest.atZone(zone)) + " is rolled back ("
                    + request.rollbackTail().toMinutes() + " min) before traffic rises at "
                    + at(rampAt, start, zone));
        }
        ZonedDateTime zs = start.atZone(zone);
        ZonedDateTime ze = end.atZone(zone);
        if (!zs.getOffset().equals(ze.getOffset())) {
            reasons.add("clocks change during this window (" + zs.getOffset() + " → " + ze.getOffset()
                    + "); it still lasts " + request.duration().toMinutes() + " min");
        }
        return new ChangeWindow(rank, new Interval(start, end), tailEnd, latest, score, upper, median - score, reasons);
    }

    /** @return {@code HH:mm}, or {@code Sun 07:00} when {@code t} falls on another day than {@code ref} */
    private static String at(Instant t, Instant ref, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return z.toLocalDate().equals(ref.atZone(zone).toLocalDate()) ? HM.format(z)
                : z.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + HM.format(z);
    }

    private static List<Rejection> bestRejections(double[] score, String[] rejected, int first, int k, long stepSeconds,
                                                  Outlook outlook, double worstChosen) {
        Integer[] idx = new Integer[score.length];
        int m = 0;
        for (int j = 0; j < score.length; j++) {
            if (rejected[j] != null && !Double.isNaN(score[j]) && score[j] <= worstChosen) {
                idx[m++] = j;
            }
        }
        Arrays.sort(idx, 0, m, (a, b) -> {
            int byScore = compareRounded(score[a], score[b]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        List<Rejection> result = new ArrayList<>();
        Map<String, Integer> perReason = new HashMap<>();
        List<Instant> starts = new ArrayList<>();
        for (int o = 0; o < m && result.size() < REJECTIONS_KEPT; o++) {
            int j = idx[o];
            Instant start = outlook.timeAt(first + j);
            // One example per stretch of time and at most three per reason, so the list explains rather than repeats.
            if (tooClose(starts, start, Duration.ofHours(12).getSeconds())
                    || perReason.merge(rejected[j], 1, Integer::sum) > 3) {
                continue;
            }
            starts.add(start);
            result.add(new Rejection(new Interval(start, start.plusSeconds(k * stepSeconds)), score[j], rejected[j]));
        }
        return result;
    }

    private static OptionalDouble habitScore(WindowRequest.Habit habit, WindowRequest request, Outlook outlook,
                                             int covered, double divisor, double[] prefix, int[] unknown,
                                             double[] prefixStaff, int k) {
        ZoneId zone = request.constraints().zone();
        long stepSeconds = outlook.step().getSeconds();
        double total = 0;
        int count = 0;
        LocalDate d = request.from().with(java.time.temporal.TemporalAdjusters.nextOrSame(habit.day()));
        for (; !d.isAfter(request.to()); d = d.plusWeeks(1)) {
            Instant start = ZonedDateTime.of(d, habit.start(), zone).toInstant();
            long offset = Duration.between(outlook.start(), start).getSeconds();
            if (offset < 0 || offset % stepSeconds != 0) {
                continue;
            }
            int i = (int) (offset / stepSeconds);
            if (i + covered > outlook.size() || unknown[i + covered] - unknown[i] > 0) {
                continue;
            }
            total += (prefix[i + covered] - prefix[i]) / divisor + prefixStaff[i + k] - prefixStaff[i];
            count++;
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(total / count);
    }

    /**
     * The best weekly slot under staff hours (checked on the horizon's first week), with its next
     * dates, on the team's clock (the constraints' zone) even when the traffic follows another zone.
     */
    static Optional<RecurringWindow> recurring(WeekSlots slots, double[] perSlot, WindowRequest request, int k,
                                               int covered, double divisor) {
        if (request.duration().getSeconds() % slots.slot().getSeconds() != 0) {
            return Optional.empty();
        }
        Constraints c = request.constraints();
        // A reference week for the wall-clock check: the plan's first Monday (staff hours are local times).
        LocalDate monday = request.from().with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!slots.zone().equals(c.zone())) {
            // The traffic follows its users' clock, the rule the team's: re-read the weekly values on the
            // team's clock, as they fall in the reference week.
            WeekSlots teamSlots = new WeekSlots(c.zone(), slots.slot());
            double[] onTeamClock = new double[teamSlots.count()];
            WeekSlots.Locator traffic = slots.locator();
            for (int t = 0; t < onTeamClock.length; t++) {
                java.time.ZonedDateTime local = java.time.ZonedDateTime.of(
                        monday.plusDays(t / teamSlots.perDay()), teamSlots.timeOf(t), c.zone());
                onTeamClock[t] = perSlot[traffic.slotOf(local.toEpochSecond())];
            }
            slots = teamSlots;
            perSlot = onTeamClock;
        }
        int n = slots.count();
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            double sum = 0;
            for (int j = 0; j < covered; j++) {
                sum += perSlot[(s + j) % n];
            }
            sum /= divisor;
            if (Double.isNaN(sum) || sum >= bestScore) {
                continue;
            }
            LocalDateTime start = monday.plusDays(s / slots.perDay()).atTime(slots.timeOf(s));
            if (!c.allowed().isEmpty()) {
                LocalDateTime end = start.plus(request.duration());
                if (c.allowed().stream().noneMatch(a -> a.contains(start, end))) {
                    continue;
                }
            }
            best = s;
            bestScore = sum;
        }
        if (best < 0) {
            return Optional.empty();
        }
        DayOfWeek day = slots.dayOf(best);
        LocalTime time = slots.timeOf(best);
        List<RecurringWindow.Occurrence> occurrences = new ArrayList<>();
        LocalDate d = request.from().with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
        for (; !d.isAfter(request.to()); d = d.plusWeeks(1)) {
            occurrences.add(occurrence(d, time, request, c));
        }
        return Optional.of(new RecurringWindow(day, time, request.duration(), c.zone(), bestScore, occurrences));
    }

    private static RecurringWindow.Occurrence occurrence(LocalDate date, LocalTime time, WindowRequest request,
                                                         Constraints c) {
        ZoneId zone = c.zone();
        LocalDateTime local = date.atTime(time);
        ZonedDateTime start = ZonedDateTime.of(local, zone);
        ZonedDateTime end = start.plus(request.duration());
        List<String> flags = new ArrayList<>();
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            flags.add("DST: " + time + " does not exist that night (clocks go forward); starts at "
                    + start.toLocalTime());
        } else if (zone.getRules().getValidOffsets(local).size() > 1) {
            flags.add("DST: " + time + " occurs twice that night (clocks go back); the first one is meant");
        }
        if (!start.getOffset().equals(end.getOffset())) {
            flags.add("DST: clocks change during the window; it ends at " + end.toLocalTime() + " local time");
        }
        String why = ruleOut(c, start.toInstant(), end.toInstant(), end.toInstant().plus(request.rollbackTail()));
        if (why != null) {
            flags.add(why); // the gate skips this occurrence too (PlanGate): one truth
        }
        for (Holiday h : c.holidays()) {
            if (h.date().equals(date) && c.holidayPolicy() == HolidayPolicy.ALLOWED) {
                flags.add("holiday: " + h.name() + " (allowed; traffic may differ)");
            }
        }
        return new RecurringWindow.Occurrence(start, end, flags);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static double medianLevel(Outlook outlook, int from, int to) {
        List<Double> values = new ArrayList<>();
        for (int i = from; i < Math.min(to, outlook.size()); i++) {
            if (!Double.isNaN(outlook.expectedAt(i))) {
                values.add(outlook.expectedAt(i));
            }
        }
        return median(values);
    }
}
