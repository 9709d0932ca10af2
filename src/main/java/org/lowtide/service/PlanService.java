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
import java.util.List;
import java.util.Optional;
import org.lowtide.analysis.WeeklyProfile;
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

    public PlanService(AnalysisService analysis) {
        this.analysis = analysis;
    }

    /**
     * @throws IllegalArgumentException when the data cannot give a weekly profile or the request is impossible
     */
    public PlanResult plan(PlanRequest request, ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        AnalysisResult analysed = analysis.analyze(request.analysis(),
                (f, m) -> progress.progress(0.7 * f, m), cancellation);
        WeeklyProfile profile = analysed.profile().orElseThrow(() -> new IllegalArgumentException(
                "cannot plan on this data: " + String.join("; ", analysed.notes())));
        WindowRequest windows = withHolidays(request.windows(), request.holidays());
        ZoneId zone = windows.constraints().zone();
        Instant from = windows.from().atStartOfDay(zone).toInstant();
        Instant to = windows.to().plusDays(2).atStartOfDay(zone).toInstant()
                .plus(windows.duration()).plus(windows.rollbackTail());
        progress.progress(0.75, "Laying the weekly profile over the horizon");
        Outlook outlook = Outlooks.fromProfile(profile, null, from, to, analysed.series().unit());
        cancellation.check();
        progress.progress(0.85, "Ranking candidate windows");
        Plan plan = WindowPlanner.plan(windows, outlook, Optional.of(profile));
        progress.progress(1.0, "Done");
        PlanRequest resolved = new PlanRequest(request.analysis(), windows, request.holidays());
        return new PlanResult(resolved, analysed, plan);
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
                result.request().analysis().options(), result.request().holidays(), result.plan());
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
        return plan(new PlanRequest(analysisRequest, r, Optional.empty()), progress, cancellation);
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
