package org.lowtide.ui.plan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.HoursOfDay;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TimeFormats;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.common.NumberInput;

/**
 * The Windows screen's form without a toolkit: what the user typed ({@link Fields}) in, a message
 * per field and the {@link PlanRequest} out ({@link #check}). Also the way back, a plan's inputs as
 * the form writes them ({@link #allowedText}, {@link #blackoutText}, {@link #habitText}).
 *
 * <p>No JavaFX here: {@link PlanViewModel} binds its properties to these values; this class is
 * tested with plain JUnit. Pure functions; any thread.
 */
public final class PlanForm {

    /** The most dated windows one may ask for. */
    public static final int MAX_COUNT = 100;

    /** The longest horizon, in days (the planner is fast; the table and chart are the limit). */
    public static final int MAX_HORIZON_DAYS = 731;

    /** The fields that have a message of their own (rows have theirs). */
    public enum Field {
        WINDOW_LENGTH, ROLLBACK_TAIL, COUNT, HORIZON, MIN_GAP, HOLIDAYS, HABIT, STAFF_COST, NIGHT_PREMIUM,
        MAX_P90_SHARE, TEAM_ZONE
    }

    /**
     * A freeze as typed: first and last day or local date-times, and a reason.
     *
     * @param start  first day ({@code 2026-11-23}) or local start ({@code 2026-11-23T18:00})
     * @param end    last day (included) or local end (excluded)
     * @param reason why; may be empty
     */
    public record BlackoutText(String start, String end, String reason) {
        public BlackoutText {
            start = start == null ? "" : start.trim();
            end = end == null ? "" : end.trim();
            reason = reason == null ? "" : reason.trim();
        }

        boolean isBlank() {
            return start.isEmpty() && end.isEmpty();
        }
    }

    /**
     * A named change as typed.
     *
     * @param name   e.g. "Database migration"
     * @param length its window, e.g. "4 h"
     */
    public record ChangeText(String name, String length) {
        public ChangeText {
            name = name == null ? "" : name.trim();
            length = length == null ? "" : length.trim();
        }
    }

    /**
     * Everything the form holds, as typed, and the traffic it plans on.
     *
     * @param windowLength   e.g. "2 h"
     * @param rollbackTail   e.g. "1 h"; "0" for none
     * @param count          how many dated windows; null when not given
     * @param from           first day of the horizon; null when not given
     * @param to             last day (included); null when not given
     * @param minGap         least time between two windows' starts, e.g. "1 d"
     * @param allowedHours   staff hours, one line each ({@code Mon-Fri 01:00-06:00}); blank lines ignored
     * @param blackouts      freezes; blank rows ignored
     * @param changes        named changes; blank rows ignored
     * @param holidays       holiday calendar, e.g. "DE"; empty for none
     * @param holidayPolicy  whether holidays block changes
     * @param habit          when the team changes today, e.g. "Tue 14:00"; empty for none
     * @param countPer       what the count counts per; null for in all
     * @param staffCost      staff cost per hour; empty for none
     * @param nightPremium   factor on the staff cost at night; empty or "1" for none
     * @param maxP90Share    highest p90 share of the peak, percent ("40" or "40 %"); empty for no limit
     * @param outlook        which traffic ranks the windows; null for automatic
     * @param teamZone       the team's zone; empty for the traffic's
     * @param cost           cost assumptions (plans in money); null to plan by traffic
     * @param source         the traffic; null when none is loaded yet
     * @param trafficZone    the traffic's zone; null when none is loaded yet
     * @param importOptions  how the traffic is read; null when none is loaded yet
     */
    public record Fields(String windowLength, String rollbackTail, Integer count, LocalDate from, LocalDate to,
                         String minGap, List<String> allowedHours, List<BlackoutText> blackouts,
                         List<ChangeText> changes, String holidays, HolidayPolicy holidayPolicy, String habit,
                         PlanRules.CountPeriod countPer, String staffCost, String nightPremium, String maxP90Share,
                         OutlookChoice outlook, String teamZone, CostAssumptions cost, TrafficSource source,
                         ZoneId trafficZone, ImportOptions importOptions) {
        public Fields {
            allowedHours = List.copyOf(allowedHours);
            blackouts = List.copyOf(blackouts);
            changes = List.copyOf(changes);
        }
    }

