package org.lowtide.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The plan options of DESIGN §6 as a mixin, shared by {@code plan} and {@code report}, so that both
 * take the same names, defaults and meaning.
 */
final class PlanOptionsMixin {

    /** Option name → key of the report's plan inputs, to tell the user's inputs from defaults. */
    static final Map<String, String> INPUT_KEYS = Map.ofEntries(Map.entry("--duration", "duration"),
            Map.entry("--rollback", "rollback"), Map.entry("--count", "count"), Map.entry("--from", "horizon"),
            Map.entry("--to", "horizon"), Map.entry("--min-gap", "minGap"), Map.entry("--allowed", "allowed"),
            Map.entry("--blackout", "blackouts"), Map.entry("--holidays", "holidays"), Map.entry("--habit", "habit"),
            Map.entry("--zone", "zone"), Map.entry("--plan-zone", "zone"), Map.entry("--traffic-outlook", "outlook"));

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--plan-zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "The team's zone: staff hours, dates, blackouts, holidays and the weekly rule. "
                    + "Default: --zone (the zone the traffic follows).")
    private ZoneId planZone;

    /** @return the team's zone, or the traffic's when none was given */
    ZoneId planZone(ZoneId trafficZone) {
        return planZone != null ? planZone : trafficZone;
    }

    @Option(names = "--staff-cost-per-hour", paramLabel = "X",
            description = "Staff cost per hour a window is open (the plan's currency), added to each window's cost.")
    Double staffCostPerHour;

    @Option(names = "--night-premium", paramLabel = "F", defaultValue = "1",
            description = "Factor on the staff cost in the night hours (--night-hours). Default: ${DEFAULT-VALUE}.")
    double nightPremium;

    @Option(names = "--max-p90-share", paramLabel = "F",
            description = "Rule out windows whose p90 traffic exceeds this share of the weekly peak (0..1).")
    Double maxP90Share;

    @Option(names = "--change", paramLabel = "NAME=DURATION",
            description = "A named change that needs a window of its own length, e.g. \"Database migration=PT4H\" "
                    + "(repeatable, in order of priority); replaces --count and --duration.")
    List<String> changes = new ArrayList<>();

    @Option(names = "--traffic-outlook", paramLabel = "auto|forecast|profile", defaultValue = "auto",
            description = "Traffic the windows are ranked on: the patterns forecast where it reaches the horizon "
                    + "(up to 26 weeks past the data) and did better than the weekly profile in its backtest (auto), "
                    + "the forecast wherever it reaches (forecast), or the weekly profile (profile). "
                    + "Default: ${DEFAULT-VALUE}.")
    String trafficOutlook;

    @Option(names = "--per", paramLabel = "week|month",
            description = "Count --count windows per calendar week or month instead of in all.")
    String per;

    /**
     * @param nightHours the night hours of the cost model, for the night premium
     * @throws IllegalArgumentException naming the option that cannot be read
     */
    PlanRules rules(org.lowtide.cost.HoursOfDay nightHours) {
        Optional<PlanRules.StaffCost> staff = Optional.empty();
        if (staffCostPerHour != null) {
            staff = Optional.of(new PlanRules.StaffCost(staffCostPerHour, nightPremium, nightHours.from(),
                    nightHours.to()));
        } else if (nightPremium != 1) {
            throw new IllegalArgumentException("--night-premium applies to --staff-cost-per-hour; give both");
        }
        Optional<PlanRules.CountPeriod> period = Optional.empty();
        if (per != null) {
            switch (per.trim().toLowerCase(Locale.ROOT)) {
                case "week":
                    period = Optional.of(PlanRules.CountPeriod.WEEK);
                    break;
                case "month":
                    period = Optional.of(PlanRules.CountPeriod.MONTH);
                    break;
                default:
                    throw new IllegalArgumentException("--per takes week or month, not '" + per + "'");
            }
        }
        List<PlanRules.Change> named = new ArrayList<>();
        for (String c : changes) {
            named.add(PlanRules.Change.parse(c));
        }
        OutlookChoice outlook;
        try {
            outlook = OutlookChoice.parse(trafficOutlook);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--traffic-outlook takes auto, forecast or profile, not '"
                    + trafficOutlook + "'");
        }
        return new PlanRules(staff, maxP90Share == null ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(maxP90Share), period, named, outlook);
    }

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "PT2H",
            converter = Converters.PositiveDuration.class, description = "Window length. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--rollback", paramLabel = "DURATION", converter = Converters.PositiveDuration.class,
            description = "Time a failed change needs to be detected and rolled back after the window. "
                    + "Default: time to detect + the 90th percentile of the restore time (cost options).")
    Duration rollback;

    @Option(names = "--count", paramLabel = "N", defaultValue = "4", description = "How many dated windows. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--from", paramLabel = "DATE",
            description = "First day of the horizon (ISO date). Default: tomorrow in the plan's zone.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the horizon (ISO date). Default: four weeks after --from.")
    LocalDate to;

    @Option(names = "--min-gap", paramLabel = "DURATION", defaultValue = "P1D", converter = Converters.PositiveDuration.class,
            description = "Least time between the starts of two windows. Default: ${DEFAULT-VALUE}.")
    Duration minGap;

    @Option(names = "--allowed", paramLabel = "\"DAYS HH:MM-HH:MM\"",
            description = "Staff hours, e.g. \"Mon-Fri 01:00-06:00\" (repeatable). Default: any time.")
    List<String> allowed = new ArrayList<>();

    @Option(names = "--blackout", paramLabel = "START/END[=REASON]",
            description = "A freeze: ISO dates (both days included) or date-times, e.g. "
                    + "\"2025-11-24/2025-11-30=Black Friday freeze\" (repeatable).")
    List<String> blackouts = new ArrayList<>();

    @Option(names = "--holidays", paramLabel = "CC[-REGION]", description = "Public holidays of a country (and region): DE, US-NY, GB.")
    String holidays;

    @Option(names = "--holidays-as", paramLabel = "blackout|allowed", defaultValue = "blackout",
            description = "Whether holidays block changes. Default: ${DEFAULT-VALUE}.")
    String holidaysAs;

    @Option(names = "--habit", paramLabel = "\"DAY HH:MM\"",
            description = "When the team changes today, e.g. \"Tue 14:00\", to compare against.")
    String habit;

    /**
     * @param defaultRollback the rollback tail when {@code --rollback} is not given
     * @throws IllegalArgumentException naming the option that cannot be read
     */
    WindowRequest request(ZoneId zone, Duration defaultRollback) {
        List<AllowedHours> hours = new ArrayList<>();
        for (String a : allowed) {
            hours.add(AllowedHours.parse(a));
        }
        List<Blackout> freezes = blackouts(blackouts, zone);
        HolidayPolicy policy;
        switch (holidaysAs.trim().toLowerCase(Locale.ROOT)) {
            case "blackout":
                policy = HolidayPolicy.BLACKOUT;
                break;
            case "allowed":
                policy = HolidayPolicy.ALLOWED;
                break;
            default:
                throw new IllegalArgumentException("--holidays-as takes blackout or allowed, not '" + holidaysAs + "'");
        }
        LocalDate start = from != null ? from : LocalDate.now(zone).plusDays(1);
        LocalDate end = to != null ? to : start.plusWeeks(4).minusDays(1);
        return new WindowRequest(duration, rollback == null ? defaultRollback : rollback, count, start, end, minGap,
                new Constraints(zone, hours, freezes, List.of(), policy),
                habit == null ? Optional.empty() : Optional.of(WindowRequest.Habit.parse(habit)));
    }

    /**
     * The freezes of {@code --blackout} options ({@code plan} and {@code fleet} read them alike).
     *
     * @throws IllegalArgumentException naming the one that cannot be read
     */
    static List<Blackout> blackouts(List<String> texts, ZoneId zone) {
        List<Blackout> freezes = new ArrayList<>();
        for (String b : texts) {
            freezes.add(Blackout.parse(b, zone));
        }
        return freezes;
    }

    /**
     * Checks a {@code --holidays} calendar up front ({@code plan} and {@code fleet} alike).
     *
     * @param prefix put before the message, e.g. {@code "--holidays: "}, or empty
     * @throws ParameterException when the calendar is unknown
     */
    static void checkHolidays(Optional<String> calendar, CommandSpec spec, String prefix) {
        try {
            org.lowtide.service.PlanService.checkHolidayCalendar(calendar);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), prefix + e.getMessage(), e);
        }
    }

    /**
     * The tool of {@code --export} ({@code plan} prints its snippet, {@code fleet} writes one per service).
     *
     * @throws ParameterException naming the tools when {@code name} is none of them
     */
    static org.lowtide.planning.ScheduleExports.Target exportTarget(String name, CommandSpec spec) {
        try {
            return org.lowtide.planning.ScheduleExports.Target.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--export takes aws, rrule, argocd, gitlab or kured; not '" + name + "'");
        }
    }

    /** @return the holiday calendar, when one was named */
    Optional<String> holidayCalendar() {
        return Optional.ofNullable(holidays);
    }

    /** @return the keys of the plan inputs given on the command line (the rest are defaults) */
    Set<String> userInputs() {
        Set<String> keys = new LinkedHashSet<>();
        ParseResult parsed = mixee.commandLine().getParseResult();
        for (Map.Entry<String, String> e : INPUT_KEYS.entrySet()) {
            if (parsed.hasMatchedOption(e.getKey())) {
                keys.add(e.getValue());
            }
        }
        return keys;
    }

    /** @return the plan or import options given, by name (a saved plan takes none) */
    List<String> givenOptions() {
        List<String> given = new ArrayList<>();
        ParseResult parsed = mixee.commandLine().getParseResult();
        for (String name : List.of("--duration", "--rollback", "--count", "--from", "--to", "--min-gap", "--allowed",
                "--blackout", "--holidays", "--holidays-as", "--habit", "--zone", "--plan-zone", "--step", "--column",
                "--by-traffic", "--staff-cost-per-hour", "--night-premium", "--max-p90-share", "--per", "--change",
                "--traffic-outlook")) {
            if (parsed.hasMatchedOption(name)) {
                given.add(name);
            }
        }
        return given;
    }
}
