package org.lowtide.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.cost.ChangeSimulator;
import org.lowtide.cost.CostAnalysis;
import org.lowtide.cost.CostEstimate;
import org.lowtide.cost.CostReport;
import org.lowtide.cost.RevenueCurve;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.Holidays;
import org.lowtide.planning.Outlook;
import org.lowtide.planning.Outlooks;
import org.lowtide.planning.Plan;
import org.lowtide.planning.WindowPlanner;
import org.lowtide.planning.WindowRequest;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileException;
import org.lowtide.project.PlanFileMapper;
import org.lowtide.project.PlanFiles;
import org.lowtide.traffic.imports.ImportException;

/** The planning use case shared by the GUI and the CLI: analyse, then plan dated windows; save and reopen. */
public final class PlanService {

    private final AnalysisService analysis;
    private final CostService costs = new CostService();

    public PlanService(AnalysisService analysis) {
        this.analysis = analysis;
    }

    /**
     * @throws IllegalArgumentException when the data cannot give a weekly profile or the request is impossible
     */
    public PlanResult plan(PlanRequest request, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        // Planning needs the weekly profile (outages masked), not the forecast: skip the forecast's work.
        AnalysisRequest a = request.analysis();
        AnalysisRequest withoutForecast = new AnalysisRequest(a.source(), a.options(), a.window(), a.troughCount(), 0,
                a.holidays());
        AnalysisResult analysed = analysis.analyze(withoutForecast, (f, m) -> progress.progress(0.7 * f, m),
                cancellation);
        WeeklyProfile profile = analysed.profile().orElseThrow(() -> new IllegalArgumentException(
                "cannot plan on this data: " + String.join("; ", analysed.notes())));
        WindowRequest windows = withHolidays(request.windows(), request.holidays());
        ZoneId zone = windows.constraints().zone();
        Instant from = windows.from().atStartOfDay(zone).toInstant();
        Instant to = windows.to().plusDays(2).atStartOfDay(zone).toInstant()
                .plus(windows.duration()).plus(windows.rollbackTail());
        PlanRequest resolved = new PlanRequest(request.analysis(), windows, request.holidays(), request.cost(),
                request.rules());
        double[] p90Share = p90ShareOfPeak(profile, from, to);
        if (request.cost().isEmpty()) {
            progress.progress(0.75, "Laying the weekly profile over the horizon");
            Outlook outlook = Outlooks.fromProfile(profile, null, from, to, analysed.series().unit());
            cancellation.check();
            progress.progress(0.85, "Ranking candidate windows");
            Plan plan = WindowPlanner.plan(windows, outlook, Optional.of(profile.slots()),
                    Optional.of(profile.expected()), request.rules(), p90Share);
            progress.progress(1.0, "Done");
            return new PlanResult(resolved, analysed, plan);
        }
        progress.progress(0.72, "Costing a change at every slot of the week");
        CostReport report;
        if (request.cost().get().revenue().value() instanceof org.lowtide.cost.RevenueBasis.Column) {
            // Revenue measured in a column of the file: the cost use case reads that column too.
            CostRequest costRequest = CostRequest.of(request.analysis().source(), request.analysis().options(),
                    request.cost().get());
            report = costs.cost(costRequest, ProgressListener.NONE, cancellation).report();
        } else {
            // The traffic is imported already: cost it without reading the file again.
            report = costs.report(analysed.series(), Optional.empty(), a.options().zone(), request.cost().get(),
                    org.lowtide.cost.ScenarioSet.defaults(), CostAnalysis.DEFAULT_SIMULATIONS,
                    CostAnalysis.DEFAULT_SEED, cancellation);
        }
        RevenueCurve curve = report.curve();
        double[] expected = report.expectedBySlot();
        double[] upper = new double[expected.length];
        for (int s = 0; s < expected.length; s++) {
            // The cost if the week's traffic in that slot is at its 90th percentile.
            upper[s] = expected[s] * curve.factor(s, 0.9);
        }
        Outlook outlook = Outlooks.fromSlots(curve.slots(), expected, upper, from, to,
                curve.currency().getCurrencyCode(), Outlook.Kind.COST_OF_CHANGE);
        cancellation.check();
        progress.progress(0.85, "Ranking candidate windows");
        Plan plan = WindowPlanner.plan(windows, outlook, Optional.of(curve.slots()), Optional.of(expected),
                request.rules(), p90Share);
        progress.progress(0.9, "Simulating a change in each window");
        Map<Integer, CostEstimate> windowCosts = new LinkedHashMap<>();
        ChangeSimulator simulator = new ChangeSimulator(report.model());
        for (ChangeWindow w : plan.windows()) {
            windowCosts.put(w.rank(), simulator.simulateAcross(startMinutes(w, curve, curve.slots().zone()),
                    CostAnalysis.DEFAULT_SIMULATIONS, CostAnalysis.DEFAULT_SEED + w.rank()));
            cancellation.check();
        }
        progress.progress(1.0, "Done");
        return new PlanResult(resolved, analysed, plan, Optional.of(report), windowCosts);
    }

