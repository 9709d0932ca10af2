package org.lowtide.service;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.lowtide.analysis.HolidayEffect;
import org.lowtide.analysis.HolidayEffects;
import org.lowtide.analysis.PatternAnalysis;
import org.lowtide.analysis.Patterns;
import org.lowtide.analysis.Trough;
import org.lowtide.analysis.TroughStability;
import org.lowtide.analysis.TroughStats;
import org.lowtide.planning.Holiday;
import org.lowtide.planning.Holidays;
import org.lowtide.analysis.TroughFinder;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.analysis.WeeklyProfiles;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportResult;

/**
 * The analysis use case shared by the GUI and the CLI: import; patterns (periods, anomalies,
 * robust MSTL, forecast); the weekly profile and troughs from the traffic with anomalies masked;
 * holidays and their effect when a calendar is asked for.
 * Stateless and thread-safe.
 */
public final class AnalysisService {

    /**
     * A system property lowering the points analysed at full resolution (tests use it to check
     * what every face says about a coarser analysis without a 2-million-point file).
     */
    public static final String MAX_POINTS_PROPERTY = "lowtide.analysis.maxPoints";

    /**
     * The progress bar's share of the import, then of the patterns; the weekly profile, troughs and
     * holidays follow. The bar only moves forward (the patterns began again at 0.1 after an import
     * had reached 0.6; with ten million rows each half takes seconds: issue 20).
     */
    static final double IMPORT_SHARE = 0.45;
    static final double PATTERNS_SHARE = 0.35;

    /**
     * Runs one analysis.
     *
     * @throws ImportException    when the source cannot be read as traffic (message names file, line, column)
     * @throws IOException        when the file cannot be read at all
     * @throws CancelledException when cancelled between steps
     */
    public AnalysisResult analyze(AnalysisRequest request, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        progress.progress(0.0, "Reading " + request.source().displayName());
        ImportResult imported;
        try (var t = Timings.phase("import (read + parse)")) {
            imported = importTraffic(request, progress, cancellation);
        }
        cancellation.check();
        try (var t = Timings.phase("analysis")) {
            return analyzeImported(request, imported, progress, cancellation);
        }
    }

    private AnalysisResult analyzeImported(AnalysisRequest request, ImportResult imported, ProgressListener progress,
                                           Cancellation cancellation) {
        WarmUp.stop(); // the real analysis begins: the second core is its own now
        ZoneId zone = request.options().zone();
        TrafficSeries raw = imported.series().withZone(zone);
        List<String> notes = new ArrayList<>();
        int maxPoints = Integer.getInteger(MAX_POINTS_PROPERTY, org.lowtide.traffic.Resolution.MAX_ANALYSED_POINTS);
        Optional<TrafficSeries> coarser = org.lowtide.traffic.Resolution.fit(raw, maxPoints);
        if (coarser.isPresent()) {
            notes.add(org.lowtide.traffic.Resolution.note(raw, coarser.get(), maxPoints));
            raw = coarser.get();
            // Every later step (and every reader of the result) sees the one series analysed.
            imported = new ImportResult(raw, imported.source(), imported.warnings(), imported.details());
        }
        Optional<Patterns> patterns = Optional.empty();
        try {
            patterns = Optional.of(patterns(raw, request.forecastWeeks(), request.components(),
                    (f, m) -> progress.progress(IMPORT_SHARE + PATTERNS_SHARE * f, m), cancellation::isCancelled));
            notes.addAll(patterns.get().notes());
        } catch (CancellationException e) {
            throw new CancelledException();
        } catch (IllegalArgumentException e) {
            notes.add("patterns not analysed: " + e.getMessage());
        }
        TrafficSeries series = masked(raw, patterns, zone);
        progress.progress(IMPORT_SHARE + PATTERNS_SHARE, "Building the weekly profile");
        Optional<WeeklyProfile> profile;
        try {
            try (var t = Timings.phase("weekly profile")) {
                profile = Optional.of(WeeklyProfiles.median(series, zone));
            }
        } catch (IllegalArgumentException e) {
            notes.add(e.getMessage());
            profile = Optional.empty();
        }
        cancellation.check();

        List<Trough> troughs = List.of();
        List<TroughStats> stats = List.of();
        if (profile.isPresent()) {
            Duration weeks = Duration.between(series.start(), series.end());
            if (weeks.compareTo(Duration.ofDays(14)) < 0) {
                notes.add("less than two weeks of data: each weekly slot rests on one or two values");
            }
            progress.progress(0.85, "Finding the lowest " + request.window().toMinutes() + "-minute windows");
            TroughPart part = troughPart(series, profile.get(), request.window(), request.troughCount(),
                    notes.isEmpty(), true);
            troughs = part.troughs();
            notes.addAll(part.notes());
            stats = part.stats();
        }
        List<HolidayEffect> holidays = List.of();
        if (request.holidays().isPresent() && profile.isPresent()) {
            progress.progress(0.9, "Looking up holidays " + request.holidays().get());
            holidays = holidayEffects(holidayTraffic(raw, patterns), profile.get(), patterns, request.holidays().get());
            java.util.Set<LocalDate> days = new java.util.HashSet<>();
            holidays.forEach(h -> days.add(h.date()));
            patterns = patterns.map(p -> p.withHolidays(days, zone));
        }
        progress.progress(1.0, "Done");
        return new AnalysisResult(request, imported, profile, troughs, notes, patterns, stats, holidays);
    }