    /**
     * What {@link #check} found.
     *
     * @param messages       a message per field; empty when the field is fine
     * @param allowedErrors  a message per staff-hours line (same order); empty when fine or blank
     * @param blackoutErrors a message per freeze (same order)
     * @param changeErrors   a message per named change (same order)
     * @param changesListed  whether at least one valid change is listed (then the count is not used)
     * @param problems       how many fields and rows need fixing
     * @param request        the request, when every field is valid and there is traffic
     * @param requestProblem a message when the fields passed but the request's own checks did not; else empty
     */
    public record Checked(Map<Field, String> messages, List<String> allowedErrors, List<String> blackoutErrors,
                          List<String> changeErrors, boolean changesListed, int problems, Optional<PlanRequest> request,
                          String requestProblem) {
        public Checked {
            messages = Map.copyOf(messages);
            allowedErrors = List.copyOf(allowedErrors);
            blackoutErrors = List.copyOf(blackoutErrors);
            changeErrors = List.copyOf(changeErrors);
        }

        /** @return the message of {@code field}; empty when it is fine */
        public String message(Field field) {
            return messages.getOrDefault(field, "");
        }

        /** @return whether every field and row is valid (there may still be no traffic to plan on) */
        public boolean formOk() {
            return problems == 0 && requestProblem.isEmpty();
        }
    }

    /**
     * A value read from text, or why not.
     *
     * @param value the value; empty when blank or invalid
     * @param error empty when valid or blank, else a message
     */
    public record Reading<T>(Optional<T> value, String error) {
        static <T> Reading<T> of(T value) {
            return new Reading<>(Optional.of(value), "");
        }

        static <T> Reading<T> blank() {
            return new Reading<>(Optional.empty(), "");
        }

        static <T> Reading<T> error(String message) {
            return new Reading<>(Optional.empty(), message);
        }
    }

    private PlanForm() {
    }

    /**
     * Checks every field, and builds the request when all are valid and there is traffic.
     *
     * @param calendarCheck holiday calendar code → "" when it is known, else a message (may be slow
     *                      the first time: the caller remembers answers)
     */
    public static Checked check(Fields f, Function<String, String> calendarCheck) {
        Map<Field, String> messages = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            messages.put(field, "");
        }
        Duration length = duration(f.windowLength(), Field.WINDOW_LENGTH, messages, true);
        Duration tail = duration(f.rollbackTail(), Field.ROLLBACK_TAIL, messages, false);
        Duration gap = duration(f.minGap(), Field.MIN_GAP, messages, false);
        if (length != null && length.compareTo(Duration.ofDays(7)) > 0) {
            messages.put(Field.WINDOW_LENGTH, "A window of more than a week is no window; use at most 7 d.");
            length = null;
        }

        List<PlanRules.Change> named = new ArrayList<>();
        List<String> changeErrors = new ArrayList<>();
        for (ChangeText c : f.changes()) {
            Reading<PlanRules.Change> r = change(c);
            changeErrors.add(r.error());
            r.value().ifPresent(named::add);
        }

        Integer n = f.count();
        if (!named.isEmpty() && (n == null || n < 1 || n > MAX_COUNT)) {
            n = 1; // each change gets one window: the count is not used
        } else if (n == null || n < 1 || n > MAX_COUNT) {
            messages.put(Field.COUNT, "Plan between 1 and " + MAX_COUNT + " windows.");
            n = null;
        }

        LocalDate first = f.from();
        LocalDate last = f.to();
        if (first == null || last == null) {
            messages.put(Field.HORIZON, "Pick the first and the last day of the horizon.");
        } else if (last.isBefore(first)) {
            messages.put(Field.HORIZON, "The horizon ends (" + last + ") before it starts (" + first + ").");
        } else if (ChronoUnit.DAYS.between(first, last) >= MAX_HORIZON_DAYS) {
            messages.put(Field.HORIZON, "Plan at most " + MAX_HORIZON_DAYS + " days ahead at once.");
        }

        List<AllowedHours> hours = new ArrayList<>();
        List<String> allowedErrors = new ArrayList<>();
        for (String line : f.allowedHours()) {
            Reading<AllowedHours> r = allowedHours(line);
            allowedErrors.add(r.error());
            r.value().ifPresent(hours::add);
        }
        ZoneId planZone = f.trafficZone();
        String teamZoneText = text(f.teamZone());
        if (!teamZoneText.isEmpty()) {
            try {
                planZone = ZoneId.of(teamZoneText);
            } catch (java.time.DateTimeException e) {
                messages.put(Field.TEAM_ZONE, "No time zone '" + teamZoneText + "'; use a region such as Europe/Berlin or"
                        + " America/New_York, or leave it empty for the toolbar's zone.");
            }
        }
        List<Blackout> freezes = new ArrayList<>();
        List<String> blackoutErrors = new ArrayList<>();
        for (BlackoutText b : f.blackouts()) {
            Reading<Blackout> r = blackout(b, planZone == null ? ZoneId.systemDefault() : planZone);
            blackoutErrors.add(r.error());
            r.value().ifPresent(freezes::add);
        }

        String calendar = text(f.holidays());
        messages.put(Field.HOLIDAYS, calendar.isEmpty() ? "" : calendarCheck.apply(calendar));

