package org.lowtide.service;

import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.EmpiricalTrafficSpread;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.RevenueCurve;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.cost.Source;
import org.lowtide.cost.TrafficSpread;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.CsvTrafficReader;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;

/**
 * The cost use case shared by the GUI and the CLI: import the traffic (and a revenue column when
 * one is named), spread revenue over the local week, cost a change at every start, simulate the
 * best, median and worst start, compare k/h scenarios, and the error budget. Thread-safe; stateless
 * unless made with {@link #sharingReports()}.
 */
public final class CostService {

    /** Reports handed to every caller asking for the same inputs; null: each call makes its own. */
    private final SharedCostReports shared;

    /** A cost use case that makes every report it is asked for (the CLI: one report per run). */
    public CostService() {
        this(null);
    }

    private CostService(SharedCostReports shared) {
        this.shared = shared;
    }

    /**
     * @return a cost use case that makes a report once for callers asking for the same inputs at
     *         about the same time (the GUI: one edit on the Costs tab with a revenue asks for it on
     *         the Costs tab, the Windows tab and the Overview; issue 20). Pass it to the
     *         {@link PlanService} of those screens. The reports are the ones each caller would make.
     */
    public static CostService sharingReports() {
        return new CostService(new SharedCostReports());
    }

    /**
     * Imports and costs.
     *
     * @throws ImportException    when the traffic or revenue column cannot be read (file, line, column)
     * @throws IOException        when the file cannot be read at all
     * @throws CancelledException when cancelled between steps
     */
    public CostResult cost(CostRequest request, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        progress.progress(0.0, "Reading " + request.source().displayName());
        ImportResult imported = read(request.source(), request.options());
        cancellation.check();
        return cost(request, imported, progress, cancellation);
    }

    /**
     * Costs traffic imported already (an analysis of the same source and options read it: its
     * {@link AnalysisResult#imported()}, negative values missing as here), so that a face showing
     * both costs and the recommendation reads the source once. The revenue column, when one is
     * named, is read here.
     *
     * @throws ImportException    when the revenue column cannot be read
     * @throws CancelledException when cancelled between steps
     */
    public CostResult cost(CostRequest request, ImportResult imported, ProgressListener progress,
                           Cancellation cancellation) throws ImportException, IOException {
        Optional<TrafficSeries> revenue = Optional.empty();
        RevenueBasis basis = request.assumptions().revenue().value();
        if (basis instanceof RevenueBasis.Column) {
            String column = ((RevenueBasis.Column) basis).column();
            progress.progress(0.2, "Reading the revenue column " + column);
            revenue = Optional.of(read(request.source(), request.options().withColumn(column)).series());
            cancellation.check();
        }
        progress.progress(0.4, "Costing a change at every hour of the week");
        CostReport report = report(imported.series(), revenue, request.options().zone(), request.assumptions(),
                request.scenarios(), request.simulations(), request.seed(), cancellation);
        progress.progress(1.0, "Done");
        return new CostResult(request, imported, report);
    }

    /**
     * Costs traffic that is already imported (the GUI has it from the analysis).
     *
     * @param traffic  the traffic
     * @param revenue  the revenue column as a series, when the assumptions name one
     * @param zone     the zone of the local week
     * @throws CancelledException when cancelled between steps
     */
    public CostReport report(TrafficSeries traffic, Optional<TrafficSeries> revenue, ZoneId zone,
                             CostAssumptions assumptions, ScenarioSet scenarios, int simulations, long seed,
                             Cancellation cancellation) {
        if (shared == null) {
            return make(traffic, revenue, zone, assumptions, scenarios, simulations, seed, cancellation);
        }
        return shared.get(traffic, revenue, zone, assumptions, scenarios, simulations, seed, cancellation,
                () -> make(traffic, revenue, zone, assumptions, scenarios, simulations, seed, cancellation));
    }

    private static CostReport make(TrafficSeries traffic, Optional<TrafficSeries> revenue, ZoneId zone,
                                   CostAssumptions assumptions, ScenarioSet scenarios, int simulations, long seed,
                                   Cancellation cancellation) {
        CostAssumptions a = scenarios.applyBaseline(assumptions);
        TrafficSpread spread;
        RevenueBasis basis = a.revenue().value();
        if (basis instanceof RevenueBasis.Column) {
            TrafficSeries series = revenue.orElseThrow(() -> new IllegalArgumentException(
                    "the revenue column " + ((RevenueBasis.Column) basis).column() + " was not read"));
            spread = EmpiricalTrafficSpread.absolute(series.withZone(zone), zone);
            a = a.toBuilder().revenue(basis, Source.data("column " + ((RevenueBasis.Column) basis).column()
                    + " of " + series.name() + ", currency per step")).build();
        } else {
            spread = EmpiricalTrafficSpread.shares(traffic.withZone(zone), zone);
        }
        try {
            return CostAnalysis.run(spread, a, scenarios.scenarios(), simulations, seed, cancellation::isCancelled);
        } catch (CancellationException e) {
            throw new CancelledException();
        }
    }

    /**
     * Simulates changes started at one local day and time (the GUI's "cost at a chosen time").
     *
     * @return the run, with every failed change's cost for a histogram
     */
    public ChangeSimulator.Run simulateAt(CostReport report, DayOfWeek day, LocalTime time, int simulations, long seed) {
        return new ChangeSimulator(report.model()).simulate(RevenueCurve.minuteOfWeek(day, time), simulations, seed);
    }

    private static ImportResult read(TrafficSource source, ImportOptions options) throws ImportException, IOException {
        // Cost needs traffic: negative values are missing here, as in analysis and planning (one policy).
        return org.lowtide.traffic.imports.ValuePolicy.negativesAsMissing(readAsIs(source, options));
    }

    private static ImportResult readAsIs(TrafficSource source, ImportOptions options)
            throws ImportException, IOException {
        if (source instanceof TrafficSource.Prometheus || source instanceof TrafficSource.Fetched) {
            return new ImportService().importTraffic(source, options, ProgressListener.NONE, Cancellation.NEVER);
        }
        if (source instanceof TrafficSource.FileSource) {
            return CsvTrafficReader.read(((TrafficSource.FileSource) source).path(), options);
        }
        TrafficSource.Sample sample = (TrafficSource.Sample) source;
        try (Reader in = sample.open()) {
            return CsvTrafficReader.read(in, sample.displayName(), options);
        }
    }

    /** Reads a scenario file (k/h scenarios and lever effects, README). */
    public static org.lowtide.cost.ScenarioSet readScenarios(java.nio.file.Path file)
            throws org.lowtide.cost.ScenarioFileException, IOException {
        return org.lowtide.cost.ScenarioFile.read(file);
    }
}
