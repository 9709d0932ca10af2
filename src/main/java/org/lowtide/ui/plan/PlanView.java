package org.lowtide.ui.plan;

import static org.lowtide.ui.common.Controls.calendarButton;
import static org.lowtide.ui.common.Controls.datePicker;
import static org.lowtide.ui.common.Controls.fitted;
import static org.lowtide.ui.common.Controls.rebuildOnStructureChange;
import static org.lowtide.ui.common.Controls.removeButton;
import static org.lowtide.ui.common.Controls.section;
import static org.lowtide.ui.common.Controls.textField;
import static org.lowtide.ui.common.Controls.twoColumns;
import static org.lowtide.ui.common.Controls.wrapping;
import static org.lowtide.ui.common.Tables.column;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.lowtide.planning.HolidayPolicy;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.ui.common.Controls;
import org.lowtide.ui.common.Tables;
import org.lowtide.ui.plan.PlanRows.OccurrenceRow;
import org.lowtide.ui.plan.PlanRows.RejectionRow;
import org.lowtide.ui.plan.PlanRows.WindowRow;

/**
 * The Windows screen: the constraint form on the left; on the right the best window in words, the
 * horizon's timeline, the ranked dated windows, the windows ruled out and the weekly rule, with
 * exports. Only binds controls to {@link PlanViewModel}; state and validation live there.
 */
public final class PlanView extends BorderPane {

    /** This screen's stylesheet (added to the main one). */
    public static final String STYLESHEET = "/org/lowtide/ui/plan/plan.css";

    private final PlanViewModel viewModel;
    /** The view model's inputs: the form binds to these. */
    private final PlanInputs inputs;
    private final MenuItem savePlanItem = new MenuItem("_Save Plan…");
    private final MenuItem openPlanItem = new MenuItem("Open P_lan…");
    private Runnable onShow = () -> { };
    private final PlanFileDialogs fileDialogs = new PlanFileDialogs(this::window);

    public PlanView(PlanViewModel viewModel) {
        this.viewModel = viewModel;
        this.inputs = viewModel.inputs();
        getStyleClass().add("plan-view");
        getStylesheets().add(PlanView.class.getResource(STYLESHEET).toExternalForm());
        setLeft(form());
        setCenter(results());

        savePlanItem.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        savePlanItem.setOnAction(e -> chooseSaveFile());
        savePlanItem.disableProperty().bind(viewModel.canSaveProperty().not());
        openPlanItem.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        openPlanItem.setOnAction(e -> chooseOpenFile());
        // A plan made from Prometheus holds no credentials: ask with the Open-from-Prometheus choices.
        viewModel.setCredentialsPrompt((plan, query) -> new org.lowtide.ui.prometheus.PrometheusCredentialsDialog(
                plan, query, org.lowtide.ui.prometheus.TokenFiles.preferences(), window()).ask());
    }

    /** @return File menu items: Save Plan… and Open Plan… */
    public List<MenuItem> fileMenuItems() {
        return List.of(savePlanItem, openPlanItem);
    }

    /** @param action brings this screen to the front (e.g. selects its tab) when a plan file is opened */
    public void setOnShow(Runnable action) {
        onShow = action == null ? () -> { } : action;
    }

    // ---------------------------------------------------------------- the form

    private Node form() {
        VBox form = new VBox(14,
                section("Window", windowFields()),
                section("Horizon", horizonFields()),
                section("Staff hours", staffHours()),
                section("Blackouts", blackouts()),
                section("Public holidays", holidays()),
                section("Your team's habit", habit()),
                section("Rules", rules()),
                section("Changes", changes()),
                planButtons());
        form.getStyleClass().add("plan-form");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plan-form-scroll"); // its width is set in ems (plan.css): it grows with the font
        return scroll;
    }