    /**
     * The only part of an analysis that depends on the window length and the trough count (issue
     * 20: a length edit re-ranks on the analysis shown): the troughs in the weekly profile, the
     * notes they add (always the last of the result's notes) and their week-to-week stability.
     *
     * @param series     the analysed traffic with anomalies masked
     * @param noNotesYet whether the analysis noted nothing before the troughs (then "no window of …"
     *                   is said when none is found)
     * @param withStats  whether to assess the troughs' stability
     */
    private static TroughPart troughPart(TrafficSeries series, WeeklyProfile profile, Duration window, int count,
                                         boolean noNotesYet, boolean withStats) {
        List<String> notes = new ArrayList<>();
        List<Trough> troughs = List.of();
        try {
            try (var t = Timings.phase("troughs")) {
                troughs = TroughFinder.find(profile, window, count);
            }
        } catch (IllegalArgumentException e) {
            notes.add(e.getMessage());
        }
        notes.addAll(TroughFinder.evidenceNotes(series, troughs));
        if (troughs.isEmpty() && notes.isEmpty() && noNotesYet) {
            notes.add(noWindowNote(window));
        }
        List<TroughStats> stats = withStats && !troughs.isEmpty()
                ? TroughStability.assess(series, profile, troughs) : List.of();
        return new TroughPart(troughs, notes, stats);
    }

    /** The traffic the profile, the troughs and the forecast are made on: outages, gaps and spikes masked. */
    private static TrafficSeries masked(TrafficSeries raw, Optional<Patterns> patterns, ZoneId zone) {
        return patterns.isPresent()
                ? new TrafficSeries(raw.name(), raw.start(), raw.step(), patterns.get().anomalies().mask(raw.values()),
                        zone, raw.unit())
                : raw;
    }

    private static String noWindowNote(Duration window) {
        return "no window of " + org.lowtide.traffic.Durations.words(window) + " has data in every slot";
    }

    /** The troughs of one window length and count, their notes and their stability. */
    private record TroughPart(List<Trough> troughs, List<String> notes, List<TroughStats> stats) {
    }