        Optional<WindowRequest.Habit> usual = Optional.empty();
        String habitText = text(f.habit());
        if (!habitText.isEmpty()) {
            try {
                usual = Optional.of(WindowRequest.Habit.parse(habitText));
            } catch (IllegalArgumentException e) {
                messages.put(Field.HABIT, Messages.sentence(e.getMessage()));
            }
        }

        Optional<PlanRules> rules = rules(f, messages).map(r -> named.isEmpty() ? r : r.withChanges(named));

        int problems = (int) messages.values().stream().filter(m -> !m.isEmpty()).count();
        for (List<String> rowErrors : List.of(allowedErrors, blackoutErrors, changeErrors)) {
            problems += (int) rowErrors.stream().filter(m -> !m.isEmpty()).count();
        }
        boolean changesListed = !named.isEmpty();
        if (problems > 0 || length == null || tail == null || gap == null || n == null || rules.isEmpty()) {
            return new Checked(messages, allowedErrors, blackoutErrors, changeErrors, changesListed, Math.max(1, problems),
                    Optional.empty(), "");
        }
        if (f.source() == null || f.trafficZone() == null) {
            return new Checked(messages, allowedErrors, blackoutErrors, changeErrors, changesListed, 0,
                    Optional.empty(), "");
        }
        try {
            WindowRequest windowRequest = new WindowRequest(length, tail, n, first, last, gap,
                    new Constraints(planZone, hours, freezes, List.of(), holidayPolicyOrDefault(f)), usual);
            AnalysisRequest analysis = new AnalysisRequest(f.source(), f.importOptions(), length,
                    AnalysisRequest.DEFAULT_TROUGHS);
            PlanRequest request = new PlanRequest(analysis, windowRequest,
                    calendar.isEmpty() ? Optional.empty() : Optional.of(calendar), Optional.ofNullable(f.cost()),
                    rules.get());
            return new Checked(messages, allowedErrors, blackoutErrors, changeErrors, changesListed, 0,
                    Optional.of(request), "");
        } catch (IllegalArgumentException e) { // the records' own checks; the fields above should catch all
            return new Checked(messages, allowedErrors, blackoutErrors, changeErrors, changesListed, 0,
                    Optional.empty(), Messages.sentence(e.getMessage()));
        }
    }

    private static HolidayPolicy holidayPolicyOrDefault(Fields f) {
        return f.holidayPolicy() == null ? HolidayPolicy.BLACKOUT : f.holidayPolicy();
    }

    /** Checks staff cost, night premium and p90 share, sets their messages, and builds the rules when all are valid. */
    private static Optional<PlanRules> rules(Fields f, Map<Field, String> messages) {
        Double perHour = null;
        String costText = text(f.staffCost());
        if (!costText.isEmpty()) {
            NumberInput.Reading reading = NumberInput.read(costText);
            perHour = reading.ok() ? reading.value() : null;
            if (perHour == null || perHour < 0) {
                messages.put(Field.STAFF_COST, reading.ambiguous() ? Messages.sentence(reading.problem())
                        : "Give the staff cost per hour as a number of at least 0 (e.g. 120), or leave it empty.");
                perHour = null;
            }
        }
        String premiumText = text(f.nightPremium());
        NumberInput.Reading premiumReading = NumberInput.read(premiumText.isEmpty() ? "1" : premiumText);
        Double premium = premiumReading.ok() ? premiumReading.value() : null;
        if (premium == null || premium < 1) {
            messages.put(Field.NIGHT_PREMIUM, premiumReading.ambiguous() ? Messages.sentence(premiumReading.problem())
                    : "The night premium is a factor of at least 1 (1.5 = 50 % more at night).");
            premium = null;
        } else if (premium != 1 && costText.isEmpty()) {
            messages.put(Field.NIGHT_PREMIUM, "The night premium applies to the staff cost per hour; give both.");
            premium = null;
        }
        String shareText = text(f.maxP90Share());
        if (shareText.endsWith("%")) {
            shareText = shareText.substring(0, shareText.length() - 1).trim();
        }
        OptionalDouble share = OptionalDouble.empty();
        if (!shareText.isEmpty()) {
            NumberInput.Reading reading = NumberInput.read(shareText);
            Double percent = reading.ok() ? reading.value() : null;
            if (percent == null || percent < 1 || percent > 100) {
                messages.put(Field.MAX_P90_SHARE, reading.ambiguous() ? Messages.sentence(reading.problem())
                        : "Give the highest p90 share as a percent of the peak from 1 to 100, or leave it empty.");
            } else {
                share = OptionalDouble.of(percent / 100);
            }
        }
        if (!messages.get(Field.STAFF_COST).isEmpty() || !messages.get(Field.NIGHT_PREMIUM).isEmpty()
                || !messages.get(Field.MAX_P90_SHARE).isEmpty()) {
            return Optional.empty();
        }
        Optional<PlanRules.StaffCost> staff = Optional.empty();
        if (perHour != null) {
            CostAssumptions assumptions = f.cost() != null ? f.cost() : CostAssumptions.defaults();
            HoursOfDay night = assumptions.nightHours().value();
            staff = Optional.of(new PlanRules.StaffCost(perHour, premium, night.from(), night.to()));
        }
        OutlookChoice outlook = f.outlook() == null ? OutlookChoice.AUTO : f.outlook();
        return Optional.of(new PlanRules(staff, share, Optional.ofNullable(f.countPer())).withOutlook(outlook));
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private static Duration duration(String text, Field field, Map<Field, String> messages, boolean positive) {
        try {
            Duration d = DurationText.parse(text);
            if (positive && d.isZero()) {
                messages.put(field, "The window must last longer than 0.");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            messages.put(field, Messages.sentence(e.getMessage()));
            return null;
        }
    }

    // ---------------------------------------------------------------- rows

    /** Reads a line of staff hours; a blank line is no error. */
    public static Reading<AllowedHours> allowedHours(String line) {
        String t = text(line);
        if (t.isEmpty()) {
            return Reading.blank();
        }
        try {
            return Reading.of(AllowedHours.parse(t));
        } catch (IllegalArgumentException e) {
            return Reading.error(Messages.sentence(e.getMessage()));
        }
    }

    /** Reads a freeze in {@code zone}, as the CLI's {@code --blackout START/END=REASON}; a blank row is no error. */
    public static Reading<Blackout> blackout(BlackoutText b, ZoneId zone) {
        if (b.isBlank()) {
            return Reading.blank();
        }
        if (b.start().isEmpty() || b.end().isEmpty()) {
            return Reading.error("Give both the first and the last day (2026-11-23), or date-times (2026-11-23T18:00).");
        }
        String spec = b.start() + "/" + b.end();
        String why = b.reason().replace("=", "-");
        try {
            return Reading.of(Blackout.parse(why.isEmpty() ? spec : spec + "=" + why, zone));
        } catch (IllegalArgumentException e) {
            return Reading.error(Messages.sentence(e.getMessage()));
        }
    }

    /** Reads a named change; a blank row is no error. */
    public static Reading<PlanRules.Change> change(ChangeText c) {
        if (c.name().isEmpty() && c.length().isEmpty()) {
            return Reading.blank();
        }
        if (c.name().isEmpty()) {
            return Reading.error("Give the change a name, e.g. Database migration.");
        }
        Duration d;
        try {
            d = DurationText.parse(c.length());
        } catch (IllegalArgumentException e) {
            return Reading.error(Messages.sentence(e.getMessage()));
        }
        if (d.isZero()) {
            return Reading.error("The window of a change must last longer than 0.");
        }
        if (d.compareTo(Duration.ofDays(7)) > 0) {
            return Reading.error("A window of more than a week is no window; use at most 7 d.");
        }
        try {
            return Reading.of(new PlanRules.Change(c.name(), d));
        } catch (IllegalArgumentException e) {
            return Reading.error(Messages.sentence(e.getMessage()));
        }
    }

    // ---------------------------------------------------------------- the way back

    /** A freeze as the form writes it: whole days when it runs midnight to midnight, else date-times. */
    public static BlackoutText blackoutText(Blackout b, ZoneId zone) {
        LocalDateTime start = LocalDateTime.ofInstant(b.interval().start(), zone);
        LocalDateTime end = LocalDateTime.ofInstant(b.interval().end(), zone);
        if (start.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return new BlackoutText(start.toLocalDate().toString(), end.toLocalDate().minusDays(1).toString(), b.reason());
        }
        return new BlackoutText(TimeFormats.LOCAL_MINUTE_ISO.format(start), TimeFormats.LOCAL_MINUTE_ISO.format(end),
                b.reason());
    }

    /** Staff hours as a person writes them: runs of days as ranges, {@code Mon-Fri 01:00-06:00}. */
    public static String allowedText(AllowedHours a) {
        StringBuilder days = new StringBuilder();
        DayOfWeek[] week = DayOfWeek.values();
        int i = 0;
        while (i < 7) {
            if (!a.days().contains(week[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < 7 && a.days().contains(week[j + 1])) {
                j++;
            }
            days.append(days.length() == 0 ? "" : ",").append(shortDay(week[i]));
            if (j > i) {
                days.append(j == i + 1 ? "," : "-").append(shortDay(week[j]));
            }
            i = j + 1;
        }
        String text = a.toString();
        return days + text.substring(text.indexOf(' '));
    }

    /** The habit as the form writes it, e.g. "Tue 14:00". */
    public static String habitText(WindowRequest.Habit h) {
        return shortDay(h.day()) + " " + h.start();
    }

    private static String shortDay(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