    private Node windowFields() {
        TextField length = textField("windowLength", inputs.windowLengthProperty(), "2 h",
                "How long the change takes: 2 h, 90 min, 1h30m");
        TextField tail = textField("rollbackTail", inputs.rollbackTailProperty(), "1 h",
                "Time to detect and roll back a failed change after the window (p90); 0 for none."
                        + " Scored with the window; each window reports its latest safe start.");
        Spinner<Integer> count = new Spinner<>();
        count.setId("countSpinner");
        count.setEditable(true);
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, PlanViewModel.MAX_COUNT, 4);
        count.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(inputs.countProperty());
        count.setMaxWidth(Double.MAX_VALUE);
        count.setTooltip(new Tooltip("How many dated windows to plan"));
        TextField gap = textField("minGap", inputs.minGapProperty(), "1 d",
                "Least time between the starts of two windows: 1 d, 12 h, 7 d");

        GridPane grid = twoColumns();
        grid.add(Controls.field("Length", length, inputs.windowLengthErrorProperty()), 0, 0);
        grid.add(Controls.field("Rollback tail", tail, inputs.rollbackTailErrorProperty()), 1, 0);
        grid.add(Controls.field("Windows", count, inputs.countErrorProperty()), 0, 1);
        grid.add(Controls.field("Minimum gap", gap, inputs.minGapErrorProperty()), 1, 1);
        return grid;
    }

    private Node horizonFields() {
        DatePicker first = datePicker("fromPicker", inputs.fromProperty());
        DatePicker last = datePicker("toPicker", inputs.toProperty());
        GridPane grid = twoColumns();
        grid.add(Controls.caption("From", first, "form-caption"), 0, 0);
        grid.add(Controls.caption("To (included)", last, "form-caption"), 1, 0);
        grid.add(first, 0, 1);
        grid.add(last, 1, 1);
        Label error = Controls.errorLabel(inputs.horizonErrorProperty());
        grid.add(error, 0, 2, 2, 1);
        Label zone = new Label();
        zone.getStyleClass().add("form-hint");
        zone.setWrapText(true);
        zone.textProperty().bind(Bindings.createStringBinding(() -> {
            String team = inputs.teamZoneProperty().get() == null ? "" : inputs.teamZoneProperty().get().trim();
            if (!team.isEmpty() && inputs.teamZoneErrorProperty().get().isEmpty()) {
                return "Dates, hours and holidays in " + team + "; the traffic in "
                        + (viewModel.getZone() == null ? "the toolbar's time zone" : viewModel.getZone().getId());
            }
            return viewModel.getZone() == null ? ""
                    : "Dates, hours and holidays in " + viewModel.getZone().getId() + " (the toolbar's time zone)";
        }, viewModel.zoneProperty(), inputs.teamZoneProperty(), inputs.teamZoneErrorProperty()));
        TextField team = textField("teamZoneField", inputs.teamZoneProperty(), "the toolbar's zone",
                "Your team's time zone, e.g. America/New_York: dates, staff hours, blackouts, holidays and habit."
                        + " The traffic stays in the toolbar's zone. Empty: the toolbar's zone.");
        return new VBox(4, grid, Controls.field("Team time zone", team, inputs.teamZoneErrorProperty()), zone);
    }

    private Node staffHours() {
        VBox rows = new VBox(4);
        rows.setId("allowedRows");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (AllowedHoursRow row : inputs.getAllowedHours()) {
                rows.getChildren().add(allowedRow(row));
            }
        };
        rebuildOnStructureChange(inputs.getAllowedHours(), rebuild);
        rebuild.run();
        Button add = new Button("+ Add staff hours");
        add.setId("addAllowed");
        add.getStyleClass().add("add-button");
        add.setOnAction(e -> {
            inputs.addAllowedHours("");
            focusLastAllowed(rows);
        });
        Label hint = new Label("None: any time. E.g. Mon-Fri 01:00-06:00, Sat,Sun 22:00-02:00, daily 02:00-05:00");
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        return new VBox(4, rows, add, hint);
    }

    private Node allowedRow(AllowedHoursRow row) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(row.textProperty());
        text.setPromptText("Mon-Fri 01:00-06:00");
        text.getStyleClass().add("allowed-field");
        Controls.markInvalid(text, row.errorProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button remove = removeButton("Remove these hours", () -> inputs.getAllowedHours().remove(row));
        HBox line = new HBox(4, text, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, line, Controls.errorLabel(row.errorProperty()));
    }

    private Node blackouts() {
        VBox rows = new VBox(8);
        rows.setId("blackoutRows");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (BlackoutRow row : inputs.getBlackouts()) {
                rows.getChildren().add(blackoutRow(row));
            }
        };
        rebuildOnStructureChange(inputs.getBlackouts(), rebuild);
        rebuild.run();
        Button add = new Button("+ Add blackout");
        add.setId("addBlackout");
        add.getStyleClass().add("add-button");
        add.setOnAction(e -> inputs.addBlackout("", "", ""));
        Label hint = new Label("First and last day (both included), or date-times such as 2026-11-23T18:00 (end excluded)");
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        return new VBox(4, rows, add, hint);
    }

    private Node blackoutRow(BlackoutRow row) {
        TextField start = new TextField();
        start.textProperty().bindBidirectional(row.startProperty());
        start.setPromptText("first day");
        TextField end = new TextField();
        end.textProperty().bindBidirectional(row.endProperty());
        end.setPromptText("last day");
        Controls.markInvalid(start, row.errorProperty());
        Controls.markInvalid(end, row.errorProperty());
        start.setPrefColumnCount(8);
        end.setPrefColumnCount(8);
        HBox.setHgrow(start, Priority.ALWAYS);
        HBox.setHgrow(end, Priority.ALWAYS);
        Label dash = new Label("–");
        dash.setMinWidth(Region.USE_PREF_SIZE);
        Button remove = removeButton("Remove this blackout", () -> inputs.getBlackouts().remove(row));
        HBox dates = new HBox(3, start, calendarButton(row.startProperty()), dash, end,
                calendarButton(row.endProperty()));
        dates.setAlignment(Pos.CENTER_LEFT);
        TextField reason = new TextField();
        reason.textProperty().bindBidirectional(row.reasonProperty());
        reason.setPromptText("reason, e.g. Black Friday freeze");
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox why = new HBox(3, reason, remove);
        why.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(3, dates, why, Controls.errorLabel(row.errorProperty()));
        box.getStyleClass().add("blackout-row");
        return box;
    }

    private Node holidays() {
        TextField calendar = textField("holidaysField", inputs.holidaysProperty(), "none, or DE, DE-BY, US-NY",
                "Public holidays from Jollyday: an ISO country code, optionally with a region (DE-BY, US-NY, GB)");
        ToggleGroup policy = new ToggleGroup();
        RadioButton blackout = new RadioButton("blocked");
        blackout.setId("holidaysAsBlackout");
        blackout.setToggleGroup(policy);
        blackout.setUserData(HolidayPolicy.BLACKOUT);
        RadioButton allowed = new RadioButton("allowed");
        allowed.setId("holidaysAsAllowed");
        allowed.setToggleGroup(policy);
        allowed.setUserData(HolidayPolicy.ALLOWED);
        Runnable select = () -> policy.selectToggle(
                inputs.holidayPolicyProperty().get() == HolidayPolicy.ALLOWED ? allowed : blackout);
        select.run();
        inputs.holidayPolicyProperty().addListener((o, before, now) -> select.run());
        policy.selectedToggleProperty().addListener((o, before, now) -> {
            if (now != null) {
                inputs.holidayPolicyProperty().set((HolidayPolicy) now.getUserData());
            }
        });
        Label holidaysAre = new Label("On holidays, changes are");
        holidaysAre.setMinWidth(Region.USE_PREF_SIZE);
        HBox choice = new HBox(12, blackout, allowed);
        choice.setAlignment(Pos.CENTER_LEFT);
        holidaysAre.getStyleClass().add("form-caption");
        holidaysAre.disableProperty().bind(inputs.holidaysProperty().isEmpty());
        choice.disableProperty().bind(inputs.holidaysProperty().isEmpty());
        return new VBox(4, Controls.caption("Country or region", calendar, "form-caption"), calendar,
                Controls.errorLabel(inputs.holidaysErrorProperty()), holidaysAre, choice);
    }

    private Node habit() {
        TextField habit = textField("habitField", inputs.habitProperty(), "e.g. Tue 14:00",
                "When your team changes today (day and time); the plan says how much less is at stake in its windows");
        Label hint = new Label("To compare: how much traffic your usual slot puts at stake");
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        return new VBox(4, habit, Controls.errorLabel(inputs.habitErrorProperty()), hint);
    }

    private Node rules() {
        ChoiceBox<String> per = new ChoiceBox<>(FXCollections.observableArrayList(IN_ALL, PER_WEEK, PER_MONTH));
        per.setId("countPerChoice");
        per.setTooltip(new Tooltip("Count the windows in all, or per calendar week or month of the horizon"));
        Runnable select = () -> {
            PlanRules.CountPeriod p = inputs.countPerProperty().get();
            per.setValue(p == null ? IN_ALL : p == PlanRules.CountPeriod.WEEK ? PER_WEEK : PER_MONTH);
        };
        select.run();
        inputs.countPerProperty().addListener((o, before, now) -> select.run());
        per.valueProperty().addListener((o, before, now) -> inputs.countPerProperty().set(
                PER_WEEK.equals(now) ? PlanRules.CountPeriod.WEEK
                        : PER_MONTH.equals(now) ? PlanRules.CountPeriod.MONTH : null));
        TextField share = textField("maxP90ShareField", inputs.maxP90ShareProperty(), "no limit",
                "Rule out windows whose p90 traffic exceeds this percent of the weekly peak (1-100); empty for no limit");
        TextField cost = textField("staffCostField", inputs.staffCostProperty(), "none",
                "Staff cost per hour a window is open, in the plan's currency, added to each window's cost");
        TextField premium = textField("nightPremiumField", inputs.nightPremiumProperty(), "1",
                "Factor on the staff cost in the night hours of the Costs tab (1.5 = 50 % more); needs a staff cost");
        ChoiceBox<OutlookChoice> outlook = Controls.outlookChoice("trafficOutlookChoice",
                inputs.trafficOutlookProperty());
        outlook.setTooltip(new Tooltip("Which traffic ranks the windows: the patterns forecast (trend, latest weeks, "
                + "widening band) on the dates it reaches, at most 26 weeks past the data; automatically only when it "
                + "did better than the typical week in its backtest. Elsewhere the typical week (median of past "
                + "weeks)."));
        outlook.setMaxWidth(Double.MAX_VALUE);
        GridPane grid = twoColumns();
        per.setMaxWidth(Double.MAX_VALUE);
        Label countCaption = Controls.caption("Count windows", per, "form-caption");
        countCaption.setWrapText(true);
        grid.add(countCaption, 0, 0);
        grid.add(per, 1, 0);
        grid.add(Controls.field("Staff cost per hour", cost, inputs.staffCostErrorProperty()), 0, 1);
        grid.add(Controls.field("Night premium", premium, inputs.nightPremiumErrorProperty()), 1, 1);
        grid.add(Controls.field("Highest p90 share of the peak (%)", share, inputs.maxP90ShareErrorProperty()), 0, 2, 2, 1);
        Label rank = Controls.caption("Rank on traffic", outlook, "form-caption");
        rank.setWrapText(true);
        grid.add(rank, 0, 3, 2, 1);
        grid.add(outlook, 0, 4, 2, 1);
        return grid;
    }

    private Node changes() {
        VBox rows = new VBox(4);
        rows.setId("changeRows");
        Runnable rebuild = () -> {
            rows.getChildren().clear();
            for (ChangeRow row : inputs.getChanges()) {
                rows.getChildren().add(changeRow(row));
            }
        };
        rebuildOnStructureChange(inputs.getChanges(), rebuild);
        rebuild.run();
        Button add = new Button("+ Add change");
        add.setId("addChange");
        add.getStyleClass().add("add-button");
        add.setOnAction(e -> inputs.addChange("", ""));
        Label hint = new Label("None: plan by the count. Each change listed gets a window of its own length, in this"
                + " order of priority");
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);
        Label countHint = new Label("With changes listed, each gets one window; the count is not used");
        countHint.setId("changesCountHint");
        countHint.getStyleClass().add("form-hint");
        countHint.setWrapText(true);
        countHint.visibleProperty().bind(inputs.changesListedProperty());
        countHint.managedProperty().bind(countHint.visibleProperty());
        return new VBox(4, rows, add, hint, countHint);
    }

    private Node changeRow(ChangeRow row) {
        TextField name = new TextField();
        name.textProperty().bindBidirectional(row.nameProperty());
        name.setPromptText("name, e.g. Database migration");
        TextField length = new TextField();
        length.textProperty().bindBidirectional(row.lengthProperty());
        length.setPromptText("4 h");
        length.setPrefColumnCount(5);
        length.setTooltip(new Tooltip("Length of this change's window: 2 h, 90 min, 1h30m or 1 d"));
        Controls.markInvalid(name, row.errorProperty());
        Controls.markInvalid(length, row.errorProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button remove = removeButton("Remove this change", () -> inputs.getChanges().remove(row));
        HBox line = new HBox(4, name, length, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, line, Controls.errorLabel(row.errorProperty()));
    }

    private Node planButtons() {
        Button plan = new Button("Plan now");
        plan.setId("planButton");
        plan.setMinWidth(Region.USE_PREF_SIZE);
        plan.getStyleClass().add("plan-button");
        plan.setOnAction(e -> viewModel.plan());
        plan.disableProperty().bind(inputs.validProperty().not());
        Label auto = new Label("Plans again by itself when an input changes");
        auto.getStyleClass().add("form-hint");
        auto.setWrapText(true);
        HBox.setHgrow(auto, Priority.ALWAYS);
        HBox box = new HBox(10, plan, auto);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ---------------------------------------------------------------- the results

    private Node results() {
        VBox top = new VBox(8, header(), Controls.messageStrip("error-strip", viewModel.errorMessageProperty(), "planError", viewModel::dismissError),
                Controls.messageStrip("problem-strip", inputs.inputProblemProperty(), null, null),
                Controls.messageStrip("note-strip", viewModel.noteProperty(), null, null), banner());
        SplitPane split = new SplitPane(timelineCard(), windowsCard(), lowerCards());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.365, 0.70);
        split.getStyleClass().add("plan-split");
        // Below this height the results scroll rather than squeeze the tables to a row and cut the texts.
        split.setMinHeight(700);
        split.setPrefHeight(700);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox results = new VBox(8, top, split);
        results.getStyleClass().add("plan-results");
        results.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plan-results-scroll");
        return scroll;
    }

    private Node header() {
        Label status = new Label();
        status.setId("planStatus");
        status.getStyleClass().add("plan-status");
        status.textProperty().bind(viewModel.statusMessageProperty());
        status.setMinWidth(0);
        status.setWrapText(true);
        ProgressBar progress = Controls.progressBar(viewModel.progressProperty(), viewModel.busyProperty(), 120, true);
        Button cancel = Controls.cancelButton(viewModel.busyProperty(), viewModel::cancel, true);
        cancel.getStyleClass().add("cancel-button");

        Button ics = new Button("Save .ics…");
        ics.setId("saveIcs");
        ics.setTooltip(new Tooltip("The dated windows and the weekly rule as an iCalendar file (RFC 5545)"));
        ics.setOnAction(e -> chooseExport("Save the windows as a calendar", "plan.ics",
                new FileChooser.ExtensionFilter("iCalendar (*.ics)", "*.ics"), viewModel::exportIcs));
        Button csv = new Button("Save CSV…");
        csv.setId("saveCsv");
        csv.setTooltip(new Tooltip("The dated windows as CSV"));
        csv.setOnAction(e -> chooseExport("Save the windows as CSV", "plan.csv",
                new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"), viewModel::exportCsv));
        ics.disableProperty().bind(viewModel.resultProperty().isNull());
        csv.disableProperty().bind(viewModel.resultProperty().isNull());

        MenuButton snippets = new MenuButton("Copy schedule for…");
        snippets.setId("snippetMenu");
        snippets.setTooltip(new Tooltip("The weekly rule, ready to paste where your team enforces change windows"));
        snippet(snippets, "AWS Systems Manager maintenance window", ScheduleExports.Target.AWS);
        snippet(snippets, "RRULE (GKE maintenance window, UTC)", ScheduleExports.Target.RRULE);
        snippet(snippets, "Argo CD sync window", ScheduleExports.Target.ARGOCD);
        snippet(snippets, "GitLab deploy freeze", ScheduleExports.Target.GITLAB);
        snippet(snippets, "kured reboot window", ScheduleExports.Target.KURED);
        snippets.disableProperty().bind(viewModel.occurrencesProperty().emptyProperty());

        Button announce = new Button("Announce…");
        announce.setId("announceButton");
        announce.setTooltip(new Tooltip("Silence the alerts (Alertmanager, PagerDuty) and tell the customers (status"
                + " page, Markdown/HTML) of the saved plan's windows"));
        announce.setOnAction(e -> announce());
        announce.disableProperty().bind(viewModel.planFileProperty().isNull().or(viewModel.busyProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, status, progress, cancel, spacer, ics, csv, snippets, announce);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("plan-header");
        for (Node n : List.of(ics, csv, snippets, cancel, announce)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        return header;
    }

    /** Opens the Announce dialog on the saved plan file (announcing keeps its ids in that file). */
    private void announce() {
        Path file = viewModel.planFileProperty().get();
        if (file == null) {
            return;
        }
        org.lowtide.ui.announce.AnnounceViewModel model = new org.lowtide.ui.announce.AnnounceViewModel(
                new org.lowtide.service.AnnounceService(), file, announceExecutor(), java.time.Clock.systemUTC());
        String css = getScene() == null || getScene().getStylesheets().isEmpty() ? null
                : getScene().getStylesheets().get(0);
        new org.lowtide.ui.announce.AnnounceDialog(model, window(), css).showAndWait();
    }

    private java.util.concurrent.ExecutorService announceExecutor;

    /** One daemon thread for announcing, so that a slow server never holds up planning. */
    private java.util.concurrent.Executor announceExecutor() {
        if (announceExecutor == null) {
            announceExecutor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "lowtide-announce");
                t.setDaemon(true);
                return t;
            });
        }
        return announceExecutor;
    }

    private void snippet(MenuButton menu, String label, ScheduleExports.Target target) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> viewModel.snippet(target).ifPresent(text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            viewModel.copied("the " + label + " snippet");
        }));
        menu.getItems().add(item);
    }

    private Node banner() {
        Label summary = new Label();
        summary.setId("planSummary");
        summary.getStyleClass().add("plan-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setWrapText(true);
        Label details = new Label();
        details.getStyleClass().add("plan-details");
        details.textProperty().bind(viewModel.detailsProperty());
        details.setWrapText(true);
        Label habit = new Label();
        habit.setId("habitComparison");
        habit.getStyleClass().add("plan-habit");
        habit.textProperty().bind(viewModel.habitComparisonProperty());
        habit.setWrapText(true);
        habit.visibleProperty().bind(habit.textProperty().isNotEmpty());
        habit.managedProperty().bind(habit.visibleProperty());
        Label placeholder = new Label("Planning starts when traffic is loaded and every input is valid.");
        placeholder.getStyleClass().add("banner-placeholder");
        placeholder.visibleProperty().bind(viewModel.resultProperty().isNull());
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        VBox banner = new VBox(2, placeholder, summary, details, habit);
        banner.getStyleClass().add("plan-banner");
        return banner;
    }

    private Node timelineCard() {
        ChartViewer viewer = new ChartViewer();
        viewer.setId("timelineChart");
        org.lowtide.ui.common.ChartMenus.install(viewer, "plan-timeline");
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setMinSize(0, 0);
        org.lowtide.ui.common.ChartTheming.showEach(viewer, viewModel.timelineChartProperty());
        viewer.visibleProperty().bind(viewModel.timelineChartProperty().isNotNull());
        Label empty = new Label("No plan yet");
        empty.getStyleClass().add("chart-placeholder");
        empty.visibleProperty().bind(viewer.visibleProperty().not());
        StackPane chartPane = new StackPane(viewer, empty);
        chartPane.setMinSize(0, 0);
        // What the expected traffic stands on: the forecast (and how far) or the weekly profile, and why.
        Label outlook = new Label();
        outlook.setId("outlookNote");
        outlook.getStyleClass().add("form-hint");
        outlook.setWrapText(true);
        outlook.setMinWidth(0);
        outlook.setMinHeight(Region.USE_PREF_SIZE);
        outlook.textProperty().bind(viewModel.outlookNoteProperty());
        outlook.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Tooltip(viewModel.outlookNoteProperty().get()), viewModel.outlookNoteProperty()));
        outlook.managedProperty().bind(viewModel.outlookNoteProperty().isNotEmpty());
        outlook.visibleProperty().bind(outlook.managedProperty());
        VBox.setVgrow(chartPane, Priority.ALWAYS);
        VBox body = new VBox(2, outlook, chartPane);
        body.setMinSize(0, 0);
        return card("Horizon", "Expected traffic by date with its p90 · chosen windows numbered, blackouts hatched,"
                + " holidays grey, × ruled out · scroll or drag to zoom", body);
    }

    private Node windowsCard() {
        TableView<WindowRow> table = new TableView<>(viewModel.windowsProperty());
        table.setId("windowsTable");
        String zoneName = viewModel.getZone() == null ? "local" : viewModel.getZone().getId();
        TableColumn<WindowRow, Integer> rank = column("#", WindowRow::rank, 36);
        rank.getStyleClass().add("number-column");
        TableColumn<WindowRow, String> local = column("Window (" + zoneName + ")", WindowRow::local, 190);
        viewModel.zoneProperty().addListener((o, before, zone) -> local.setText("Window (" + zone.getId() + ")"));
        TableColumn<WindowRow, String> change = column("Change", WindowRow::change, 130);
        change.setVisible(false); // shown only for plans with named changes
        TableColumn<WindowRow, String> utc = column("UTC", WindowRow::utc, 144);
        TableColumn<WindowRow, String> latest = column("Safe start by", WindowRow::latestSafeStart, 106);
        latest.getStyleClass().add("center-column");
        TableColumn<WindowRow, Double> expected = numberColumn("Expected", WindowRow::expected, 88);
        TableColumn<WindowRow, Double> p90 = numberColumn("p90", WindowRow::upper, 72);
        TableColumn<WindowRow, String> savings = column("vs. median", r -> PlanFormats.amount(r.savings())
                + (r.savingsShare().isEmpty() ? "" : "  (" + r.savingsShare() + ")"), 132);
        savings.getStyleClass().add("number-column");
        TableColumn<WindowRow, List<String>> why = new TableColumn<>("Why");
        why.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reasons()));
        why.setCellFactory(c -> new ReasonsCell());
        why.setPrefWidth(260);
        why.setMinWidth(120);
        table.getColumns().addAll(List.of(rank, change, local, utc, latest, expected, p90, savings, why));
        table.getItems().addListener((ListChangeListener<WindowRow>) c ->
                change.setVisible(table.getItems().stream().anyMatch(r -> !r.change().isEmpty())));
        Tables.fitColumnsToContent(table, true);
        table.setPlaceholder(wrapping("No dated window yet"));
        table.setPrefHeight(190);
        table.setMinHeight(150);
        // Every reason of the selected window (the best one unless another is picked), readable without hovering.
        Label reasons = new Label();
        reasons.setId("windowReasons");
        reasons.getStyleClass().add("window-reasons");
        reasons.setWrapText(true);
        reasons.setMinHeight(Region.USE_PREF_SIZE);
        Runnable showReasons = () -> {
            WindowRow selected = table.getSelectionModel().getSelectedItem();
            WindowRow row = selected != null ? selected : table.getItems().isEmpty() ? null : table.getItems().get(0);
            reasons.setText(row == null ? "" : "Why #" + row.rank()
                    + (row.change().isEmpty() ? "" : " (" + row.change() + ")") + ": " + String.join(" · ", row.reasons()));
        };
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> showReasons.run());
        table.getItems().addListener((ListChangeListener<WindowRow>) c -> showReasons.run());
        VBox body = new VBox(4, table, reasons);
        VBox.setVgrow(table, Priority.ALWAYS);
        return fitted(card("Ranked windows", "Expected cost of a change (or, without a cost model, traffic at stake over window and tail) · select a row for its reasons",
                body));
    }

    private Node lowerCards() {
        TableView<RejectionRow> ruledOut = new TableView<>(viewModel.rejectionsProperty());
        ruledOut.setId("rejectionsTable");
        TableColumn<RejectionRow, String> when = column("Window", RejectionRow::local, 178);
        TableColumn<RejectionRow, Double> expected = numberColumn("Expected", RejectionRow::expected, 88);
        TableColumn<RejectionRow, String> reason = column("Ruled out because", RejectionRow::reason, 200);
        reason.setCellFactory(c -> new Tables.TooltipCell<>());
        ruledOut.getColumns().addAll(List.of(when, expected, reason));
        Tables.fitColumnsToContent(ruledOut, true);
        ruledOut.setPlaceholder(wrapping("Nothing as quiet was ruled out"));
        ruledOut.setPrefHeight(150);
        ruledOut.setMinHeight(120);
        Node left = fitted(card("Ruled out although as quiet", "Constraints took these", ruledOut));

        Label rule = new Label();
        rule.setId("weeklyRule");
        rule.getStyleClass().add("weekly-rule");
        rule.textProperty().bind(viewModel.recurringRuleProperty());
        rule.setWrapText(true);
        rule.setMinHeight(Region.USE_PREF_SIZE);
        TableView<OccurrenceRow> dates = new TableView<>(viewModel.occurrencesProperty());
        dates.setId("occurrencesTable");
        TableColumn<OccurrenceRow, String> local = column("Local", OccurrenceRow::local, 178);
        TableColumn<OccurrenceRow, String> utc = column("UTC", OccurrenceRow::utc, 144);
        TableColumn<OccurrenceRow, String> flags = column("Flags", OccurrenceRow::flags, 160);
        flags.setCellFactory(c -> new Tables.TooltipCell<>());
        dates.getColumns().addAll(List.of(local, utc, flags));
        Tables.fitColumnsToContent(dates, true);
        dates.setPlaceholder(wrapping("No weekly rule"));
        dates.setPrefHeight(150);
        dates.setMinHeight(120);
        dates.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(OccurrenceRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("flagged");
                if (!empty && item != null && !item.flags().isEmpty()) {
                    getStyleClass().add("flagged");
                }
            }
        });
        VBox weeklyBody = new VBox(6, rule, dates);
        VBox.setVgrow(dates, Priority.ALWAYS);
        Node right = fitted(card("Weekly rule", "Next dates; flagged where a holiday, blackout or DST moves or blocks it",
                weeklyBody));

        SplitPane lower = new SplitPane(left, right);
        lower.setDividerPositions(0.46);
        lower.getStyleClass().add("plan-split");
        lower.setMinHeight(0);
        return lower;
    }

    private static Region card(String title, String hint, Node body) {
        return Controls.card(Controls.cardHeader(title, hint), body, 90);
    }

    // ---------------------------------------------------------------- helpers

    private static <S> TableColumn<S, Double> numberColumn(String title, Function<S, Double> value, double width) {
        return Tables.numberColumn(title, value, width, PlanFormats::amount);
    }

    private static final String IN_ALL = "in all";
    private static final String PER_WEEK = "per week";
    private static final String PER_MONTH = "per month";

    private static void focusLastAllowed(VBox rows) {
        javafx.application.Platform.runLater(() -> {
            if (!rows.getChildren().isEmpty()) {
                Node last = rows.getChildren().get(rows.getChildren().size() - 1);
                Node field = last.lookup(".allowed-field");
                if (field != null) {
                    field.requestFocus();
                }
            }
        });
    }

    // ---------------------------------------------------------------- files

    private void chooseSaveFile() {
        fileDialogs.saveTarget(viewModel.getResult(), viewModel.planFileProperty().get()).ifPresent(viewModel::savePlan);
    }

    private void chooseOpenFile() {
        fileDialogs.openTarget().ifPresent(this::openPlan);
    }

    /** Opens a plan file and brings this screen to the front. */
    public void openPlan(Path file) {
        fileDialogs.remember(file);
        onShow.run();
        viewModel.openPlan(file);
    }

    private void chooseExport(String title, String name, FileChooser.ExtensionFilter filter,
                              java.util.function.Predicate<Path> write) {
        fileDialogs.exportTarget(title, name, filter).ifPresent(write::test);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