    /**
     * {@code prior} as an analysis with another window length or trough count would have made it:
     * periods, anomalies, decomposition, forecast, weekly profile and holidays do not depend on
     * them, so only the troughs, their notes and their stability are found again, exactly as
     * {@link #analyze} finds them.
     *
     * @return empty when the notes of {@code prior}'s troughs cannot be told from the others
     *         (a result not made by this service): then analyse afresh
     */
    private static Optional<AnalysisResult> retrough(AnalysisResult prior, Duration window, int count) {
        AnalysisRequest p = prior.request();
        AnalysisRequest asked = new AnalysisRequest(p.source(), p.options(), window, count, p.forecastWeeks(),
                p.holidays(), p.components());
        if (prior.profile().isEmpty()) {
            // No profile, no troughs: nothing in the result depends on the window.
            return Optional.of(new AnalysisResult(asked, prior.imported(), prior.profile(), prior.troughs(),
                    prior.notes(), prior.patterns(), prior.troughStats(), prior.holidays()));
        }
        WeeklyProfile profile = prior.profile().get();
        TrafficSeries series = masked(prior.series().withZone(p.options().zone()), prior.patterns(),
                p.options().zone());
        // The notes before the troughs' are the window's: find the prior troughs' notes again to cut them off.
        TroughPart before = troughPart(series, profile, p.window(), p.troughCount(), false, false);
        List<String> notes = prior.notes();
        int kept = notes.size() - before.notes().size();
        if (!before.troughs().equals(prior.troughs()) || kept < 0
                || !notes.subList(kept, notes.size()).equals(before.notes())) {
            return Optional.empty();
        }
        if (prior.troughs().isEmpty() && notes.equals(List.of(noWindowNote(p.window())))) {
            kept = 0; // said only when nothing was noted before
        }
        List<String> base = notes.subList(0, kept);
        TroughPart now = troughPart(series, profile, window, count, base.isEmpty(), true);
        List<String> all = new ArrayList<>(base);
        all.addAll(now.notes());
        return Optional.of(new AnalysisResult(asked, prior.imported(), prior.profile(), now.troughs(), all,
                prior.patterns(), now.stats(), prior.holidays()));
    }

    /**
     * An earlier result made usable for {@code request} without analysing again (issue #12: the
     * recommendation of {@code analyze} and the Overview is planned on the analysis just made, not
     * on a second one; issue 20: an edit of the window length re-ranks on the analysis shown): the
     * same traffic, reading and holiday calendar. Another window length or trough count finds the
     * troughs again in the kept weekly profile; another forecast length is made again on the kept
     * decomposition (without a holiday calendar) or cut from a longer one. The result is the one
     * {@link #analyze} gives for {@code request}.
     *
     * @return the result for {@code request}, or empty when {@code prior} does not fit it
     */
    public Optional<AnalysisResult> reuse(AnalysisResult prior, AnalysisRequest request, Cancellation cancellation) {
        AnalysisRequest p = prior.request();
        if (!p.source().equals(request.source()) || !p.options().equals(request.options())
                || !p.holidays().equals(request.holidays())
                || (!p.components() && (request.components() || request.forecastWeeks() > 0))) {
            // An analysis made without the decomposition cannot give one, nor a forecast made on it.
            return Optional.empty();
        }
        if (!p.window().equals(request.window()) || p.troughCount() != request.troughCount()) {
            Optional<AnalysisResult> retroughed = retrough(prior, request.window(), request.troughCount());
            if (retroughed.isEmpty()) {
                return Optional.empty();
            }
            prior = retroughed.get();
            p = prior.request();
        }
        if (p.forecastWeeks() == request.forecastWeeks()) {
            return Optional.of(prior);
        }
        if (p.holidays().isPresent()) {
            // Holidays were looked up over the forecast: only the same horizon answers.
            return Optional.empty();
        }
        Optional<Patterns> patterns = prior.patterns();
        if (patterns.isPresent()) {
            TrafficSeries raw = prior.series().withZone(request.options().zone());
            try {
                patterns = Optional.of(PatternAnalysis.reforecast(patterns.get(), raw, request.forecastWeeks(),
                        cancellation::isCancelled));
            } catch (CancellationException e) {
                throw new CancelledException();
            }
        }
        return Optional.of(new AnalysisResult(request, prior.imported(), prior.profile(), prior.troughs(),
                prior.notes(), patterns, prior.troughStats(), prior.holidays()));
    }

    /**
     * The public holidays of a calendar over a result's history and forecast, with their traffic
     * effect measured on the history (anomalies masked). For a face that lets the user choose the
     * calendar after the analysis.
     *
     * @param result   an analysis result with a weekly profile
     * @param calendar {@code CC} or {@code CC-REGION}
     * @return the holidays, by date; empty when the result has no profile
     * @throws IllegalArgumentException when Jollyday has no such calendar
     */
    public List<HolidayEffect> holidays(AnalysisResult result, String calendar) {
        if (result.profile().isEmpty()) {
            return List.of();
        }
        TrafficSeries raw = result.series();
        return holidayEffects(holidayTraffic(raw, result.patterns()), result.profile().get(), result.patterns(),
                calendar);
    }

