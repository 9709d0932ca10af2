package org.lowtide.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.lowtide.cost.CostAssumptions;
import org.lowtide.cost.RevenueBasis;
import org.lowtide.fleet.Candidate;
import org.lowtide.fleet.CandidateScan;
import org.lowtide.fleet.DependencyGroup;
import org.lowtide.fleet.FetchedSeries;
import org.lowtide.fleet.Fleet;
import org.lowtide.fleet.FleetFiles;
import org.lowtide.fleet.FleetMember;
import org.lowtide.fleet.FleetOptimizer;
import org.lowtide.fleet.FleetProblem;
import org.lowtide.fleet.FleetSolution;
import org.lowtide.fleet.GroupKind;
import org.lowtide.fleet.MemberTraffic;
import org.lowtide.fleet.PrometheusFleet;
import org.lowtide.fleet.SeriesSpill;
import org.lowtide.fleet.ServiceOptions;
import org.lowtide.planning.Blackout;
import org.lowtide.planning.ChangeWindow;
import org.lowtide.planning.Constraints;
import org.lowtide.planning.Outlook;
import org.lowtide.planning.Plan;
import org.lowtide.planning.PlanRules;
import org.lowtide.planning.Recommendation;
import org.lowtide.planning.WindowRequest;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportOptions;

/**
 * Plans a fleet: reads the fleet, analyses and plans every service with the single-service
 * planner (the very request {@link RecommendationService} makes, plus the service's own staff
 * hours, blackouts and holidays), several at once on a bounded pool, keeping of each only its
 * candidate windows; then lets the fleet optimiser place one window per change under the fleet's
 * rules. A service that fails is reported and left out; the rest are planned.
 */
public final class FleetService {

    private final PlanService plans;
    private final RecommendationService recommendations;
    private final Path spillRoot;
    /**
     * The folders long-format fleets read here were split into, until {@link #discard}: found again
     * from a fleet's members, so a fleet with options added ({@code fleet}'s rules) still finds its own.
     */
    private final java.util.Set<Path> splitFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final long pointsPerRequest;

    public FleetService(PlanService plans, RecommendationService recommendations) {
        this(plans, recommendations, Path.of(System.getProperty("java.io.tmpdir")), PrometheusFleet.POINTS_PER_REQUEST);
    }

    /**
     * @param spillRoot        where a Prometheus fleet's points are kept during its run (a folder of their own)
     * @param pointsPerRequest points (steps × series) one request to Prometheus brings at most
     */
    public FleetService(PlanService plans, RecommendationService recommendations, Path spillRoot,
                        long pointsPerRequest) {
        this.plans = plans;
        this.recommendations = recommendations;
        this.spillRoot = java.util.Objects.requireNonNull(spillRoot, "spillRoot");
        if (pointsPerRequest < 1) {
            throw new IllegalArgumentException("pointsPerRequest must be positive, was " + pointsPerRequest);
        }
        this.pointsPerRequest = pointsPerRequest;
    }

    /**
     * Reads a fleet: a folder of traffic files, a long-format CSV (split into temporary files,
     * removed by {@link #discard} or when the program ends) or a fleet file.
     *
     * @param zone the zone of dates in the fleet file's blackouts when it names none
     * @throws org.lowtide.fleet.FleetFileException naming file and line
     */
    public Fleet read(Path input, ZoneId zone) throws IOException {
        Path work = Files.createTempDirectory("lowtide-fleet-");
        Fleet fleet;
        try {
            fleet = FleetFiles.read(input, zone, work);
        } catch (IOException | RuntimeException e) {
            deleteSplit(work);
            throw e;
        }
        List<Path> split = fleet.members().stream().flatMap(m -> m.file().stream()).filter(f -> f.startsWith(work))
                .toList();
        if (split.isEmpty()) {
            deleteSplit(work); // a folder or a fleet file: nothing was written
            return fleet;
        }
        // deleteOnExit deletes in the reverse order of registration: the folder first, so it goes last, empty.
        work.toFile().deleteOnExit();
        split.forEach(f -> f.toFile().deleteOnExit());
        splitFolders.add(work);
        return fleet;
    }