    /** The p90 traffic of every step of the horizon as a share of the weekly peak (for the p90 limit). */
    private static double[] p90ShareOfPeak(WeeklyProfile profile, Instant from, Instant to) {
        double peak = profile.peak();
        double[] share = profile.upper();
        for (int s = 0; s < share.length; s++) {
            share[s] = peak > 0 ? share[s] / peak : 0;
        }
        return Outlooks.fromSlots(profile.slots(), share, null, from, to, "", Outlook.Kind.AT_STAKE).expected();
    }

    /** Minutes of the local week of every slot start inside the window: where the change may go live. */
    private static double[] startMinutes(ChangeWindow w, RevenueCurve curve, ZoneId zone) {
        long slotSeconds = curve.slots().slot().getSeconds();
        int steps = (int) Math.max(1, w.window().duration().getSeconds() / slotSeconds);
        double[] minutes = new double[steps];
        for (int i = 0; i < steps; i++) {
            java.time.ZonedDateTime t = w.window().start().plusSeconds(i * slotSeconds).atZone(zone);
            minutes[i] = RevenueCurve.minuteOfWeek(t.getDayOfWeek(), t.toLocalTime());
        }
        return minutes;
    }

    private static WindowRequest withHolidays(WindowRequest r, Optional<String> calendar) {
        if (calendar.isEmpty()) {
            return r;
        }
        List<Holiday> holidays = Holidays.between(calendar.get(), r.from(), r.to().plusDays(1));
        Constraints c = r.constraints();
        Constraints withHolidays = new Constraints(c.zone(), c.allowed(), c.blackouts(), holidays, c.holidayPolicy());
        return new WindowRequest(r.duration(), r.rollbackTail(), r.count(), r.from(), r.to(), r.minGap(), withHolidays,
                r.habit());
    }

    /** Saves the plan atomically; the source must be a file. */
    public void save(PlanResult result, Path target) throws IOException {
        if (!(result.request().analysis().source() instanceof TrafficSource.FileSource)) {
            throw new IllegalArgumentException("only plans on a traffic file can be saved");
        }
        Path source = ((TrafficSource.FileSource) result.request().analysis().source()).path();
        PlanDocument doc = new PlanDocument(source.toAbsolutePath().toString(), sha256(source),
                result.request().analysis().options(), result.request().holidays(), result.request().cost(),
                result.request().rules(), result.plan());
        PlanFiles.save(PlanFileMapper.toDto(doc, "Lowtide " + AppInfo.version()), target);
    }

    /** Opens a saved plan (the saved results; nothing is recomputed). */
    public PlanDocument open(Path file) throws PlanFileException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return PlanFileMapper.fromDto(PlanFiles.load(file), name);
    }

    /**
     * Plans again from a saved plan's source, options and request: the same inputs give the same
     * windows.
     */
    public PlanResult replan(PlanDocument doc, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        WindowRequest r = doc.plan().request();
        AnalysisRequest analysisRequest = new AnalysisRequest(new TrafficSource.FileSource(Path.of(doc.sourcePath())),
                doc.importOptions(), r.duration(), AnalysisRequest.DEFAULT_TROUGHS);
        // Holidays were resolved and saved with the request; keep them rather than asking Jollyday again.
        return plan(new PlanRequest(analysisRequest, r, Optional.empty(), doc.cost(), doc.rules()), progress,
                cancellation);
    }

    /** @return the SHA-256 of a file, hex */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