    /**
     * The traffic a holiday's effect is measured on: everything users did, dips and spikes included
     * (a holiday is often one), without the steps of outages and collection gaps.
     */
    private static TrafficSeries holidayTraffic(TrafficSeries raw, Optional<Patterns> patterns) {
        if (patterns.isEmpty()) {
            return raw;
        }
        double[] v = raw.values();
        long step = Math.max(1, raw.step().getSeconds());
        long start = raw.start().getEpochSecond();
        for (org.lowtide.analysis.Anomaly a : patterns.get().anomalyList()) {
            if (a.kind() != org.lowtide.analysis.Anomaly.Kind.OUTAGE
                    && a.kind() != org.lowtide.analysis.Anomaly.Kind.COLLECTION_GAP) {
                continue;
            }
            int from = (int) Math.max(0, (a.interval().start().getEpochSecond() - start) / step);
            int to = (int) Math.min(v.length, (a.interval().end().getEpochSecond() - start) / step);
            for (int i = from; i < to; i++) {
                v[i] = Double.NaN;
            }
        }
        return new TrafficSeries(raw.name(), raw.start(), raw.step(), v, raw.zone(), raw.unit());
    }

    private static List<HolidayEffect> holidayEffects(TrafficSeries series, WeeklyProfile profile,
                                                      Optional<Patterns> patterns, String calendar) {
        ZoneId zone = profile.slots().zone();
        Instant end = patterns.flatMap(Patterns::forecast).map(f -> f.timeAt(f.size())).orElse(series.end());
        Map<LocalDate, String> dates = new TreeMap<>();
        for (Holiday h : Holidays.between(calendar, series.start().atZone(zone).toLocalDate(),
                end.atZone(zone).toLocalDate())) {
            dates.merge(h.date(), h.name(), (a, b) -> a + " / " + b);
        }
        return HolidayEffects.estimate(series, profile, dates, end);
    }

    private static Patterns patterns(TrafficSeries raw, int forecastWeeks, boolean components,
                                     PatternAnalysis.Progress progress, java.util.function.BooleanSupplier cancelled) {
        try (var t = Timings.phase("patterns")) {
            return components ? PatternAnalysis.analyze(raw, forecastWeeks, progress, cancelled)
                    : PatternAnalysis.withoutComponents(raw, progress, cancelled);
        }
    }

    private static ImportResult importTraffic(AnalysisRequest request, ProgressListener progress,
                                              Cancellation cancellation) throws ImportException, IOException {
        // The import takes the first IMPORT_SHARE of the progress bar.
        // Analysis needs traffic: negative values are missing here (one policy with cost and planning).
        return org.lowtide.traffic.imports.ValuePolicy.negativesAsMissing(new ImportService().importTraffic(
                request.source(), request.options(),
                (fraction, message) -> progress.progress(fraction < 0 ? 0 : IMPORT_SHARE * fraction, message), cancellation));
    }

    /** @return the median traffic ratio of holidays to ordinary days over the holidays measured; {@code NaN} if none */
    public static double typicalHolidayRatio(java.util.List<org.lowtide.analysis.HolidayEffect> effects) {
        return org.lowtide.analysis.HolidayEffects.typicalRatio(effects);
    }

    /** @return the forecast's chosen method and its backtest score in one short line (the Overview's banner) */
    public static String forecastSummary(org.lowtide.analysis.Forecast f) {
        return org.lowtide.analysis.ForecastSelection.summary(f);
    }

    /** The forecast's evidence in one line (method, backtest against the baselines), for both faces. */
    public static String forecastEvidence(org.lowtide.analysis.Forecast f) {
        return org.lowtide.analysis.ForecastSelection.evidence(f);
    }

    /** A forecast method's name in plain words. */
    public static String describeForecastMethod(String method) {
        return org.lowtide.analysis.ForecastSelection.describe(method);
    }

    /**
     * Refuses a holiday calendar Lowtide does not know before any data is read, so that the faces
     * can treat a misspelt code as an option (not as a problem with the data).
     *
     * @throws IllegalArgumentException naming the code and what is accepted
     */
    public static void requireHolidayCalendar(String countryRegion) {
        org.lowtide.planning.Holidays.requireCalendar(countryRegion);
    }
}
