package org.lowtide.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.cost.ScenarioSet;
import org.lowtide.project.AtomicFiles;
import org.lowtide.project.PlanDocument;
import org.lowtide.report.Provenance;
import org.lowtide.report.ReportInput;
import org.lowtide.report.ReportModel;
import org.lowtide.report.ReportOptions;
import org.lowtide.report.pdf.PdfReportWriter;
import org.lowtide.traffic.Checksums;
import org.lowtide.traffic.imports.ImportException;

/**
 * The report use case shared by the GUI and the CLI: plan (or re-plan a saved plan), gather the
 * report's model, write the PDF atomically. Stateless and thread-safe.
 */
public final class ReportService {

    private final PlanService plans;
    private final CostService costs;

    public ReportService(PlanService plans, CostService costs) {
        this.plans = plans;
        this.costs = costs;
    }

    /**
     * The cost model's inputs for a report's money.
     *
     * @param assumptions every cost input with its source
     * @param scenarios   the k/h scenarios
     * @param simulations changes simulated per start time
     * @param seed        the Monte Carlo seed
     * @param risk        the risk learned from the team's history, for the assumptions page (issue #21)
     */
    public record CostInputs(CostAssumptions assumptions, ScenarioSet scenarios, int simulations, long seed,
                             Optional<org.lowtide.risk.RiskEstimate> risk) {

        /** Inputs without risk learned from history. */
        public CostInputs(CostAssumptions assumptions, ScenarioSet scenarios, int simulations, long seed) {
            this(assumptions, scenarios, simulations, seed, Optional.empty());
        }

        public CostInputs {
            java.util.Objects.requireNonNull(assumptions, "assumptions");
            java.util.Objects.requireNonNull(scenarios, "scenarios");
            java.util.Objects.requireNonNull(risk, "risk");
            if (simulations < 2) {
                throw new IllegalArgumentException("simulate at least 2 changes per start, not " + simulations);
            }
        }

        /** @return the given assumptions with the default scenarios, simulation count and seed */
        public static CostInputs of(CostAssumptions assumptions) {
            return new CostInputs(assumptions, ScenarioSet.defaults(), CostAnalysis.DEFAULT_SIMULATIONS,
                    CostAnalysis.DEFAULT_SEED);
        }
    }

    /**
     * Plans, costs and builds the report's model. The plan is ranked in money when the request
     * carries cost assumptions ({@link PlanRequest#cost()}), as {@code lowtide plan} does.
     *
     * @param cost           the cost model's inputs for the money sections; empty for a report on
     *                       traffic alone
     * @param userPlanInputs the plan inputs the user gave (keys of {@link ReportModel#PLAN_INPUTS}, and
     *                       {@code zone}); the report names the others as Lowtide's defaults
     */
    public ReportModel prepare(PlanRequest request, Optional<CostInputs> cost, ReportOptions options,
                               Set<String> userPlanInputs, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        PlanResult result = plans.plan(request, (f, m) -> progress.progress(0.6 * f, m), cancellation);
        cancellation.check();
        return model(result, cost, options, userPlanInputs, progress, cancellation);
    }

    /**
     * Re-plans a saved plan from its source file, options and (when it was made in money) cost
     * assumptions, costs it, and builds the report's model. Every plan input of a saved plan counts
     * as the user's; the saved cost assumptions, when there are any, win over {@code cost}'s.
     */
    public ReportModel prepare(PlanDocument saved, Optional<CostInputs> cost, ReportOptions options,
                               ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        PlanResult result = plans.replan(saved, (f, m) -> progress.progress(0.6 * f, m), cancellation);
        return model(saved, result, cost, options, progress, cancellation);
    }

    /**
     * As {@link #prepare(PlanDocument, Optional, ReportOptions, ProgressListener, Cancellation)} on a
     * plan file already opened and planned again ({@link PlanFileService#reopen}), so that the caller
     * can show the reopening's notes and nothing is planned twice.
     */
    public ReportModel prepare(PlanFileService.Reopened reopened, Optional<CostInputs> cost, ReportOptions options,
                               ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        return model(reopened.document(), reopened.result(), cost, options, progress, cancellation);
    }

    private ReportModel model(PlanDocument saved, PlanResult result, Optional<CostInputs> cost, ReportOptions options,
                              ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        Set<String> all = new java.util.HashSet<>(ReportModel.PLAN_INPUTS.keySet());
        all.add("zone");
        Optional<CostInputs> inputs = saved.cost().isPresent()
                ? Optional.of(cost.map(c -> new CostInputs(saved.cost().get(), c.scenarios(), c.simulations(), c.seed()))
                .orElse(CostInputs.of(saved.cost().get())))
                : cost;
        return model(result, inputs, options, all, progress, cancellation);
    }

