package org.lowtide.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.lowtide.service.AnalysisService;
import org.lowtide.service.CostService;
import org.lowtide.service.PlanService;
import org.lowtide.service.ReportService;
import org.lowtide.service.Samples;
import org.lowtide.service.TrafficSource;
import org.lowtide.ui.main.MainView;
import org.lowtide.ui.cost.CostView;
import org.lowtide.ui.cost.CostViewModel;
import org.lowtide.ui.report.ReportView;
import org.lowtide.ui.report.ReportViewModel;
import org.lowtide.ui.main.MainViewModel;

/**
 * The desktop app's composition root: builds the service, the background executor and the main
 * window, then opens the file given as the first parameter or else the default bundled sample.
 */
public final class LowtideApp extends Application {

    private static final double WIDTH = 1280;
    private static final double HEIGHT = 860;

    private ExecutorService executor;

    @Override
    public void start(Stage stage) {
        executor = Executors.newSingleThreadExecutor(daemonThreads());
        MainViewModel viewModel = new MainViewModel(new AnalysisService(), executor);
        MainView view = new MainView(viewModel);
        addCostsScreen(view, viewModel);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(MainView.stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        AppIcons.addTo(stage);
        stage.setMinWidth(860);
        stage.setMinHeight(600);
        stage.show();

        viewModel.load(initialSource());
    }

    /**
     * Puts the analysis and the Costs screen (issue #5) side by side as tabs; the Costs screen
     * follows whatever traffic the main window has analysed.
     */
    private void addCostsScreen(MainView view, MainViewModel viewModel) {
        CostViewModel costs = new CostViewModel(new CostService(), executor, CostViewModel.DEFAULT_DEBOUNCE);
        Tab traffic = new Tab("Traffic", view.getCenter());
        Tab cost = new Tab("Costs", new CostView(costs));
        cost.setId("costsTab");
        TabPane tabs = new TabPane(traffic, cost);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        view.setCenter(tabs);
        viewModel.resultProperty().addListener((o, before, result) -> {
            if (result != null) {
                costs.setTraffic(result.series(), result.request().options().zone());
            }
        });
        addReportExport(view, viewModel, costs);
    }

    /** File → Export Report… (issue #7): the report on the main window's traffic and the Costs screen's inputs. */
    private void addReportExport(MainView view, MainViewModel viewModel, CostViewModel costs) {
        ReportViewModel report = new ReportViewModel(new ReportService(new PlanService(new AnalysisService()),
                new CostService()), executor, java.time.Clock.systemDefaultZone());
        view.setOnExportReport(() -> {
            java.util.Optional<org.lowtide.cost.CostAssumptions> assumptions = java.util.Optional.ofNullable(
                    costs.reportProperty().get()).map(org.lowtide.cost.CostReport::assumptions);
            report.setSource(viewModel.getSource(), viewModel.getZone(), viewModel.getWindowLength(), assumptions);
            ReportView.show(view.getScene().getWindow(), report, MainView.stylesheet());
        });
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
