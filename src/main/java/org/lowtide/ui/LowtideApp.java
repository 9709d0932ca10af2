package org.lowtide.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.Tab;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.lowtide.project.PlanFiles;
import org.lowtide.project.Preferences;
import org.lowtide.service.PreferencesService;
import org.lowtide.ui.main.WelcomeView;
import org.lowtide.ui.prefs.PreferencesDialog;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanService;
import org.lowtide.service.ReportService;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.ui.common.ThemeStore;
import org.lowtide.ui.common.Themes;
import org.lowtide.ui.main.MainView;
import org.lowtide.ui.cost.CostView;
import org.lowtide.ui.cost.CostViewModel;
import org.lowtide.ui.report.ReportView;
import org.lowtide.ui.report.ReportViewModel;
import org.lowtide.ui.main.MainViewModel;
import org.lowtide.ui.patterns.PatternsView;
import org.lowtide.ui.patterns.PatternsViewModel;
import org.lowtide.ui.plan.PlanView;
import org.lowtide.ui.plan.PlanViewModel;
import org.lowtide.service.FleetService;
import org.lowtide.service.RecommendationService;
import org.lowtide.ui.fleet.FleetView;
import org.lowtide.ui.fleet.FleetViewModel;

/**
 * The desktop app's composition root: builds the services, the background executor and the main
 * window with its screens, then opens the file given as the first parameter (a traffic file, or a
 * {@code .lowtide} plan) or else the default bundled sample. {@code -Dlowtide.tab=windows} starts
 * on the Windows screen.
 */
public final class LowtideApp extends Application {

    /**
     * With no file given: {@code sample} opens the default sample at once (the tests); otherwise
     * the last file opened, or the sample with the welcome view over it on a first run.
     */
    public static final String START_PROPERTY = "lowtide.start";

