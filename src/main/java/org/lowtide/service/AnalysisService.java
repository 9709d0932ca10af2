package org.lowtide.service;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lowtide.analysis.Trough;
import org.lowtide.analysis.TroughFinder;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.analysis.WeeklyProfiles;
import org.lowtide.traffic.TrafficSeries;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportResult;

/**
 * The analysis use case shared by the GUI and the CLI: import, weekly profile, troughs.
 * Stateless and thread-safe.
 */
public final class AnalysisService {

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
        ImportResult imported = importTraffic(request, progress, cancellation);
        cancellation.check();

        ZoneId zone = request.options().zone();
        TrafficSeries series = imported.series().withZone(zone);
        List<String> notes = new ArrayList<>();
        progress.progress(0.6, "Building the weekly profile");
        Optional<WeeklyProfile> profile;
        try {
            profile = Optional.of(WeeklyProfiles.median(series, zone));
        } catch (IllegalArgumentException e) {
            notes.add(e.getMessage());
            profile = Optional.empty();
        }
        cancellation.check();

        List<Trough> troughs = List.of();
        if (profile.isPresent()) {
            Duration weeks = Duration.between(series.start(), series.end());
            if (weeks.compareTo(Duration.ofDays(14)) < 0) {
                notes.add("less than two weeks of data: each weekly slot rests on one or two values");
            }
            progress.progress(0.8, "Finding the lowest " + request.window().toMinutes() + "-minute windows");
            try {
                troughs = TroughFinder.find(profile.get(), request.window(), request.troughCount());
            } catch (IllegalArgumentException e) {
                notes.add(e.getMessage());
            }
            if (troughs.isEmpty() && notes.isEmpty()) {
                notes.add("no window of " + request.window() + " has data in every slot");
            }
        }
        progress.progress(1.0, "Done");
        return new AnalysisResult(request, imported, profile, troughs, notes);
    }

    private static ImportResult importTraffic(AnalysisRequest request, ProgressListener progress,
                                              Cancellation cancellation) throws ImportException, IOException {
        // The import takes the first 60 % of the progress bar.
        return new ImportService().importTraffic(request.source(), request.options(),
                (fraction, message) -> progress.progress(fraction < 0 ? 0 : 0.6 * fraction, message), cancellation);
    }
}
