package org.lowtide.ui.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.planning.AllowedHours;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.PlanDocument;
import org.lowtide.service.PlanRequest;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.common.NumberInput;

/**
 * The Windows screen's inputs as the form shows them: the traffic (from the main window), every
 * field, and a message per field. Screen state only: {@link PlanForm} checks the fields and builds
 * the request, {@link PlanViewModel} decides when to plan. Confined to the JavaFX application thread.
 */
public final class PlanInputs {

    // ---- the traffic, from the main window
    private final ReadOnlyObjectWrapper<TrafficSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>(this, "zone");
    private ImportOptions importOptions;

    // ---- the form
    private final StringProperty windowLength = new SimpleStringProperty(this, "windowLength", "2 h");
    // As the CLI: time to detect + the 90th percentile of the restore time of the default cost model.
    private final StringProperty rollbackTail = new SimpleStringProperty(this, "rollbackTail", DurationText.format(
            CostAssumptions.defaults().detect().value().plus(CostAssumptions.defaults().restoreP90().value())));
    /** The cost model's assumptions (from the Costs screen): plans rank by money when set, by traffic when null. */
    private final ObjectProperty<CostAssumptions> costAssumptions = new SimpleObjectProperty<>(this, "costAssumptions");
    private final ObjectProperty<Integer> count = new SimpleObjectProperty<>(this, "count", 4);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty minGap = new SimpleStringProperty(this, "minGap", "1 d");
    private final ObservableList<AllowedHoursRow> allowedHours =
            FXCollections.observableArrayList(row -> new Observable[] {row.textProperty()});
    private final ObservableList<BlackoutRow> blackouts = FXCollections.observableArrayList(
            row -> new Observable[] {row.startProperty(), row.endProperty(), row.reasonProperty()});
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList(
            row -> new Observable[] {row.nameProperty(), row.lengthProperty()});
    private final StringProperty holidays = new SimpleStringProperty(this, "holidays", "");
    private final ObjectProperty<HolidayPolicy> holidayPolicy =
            new SimpleObjectProperty<>(this, "holidayPolicy", HolidayPolicy.BLACKOUT);
    private final StringProperty habit = new SimpleStringProperty(this, "habit", "");
    /** What the count counts per; null for in all. */
    private final ObjectProperty<PlanRules.CountPeriod> countPer = new SimpleObjectProperty<>(this, "countPer");
    private final StringProperty staffCost = new SimpleStringProperty(this, "staffCost", "");
    private final StringProperty nightPremium = new SimpleStringProperty(this, "nightPremium", "1");
    private final StringProperty maxP90Share = new SimpleStringProperty(this, "maxP90Share", "");
    private final ObjectProperty<OutlookChoice> trafficOutlook =
            new SimpleObjectProperty<>(this, "trafficOutlook", OutlookChoice.AUTO);
    private final StringProperty teamZone = new SimpleStringProperty(this, "teamZone", "");

