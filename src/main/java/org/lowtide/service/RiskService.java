package org.lowtide.service;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.lowtide.analysis.Anomaly;
import org.lowtide.analysis.PatternAnalysis;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.risk.ChangeHistory;
import org.lowtide.risk.DeployCsvReader;
import org.lowtide.risk.GitDeploys;
import org.lowtide.risk.IncidentCsvReader;
import org.lowtide.risk.IncidentHistory;
import org.lowtide.risk.LognormalFit;
import org.lowtide.risk.RiskEstimate;
import org.lowtide.risk.RiskEvidence;
import org.lowtide.risk.RiskFitter;
import org.lowtide.traffic.Interval;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportException;

/**
 * Learns the team's own change failure rate, detection and restore times from its incident and
 * deploy history and from the outages in the traffic (issue #21), for both faces.
 */
public final class RiskService {

    private final ImportService imports;

    public RiskService() {
        this(new ImportService());
    }

    public RiskService(ImportService imports) {
        this.imports = imports;
    }

    /**
     * Reads the history and fits it; the traffic for outages is read from the request's source.
     *
     * @param prior the assumptions to start from and to blend with when the evidence is thin
     * @throws ImportException a history or traffic file cannot be read (names file, line, column)
     */
    public RiskResult learn(RiskRequest request, CostAssumptions prior, ProgressListener progress,
                            Cancellation cancellation) throws ImportException, IOException {
        Optional<TrafficSeries> series = Optional.empty();
        if (request.outagesFrom().isPresent()) {
            series = Optional.of(imports.importTraffic(request.outagesFrom().get(), request.importOptions(), progress,
                    cancellation).series());
        }
        return learn(request, series, prior, progress, cancellation);
    }

    /**
     * As {@link #learn(RiskRequest, CostAssumptions, ProgressListener, Cancellation)} with the traffic
     * already read (the GUI has it on screen); {@code traffic} is used only when the request asks for outages.
     */
    public RiskResult learn(RiskRequest request, Optional<TrafficSeries> traffic, CostAssumptions prior,
                            ProgressListener progress, Cancellation cancellation) throws ImportException, IOException {
        var zone = request.importOptions().zone();
        Optional<IncidentHistory> incidents = Optional.empty();
        if (request.incidents().isPresent()) {
            progress.progress(0.1, "Reading incidents");
            incidents = Optional.of(IncidentCsvReader.read(request.incidents().get(), zone, request.service()));
        }
        cancellation.check();
        Optional<ChangeHistory> changes = Optional.empty();
        if (request.deploys().isPresent()) {
            progress.progress(0.3, "Reading deploys");
            changes = Optional.of(DeployCsvReader.read(request.deploys().get(), zone, request.service()));
        } else if (request.gitDir().isPresent()) {
            progress.progress(0.3, "Reading git history");
            changes = Optional.of(GitDeploys.read(request.gitDir().get()));
        }
        cancellation.check();
        List<Interval> outages = List.of();
        String outageSource = "";
        if (request.outagesFrom().isPresent() && traffic.isPresent()) {
            progress.progress(0.5, "Finding outages in the traffic");
            outages = outages(traffic.get().withZone(zone), cancellation);
            outageSource = request.outagesFrom().get().displayName();
        }
        cancellation.check();
        progress.progress(0.8, "Fitting");
        RiskEstimate estimate = RiskFitter.fit(new RiskEvidence(incidents, changes, outages, outageSource,
                request.attributionWindow()), prior, LognormalFit.DEFAULT_RESAMPLES, request.seed());
        progress.progress(1.0, "Done");
        return new RiskResult(request, incidents, changes, outages, estimate, estimate.applyTo(prior));
    }

    /** @return the outages Lowtide's pattern analysis finds in the traffic (anomalies of kind OUTAGE) */
    public List<Interval> outages(TrafficSeries series, Cancellation cancellation) {
        try {
            return PatternAnalysis.withoutComponents(series, PatternAnalysis.Progress.NONE, cancellation::isCancelled)
                    .anomalyList().stream().filter(a -> a.kind() == Anomaly.Kind.OUTAGE).map(Anomaly::interval).toList();
        } catch (CancellationException e) {
            throw new CancelledException();
        } catch (IllegalArgumentException e) {
            return List.of(); // too little traffic for patterns: no outages to learn from
        }
    }

    /** A duration in words ("1 h 58 min"), as the risk figures are written everywhere. */
    public static String words(java.time.Duration d) {
        return org.lowtide.risk.Durations.words(d);
    }

    /** A duration of so many minutes (fractions kept to the second). */
    public static java.time.Duration ofMinutes(double minutes) {
        return org.lowtide.risk.Durations.ofMinutes(minutes);
    }
}