    /** The analysis thread (Overview, Patterns, report) and the Costs and Windows tabs' own threads. */
    private ScreenThreads threads;
    private java.util.concurrent.Executor executor;
    /** One cost report per edit for the Costs tab, the Windows tab and the Overview (issue 20, wave 7). */
    private final CostService sharedCosts = CostService.sharingReports();
    private Stage stage;
    private PreferencesService preferences;
    /** The main window's model and view, for tests that drive the real window. */
    private MainViewModel mainViewModel;
    private MainView mainView;
    private CostViewModel costViewModel;
    /** The Fleet screen's model. */
    private FleetViewModel fleetViewModel;
    /** The window's bounds before it was maximised, kept for the next start. */
    private Rectangle2D normalBounds;
    /** Whether the screens beside the Overview are built, and take new results, after the Overview's pulse. */
    private boolean screensFollowLater;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("fx-start");
        this.stage = stage;
        threads = ScreenThreads.separate();
        executor = threads.analysis();
        preferences = PreferencesService.atDefaultLocation();
        PreferencesService.Loaded loaded = preferences.load();
        Preferences prefs = loaded.preferences();
        // The look (issue #15): AtlantaFX Primer, light or dark as last chosen (Follow system on a first run),
        // kept in the preferences file with the other answers.
        Themes.useStore(ThemeStore.in(preferences));
        Themes.applySaved();
        StartupTrace.mark("look-applied");
        AnalysisService analysis = new AnalysisService();
        MainViewModel viewModel = new MainViewModel(analysis, new PlanService(analysis, sharedCosts), executor,
                java.time.Clock.systemUTC());
        prefs.zone().ifPresent(viewModel::setZone);
        // The Costs screen's assumptions (revenue and currency from the preferences) rank the
        // Overview's recommendation, so they are settled before the first analysis starts.
        // An edit on the Costs tab with a revenue re-runs three screens: each on a thread of its own,
        // sharing one cost report (issue 20, wave 7; see ScreenThreads and CostService#sharingReports).
        // No pause: every edit costs at once and cancels the run going (measured against the 40 ms
        // pause and against coalescing edits behind the run going: see the README, fifth pass).
        CostViewModel costs = new CostViewModel(sharedCosts, threads.costs(), java.time.Duration.ZERO);
        applyToCosts(prefs, costs);
        viewModel.costAssumptionsProperty().bind(costs.assumptionsProperty());
        // Launch time (issue 15): the file shown first is read and analysed on the background thread
        // while the window and its screens are built (results arrive on this thread after start()).
        Optional<Path> planFile = initialPlanFile();
        boolean welcome = planFile.isEmpty() && startAnalysing(viewModel, prefs);
        // Launch time (issue 15): launched (not started directly by a test), the window first shows a
        // light loading state saying what is being read; the Overview is built after that frame, and
        // the other screens after the Overview's first frame. Started directly, every screen is built
        // before start() returns, as before.
        boolean launched = getParameters() != null;
        StartupTrace.mark("analysis-started");
        Rectangle2D bounds = WindowPlacements.initial(prefs.window(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(launched ? firstFrame(viewModel) : new javafx.scene.layout.Pane(),
                bounds.getWidth(), bounds.getHeight());
        scene.getStylesheets().add(MainView.stylesheet());
        stage.setScene(scene);
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setMaximized(prefs.window().map(Preferences.WindowPlacement::maximized).orElse(false));
        normalBounds = bounds;
        trackNormalBounds(stage);
        stage.titleProperty().unbind(); // a test's stage may still follow an earlier app's title
        stage.setTitle("Lowtide");
        AppIcons.addTo(stage);
        stage.setMinWidth(860);
        stage.setMinHeight(600);
        mainViewModel = viewModel;
        costViewModel = costs;
        Runnable window = () -> {
            MainView view = new MainView(viewModel);
            StartupTrace.mark("overview-built");
            mainView = view;
            view.setLinkOpener(url -> getHostServices().showDocument(url));
            scene.setRoot(view);
            stage.titleProperty().bind(viewModel.titleProperty());
            if (welcome) {
                view.showWelcome(welcome(view, viewModel, costs, prefs));
            }
            StartupTrace.watchRecommendation(scene, viewModel.recommendationProperty());
            if (StartupTrace.enabled()) {
                viewModel.resultProperty().addListener((o, before, shown) -> StartupTrace.mark("result-set"));
            }
            Runnable screens = () -> {
                addScreens(view, viewModel, costs, analysis, prefs, planFile);
                StartupTrace.mark("screens-built");
            };
            if (launched) {
                whenFirstAnalysisDrawn(scene, viewModel, screens);
            } else {
                screens.run();
            }
            loaded.problem().ifPresent(problem -> {
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                        problem + ". File → Preferences… saves new ones over it.", javafx.scene.control.ButtonType.OK);
                alert.initOwner(stage);
                alert.setHeaderText("Your preferences could not be read");
                alert.getDialogPane().getStylesheets().add(MainView.stylesheet());
                alert.show();
            });
        };
        screensFollowLater = launched;
        stage.show();
        StartupTrace.mark("stage-shown");
        StartupTrace.watchWindow(scene);
        if (launched) {
            afterFirstPulse(scene, window);
        } else {
            window.run(); // in the same event as show(): no frame is drawn in between
        }
    }

