package org.lowtide.ui.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import org.jfree.chart.JFreeChart;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.report.charts.RiskCharts;
import org.lowtide.risk.RiskEstimate;
import org.lowtide.service.RiskRequest;
import org.lowtide.service.RiskResult;
import org.lowtide.service.RiskService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.common.BackgroundJob;

/**
 * State of Costs → "Learn from history…" (issue #21): which files to read, a preview of what was
 * read and of the fitted values next to the values in use, and the assumptions to hand to the
 * Costs form once the user accepts them. The reading and fitting run as a {@link BackgroundJob}
 * (busy, progress, cancel; a new preview supersedes a running one), on the FX thread's terms.
 */
public final class HistoryViewModel {

    /** One fitted value next to the one in use. @param name what @param now in use @param learned learned */
    public record Row(String name, String now, String learned, String interval) {
    }

    private final RiskService service;
    private final Supplier<CostAssumptions> current;
    private final Supplier<Optional<TrafficSeries>> traffic;
    private final ZoneId zone;
    private final BackgroundJob job;

    private final StringProperty incidents = new SimpleStringProperty(this, "incidents", "");
    private final StringProperty deploys = new SimpleStringProperty(this, "deploys", "");
    private final StringProperty gitDir = new SimpleStringProperty(this, "gitDir", "");
    private final BooleanProperty outages = new SimpleBooleanProperty(this, "outages", false);
    private final StringProperty service_ = new SimpleStringProperty(this, "service", "");
    private final StringProperty window = new SimpleStringProperty(this, "window", "60"); // minutes: RiskEvidence.DEFAULT_WINDOW

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<RiskResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyListWrapper<String> lines = new ReadOnlyListWrapper<>(this, "lines",
            FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<Row> rows = new ReadOnlyListWrapper<>(this, "rows",
            FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<JFreeChart> chart = new ReadOnlyObjectWrapper<>(this, "chart");

    /**
     * @param service  the risk use case
     * @param current  the assumptions in use now (the Costs form's)
     * @param traffic  the traffic on screen, for its outages
     * @param zone     the zone of naive times in the history files
     * @param executor runs the reading and fitting ({@link BackgroundJob#synchronous()} in tests)
     */
    public HistoryViewModel(RiskService service, Supplier<CostAssumptions> current,
                            Supplier<Optional<TrafficSeries>> traffic, ZoneId zone, Executor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.current = Objects.requireNonNull(current, "current");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.job = new BackgroundJob(executor);
        for (var p : List.of(incidents, deploys, gitDir, service_, window)) {
            p.addListener((o, a, b) -> result.set(null));
        }
        outages.addListener((o, a, b) -> result.set(null));
    }

    /**
     * The request the fields describe.
     *
     * @throws IllegalArgumentException with a message for the dialog when a field is wrong
     */
    RiskRequest request() {
        Optional<Path> inc = path(incidents.get(), "incident export");
        Optional<Path> dep = path(deploys.get(), "deploy log");
        Optional<Path> git = path(gitDir.get(), "git folder");
        if (inc.isEmpty() && dep.isEmpty() && git.isEmpty() && !outages.get()) {
            throw new IllegalArgumentException("choose an incident export, a deploy log or a git folder, "
                    + "or learn from the outages in the traffic");
        }
        if (outages.get() && traffic.get().isEmpty()) {
            throw new IllegalArgumentException("open traffic first to learn from its outages");
        }
        double minutes;
        try {
            minutes = Double.parseDouble(window.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attribution window: '" + window.get() + "' is not a number of minutes");
        }
        if (!(minutes > 0)) {
            throw new IllegalArgumentException("attribution window: must be more than 0 minutes");
        }
        String svc = service_.get() == null ? "" : service_.get().trim();
        return new RiskRequest(inc, dep, git, outages.get() ? Optional.of(new TrafficSource.FileSource(
                Path.of("the traffic on screen"))) : Optional.empty(), ImportOptions.inZone(zone),
                svc.isEmpty() ? Optional.empty() : Optional.of(svc), org.lowtide.service.RiskService.ofMinutes(minutes),
                RiskRequest.DEFAULT_SEED);
    }

    private static Optional<Path> path(String text, String what) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(text.trim());
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(what + ": " + p + " does not exist");
        }
        return Optional.of(p);
    }

    /** Reads and fits in the background; the preview fills when done. */
    public void preview() {
        RiskRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        CostAssumptions prior = CostAssumptions.defaults();
        CostAssumptions now = current.get();
        Optional<TrafficSeries> series = traffic.get();
        job.start("Reading the history…", p -> service.learn(request, series, prior, p, p), r -> show(r, now), e -> {
            result.set(null);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
        }, () -> {
            result.set(null);
            error.set("cancelled: nothing was learned");
        });
    }

    /** Stops a running preview; nothing is learned from it. */
    public void cancel() {
        job.cancel();
    }

    private void show(RiskResult r, CostAssumptions now) {
        result.set(r);
        lines.setAll(r.lines());
        List<Row> out = new ArrayList<>();
        RiskEstimate e = r.estimate();
        e.failureRate().ifPresent(f -> out.add(new Row("Change failure rate", percent(now.changeFailureRate().value()),
                percent(f.value()), String.format(Locale.ROOT, "measured %s, 90 %%: %s–%s", percent(f.measured()),
                percent(f.low()), percent(f.high())))));
        e.detect().ifPresent(d -> out.add(new Row("Time to detect (mean)", org.lowtide.service.RiskService.words(now.detect().value()),
                org.lowtide.service.RiskService.words(d.mean()), interval(d))));
        e.restore().ifPresent(d -> {
            out.add(new Row("Restore time, median", org.lowtide.service.RiskService.words(now.restoreMedian().value()),
                    org.lowtide.service.RiskService.words(d.median()), interval(d)));
            out.add(new Row("Restore time, p90", org.lowtide.service.RiskService.words(now.restoreP90().value()), org.lowtide.service.RiskService.words(d.p90()),
                    String.format(Locale.ROOT, "p90 90 %%: %.0f–%.0f min", d.fit().p90Low(), d.fit().p90High())));
        });
        if (e.changesPerYear() > 0) {
            out.add(new Row("Changes per year", String.format(Locale.ROOT, "%.0f", now.changesPerYear().value()),
                    String.format(Locale.ROOT, "%.0f", e.changesPerYear()), "over the deploy history"));
        }
        e.band().ifPresent(b -> out.add(new Row("DORA 2023 cluster", "", b.label(), "")));
        rows.setAll(out);
        chart.set(e.restore().map(d -> RiskCharts.fitted("Time to restore", d)).orElse(null));
        if (!e.changesAssumptions()) {
            error.set("nothing to learn from what was read: the defaults stay");
        }
    }

    private static String interval(RiskEstimate.DurationEstimate d) {
        return String.format(Locale.ROOT, "median 90 %%: %.0f–%.0f min (n = %d)", d.fit().medianLow(),
                d.fit().medianHigh(), d.fit().n());
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    /** @return the assumptions to hand to the Costs form, once a preview learned something */
    public Optional<CostAssumptions> learned() {
        return Optional.ofNullable(result.get()).filter(r -> r.estimate().changesAssumptions())
                .map(RiskResult::assumptions);
    }

    public StringProperty incidentsProperty() {
        return incidents;
    }

    public StringProperty deploysProperty() {
        return deploys;
    }

    public StringProperty gitDirProperty() {
        return gitDir;
    }

    public BooleanProperty outagesProperty() {
        return outages;
    }

    public StringProperty serviceProperty() {
        return service_;
    }

    /** @return the attribution window in minutes, as typed */
    public StringProperty windowProperty() {
        return window;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return job.busyProperty();
    }

    /** Progress of the running preview in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    /** What the running preview does now. */
    public ReadOnlyStringProperty statusProperty() {
        return job.messageProperty();
    }

    public ReadOnlyObjectProperty<RiskResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Row> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }
}
