package org.lowtide.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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

/**
 * The desktop app's composition root: builds the services, the background executor and the main
 * window with its screens, then opens the file given as the first parameter (a traffic file, or a
 * {@code .lowtide} plan) or else the default bundled sample. {@code -Dlowtide.tab=windows} starts
 * on the Windows screen.
 */
public final class LowtideApp extends Application {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 860;

    private ExecutorService executor;

    @Override
    public void start(Stage stage) {
        executor = Executors.newSingleThreadExecutor(daemonThreads());
        // The look (issue #15): AtlantaFX Primer, light or dark as last chosen (Follow system on a first run).
        Themes.useStore(ThemeStore.userPreferences());
        Themes.applySaved();
        AnalysisService analysis = new AnalysisService();
        MainViewModel viewModel = new MainViewModel(analysis, executor);
        MainView view = new MainView(viewModel);
        view.setLinkOpener(url -> getHostServices().showDocument(url));
        // The Patterns screen (issue #4): periods, anomalies, decomposition and forecast of the result shown.
        PatternsViewModel patterns = new PatternsViewModel(analysis, executor);
        viewModel.resultProperty().addListener((obs, old, result) -> patterns.show(result));
        Tab patternsTab = view.addTab("Patterns", "patternsTab", new PatternsView(patterns));
        if ("patterns".equalsIgnoreCase(System.getProperty("lowtide.tab", ""))) {
            view.selectTab(patternsTab);
        }
        CostViewModel costs = addCostsScreen(view, viewModel);

        PlanViewModel plans = new PlanViewModel(new PlanService(analysis), executor);
        // The Windows screen prices its windows with the Costs screen's assumptions.
        plans.costAssumptionsProperty().bind(costs.assumptionsProperty());
        // So does the Overview's recommendation: with a revenue entered, it ranks by money as the Windows tab does.
        viewModel.costAssumptionsProperty().bind(costs.assumptionsProperty());
        PlanView planView = new PlanView(plans);
        Tab windowsTab = view.addTab("Windows", "windowsTab", planView);
        view.addFileMenuItems(planView.fileMenuItems());
        addReportExport(view, viewModel, costs, analysis);
        planView.setOnShow(() -> view.selectTab(windowsTab));
        // The Windows screen plans on what the main window has read; an opened plan brings its traffic.
        viewModel.resultProperty().addListener((o, before, shown) -> {
            if (shown != null) {
                plans.setTraffic(shown.request().source(), shown.request().options());
            }
        });
        plans.setOnPlanOpened((source, options) -> viewModel.load(source, options)); // all import settings
        if ("windows".equalsIgnoreCase(System.getProperty("lowtide.tab", ""))) {
            view.selectTab(windowsTab);
        }

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(MainView.stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        AppIcons.addTo(stage);
        stage.setMinWidth(860);
        stage.setMinHeight(600);
        stage.show();

        Optional<Path> planFile = initialPlanFile();
        if (planFile.isPresent()) {
            view.selectTab(windowsTab);
            plans.openPlan(planFile.get(), () -> viewModel.load(Samples.defaultSample()));
        } else {
            viewModel.load(initialSource());
        }
        plans.warmUp();
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
    private CostViewModel addCostsScreen(MainView view, MainViewModel viewModel) {
        CostViewModel costs = new CostViewModel(new CostService(), executor, CostViewModel.DEFAULT_DEBOUNCE);
        view.addTab("Costs", "costsTab", new CostView(costs));
        viewModel.resultProperty().addListener((o, before, result) -> {
            if (result != null) {
                costs.setTraffic(result.series(), result.request().options().zone());
            }
        });
        return costs;
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

    /** The file named by the first parameter, else the default sample. */
    private TrafficSource initialSource() {
        Parameters parameters = getParameters(); // null when started directly, as in tests
        List<String> raw = parameters == null ? List.of() : parameters.getRaw();
        if (!raw.isEmpty()) {
            try {
                return new TrafficSource.FileSource(Path.of(raw.get(0)));
            } catch (InvalidPathException e) {
                System.getLogger(LowtideApp.class.getName()).log(System.Logger.Level.WARNING,
                        "not a file path: " + raw.get(0) + "; opening the default sample");
            }
        }
        return Samples.defaultSample();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "lowtide-analysis");
            t.setDaemon(true);
            return t;
        };
    }
}
