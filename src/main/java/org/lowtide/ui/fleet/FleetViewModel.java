package org.lowtide.ui.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.JFreeChart;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.fleet.Candidate;
import org.lowtide.fleet.Fleet;
import org.lowtide.fleet.FleetFileException;
import org.lowtide.fleet.ServiceOptions;
import org.lowtide.planning.OutlookChoice;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.planning.WindowRequest;
import org.lowtide.report.charts.FleetTimelineChart;
import org.lowtide.service.AnalysisRequest;
import org.lowtide.service.Exports;
import org.lowtide.service.FleetOutcome;
import org.lowtide.service.FleetOutputs;
import org.lowtide.service.FleetRequest;
import org.lowtide.service.FleetResult;
import org.lowtide.service.FleetService;
import org.lowtide.service.TrafficSource;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.ui.common.BackgroundJob;

/**
 * The Fleet screen's state (issue #17): a fleet read and planned by {@link FleetService} as one
 * background job with one progress bar and cancel, its table as the CLI's {@code fleet} prints it
 * ({@link FleetOutputs#rows}), its calendar as a timeline per service, the fleet calendar, table
 * and report written with the CLI's writers, and a service opened in the ordinary screens. No
 * JavaFX node; confined to the FX application thread.
 */
public final class FleetViewModel {

    private static final DateTimeFormatter DAY_TIME = org.lowtide.traffic.TimeFormats.DAY_LOCAL_MINUTE;
    private static final DateTimeFormatter HM = org.lowtide.traffic.TimeFormats.HM;

    /**
     * One row of the services table, in words.
     *
     * @param service the service
     * @param status  planned, failed or unplaced, as the CLI says it
     * @param weekly  its recommended weekly window
     * @param next    the fleet plan's next dated window, in the service's zone
     * @param atStake what that window puts at stake, with its unit
     * @param savings the habit's (or, with no habit, the median window's) stake minus this window's
     * @param gap     the distance from the service's own optimum in the fleet's unit ("own best" when none)
     * @param reasons why (the fleet rules that moved it), or why it failed
     * @param failed  whether it failed
     */
    public record ServiceRow(String service, String status, String weekly, String next, String atStake,
                             String savings, String gap, String reasons, boolean failed) {
        public ServiceRow {
            Objects.requireNonNull(service, "service");
        }
    }

    /** What a planning job hands back to the FX thread. */
    private record Planned(FleetRequest request, FleetResult result, List<ServiceRow> rows, JFreeChart chart,
                           String summary, org.lowtide.traffic.sources.PrometheusConnection connection) {
    }

    private final FleetService fleets;
    private final BackgroundJob job;
    private final Executor executor;
    private final ObservableList<ServiceRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FleetResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<JFreeChart> timelineChart = new ReadOnlyObjectWrapper<>(this, "timelineChart");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "File → Open Fleet… plans every service of a fleet file, or of a folder of traffic files.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper input = new ReadOnlyStringWrapper(this, "input", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());
    private final ObjectProperty<CostAssumptions> costAssumptions = new SimpleObjectProperty<>(this, "costAssumptions");
    private final StringProperty habit = new SimpleStringProperty(this, "habit", "");
    private final ObjectProperty<OutlookChoice> outlook =
            new SimpleObjectProperty<>(this, "outlook", OutlookChoice.AUTO);
    private final ObjectProperty<ServiceRow> selected = new SimpleObjectProperty<>(this, "selected");
    private BiConsumer<TrafficSource, ImportOptions> onOpen = (source, options) -> {
    };
    private FleetRequest request;
    /** The fleet a service was last opened in the other tabs from: its files stay, as those tabs may read them again. */
    private Fleet openedFrom;
    private Path lastInput;
    /** Opens the last fleet again (a file, a folder or a Prometheus query), for Plan Again. */
    private Runnable reopen;
    /** The credentials the Prometheus fleet shown was read with (to open one of its services again); null for files. */
    private org.lowtide.traffic.sources.PrometheusConnection lastConnection;

    /** @param executor runs the planning off the FX thread (the service plans several services at once itself) */
    public FleetViewModel(FleetService fleets, Executor executor) {
        this.fleets = Objects.requireNonNull(fleets, "fleets");
        this.job = new BackgroundJob(executor);
        this.executor = executor;
        job.mirrorInto(busy, progress, status::set);
    }

    // ---------------------------------------------------------------- actions