    // ---- a message per field; empty when the field is fine
    private final ReadOnlyStringWrapper windowLengthError = new ReadOnlyStringWrapper(this, "windowLengthError", "");
    private final ReadOnlyStringWrapper rollbackTailError = new ReadOnlyStringWrapper(this, "rollbackTailError", "");
    private final ReadOnlyStringWrapper countError = new ReadOnlyStringWrapper(this, "countError", "");
    private final ReadOnlyStringWrapper horizonError = new ReadOnlyStringWrapper(this, "horizonError", "");
    private final ReadOnlyStringWrapper minGapError = new ReadOnlyStringWrapper(this, "minGapError", "");
    private final ReadOnlyStringWrapper holidaysError = new ReadOnlyStringWrapper(this, "holidaysError", "");
    private final ReadOnlyStringWrapper habitError = new ReadOnlyStringWrapper(this, "habitError", "");
    private final ReadOnlyStringWrapper staffCostError = new ReadOnlyStringWrapper(this, "staffCostError", "");
    private final ReadOnlyStringWrapper nightPremiumError = new ReadOnlyStringWrapper(this, "nightPremiumError", "");
    private final ReadOnlyStringWrapper maxP90ShareError = new ReadOnlyStringWrapper(this, "maxP90ShareError", "");
    private final ReadOnlyStringWrapper teamZoneError = new ReadOnlyStringWrapper(this, "teamZoneError", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper changesListed = new ReadOnlyBooleanWrapper(this, "changesListed");
    private final ReadOnlyStringWrapper inputProblem = new ReadOnlyStringWrapper(this, "inputProblem", "");

    /** Gives "tomorrow" (the default start of the horizon) in the plan's zone. */
    private final Clock clock;
    /** The default horizon last set, to tell whether the user has changed it since. */
    private LocalDate defaultFrom;
    private LocalDate defaultTo;

    /**
     * @param clock   gives "tomorrow", the default start of the horizon
     * @param changed told whenever an input changes (not the messages)
     */
    PlanInputs(Clock clock, Runnable changed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        // Until traffic is loaded, tomorrow in this computer's zone; then in the plan's zone (below).
        setDefaultHorizon(clock.getZone());
        for (Observable input : List.<Observable>of(windowLength, rollbackTail, count, from, to, minGap, holidays,
                holidayPolicy, habit, costAssumptions, countPer, staffCost, nightPremium, maxP90Share, trafficOutlook,
                teamZone)) {
            ((javafx.beans.value.ObservableValue<?>) input).addListener((o, before, now) -> changed.run());
        }
        teamZone.addListener((o, before, now) -> setDefaultHorizon(planZone()));
        allowedHours.addListener((ListChangeListener<AllowedHoursRow>) c -> changed.run());
        blackouts.addListener((ListChangeListener<BlackoutRow>) c -> changed.run());
        changes.addListener((ListChangeListener<ChangeRow>) c -> changed.run());
    }

    /**
     * Sets the horizon to four weeks from tomorrow in {@code planZone}, as the CLI and the
     * recommendation do (one zone rule: the plan's, never this computer's, so around midnight both
     * faces start on the same day). A horizon the user changed is kept.
     */
    private void setDefaultHorizon(ZoneId planZone) {
        if (defaultFrom != null && (!defaultFrom.equals(from.get()) || !defaultTo.equals(to.get()))) {
            return;
        }
        LocalDate tomorrow = LocalDate.now(clock.withZone(planZone)).plusDays(1);
        defaultFrom = tomorrow;
        defaultTo = tomorrow.plusWeeks(4).minusDays(1); // as the CLI: four weeks from tomorrow
        from.set(defaultFrom);
        to.set(defaultTo);
    }

    /** @return the plan's zone: the team's when a valid one is typed, else the traffic's */
    private ZoneId planZone() {
        String team = teamZone.get() == null ? "" : teamZone.get().trim();
        if (!team.isEmpty()) {
            try {
                return ZoneId.of(team);
            } catch (java.time.DateTimeException e) {
                // not a zone (yet): the field shows why
            }
        }
        return zone.get() == null ? clock.getZone() : zone.get();
    }

    /**
     * The traffic to plan on. The same source in the same zone keeps the import options it has (a
     * plan file may have read it with a step or column).
     *
     * @return whether anything changed
     */
    boolean setTraffic(TrafficSource newSource, ImportOptions options) {
        Objects.requireNonNull(newSource, "newSource");
        Objects.requireNonNull(options, "options");
        if (newSource.equals(source.get()) && options.zone().equals(zone.get())) {
            return false;
        }
        source.set(newSource);
        zone.set(options.zone());
        importOptions = options;
        setDefaultHorizon(planZone());
        return true;
    }

    ImportOptions importOptions() {
        return importOptions;
    }

    /** Adds a line of staff hours. */
    public AllowedHoursRow addAllowedHours(String text) {
        AllowedHoursRow row = new AllowedHoursRow(text);
        allowedHours.add(row);
        return row;
    }

    /** Adds a freeze. */
    public BlackoutRow addBlackout(String start, String end, String reason) {
        BlackoutRow row = new BlackoutRow(start, end, reason);
        blackouts.add(row);
        return row;
    }

    /** Adds a named change with the length of its window, e.g. ("Database migration", "4 h"). */
    public ChangeRow addChange(String name, String length) {
        ChangeRow row = new ChangeRow(name, length);
        changes.add(row);
        return row;
    }

    /**
     * Checks every field ({@link PlanForm}), sets the messages, and gives the request when all are valid.
     *
     * @param calendarCheck holiday calendar code → "" when known, else the message
     * @param planShown     whether a plan is on screen (the problem line says it is the last one made)
     */
    Optional<PlanRequest> check(UnaryOperator<String> calendarCheck, boolean planShown) {
        PlanForm.Checked checked = PlanForm.check(fields(), calendarCheck::apply);
        windowLengthError.set(checked.message(PlanForm.Field.WINDOW_LENGTH));
        rollbackTailError.set(checked.message(PlanForm.Field.ROLLBACK_TAIL));
        countError.set(checked.message(PlanForm.Field.COUNT));
        horizonError.set(checked.message(PlanForm.Field.HORIZON));
        minGapError.set(checked.message(PlanForm.Field.MIN_GAP));
        holidaysError.set(checked.message(PlanForm.Field.HOLIDAYS));
        habitError.set(checked.message(PlanForm.Field.HABIT));
        staffCostError.set(checked.message(PlanForm.Field.STAFF_COST));
        nightPremiumError.set(checked.message(PlanForm.Field.NIGHT_PREMIUM));
        maxP90ShareError.set(checked.message(PlanForm.Field.MAX_P90_SHARE));
        teamZoneError.set(checked.message(PlanForm.Field.TEAM_ZONE));
        for (int i = 0; i < allowedHours.size(); i++) {
            allowedHours.get(i).showError(checked.allowedErrors().get(i));
        }
        for (int i = 0; i < blackouts.size(); i++) {
            blackouts.get(i).showError(checked.blackoutErrors().get(i));
        }
        for (int i = 0; i < changes.size(); i++) {
            changes.get(i).showError(checked.changeErrors().get(i));
        }
        changesListed.set(checked.changesListed());
        valid.set(checked.request().isPresent());
        if (checked.problems() > 0) {
            int problems = checked.problems();
            inputProblem.set((problems == 1 ? "1 input needs" : problems + " inputs need")
                    + " fixing before planning again" + (planShown ? "; the plan shown is the last one made." : "."));
        } else {
            inputProblem.set(checked.requestProblem()); // empty unless the records refused what the fields passed
        }
        return checked.request();
    }

    /** The form as typed, and the traffic it plans on. */
    private PlanForm.Fields fields() {
        return new PlanForm.Fields(windowLength.get(), rollbackTail.get(), count.get(), from.get(), to.get(),
                minGap.get(), allowedHours.stream().map(AllowedHoursRow::getText).toList(),
                blackouts.stream().map(r -> new PlanForm.BlackoutText(r.startProperty().get(), r.endProperty().get(),
                        r.reasonProperty().get())).toList(),
                changes.stream().map(r -> new PlanForm.ChangeText(r.nameProperty().get(), r.lengthProperty().get()))
                        .toList(),
                holidays.get(), holidayPolicy.get(), habit.get(), countPer.get(), staffCost.get(), nightPremium.get(),
                maxP90Share.get(), trafficOutlook.get(), teamZone.get(), costAssumptions.get(), source.get(), zone.get(),
                importOptions);
    }

    /** Sets source, zone and every field from a plan file (the caller keeps this from planning meanwhile). */
    void apply(PlanDocument doc, TrafficSource docSource) {
        WindowRequest r = doc.plan().request();
        ZoneId planZone = r.constraints().zone();
        ZoneId trafficZone = doc.importOptions().zone();
        PlanRules rules = doc.rules();
        source.set(docSource);
        zone.set(trafficZone);
        teamZone.set(planZone.equals(trafficZone) ? "" : planZone.getId());
        importOptions = doc.importOptions();
        windowLength.set(DurationText.format(r.duration()));
        rollbackTail.set(DurationText.format(r.rollbackTail()));
        count.set(r.count());
        from.set(r.from());
        to.set(r.to());
        minGap.set(DurationText.format(r.minGap()));
        List<AllowedHoursRow> hours = new ArrayList<>();
        for (AllowedHours a : r.constraints().allowed()) {
            hours.add(new AllowedHoursRow(PlanForm.allowedText(a)));
        }
        allowedHours.setAll(hours);
        List<BlackoutRow> freezes = new ArrayList<>();
        for (Blackout b : r.constraints().blackouts()) {
            PlanForm.BlackoutText t = PlanForm.blackoutText(b, planZone);
            freezes.add(new BlackoutRow(t.start(), t.end(), t.reason()));
        }
        blackouts.setAll(freezes);
        holidays.set(doc.holidays().orElse(""));
        holidayPolicy.set(r.constraints().holidayPolicy());
        habit.set(r.habit().map(PlanForm::habitText).orElse(""));
        countPer.set(rules.per().orElse(null));
        staffCost.set(rules.staffCost().map(c -> NumberInput.format(c.perHour())).orElse(""));
        nightPremium.set(rules.staffCost().map(c -> NumberInput.format(c.nightPremium())).orElse("1"));
        maxP90Share.set(rules.maxP90Share().isPresent() ? NumberInput.format(rules.maxP90Share().getAsDouble() * 100) : "");
        trafficOutlook.set(rules.outlook());
        List<ChangeRow> named = new ArrayList<>();
        for (PlanRules.Change c : rules.changes()) {
            named.add(new ChangeRow(c.name(), DurationText.format(c.duration())));
        }
        changes.setAll(named);
    }

    // ---------------------------------------------------------------- properties

    /** Window length, e.g. "2 h". */
    public StringProperty windowLengthProperty() {
        return windowLength;
    }

    /** The cost assumptions plans are made with; null to rank by traffic at stake. */
    public ObjectProperty<CostAssumptions> costAssumptionsProperty() {
        return costAssumptions;
    }

    /** Rollback tail after each window (p90 restore time), e.g. "1 h"; "0" for none. */
    public StringProperty rollbackTailProperty() {
        return rollbackTail;
    }

    /** How many dated windows. */
    public ObjectProperty<Integer> countProperty() {
        return count;
    }

    /** First day of the horizon. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day of the horizon (included). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Least time between the starts of two windows, e.g. "1 d". */
    public StringProperty minGapProperty() {
        return minGap;
    }

    /** Staff hours, one per line; none means any time. */
    public ObservableList<AllowedHoursRow> getAllowedHours() {
        return allowedHours;
    }

    /** Freezes. */
    public ObservableList<BlackoutRow> getBlackouts() {
        return blackouts;
    }

    /** Named changes, each to get a window of its own length, in this order; none plans by the count. */
    public ObservableList<ChangeRow> getChanges() {
        return changes;
    }

    /** Whether at least one valid change is listed (then the count is not used). */
    public ReadOnlyBooleanProperty changesListedProperty() {
        return changesListed.getReadOnlyProperty();
    }

    /** Holiday calendar, e.g. "DE" or "US-NY"; empty for none. */
    public StringProperty holidaysProperty() {
        return holidays;
    }

    /** Whether holidays block changes. */
    public ObjectProperty<HolidayPolicy> holidayPolicyProperty() {
        return holidayPolicy;
    }

    /** When the team changes today, e.g. "Tue 14:00"; empty for none. */
    public StringProperty habitProperty() {
        return habit;
    }

    /** What the count of windows counts per: a calendar week or month; null for in all. */
    public ObjectProperty<PlanRules.CountPeriod> countPerProperty() {
        return countPer;
    }

    /** Staff cost per hour a window is open, in the plan's currency; empty for none. */
    public StringProperty staffCostProperty() {
        return staffCost;
    }

    /** Factor on the staff cost in the cost model's night hours; "1" for none. */
    public StringProperty nightPremiumProperty() {
        return nightPremium;
    }

    /** Highest p90 traffic of a window, in percent of the weekly peak; empty for no limit. */
    public StringProperty maxP90ShareProperty() {
        return maxP90Share;
    }

    /**
     * Which traffic ranks the windows: the forecast where it reaches and beat the weekly profile in
     * its backtest (automatic), the forecast wherever it reaches, or the weekly profile.
     */
    public ObjectProperty<OutlookChoice> trafficOutlookProperty() {
        return trafficOutlook;
    }

    /** The team's time zone (dates, staff hours, blackouts, holidays, habit); empty for the main window's. */
    public StringProperty teamZoneProperty() {
        return teamZone;
    }

    public ReadOnlyStringProperty staffCostErrorProperty() {
        return staffCostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nightPremiumErrorProperty() {
        return nightPremiumError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maxP90ShareErrorProperty() {
        return maxP90ShareError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty teamZoneErrorProperty() {
        return teamZoneError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowLengthErrorProperty() {
        return windowLengthError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rollbackTailErrorProperty() {
        return rollbackTailError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countErrorProperty() {
        return countError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty horizonErrorProperty() {
        return horizonError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty minGapErrorProperty() {
        return minGapError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty holidaysErrorProperty() {
        return holidaysError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty habitErrorProperty() {
        return habitError.getReadOnlyProperty();
    }

    /** Whether every input is valid and there is traffic to plan on. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** How many inputs need fixing; empty when none. */
    public ReadOnlyStringProperty inputProblemProperty() {
        return inputProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrafficSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The traffic's zone: the main window's; also the plan's unless a team time zone is given. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    public ZoneId getZone() {
        return zone.get();
    }
}