    /**
     * Deletes everything a fleet keeps on disk: the per-service files a long-format CSV was split
     * into and the points a Prometheus fleet fetched. For a face that replaces the fleet it shows
     * (each Plan Again reads the fleet anew, so without this every run's split stayed until exit).
     * The fleet's split services can no longer be read afterwards.
     */
    public void discard(Fleet fleet) {
        release(fleet);
        for (FleetMember m : fleet.members()) {
            Optional<Path> folder = m.file().map(Path::getParent);
            if (folder.isPresent() && splitFolders.remove(folder.get())) {
                deleteSplit(folder.get());
            }
        }
    }

    private static void deleteSplit(Path work) {
        try (java.util.stream.Stream<Path> files = Files.list(work)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            // Left to the exit hook (deleteOnExit): a temporary file that outlives the run harms nothing.
        }
    }

    /**
     * Reads a fleet from one Prometheus query returning a series per service: each series is the
     * service named by its value of {@code serviceLabel}. The query is streamed in time chunks, and
     * each series' points are kept in a compact binary file of its own (a spill, 12 bytes a point)
     * until its service is planned, when they are imported as they were fetched; {@link #plan} deletes
     * them when it ends (as does {@link #release}, or the program's exit). The fleet's origin names
     * server and query, never credentials.
     *
     * @throws ImportException                      when the server cannot be reached, refuses the query or has no data
     * @throws org.lowtide.fleet.FleetFileException when no series has the label
     * @throws CancelledException                   when cancelled
     */
    public Fleet readPrometheus(TrafficSource.Prometheus source, String serviceLabel, ProgressListener progress,
                                Cancellation cancellation) throws ImportException, IOException {
        if (serviceLabel == null || serviceLabel.isBlank()) {
            throw new IllegalArgumentException("name the label whose value names each service, e.g. job or service");
        }
        org.lowtide.traffic.imports.ImportMonitor monitor = ImportService.monitor("Fetching from "
                + source.displayName(), progress, cancellation);
        SeriesSpill spill = SeriesSpill.create(spillRoot, source.query().step());
        boolean kept = false;
        try {
            Fleet fleet = PrometheusFleet.read(source.query(), source.connection(), serviceLabel.trim(), monitor,
                    java.time.Instant.now(), pointsPerRequest, spill, source.displayName());
            kept = true;
            return fleet;
        } catch (java.util.concurrent.CancellationException e) {
            throw new CancelledException();
        } finally {
            if (!kept) {
                spill.close();
            }
        }
    }

    /**
     * Deletes what a fleet keeps on disk for its run (the points a Prometheus fleet fetched); its
     * Prometheus members can no longer be planned afterwards. {@link #plan} does this when it ends.
     */
    public static void release(Fleet fleet) {
        for (FleetMember m : fleet.members()) {
            if (m.traffic() instanceof FetchedSeries f) {
                f.spill().close();
            }
        }
    }

    /**
     * How every service of a Prometheus fleet is read: on the query's step (the kind the query
     * states comes with the fetched points, as for a single query).
     */
    public static ImportOptions prometheusOptions(TrafficSource.Prometheus source, ImportOptions base) {
        return base.withStep(source.query().step());
    }

    /**
     * Plans the fleet. When it ends (planned, failed or cancelled) what the fleet kept on disk for
     * the run is deleted ({@link #release}): a Prometheus fleet is planned once, then read again.
     *
     * @param progress hears the share of services done
     * @throws CancelledException when cancelled; the pool is stopped
     */
    public FleetResult plan(FleetRequest request, ProgressListener progress, Cancellation cancellation) {
        try {
            return planAll(request, progress, cancellation);
        } finally {
            release(request.fleet());
        }
    }

