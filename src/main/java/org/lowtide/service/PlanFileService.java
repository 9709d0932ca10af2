package org.lowtide.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.lowtide.planning.Plan;
import org.lowtide.planning.RecurringWindow;
import org.lowtide.planning.ScheduleExports;
import org.lowtide.project.AtomicFiles;
import org.lowtide.project.PlanDocument;
import org.lowtide.project.PlanFileException;
import org.lowtide.traffic.Checksums;
import org.lowtide.traffic.imports.ImportException;

/**
 * The plan-file use cases shared by the GUI and the CLI: open a saved plan and plan it again with
 * its checks (its traffic file still there, changed or not, the same windows or not), save a plan
 * (with a copy of a bundled sample beside it), and export a plan's schedule.
 *
 * <p>Takes and returns records; reading and writing the file itself is the {@code project}
 * package's ({@link org.lowtide.project.PlanFiles}, {@link AtomicFiles}). Any thread; nothing here
 * is shared between calls.
 */
public final class PlanFileService {

    /** A schedule export of a plan. */
    public enum Export {
        /** iCalendar: the dated windows and the weekly rule. */
        ICS("calendar", ScheduleExports::ics),
        /** The dated windows as CSV. */
        CSV("CSV", ScheduleExports::csv);

        private final String what;
        private final Function<Plan, String> writer;

        Export(String what, Function<Plan, String> writer) {
            this.what = what;
            this.writer = writer;
        }

        /** @return what the file holds, for messages ("calendar", "CSV") */
        public String what() {
            return what;
        }
    }

    /**
     * A saved plan, planned again on its traffic.
     *
     * @param file     the plan file
     * @param document what the file holds
     * @param result   the plan made again, its request naming the file's holiday calendar
     * @param notes    what the user should know: the traffic file changed since the plan was saved, or
     *                 planning again gave other windows; empty when neither
     */
    public record Reopened(Path file, PlanDocument document, PlanResult result, List<String> notes) {
        public Reopened {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(result, "result");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A plan saved.
     *
     * @param file       the plan file written
     * @param sampleCopy the copy of a bundled sample written beside it, when one was written
     */
    public record Saved(Path file, Optional<Path> sampleCopy) {
        public Saved {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sampleCopy, "sampleCopy");
        }

        /** @return the outcome in words, e.g. "Saved the plan to /home/me/plan.lowtide" */
        public String message() {
            return "Saved the plan" + sampleCopy.map(c -> " with a copy of the sample, " + fileName(c) + ",").orElse("")
                    + " to " + file;
        }
    }

    private final PlanService plans;

    public PlanFileService(PlanService plans) {
        this.plans = Objects.requireNonNull(plans, "plans");
    }

    /** Reads a plan file (its saved results; nothing is recomputed). */
    public PlanDocument open(Path file) throws PlanFileException, IOException {
        return plans.open(file);
    }

    /**
     * Opens a plan file and plans again on its traffic with its inputs, which reproduces its
     * recommendation; notes say when the traffic file changed since it was saved or the windows
     * came out different.
     *
     * @throws PlanFileException when the file is damaged or too new, or its traffic file is gone
     */
    public Reopened reopen(Path file, ProgressListener progress, Cancellation cancellation)
            throws PlanFileException, ImportException, IOException {
        return reopen(file, new PrometheusService().environmentConnection(), progress, cancellation);
    }

    /**
     * As {@link #reopen(Path, ProgressListener, Cancellation)}; a plan made from Prometheus is read
     * again through {@code connection} (e.g. a command's {@code --prometheus-token-file}), whose
     * credentials the plan never held.
     */
    public Reopened reopen(Path file, org.lowtide.traffic.sources.PrometheusConnection connection,
                           ProgressListener progress, Cancellation cancellation)
            throws PlanFileException, ImportException, IOException {
        String name = fileName(file);
        PlanDocument doc = plans.open(file);
        progress.progress(0.05, "Reading the traffic of " + name);
        Path traffic = Path.of(doc.sourcePath());
        boolean live = doc.prometheus().isPresent(); // fetched from Prometheus again: no file to compare
        if (!live && !Files.isRegularFile(traffic)) {
            throw new PlanFileException(name + ": its traffic file " + traffic + " is not found; move it back or plan again");
        }
        boolean changed = !live && !Checksums.sha256(traffic).equalsIgnoreCase(doc.sourceSha256());
        PlanResult replanned = plans.replan(doc, connection, (f, m) -> progress.progress(0.05 + 0.95 * f, m), cancellation);
        // Keep the holiday calendar's name with the request, so that saving again keeps it.
        PlanRequest asked = replanned.request();
        PlanResult result = replanned.withRequest(new PlanRequest(asked.analysis(), asked.windows(), doc.holidays(),
                asked.cost(), asked.rules()));
        List<String> notes;
        if (changed) {
            notes = List.of("The traffic file " + traffic.getFileName() + " changed since the plan was saved: "
                    + "the windows are planned on it as it is now.");
        } else if (!result.plan().windows().equals(doc.plan().windows())) {
            notes = List.of("Planning again gave other windows than the saved ones (a different Lowtide version?): "
                    + "the new ones are shown.");
        } else {
            notes = List.of();
        }
        return new Reopened(file, doc, result, notes);
    }