    /**
     * Runs {@code then} after the pulse that draws the first analysis' outcome (a result or an
     * error), or after the next pulse when none is running: building the other screens (most of a
     * second on a cold JVM) then never holds back the recommendation (launch time, issue 15).
     */
    private static void whenFirstAnalysisDrawn(Scene scene, MainViewModel viewModel, Runnable then) {
        if (!viewModel.busyProperty().get()) {
            afterFirstPulse(scene, then);
            return;
        }
        viewModel.busyProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                if (!busy) {
                    viewModel.busyProperty().removeListener(this);
                    afterFirstPulse(scene, then);
                }
            }
        });
    }

    /**
     * The window's first content when launched: what is being read, in the loading state's words and
     * look, drawn before the Overview is built (launch time, issue 15).
     */
    private static javafx.scene.Parent firstFrame(MainViewModel viewModel) {
        javafx.scene.control.Label what = new javafx.scene.control.Label();
        what.getStyleClass().add("loading-title");
        what.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.loadingProperty().isEmpty())
                .then("Opening Lowtide…").otherwise(viewModel.loadingProperty()));
        javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(what);
        pane.getStyleClass().addAll("main-view", "loading-state");
        return pane;
    }

    /**
     * The screens beside the Overview (Patterns, Costs, Windows, Fleet) and the File menu's items
     * for them. Each screen follows the result shown, including one that arrived before it was built.
     */
    private void addScreens(MainView view, MainViewModel viewModel, CostViewModel costs, AnalysisService analysis,
                            Preferences prefs, Optional<Path> planFile) {
        // The Patterns screen (issue #4): periods, anomalies, decomposition and forecast of the result shown.
        PatternsViewModel patterns = new PatternsViewModel(analysis, executor);
        Tab patternsTab = view.addTab("Patterns", "patternsTab", new PatternsView(patterns));
        if ("patterns".equalsIgnoreCase(System.getProperty("lowtide.tab", ""))) {
            view.selectTab(patternsTab);
        }
        addCostsScreen(view, costs);

        // No pause after an edit (issue 20, wave 7): every edit plans at once and cancels the plan going.
        PlanViewModel plans = new PlanViewModel(new PlanService(analysis, sharedCosts), threads.plans(),
                java.time.Clock.systemDefaultZone(), java.time.Duration.ZERO);
        // The Windows screen prices its windows with the Costs screen's assumptions (as does the
        // Overview's recommendation: with a revenue entered, it ranks by money).
        plans.costAssumptionsProperty().bind(costs.assumptionsProperty());
        PlanView planView = new PlanView(plans);
        Tab windowsTab = view.addTab("Windows", "windowsTab", planView);
        view.addFileMenuItems(planView.fileMenuItems());
        addReportExport(view, viewModel, costs, analysis);
        addPreferences(view, viewModel, costs);
        view.setRecentFiles(() -> preferences.load().preferences().recentFiles());
        planView.setOnShow(() -> view.selectTab(windowsTab));
        followResult(viewModel, shown -> {
            patterns.show(shown);
            if (shown == null) {
                return;
            }
            costs.setTraffic(shown.series(), shown.request().options().zone());
            // A file read and analysed joins the recent files.
            if (shown.request().source() instanceof TrafficSource.FileSource file) {
                preferences.update(p -> p.withRecentFile(file.path().toAbsolutePath().normalize().toString()));
            }
            // The Windows screen plans on what the main window has read; an opened plan brings its traffic.
            plans.setTraffic(shown.request().source(), shown.request().options());
        });
        plans.setOnPlanOpened((source, options) -> viewModel.load(source, options)); // all import settings
        if ("windows".equalsIgnoreCase(System.getProperty("lowtide.tab", ""))) {
            view.selectTab(windowsTab);
        }
        addFleetScreen(view, viewModel, costs, analysis, prefs);
        if (planFile.isPresent()) {
            view.selectTab(windowsTab);
            plans.openPlan(planFile.get(), () -> viewModel.load(Samples.defaultSample()));
        }
        plans.warmUp();
    }

    /**
     * Calls {@code shown} with the result shown now (if any) and with every later one. In the launched
     * app the screens behind the Overview take a new result after the pulse that shows it on the
     * Overview, so the recommendation is drawn first (launch time, issue 15).
     */
    private void followResult(MainViewModel viewModel, java.util.function.Consumer<org.lowtide.service.AnalysisResult> shown) {
        java.util.function.Consumer<org.lowtide.service.AnalysisResult> take = result -> {
            if (screensFollowLater && stage.getScene() != null) {
                afterFirstPulse(stage.getScene(), () -> {
                    if (viewModel.getResult() == result) { // still the one shown
                        shown.accept(result);
                    }
                });
            } else {
                shown.accept(result);
            }
        };
        viewModel.resultProperty().addListener((o, before, now) -> take.accept(now));
        if (viewModel.getResult() != null) {
            take.accept(viewModel.getResult());
        }
    }

    /** Runs {@code then} on the application thread after the scene's next pulse (its layout done, its frame handed to the renderer). */
    private static void afterFirstPulse(Scene scene, Runnable then) {
        StartupTrace.onNextPulse(scene, () -> javafx.application.Platform.runLater(then));
    }

    /**
     * Starts reading and analysing what the window shows first: the file given, else the sample
     * ({@code -Dlowtide.start=sample}), else the file opened last, else the sample (a first run).
     *
     * @return whether the welcome view is to be shown over it (a first run)
     */
    private boolean startAnalysing(MainViewModel viewModel, Preferences prefs) {
        Optional<TrafficSource> given = givenSource();
        if (given.isPresent()) {
            viewModel.load(given.get());
            return false;
        }
        if ("sample".equalsIgnoreCase(System.getProperty(START_PROPERTY, ""))) {
            viewModel.load(Samples.defaultSample());
            return false;
        }
        Optional<Path> last = prefs.welcomed() ? prefs.recentFiles().stream().findFirst().flatMap(LowtideApp::path)
                .filter(java.nio.file.Files::isRegularFile) : Optional.empty();
        if (last.isPresent()) {
            viewModel.load(new TrafficSource.FileSource(last.get()));
            return false;
        }
        // The app always opens on data: the sample is analysed behind the welcome view, so
        // that "Try the sample" (or closing the questions) shows it at once.
        viewModel.load(Samples.defaultSample());
        return !prefs.welcomed();
    }

    /** The welcome view: its buttons open files or the sample, its answers become the preferences. */
    private WelcomeView welcome(MainView view, MainViewModel viewModel, CostViewModel costs, Preferences prefs) {
        return new WelcomeView(new WelcomeView.Actions() {
            @Override
            public void chooseFile() {
                view.chooseFile();
            }

            @Override
            public void open(Path file) {
                view.openFile(file);
            }

            @Override
            public void trySample() {
                // Analysed already behind the welcome view on a first run: shown, not analysed again.
                if (!Samples.defaultSample().equals(viewModel.getSource())) {
                    viewModel.load(Samples.defaultSample());
                }
                view.hideWelcome();
            }

            @Override
            public String saveAnswers(Preferences answers) {
                try {
                    Preferences current = preferences.load().preferences();
                    Preferences saved = current.withRevenue(answers.revenue()).withCurrency(answers.currency())
                            .withZone(answers.zone()).withWelcomed(true);
                    preferences.save(saved);
                    apply(saved, viewModel, costs);
                    return "Saved. Now open a file or try the sample.";
                } catch (java.io.IOException e) {
                    return "Not saved: " + e.getMessage();
                }
            }
        }, Samples.defaultSample(), prefs);
    }

    /** @return the main window's model (tests) */
    MainViewModel mainViewModel() {
        return mainViewModel;
    }

    /** @return the main window's content (tests) */
    MainView mainView() {
        return mainView;
    }

    /** @return the welcome view as a first run shows it (tests) */
    WelcomeView newWelcomeView() {
        return welcome(mainView, mainViewModel, costViewModel, preferences.load().preferences());
    }

    /** @return where the preferences are kept (tests) */
    PreferencesService preferences() {
        return preferences;
    }

    /** Edit → Preferences… (Ctrl+,), in the File menu beside Quit. */
    private void addPreferences(MainView view, MainViewModel viewModel, CostViewModel costs) {
        MenuItem item = new MenuItem("Pr_eferences…");
        item.setId("preferences");
        item.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(e -> new PreferencesDialog(preferences, view.getScene().getWindow(), MainView.stylesheet(),
                saved -> apply(saved, viewModel, costs)).showAndWait());
        view.addFileMenuItems(List.of(item));
    }

    /** Preferences saved: the Costs tab takes the revenue and currency, the window the zone. */
    private static void apply(Preferences prefs, MainViewModel viewModel, CostViewModel costs) {
        applyToCosts(prefs, costs);
        prefs.zone().ifPresent(viewModel::setZone);
    }

    private static void applyToCosts(Preferences prefs, CostViewModel costs) {
        costs.field("revenuePerYear").textProperty().set(prefs.revenue()
                .map(r -> org.lowtide.ui.common.NumberInput.format(r.perYear())).orElse(""));
        costs.field("currency").textProperty().set(prefs.currency().getCurrencyCode());
    }

    /** Follows the window's bounds while it is neither maximised nor iconified. */
    private void trackNormalBounds(Stage stage) {
        javafx.beans.InvalidationListener keep = o -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing()) {
                normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(keep);
        stage.yProperty().addListener(keep);
        stage.widthProperty().addListener(keep);
        stage.heightProperty().addListener(keep);
    }

    /** Keeps where the window is for the next start. */
    private void saveWindowPlacement() {
        if (stage == null || preferences == null || normalBounds == null || !(normalBounds.getWidth() > 0)
                || !(normalBounds.getHeight() > 0)) {
            return;
        }
        Preferences.WindowPlacement placement = new Preferences.WindowPlacement(normalBounds.getMinX(),
                normalBounds.getMinY(), normalBounds.getWidth(), normalBounds.getHeight(), stage.isMaximized());
        preferences.update(p -> p.withWindow(Optional.of(placement)));
    }

    private static Optional<Path> path(String name) {
        try {
            return Optional.of(Path.of(name));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The plan file named by the first parameter, when it names one ({@code *.lowtide}). */
    private Optional<Path> initialPlanFile() {
        Parameters parameters = getParameters();
        List<String> raw = parameters == null ? List.of() : parameters.getRaw();
        if (raw.isEmpty() || !raw.get(0).toLowerCase(Locale.ROOT).endsWith(PlanFiles.EXTENSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(raw.get(0)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Adds the Costs screen (issue #5), which follows whatever traffic the main window has analysed. */
    private void addCostsScreen(MainView view, CostViewModel costs) {
        view.addTab("Costs", "costsTab", new CostView(costs));
    }

    /**
     * File → Export Report… (issue #7): the report for leadership on the traffic the main window
     * shows, priced with the Costs screen's assumptions; a dialog with a preview of the pages.
     */
    private void addReportExport(MainView view, MainViewModel viewModel, CostViewModel costs, AnalysisService analysis) {
        ReportViewModel report = new ReportViewModel(new ReportService(new PlanService(analysis), new CostService()),
                executor, java.time.Clock.systemDefaultZone());
        MenuItem export = new MenuItem("Export _Report…");
        export.setId("exportReport");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.disableProperty().bind(viewModel.resultProperty().isNull());
        export.setOnAction(e -> {
            report.setSource(viewModel.getSource(), viewModel.getZone(), viewModel.getWindowLength(),
                    Optional.ofNullable(costs.assumptionsProperty().get()));
            ReportView.show(view.getScene().getWindow(), report, MainView.stylesheet());
        });
        view.addFileMenuItems(List.of(export));
    }

    /**
     * The Fleet screen (issue #17): File → Open Fleet… plans every service of a fleet on its own
     * background thread (the single analysis thread stays free); a service opened from it loads
     * into the ordinary tabs with the fleet's import settings.
     */
    private void addFleetScreen(MainView view, MainViewModel viewModel, CostViewModel costs, AnalysisService analysis,
                                Preferences prefs) {
        PlanService fleetPlans = new PlanService(analysis);
        FleetViewModel fleet = new FleetViewModel(new FleetService(fleetPlans,
                new RecommendationService(fleetPlans, java.time.Clock.systemDefaultZone())), threads.fleet());
        fleet.costAssumptionsProperty().bind(costs.assumptionsProperty());
        prefs.zone().ifPresent(fleet.zoneProperty()::set);
        FleetView fleetView = new FleetView(fleet);
        Tab fleetTab = view.addTab("Fleet", "fleetTab", fleetView);
        view.addFileMenuItems(fleetView.fileMenuItems(() -> view.selectTab(fleetTab)));
        fleet.setOnOpen(viewModel::load);
        fleetView.setOnOpened(() -> {
            if (view.lookup(".main-tabs") instanceof javafx.scene.control.TabPane tabs) {
                tabs.getTabs().stream().filter(t -> "overviewTab".equals(t.getId())).findFirst()
                        .ifPresent(view::selectTab);
            }
        });
        fleetViewModel = fleet;
        if ("fleet".equalsIgnoreCase(System.getProperty("lowtide.tab", ""))) {
            view.selectTab(fleetTab);
        }
        // -Dlowtide.fleet=FLEET.yaml|DIR opens and plans a fleet at start, on the Fleet tab.
        String fleetInput = System.getProperty("lowtide.fleet", "");
        if (!fleetInput.isBlank()) {
            path(fleetInput).ifPresent(p -> {
                view.selectTab(fleetTab);
                fleet.open(p);
            });
        }
    }

    /** @return the Fleet screen's model (tests) */
    FleetViewModel fleetViewModel() {
        return fleetViewModel;
    }

    /** The file named by the first parameter, if one was given (a name that is no path: the default sample). */
    private Optional<TrafficSource> givenSource() {
        Parameters parameters = getParameters(); // null when started directly, as in tests
        List<String> raw = parameters == null ? List.of() : parameters.getRaw();
        if (!raw.isEmpty()) {
            try {
                return Optional.of(new TrafficSource.FileSource(Path.of(raw.get(0))));
            } catch (InvalidPathException e) {
                System.getLogger(LowtideApp.class.getName()).log(System.Logger.Level.WARNING,
                        "not a file path: " + raw.get(0) + "; opening the default sample");
                return Optional.of(Samples.defaultSample());
            }
        }
        return Optional.empty();
    }

    @Override
    public void stop() {
        saveWindowPlacement();
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