    /** Costs a finished plan's traffic (when asked) and builds the report's model. */
    public ReportModel model(PlanResult result, Optional<CostInputs> cost, ReportOptions options,
                             Set<String> userPlanInputs, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        AnalysisResult analysis = result.analysis();
        java.time.ZoneId zone = result.plan().request().constraints().zone();
        Optional<CostReport> report = Optional.empty();
        if (cost.isPresent()) {
            progress.progress(0.7, "Costing a change at every hour of the week");
            CostInputs in = cost.get();
            boolean planDefaults = in.simulations() == CostAnalysis.DEFAULT_SIMULATIONS
                    && in.seed() == CostAnalysis.DEFAULT_SEED && in.scenarios().equals(ScenarioSet.defaults());
            if (result.cost().isPresent() && planDefaults
                    && result.cost().get().assumptions().equals(in.assumptions())) {
                report = result.cost(); // the plan's own cost run: the same numbers, computed once
            } else {
                report = Optional.of(cost(analysis, zone, in, cancellation));
            }
        }
        progress.progress(0.9, "Laying out the report");
        Map<Integer, CostEstimate> windowCosts = report.isPresent() ? result.windowCosts() : Map.of();
        ReportInput input = new ReportInput(options, provenance(analysis.request().source()),
                analysis.series().withZone(zone),
                analysis.profile().orElseThrow(() -> new IllegalArgumentException(
                        "cannot report on this data: " + String.join("; ", analysis.notes()))),
                analysis.troughs(), result.plan(), outages(analysis), analysis.notes(),
                analysis.imported().warnings().size(),
                userPlanInputs, report, windowCosts, result.traffic(),
                report.isPresent() ? cost.flatMap(CostInputs::risk) : Optional.empty(),
                analysis.patterns().flatMap(org.lowtide.analysis.Patterns::forecast));
        return ReportModel.of(input);
    }

    /** The outages the anomaly detector found in the history, to mark on the traffic chart. */
    private static List<org.lowtide.report.charts.LabelledInterval> outages(AnalysisResult analysis) {
        List<org.lowtide.report.charts.LabelledInterval> marks = new java.util.ArrayList<>();
        analysis.patterns().ifPresent(p -> p.anomalyList().stream()
                .filter(a -> a.kind() == org.lowtide.analysis.Anomaly.Kind.OUTAGE)
                .forEach(a -> marks.add(new org.lowtide.report.charts.LabelledInterval(a.interval(), "outage"))));
        return marks;
    }

    private CostReport cost(AnalysisResult analysis, java.time.ZoneId zone, CostInputs inputs,
                            Cancellation cancellation) throws ImportException, IOException {
        if (inputs.assumptions().revenue().value() instanceof RevenueBasis.Column) {
            // A revenue column is read from the source again, as the cost screen and `lowtide cost` do.
            CostRequest request = new CostRequest(analysis.request().source(), analysis.request().options(),
                    inputs.assumptions(), inputs.scenarios(), inputs.simulations(), inputs.seed());
            return costs.cost(request, ProgressListener.NONE, cancellation).report();
        }
        return costs.report(analysis.series(), Optional.empty(), zone, inputs.assumptions(), inputs.scenarios(),
                inputs.simulations(), inputs.seed(), cancellation);
    }

    /**
     * Writes the PDF through a temporary file in the target's folder and an atomic move, so an
     * interrupted or cancelled run never leaves half a report.
     *
     * @throws CancelledException when cancelled while drawing
     */
    public PdfReportWriter.Result writePdf(ReportModel model, Path target, ProgressListener progress,
                                           Cancellation cancellation) throws IOException {
        return writePdf(model, target, AtomicFiles.CONFIRMED, progress, cancellation);
    }

    /**
     * Writes the PDF as {@link #writePdf(ReportModel, Path, ProgressListener, Cancellation)} does,
     * replacing an existing file only when {@code guard} allows (the CLI: Lowtide's own report or
     * {@code --force}).
     */
    public PdfReportWriter.Result writePdf(ReportModel model, Path target, AtomicFiles.Guard guard,
                                           ProgressListener progress, Cancellation cancellation) throws IOException {
        PdfReportWriter.Result[] result = new PdfReportWriter.Result[1];
        AtomicFiles.write(target, out -> result[0] = write(model, out, progress, cancellation), guard);
        return result[0];
    }

    /**
     * Writes the PDF to a stream (the GUI's preview renders it from memory).
     *
     * @throws CancelledException when cancelled while drawing
     */
    public PdfReportWriter.Result write(ReportModel model, OutputStream out, ProgressListener progress,
                                        Cancellation cancellation) {
        try {
            return PdfReportWriter.write(model, out, new PdfReportWriter.Listener() {
                @Override
                public void progress(double fraction, String message) {
                    progress.progress(fraction, message);
                }

                @Override
                public boolean isCancelled() {
                    return cancellation.isCancelled();
                }
            });
        } catch (CancellationException e) {
            throw new CancelledException();
        }
    }

    /** @return the version, file name and SHA-256 of a traffic source */
    static Provenance provenance(TrafficSource source) throws IOException {
        if (source instanceof TrafficSource.Prometheus || source instanceof TrafficSource.Fetched) {
            return new Provenance(AppInfo.version(), source.displayName(), "none: read live from Prometheus");
        }
        if (source instanceof TrafficSource.FileSource) {
            Path path = ((TrafficSource.FileSource) source).path();
            return new Provenance(AppInfo.version(), source.displayName(), Checksums.sha256(path));
        }
        TrafficSource.Sample sample = (TrafficSource.Sample) source;
        try (InputStream in = TrafficSource.class.getResourceAsStream("/org/lowtide/samples/" + sample.fileName())) {
            return new Provenance(AppInfo.version(), source.displayName(), in == null ? "" : Checksums.sha256(in));
        }
    }
}