    /**
     * Saves a plan atomically. A plan on a bundled sample is saved with a copy of the sample beside
     * the plan file, since a plan must name a file to be planned again on.
     *
     * @throws IOException when another file of the sample's name is in the way, or writing fails
     */
    public Saved save(PlanResult shown, Path target) throws IOException {
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(target, "target");
        PlanResult toSave = shown;
        Optional<Path> copied = Optional.empty();
        if (shown.request().analysis().source() instanceof TrafficSource.Sample sample) {
            Path copy = target.toAbsolutePath().resolveSibling(sample.fileName());
            if (copySample(sample, copy)) {
                copied = Optional.of(copy);
            }
            AnalysisRequest a = shown.request().analysis();
            toSave = shown.withRequest(new PlanRequest(new AnalysisRequest(new TrafficSource.FileSource(copy),
                    a.options(), a.window(), a.troughCount()), shown.request().windows(),
                    shown.request().holidays(), shown.request().cost(), shown.request().rules()));
        }
        plans.save(toSave, target);
        return new Saved(target, copied);
    }

    /** @return the weekly rule in words, e.g. "Every Tuesday 02:00–04:00 Europe/Berlin" */
    public static String describe(RecurringWindow rule) {
        return ScheduleExports.describe(rule);
    }

    /** @return the weekly rule as a snippet for one tool (AWS, RRULE, Argo CD, GitLab, kured) */
    public static String snippet(ScheduleExports.Target target, RecurringWindow rule) {
        return ScheduleExports.snippet(target, rule);
    }

    /** Writes a plan's schedule in {@code format} to {@code target}, atomically. */
    public static void export(Plan plan, Export format, Path target) throws IOException {
        AtomicFiles.writeString(target, format.writer.apply(plan));
    }

    /** Writes the plan in {@code format}, replacing an existing file only where {@code guard} allows. */
    public static void export(Plan plan, Export format, Path target, AtomicFiles.Guard guard) throws IOException {
        AtomicFiles.writeString(target, format.writer.apply(plan), guard);
    }

    /**
     * Writes the bundled sample to {@code copy} unless the same text is there already.
     *
     * @return whether a file was written
     * @throws IOException when another file of that name is in the way
     */
    static boolean copySample(TrafficSource.Sample sample, Path copy) throws IOException {
        String content;
        try (Reader in = sample.open()) {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sb.append(buffer, 0, n);
            }
            content = sb.toString();
        }
        if (Files.exists(copy)) {
            try (InputStream existing = Files.newInputStream(copy)) {
                if (new String(existing.readAllBytes(), StandardCharsets.UTF_8).equals(content)) {
                    return false;
                }
            }
            throw new IOException(copy.getFileName() + " already exists there and is not the bundled sample; "
                    + "save the plan in another folder");
        }
        AtomicFiles.writeString(copy, content);
        return true;
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /**
     * The gate's answer at one instant: the planned window that holds it, else the next one
     * ({@link org.lowtide.planning.PlanGate}: dated windows and the rule's occurrences the plan allows).
     */
    public record GateAnswer(Optional<org.lowtide.traffic.Interval> inside, Optional<org.lowtide.traffic.Interval> next) {
        public GateAnswer {
            Objects.requireNonNull(inside, "inside");
            Objects.requireNonNull(next, "next");
        }
    }

    /** Asks the plan's gate whether {@code at} lies inside a planned window, and when the next one starts. */
    public static GateAnswer gate(org.lowtide.planning.Plan plan, java.time.Instant at) {
        org.lowtide.planning.PlanGate gate = org.lowtide.planning.PlanGate.of(plan);
        Optional<org.lowtide.traffic.Interval> inside = gate.windowAt(at);
        return new GateAnswer(inside, inside.isPresent() ? Optional.empty() : gate.nextAfter(at));
    }
}
