package org.lowtide.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.analysis.Trough;

/**
 * The one answer to "when should we make the risky change?" for a traffic file and its settings:
 * built once (by the service) from the analysis, the cost model and the planner, and read by every
 * face: the Overview, {@code analyze}, the Costs tab, the Windows tab, {@code plan} and the report.
 *
 * <p>Without a revenue of the user's it ranks the traffic at stake over the window <b>and</b> the
 * rollback tail; with one, the expected cost of a change. Views that show another ranking (the
 * quietest traffic in the window alone, the cheapest start minute) label it as that, and
 * {@link #whyDiffers} says in one sentence why the recommendation is elsewhere.
 *
 * @param basis        what the windows were ranked on
 * @param weekly       the recommended weekly window, when one fits the constraints
 * @param first        the first (best) dated window of the horizon, when one fits
 * @param window       the window length
 * @param rollbackTail the time after the window a failed change needs to be rolled back
 * @param quietest     the quietest window of the same length on the weekly profile, traffic in the
 *                     window alone (what {@code analyze} lists)
 * @param warnings     what the user must know about this answer (placeholder revenue, assumed zone)
 */
public record Recommendation(Basis basis, Optional<RecurringWindow> weekly, Optional<ChangeWindow> first,
                             Duration window, Duration rollbackTail, Optional<Trough> quietest,
                             List<String> warnings) {

    private static final DateTimeFormatter DATE = org.lowtide.traffic.TimeFormats.DAY;
    private static final DateTimeFormatter HM = org.lowtide.traffic.TimeFormats.HM;

    /** What the recommendation ranks on. */
    public enum Basis {
        /** The traffic at stake over window and rollback tail (no revenue given, or asked for). */
        TRAFFIC_AT_STAKE,
        /** The expected cost of a change in money (a revenue of the user's or of the data). */
        EXPECTED_COST
    }

    public Recommendation {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(weekly, "weekly");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(rollbackTail, "rollbackTail");
        Objects.requireNonNull(quietest, "quietest");
        warnings = List.copyOf(warnings);
    }

    /** @return the weekly window in words, e.g. {@code Saturdays 02:00–04:00 Europe/Berlin}, or empty */
    public Optional<String> weeklyText() {
        return weekly.map(w -> weekly(w.day(), w.start(), w.duration(), w.zone()));
    }

    /** @return the first dated window in words, e.g. {@code Sat 5 Dec 2026 02:00–04:00 CET}, or empty */
    public Optional<String> firstText() {
        ZoneId zone = weekly.map(RecurringWindow::zone).orElse(quietest.map(Trough::zone).orElse(ZoneId.of("UTC")));
        return first.map(w -> dated(w, zone));
    }

    /**
     * @param w    a dated window
     * @param zone the zone to read it in
     * @return {@code Sat 5 Dec 2026 02:00–04:00 CET}; an end on another day names that day
     */
    public static String dated(ChangeWindow w, ZoneId zone) {
        ZonedDateTime s = w.window().start().atZone(zone);
        ZonedDateTime e = w.window().end().atZone(zone);
        String end = e.toLocalDate().equals(s.toLocalDate()) ? HM.format(e)
                : e.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + HM.format(e);
        return DATE.format(s) + " " + HM.format(s) + "–" + end + " " + zone.getId();
    }

    /**
     * @return a weekly window in words: {@code Saturdays 02:00–04:00 Europe/Berlin}; one over
     *         midnight names the day it ends on
     */
    public static String weekly(DayOfWeek day, LocalTime start, Duration length, ZoneId zone) {
        long endMinute = start.toSecondOfDay() / 60 + length.toMinutes();
        DayOfWeek endDay = day.plus((endMinute - 1) / (24 * 60));
        LocalTime end = start.plus(length);
        String until;
        if (endDay == day) {
            until = endMinute % (24 * 60) == 0 ? "24:00" : HM.format(end);
        } else {
            until = endDay.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + HM.format(end);
        }
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s " + HM.format(start) + "–" + until + " "
                + zone.getId();
    }

    /** @return how it was ranked, in words, e.g. "ranked by the traffic at stake over the 2-hour window and its 2-hour 5-minute rollback" */
    public String basisText() {
        String over = "over the " + adjective(window) + " window and the " + adjective(rollbackTail)
                + " rollback after it (the time a failed change needs to be noticed and undone)";
        return basis == Basis.EXPECTED_COST ? "ranked by the expected cost of a change " + over
                : "ranked by the traffic at stake " + over;
    }

    /** @return the headline: "Recommended: Saturdays 02:00–04:00 Europe/Berlin (first: Sat 5 Dec 2026 02:00–04:00)" */
    public String headline() {
        if (weekly.isEmpty() && first.isEmpty()) {
            return "No window can be recommended under these settings";
        }
        StringBuilder sb = new StringBuilder("Recommended: ");
        sb.append(weeklyText().orElse("no weekly window fits"));
        firstText().ifPresent(f -> sb.append(" (first: ").append(f).append(')'));
        return sb.toString();
    }

    /**
     * @return one sentence on why the recommendation is not the quietest window of the weekly
     *         profile, or empty when they agree
     */
    public Optional<String> whyDiffers() {
        if (weekly.isEmpty() || quietest.isEmpty()) {
            return Optional.empty();
        }
        RecurringWindow w = weekly.get();
        Trough q = quietest.get();
        if (q.day() == w.day() && q.start().equals(w.start()) && q.duration().equals(w.duration())
                && q.zone().equals(w.zone())) {
            return Optional.empty();
        }
        String quiet = "The quietest " + adjective(q.duration()) + " window of the week is "
                + weekly(q.day(), q.start(), q.duration(), q.zone()) + " (traffic in the window alone); ";
        String why;
        if (!q.zone().equals(w.zone())) {
            why = weeklyText().get() + " is recommended in the team's zone, " + basisText() + ".";
        } else if (basis == Basis.EXPECTED_COST) {
            why = weeklyText().get() + " is recommended because it counts the " + words(rollbackTail)
                    + " of rollback after the window too: over window and rollback together, a failed change "
                    + "costs less then.";
        } else {
            why = weeklyText().get() + " is recommended because it counts the " + words(rollbackTail)
                    + " of rollback after the window too: over window and rollback together, less traffic is "
                    + "at stake then.";
        }
        return Optional.of(quiet + why);
    }

    /**
     * @return a duration as people say it: {@code 2 hours}, {@code 125 minutes} (under 6 hours, not
     *         whole hours), {@code 1 day 6 hours}, never ISO-8601 or seconds for whole minutes
     */
    public static String words(Duration d) {
        return org.lowtide.traffic.Durations.words(d);
    }

    /** @return a duration as an adjective: {@code 2-hour}, {@code 125-minute}, {@code 1-day 6-hour} */
    public static String adjective(Duration d) {
        return org.lowtide.traffic.Durations.adjective(d);
    }
}