    /**
     * Reads and plans a fleet (a fleet file, a folder of traffic files or a long-format CSV, as
     * {@code lowtide fleet} takes), cancelling a fleet being planned. A service that fails is listed
     * with its reason; the rest are planned. A fleet that cannot be read at all sets the error.
     */
    public void open(Path fleetInput) {
        Objects.requireNonNull(fleetInput, "fleetInput");
        Optional<WindowRequest.Habit> habitSlot;
        try {
            habitSlot = habitSlot();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        lastInput = fleetInput;
        reopen = () -> open(fleetInput);
        input.set(fleetInput.toString());
        error.set("");
        ZoneId in = zone.get() == null ? ZoneId.systemDefault() : zone.get();
        Optional<CostAssumptions> cost = Optional.ofNullable(costAssumptions.get());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        OutlookChoice rankOn = rankOn();
        job.start("Reading the fleet " + fleetInput.getFileName() + "…", p -> {
            Fleet fleet = fleets.read(fleetInput, in);
            p.progress(0, fleet.members().size() + " services read; planning…");
            FleetRequest r = new FleetRequest(fleet, ImportOptions.inZone(in), cost, habitSlot,
                    FleetRequest.DEFAULT_CANDIDATES, threads, rankOn);
            FleetResult planned;
            try {
                planned = fleets.plan(r, p, p);
            } catch (RuntimeException e) {
                fleets.discard(fleet); // never shown: its split files go now, not at exit
                throw e;
            }
            return new Planned(r, planned, rowsOf(planned), chartOf(planned, in), summaryOf(planned) + rankedOn(rankOn), null);
        }, this::show, this::failed, () -> status.set("Cancelled; the fleet shown is the last one planned."));
    }

    /**
     * What File → Open Fleet from Prometheus… asks: the server, a query returning one series per
     * service, the label naming each service, how far back to read and at what step, and how to sign in.
     *
     * @param range how far back from the end, as Prometheus writes it ({@code 90d}, {@code 4w})
     * @param end   the end of the range: blank for now, else a date, a local date-time (in the fleet's
     *              zone) or an instant ({@code 2025-01-06T00:00:00Z})
     * @param step  the query's step ({@code 5m})
     */
    public record PrometheusFleet(String server, String query, String serviceLabel, String range, String end,
                                  String step, org.lowtide.service.PrometheusCredentials credentials) {
        public PrometheusFleet {
            Objects.requireNonNull(credentials, "credentials");
            end = end == null ? "" : end.trim();
            server = server == null ? "" : server.trim();
            query = query == null ? "" : query.trim();
            serviceLabel = serviceLabel == null ? "" : serviceLabel.trim();
            range = range == null ? "" : range.trim();
            step = step == null ? "" : step.trim();
        }
    }

    /**
     * Reads a fleet from one Prometheus query (each series the service named by its value of the
     * label, as {@code lowtide fleet --prometheus URL --query PROMQL --service-label LABEL}) and
     * plans it. A field that does not fit sets the error and reads nothing.
     */
    public void openPrometheus(PrometheusFleet asked) {
        Objects.requireNonNull(asked, "asked");
        Optional<WindowRequest.Habit> habitSlot;
        TrafficSource.Prometheus source;
        try {
            habitSlot = habitSlot();
            if (asked.query().isEmpty()) {
                throw new IllegalArgumentException("Query: give a PromQL query returning one series per service");
            }
            if (asked.serviceLabel().isEmpty()) {
                throw new IllegalArgumentException("Service label: name the label whose value names each service,"
                        + " e.g. job or service");
            }
            java.net.URI server;
            try {
                server = java.net.URI.create(asked.server());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("URL: '" + asked.server() + "' is not a URL; e.g."
                        + " http://prometheus:9090");
            }
            java.time.Duration r = duration("Range", asked.range());
            java.time.Duration st = duration("Step", asked.step());
            Optional<Instant> end = asked.end().isEmpty() ? Optional.empty()
                    : Optional.of(instant("End", asked.end(), zone.get() == null ? ZoneId.systemDefault() : zone.get()));
            source = new TrafficSource.Prometheus(new org.lowtide.traffic.sources.PrometheusQuery(server,
                    asked.query(), st, r, Optional.empty(), end), asked.credentials().connection());
        } catch (IllegalArgumentException | IOException e) {
            error.set(e.getMessage());
            return;
        }
        lastInput = null;
        String label = asked.serviceLabel();
        reopen = () -> openPrometheus(asked);
        input.set(source.displayName() + ", one service per " + label);
        error.set("");
        ZoneId in = zone.get() == null ? ZoneId.systemDefault() : zone.get();
        Optional<CostAssumptions> cost = Optional.ofNullable(costAssumptions.get());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        OutlookChoice rankOn = rankOn();
        job.start("Fetching the fleet from " + source.query().base() + "…", p -> {
            Fleet fleet = fleets.readPrometheus(source, label, p, p);
            FleetResult planned;
            FleetRequest r;
            try {
                p.progress(0, fleet.members().size() + " services read; planning…");
                r = new FleetRequest(fleet, FleetService.prometheusOptions(source, ImportOptions.inZone(in)),
                        cost, habitSlot, FleetRequest.DEFAULT_CANDIDATES, threads, rankOn);
                planned = fleets.plan(r, p, p);
            } finally {
                // The fetched points live for the run only (plan deletes them too; this covers a run that never began).
                FleetService.release(fleet);
            }
            return new Planned(r, planned, rowsOf(planned), chartOf(planned, in), summaryOf(planned) + rankedOn(rankOn),
                    source.connection());
        }, this::show, this::failed, () -> status.set("Cancelled; the fleet shown is the last one planned."));
    }

    private static Instant instant(String field, String text, ZoneId zone) {
        try {
            return org.lowtide.traffic.sources.PrometheusQuery.parseWhen(text, zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a date or time; use e.g. 2025-01-06,"
                    + " 2025-01-06T08:00 (in the fleet's zone) or 2025-01-06T08:00:00Z");
        }
    }

    private static java.time.Duration duration(String field, String text) {
        try {
            return org.lowtide.traffic.sources.PrometheusQuery.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private Optional<WindowRequest.Habit> habitSlot() {
        try {
            return habit.get() == null || habit.get().isBlank() ? Optional.empty()
                    : Optional.of(WindowRequest.Habit.parse(habit.get().trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Habit: " + e.getMessage());
        }
    }

    /** Plans the last fleet opened again (after the zone, habit or cost assumptions changed). */
    public void replan() {
        if (reopen != null) {
            reopen.run();
        }
    }

    /** Cancels the fleet being planned; the screen keeps what it showed. */
    public void cancel() {
        job.cancel();
    }

    /**
     * Opens the selected service's traffic in the ordinary screens, read as the fleet read it.
     *
     * @return whether a planned or failed service of the fleet shown was selected
     */
    public boolean openSelected() {
        ServiceRow row = selected.get();
        if (row == null || request == null) {
            return false;
        }
        AnalysisRequest analysis = fleets.analysisFor(request, row.service(), lastConnection);
        onOpen.accept(analysis.source(), analysis.options());
        openedFrom = request.fleet();
        status.set("Opened " + row.service() + " in the Overview, Windows, Costs and Patterns tabs.");
        return true;
    }

    /** Writes the fleet calendar: one event per service change (the CLI's {@code --ics}). */
    public void exportCalendar(Path target) {
        export(target, "calendar", (r, t) -> Exports.writeString(t, FleetOutputs.ics(r)));
    }

    /** Writes the fleet table as CSV (the CLI's {@code --csv}). */
    public void exportTable(Path target) {
        export(target, "table", (r, t) -> Exports.writeString(t, FleetOutputs.csv(r)));
    }

    /** Writes the fleet report (PDF): a page ranking services by what is at stake, then one per service. */
    public void exportReport(Path target) {
        // The save dialog asked before replacing a file.
        export(target, "report", (r, t) -> fleets.report(r, t, true));
    }

    /**
     * Writes the selected service's weekly window for a tool (the file {@code fleet --export TOOL}
     * writes for it), atomically. Sets the error when no planned service with a weekly window is selected.
     */
    public void exportSelected(ScheduleExports.Target target, Path file) {
        Objects.requireNonNull(target, "target");
        ServiceRow row = selected.get();
        Optional<String> text = row == null || result.get() == null ? Optional.empty()
                : FleetOutputs.snippet(result.get(), row.service(), target);
        if (text.isEmpty()) {
            error.set(row == null ? "Select a service to export its window."
                    : row.service() + " has no weekly window to export (" + row.status() + ").");
            return;
        }
        error.set("");
        // The save dialog asked before replacing a file.
        export(file, toolName(target) + " window of " + row.service(), (r, t) -> Exports.writeString(t, text.get()));
    }

    /**
     * Writes every planned service's weekly window for a tool into a folder, one file per service
     * named as {@code fleet --export TOOL --export-dir DIR} names them ({@code SERVICE.TOOL.txt}),
     * each atomically, replacing files of the same names.
     */
    public void exportAll(ScheduleExports.Target target, Path folder) {
        Objects.requireNonNull(target, "target");
        error.set("");
        export(folder, toolName(target) + " windows of every service", (r, dir) -> {
            if (FleetOutputs.exports(r, target, dir, true).isEmpty()) {
                throw new IOException("no service of the fleet has a weekly window to export");
            }
        });
    }

    /** @return the file name {@code fleet --export} gives the selected service's export, for the save dialog */
    public String selectedExportName(ScheduleExports.Target target) {
        ServiceRow row = selected.get();
        return FleetOutputs.exportFileName(row == null ? "service" : row.service(), target);
    }

    private static String toolName(ScheduleExports.Target target) {
        return target.name().toLowerCase(Locale.ROOT);
    }

    private interface Writer {
        void write(FleetResult fleet, Path target) throws IOException;
    }

    private void export(Path target, String what, Writer writer) {
        Objects.requireNonNull(target, "target");
        if (result.get() == null || job.isRunning()) {
            return;
        }
        FleetResult shown = result.get();
        job.start("Writing the fleet " + what + "…", p -> {
            writer.write(shown, target);
            return target;
        }, t -> status.set("Wrote the fleet " + what + " to " + t + "."),
                e -> {
                    System.getLogger(FleetViewModel.class.getName()).log(System.Logger.Level.WARNING,
                            "fleet " + what + " not written", e);
                    error.set("The fleet " + what + " was not written: " + message(e));
                },
                () -> status.set("Cancelled; the fleet " + what + " was not written."));
    }

    private void show(Planned planned) {
        if (request != null && request.fleet() != openedFrom) {
            // The fleet replaced: its files on disk go (a fleet a service was opened from keeps them till exit),
            // deleted off the FX thread (a split of thousands of services is thousands of files).
            Fleet replaced = request.fleet();
            executor.execute(() -> fleets.discard(replaced));
        }
        request = planned.request();
        lastConnection = planned.connection();
        result.set(planned.result());
        rows.setAll(planned.rows());
        timelineChart.set(planned.chart());
        summary.set(planned.summary());
        status.set(String.format(Locale.ROOT, "Planned %d services in %.1f s (%d failed).",
                planned.result().outcomes().size(), planned.result().seconds(), planned.result().failed()));
    }

    private void failed(Throwable e) {
        error.set(e instanceof FleetFileException ? e.getMessage()
                : "The fleet " + (lastInput == null ? "" : lastInput.getFileName() + " ") + "could not be "
                + (e instanceof org.lowtide.traffic.imports.ImportException ? "read: " : "planned: ")
                + message(e));
        status.set("Not planned.");
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file " + n.getFile();
        }
        if (e instanceof IOException io) {
            return Exports.describe(io);
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "no message" : e.getMessage();
    }

    // ---------------------------------------------------------------- what is shown

    /** The table's rows: the CLI's fleet table, in words. */
    static List<ServiceRow> rowsOf(FleetResult result) {
        List<ServiceRow> out = new ArrayList<>();
        for (FleetOutputs.Row r : FleetOutputs.rows(result)) {
            ZoneId z = ZoneId.of(r.zone());
            String next = r.next().map(i -> DAY_TIME.format(i.start().atZone(z)) + "–" + HM.format(i.end().atZone(z))
                    + " " + r.zone()).orElse("");
            String stake = number(r.atStake(), r.unit());
            String savings = r.savingsVsHabit().isPresent() ? number(r.savingsVsHabit(), r.unit()) + " vs habit"
                    : r.savingsVsMedian().isPresent() ? number(r.savingsVsMedian(), r.unit()) + " vs median window" : "";
            String gap = Double.isFinite(r.gap()) ? (Math.abs(r.gap()) < 1e-12 ? "own best"
                    : String.format(Locale.ROOT, "+%.3g", r.gap())) : "";
            out.add(new ServiceRow(r.service(), r.status(), r.weekly(), next, stake, savings, gap,
                    String.join("; ", r.reasons()), r.status().equals("failed")));
        }
        return out;
    }

    private static String number(OptionalDouble value, String unit) {
        if (value.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, "%,.4g", value.getAsDouble()) + (unit.length() <= 8 ? " " + unit : "");
    }

    /** The fleet calendar: one row per service, in the table's order, over every service's planning horizon. */
    static JFreeChart chartOf(FleetResult result, ZoneId zone) {
        List<FleetTimelineChart.Lane> lanes = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (FleetOutcome o : result.outcomes()) {
            List<Interval> windows = result.chosen(o.service()).stream().map(c -> new Interval(c.start(), c.end()))
                    .toList();
            lanes.add(new FleetTimelineChart.Lane(o.service(), o.status() == FleetOutcome.Status.FAILED, windows,
                    FleetService.ownBest(o).map(w -> w.window())));
            if (o.request().isPresent()) {
                WindowRequest w = o.request().get();
                Instant a = w.from().atStartOfDay(o.zone()).toInstant();
                Instant b = w.to().plusDays(1).atStartOfDay(o.zone()).toInstant();
                from = from == null || a.isBefore(from) ? a : from;
                to = to == null || b.isAfter(to) ? b : to;
            }
        }
        if (from == null) {
            from = Instant.now();
            to = from.plusSeconds(86_400);
        }
        return FleetTimelineChart.create(lanes, new Interval(from, to), zone);
    }

    /** One line on the whole fleet, as the CLI's table ends. */
    static String summaryOf(FleetResult result) {
        double own = result.problem().services().stream().mapToDouble(ServiceOptions::unconstrainedCost).sum();
        double total = result.solution().totalCost();
        double gap = total - own;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%d services, %d failed, %d changes unplaced. Total %.6g %s; the services' own optima sum to %.6g "
                        + "(gap %.3g). Optimiser: %s.", result.outcomes().size(), result.failed(),
                result.solution().unplaced(), total, result.costUnit(), own,
                Math.abs(gap) <= 1e-9 * Math.max(1, Math.abs(own)) ? 0 : gap, result.solution().method()));
        result.fleet().rules().maxConcurrent().ifPresent(n -> sb.append(" At most ").append(n)
                .append(" services change at once."));
        for (String w : result.warnings()) {
            sb.append(' ').append(w).append('.');
        }
        return sb.toString();
    }

    /** The summary's last sentence when the services were not ranked as a single plan ranks them. */
    static String rankedOn(OutlookChoice outlook) {
        return switch (outlook) {
            case AUTO -> "";
            case FORECAST -> " Ranked on the forecast where it reaches, whatever its backtest said.";
            case PROFILE -> " Ranked on the typical week (profile), not on a forecast.";
        };
    }

    /** @return the request of the fleet shown, for tests; null before one is planned */
    FleetRequest plannedRequest() {
        return request;
    }

    // ---------------------------------------------------------------- properties

    /** @param handler given the selected service's source and how to read it ("Open in tabs") */
    public void setOnOpen(BiConsumer<TrafficSource, ImportOptions> handler) {
        onOpen = Objects.requireNonNull(handler, "handler");
    }

    public ObservableList<ServiceRow> rows() {
        return rows;
    }

    public ObjectProperty<ServiceRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<FleetResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> timelineChartProperty() {
        return timelineChart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** @return the fleet file or folder last opened */
    public ReadOnlyStringProperty inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return BooleanProperty.readOnlyBooleanProperty(busy);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return DoubleProperty.readOnlyDoubleProperty(progress);
    }

    /** The zone of services that name none (and of naive timestamps), as {@code fleet --zone}. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /** The fleet's cost model; its revenue is the whole fleet's, split by revenue share. None: traffic at stake. */
    public ObjectProperty<CostAssumptions> costAssumptionsProperty() {
        return costAssumptions;
    }

    /** When the teams change today, e.g. "Tue 14:00" ({@code fleet --habit}); blank for none. */
    public StringProperty habitProperty() {
        return habit;
    }

    /**
     * The traffic every service is ranked on, as {@code fleet --traffic-outlook}: the single-service
     * default (auto), or the typical week (several times faster on a big fleet; no forecast).
     */
    public ObjectProperty<OutlookChoice> outlookProperty() {
        return outlook;
    }

    private OutlookChoice rankOn() {
        return outlook.get() == null ? OutlookChoice.AUTO : outlook.get();
    }

    /** @return the windows a service got, for tests */
    List<Candidate> chosen(String service) {
        return result.get() == null ? List.of() : result.get().chosen(service);
    }
}