    private FleetResult planAll(FleetRequest request, ProgressListener progress, Cancellation cancellation) {
        long t0 = System.nanoTime();
        Fleet fleet = request.fleet();
        boolean money = request.cost().isPresent() && RecommendationService.revenueGiven(request.cost().get());
        List<FleetMember> members = fleet.members();
        java.util.Set<String> keepAll = new java.util.HashSet<>();
        for (DependencyGroup g : fleet.rules().groups()) {
            if (g.kind() == GroupKind.ALWAYS_TOGETHER) {
                keepAll.addAll(g.members());
            }
        }
        FleetOutcome[] outcomes = new FleetOutcome[members.size()];
        int threads = Math.min(request.threads(), members.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lowtide-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                int index = i;
                futures.add(done.submit(() -> {
                    cancellation.check();
                    outcomes[index] = planOne(request, members.get(index), money,
                            keepAll.contains(members.get(index).name()) ? Integer.MAX_VALUE : request.candidates(),
                            cancellation);
                    return index;
                }));
            }
            for (int finished = 0; finished < members.size(); finished++) {
                if (cancellation.isCancelled()) {
                    throw new CancelledException();
                }
                Future<Integer> f = done.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (f == null) {
                    finished--;
                    continue;
                }
                int index = f.get();
                FleetOutcome o = outcomes[index];
                progress.progress(0.95 * (finished + 1) / members.size(), String.format(Locale.ROOT,
                        "%d of %d services planned (%s: %s)", finished + 1, members.size(), o.service(),
                        o.status() == FleetOutcome.Status.PLANNED ? "planned" : "failed"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancelledException c) {
                throw c;
            }
            throw new IllegalStateException("a fleet task failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.progress(0.96, "Placing every service's window under the fleet rules");
        List<String> warnings = new ArrayList<>(fleet.notes());
        List<ServiceOptions> options = new ArrayList<>();
        java.util.Set<String> planned = new java.util.HashSet<>();
        for (FleetOutcome o : outcomes) {
            if (o.options().isPresent()) {
                options.add(o.options().get());
                planned.add(o.service());
            }
        }
        List<DependencyGroup> groups = new ArrayList<>();
        for (DependencyGroup g : fleet.rules().groups()) {
            List<String> left = g.members().stream().filter(planned::contains).toList();
            if (left.size() >= 2) {
                groups.add(left.size() == g.members().size() ? g : new DependencyGroup(g.name(), g.kind(), left));
            }
            if (left.size() < g.members().size()) {
                warnings.add("group " + g.name() + " lost " + (g.members().size() - left.size())
                        + " failed service(s); its rule holds among the rest only");
            }
        }
        if (request.cost().isPresent() && !money) {
            warnings.add(RecommendationService.PLACEHOLDER_WARNING);
        }
        FleetProblem problem = new FleetProblem(options, groups, fleet.rules().maxConcurrent());
        cancellation.check();
        FleetSolution solution = FleetOptimizer.solve(problem);
        progress.progress(1.0, "Done");
        String unit = money ? request.cost().get().currency().value().getCurrencyCode()
                : "relative traffic at stake (1 = the service's median window, weighted by revenue share)";
        return new FleetResult(fleet, List.of(outcomes), problem, solution,
                money ? Recommendation.Basis.EXPECTED_COST : Recommendation.Basis.TRAFFIC_AT_STAKE, unit, warnings,
                (System.nanoTime() - t0) / 1e9, threads);
    }

    /**
     * The single-service analysis of a fleet member: its file read as the fleet reads it (its zone,
     * column and step) with its window length, so a face can open it in the ordinary screens. A
     * member of a Prometheus fleet is read from the server again, by a query returning its series
     * alone, with the environment's credentials.
     *
     * @throws IllegalArgumentException when the fleet has no service of that name
     */
    public AnalysisRequest analysisFor(FleetRequest request, String service) {
        return analysisFor(request, service, null);
    }

    /**
     * As {@link #analysisFor(FleetRequest, String)}, a Prometheus member read with {@code connection}
     * (the credentials the fleet was read with; {@code null}: the environment's).
     */
    public AnalysisRequest analysisFor(FleetRequest request, String service,
                                       org.lowtide.traffic.sources.PrometheusConnection connection) {
        FleetMember m = request.fleet().members().stream().filter(x -> x.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the fleet has no service named " + service));
        AnalysisRequest a = requestFor(request, m, false).analysis();
        if (m.traffic() instanceof FetchedSeries f) {
            TrafficSource alone = new TrafficSource.Prometheus(f.alone(), connection != null ? connection
                    : new PrometheusService().environmentConnectionOrNone());
            return new AnalysisRequest(alone, a.options().withStep(f.step()), a.window(), a.troughCount(),
                    a.forecastWeeks(), a.holidays());
        }
        return a;
    }

    /** The single-service request for a member: what {@code plan} would ask for its file, plus its own constraints. */
    PlanRequest requestFor(FleetRequest request, FleetMember m, boolean money) {
        Fleet fleet = request.fleet();
        ZoneId zone = m.zone().orElse(request.options().zone());
        ImportOptions options = request.options().withZone(zone);
        if (m.column().isPresent()) {
            options = options.withColumn(m.column().get());
        }
        Duration window = m.window().orElse(AnalysisRequest.DEFAULT_WINDOW);
        Optional<String> holidays = m.holidays().or(() -> fleet.rules().holidays());
        TrafficSource source = m.traffic() instanceof FetchedSeries f ? new TrafficSource.Fetched(f)
                : new TrafficSource.FileSource(m.file().orElseThrow());
        AnalysisRequest analysis = new AnalysisRequest(source, options, window,
                AnalysisRequest.DEFAULT_TROUGHS, AnalysisRequest.DEFAULT_FORECAST_WEEKS, holidays);
        Optional<CostAssumptions> cost = request.cost().map(c -> scaled(c, fleet.shareOf(m)));
        CostAssumptions assumptions = cost.orElse(CostAssumptions.defaults());
        WindowRequest w = recommendations.defaultWindows(window, assumptions, zone);
        List<Blackout> blackouts = new ArrayList<>(fleet.rules().blackouts());
        blackouts.addAll(m.blackouts());
        Constraints c = new Constraints(zone, m.staffHours(), blackouts, List.of(), w.constraints().holidayPolicy());
        WindowRequest windows = new WindowRequest(w.duration(), w.rollbackTail(), w.count(), w.from(), w.to(), w.minGap(),
                c, request.habit());
        return new PlanRequest(analysis, windows, holidays, cost, PlanRules.NONE.withOutlook(request.outlook()));
    }

    /** The fleet's revenue times the service's share (a revenue column of its own data stays as it is). */
    private static CostAssumptions scaled(CostAssumptions c, double share) {
        if (c.revenue().value() instanceof RevenueBasis.Amount a && RecommendationService.revenueGiven(c)) {
            return c.toBuilder().revenue(new RevenueBasis.Amount(a.period(), a.amount() * share, a.spreadByTraffic()))
                    .build();
        }
        return c;
    }

    private FleetOutcome planOne(FleetRequest request, FleetMember m, boolean money, int keep,
                                 Cancellation cancellation) {
        long t0 = System.nanoTime();
        ZoneId zone = m.zone().orElse(request.options().zone());
        Duration window = m.window().orElse(AnalysisRequest.DEFAULT_WINDOW);
        try {
            PlanRequest pr = requestFor(request, m, money);
            AtomicReference<Outlook> ranked = new AtomicReference<>();
            PlanResult result = plans.plan(pr, ProgressListener.NONE, cancellation, ranked::set);
            Plan plan = result.plan();
            WindowRequest resolved = result.request().windows();
            List<CandidateScan.Scored> scored = CandidateScan.scan(resolved, ranked.get(), keep);
            double share = request.fleet().shareOf(m);
            double weight = share * request.fleet().members().size();
            double median = plan.medianCandidate();
            // Money is common to every service; traffic is not (each has its own unit and level), so
            // it is made relative to the service's median window and weighted by its revenue share.
            double toCommon = money ? 1 : (median > 0 && weight > 0 ? weight / median : 0);
            List<Candidate> cands = new ArrayList<>();
            double floor = 0;
            for (CandidateScan.Scored s : scored) {
                // The planner's order, in which scores equal within rounding are ties broken by the p90
                // and by time: kept as it is, the few last digits of a tie levelled upwards.
                floor = Math.max(floor, s.score() * toCommon);
                cands.add(new Candidate(s.start(), s.end(), s.tailEnd(), floor));
            }
            Duration gap = m.minGap().orElse(request.fleet().rules().minGap());
            ServiceOptions options = new ServiceOptions(m.name(), m.changes(), gap, cands);
            Recommendation rec = RecommendationService.of(result);
            return new FleetOutcome(m.name(), FleetOutcome.Status.PLANNED, Optional.empty(), zone, window,
                    Optional.of(resolved), rec.basis(), plan.unit(), plan.recurring(), plan.windows(), Optional.of(options),
                    toCommon > 0 ? 1 / toCommon : 0, median, plan.habit(), share, (System.nanoTime() - t0) / 1e9);
        } catch (CancelledException e) {
            throw e;
        } catch (ImportException | IOException | IllegalArgumentException | IllegalStateException e) {
            return FleetOutcome.failed(m.name(), zone, window, where(m) + ": " + message(m, e),
                    (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            return FleetOutcome.failed(m.name(), zone, window, where(m)
                    + ": could not be planned (" + message(m, e) + ")", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** A service's traffic in messages: its file, or the Prometheus series it was fetched as. */
    private static String where(FleetMember m) {
        return m.traffic().describe();
    }

    private static String message(FleetMember m, Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        // The points of a Prometheus member are named as the member is: say it once.
        if (e instanceof ImportException ie && ie.source().equals(where(m)) && e.getMessage().startsWith(where(m) + ": ")) {
            return e.getMessage().substring(where(m).length() + 2);
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "no message" : e.getMessage();
    }

    /** @return the first dated window a service's own plan gives (the single-service recommendation) */
    public static Optional<ChangeWindow> ownBest(FleetOutcome o) {
        return o.own().stream().findFirst();
    }

    /** @return the habit's savings against the fleet's window, in the service's own unit */
    public static OptionalDouble savingsVsHabit(FleetOutcome o, Candidate chosen) {
        return o.habit().isPresent() ? OptionalDouble.of(o.habit().getAsDouble() - chosen.cost() * o.toNative())
                : OptionalDouble.empty();
    }

    /**
     * Writes the fleet report (PDF): a summary page ranking services by what is at stake in the
     * fleet's common unit (money when a revenue was given), then one page per service.
     */
    public void report(FleetResult result, Path target, boolean force) throws IOException {
        List<org.lowtide.report.FleetReport.Service> services = new ArrayList<>();
        for (FleetOutputs.Row r : FleetOutputs.byStake(result)) {
            ZoneId zone = ZoneId.of(r.zone());
            FleetOutcome o = result.outcome(r.service()).orElseThrow();
            List<String> windows = result.chosen(r.service()).stream().map(c -> span(c.start(), c.end(), zone)).toList();
            String own = ownBest(o).map(w -> span(w.window().start(), w.window().end(), zone)).orElse("");
            String stake = r.atStake().isPresent() ? String.format(Locale.ROOT, "%,.4g %s", r.atStake().getAsDouble(),
                    r.unit()) : "";
            String gap = Double.isFinite(r.gap()) ? (Math.abs(r.gap()) < 1e-12 ? "none: its own best"
                    : String.format(Locale.ROOT, "+%.4g", r.gap())) : "";
            services.add(new org.lowtide.report.FleetReport.Service(r.service(), r.status(), r.zone(), r.weekly(), windows,
                    own, stake, r.fleetCost(), gap, r.reasons()));
        }
        List<String> summary = new ArrayList<>();
        summary.add(String.format(Locale.ROOT, "%d services, %d failed, %d changes unplaced; ranked by %s",
                result.outcomes().size(), result.failed(), result.solution().unplaced(), result.costUnit()));
        summary.add(String.format(Locale.ROOT, "Total %.6g; the services' own optima sum to %.6g. Optimiser: %s.",
                result.solution().totalCost(), result.problem().services().stream()
                        .mapToDouble(ServiceOptions::unconstrainedCost).sum(), result.solution().method()));
        result.fleet().rules().maxConcurrent().ifPresent(n -> summary.add("At most " + n + " services change at once."));
        result.fleet().rules().groups().forEach(g -> summary.add(g.kind().label() + " group " + g.name() + ": "
                + String.join(", ", g.members())));
        org.lowtide.report.FleetReport report = new org.lowtide.report.FleetReport("Fleet change windows: "
                + result.fleet().origin(), result.costUnit(), summary, services, result.warnings(), AppInfo.version());
        Exports.write(target, out -> org.lowtide.report.pdf.FleetPdfWriter.write(report,
                new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                }), Exports.pdfReport(force));
    }

    private static String span(java.time.Instant start, java.time.Instant end, ZoneId zone) {
        java.time.format.DateTimeFormatter f = org.lowtide.traffic.TimeFormats.DAY_LOCAL_MINUTE;
        return f.format(start.atZone(zone)) + "–" + org.lowtide.traffic.TimeFormats.HM.format(end.atZone(zone));
    }
}
