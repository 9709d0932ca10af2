package org.lowtide.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.lowtide.project.PlanDocument;
import org.lowtide.report.Provenance;
import org.lowtide.report.ReportInput;
import org.lowtide.report.ReportModel;
import org.lowtide.report.ReportOptions;
import org.lowtide.report.pdf.PdfReportWriter;
import org.lowtide.traffic.imports.ImportException;

/**
 * The report use case shared by the GUI and the CLI: plan (or re-plan a saved plan), gather the
 * report's model, write the PDF atomically. Stateless and thread-safe.
 */
public final class ReportService {

    private final PlanService plans;

    public ReportService(PlanService plans) {
        this.plans = plans;
    }

    /**
     * Plans and builds the report's model.
     *
     * @param userPlanInputs the plan inputs the user gave (keys of {@link ReportModel#PLAN_INPUTS}, and
     *                       {@code zone}); the report names the others as Lowtide's defaults
     */
    public ReportModel prepare(PlanRequest request, ReportOptions options, Set<String> userPlanInputs,
                               ProgressListener progress, Cancellation cancellation)
            throws ImportException, IOException {
        PlanResult result = plans.plan(request, (f, m) -> progress.progress(0.9 * f, m), cancellation);
        cancellation.check();
        return model(result, options, userPlanInputs);
    }

    /**
     * Re-plans a saved plan from its source file and options, and builds the report's model.
     * Every plan input of a saved plan counts as the user's.
     */
    public ReportModel prepare(PlanDocument saved, ReportOptions options, ProgressListener progress,
                               Cancellation cancellation) throws ImportException, IOException {
        PlanResult result = plans.replan(saved, (f, m) -> progress.progress(0.9 * f, m), cancellation);
        return model(result, options, ReportModel.PLAN_INPUTS.keySet());
    }

    /** Builds the report's model from a finished plan. */
    public ReportModel model(PlanResult result, ReportOptions options, Set<String> userPlanInputs)
            throws IOException {
        AnalysisResult analysis = result.analysis();
        ReportInput input = new ReportInput(options, provenance(analysis.request().source()),
                analysis.series().withZone(result.plan().request().constraints().zone()),
                analysis.profile().orElseThrow(() -> new IllegalArgumentException(
                        "cannot report on this data: " + String.join("; ", analysis.notes()))),
                analysis.troughs(), result.plan(), List.of(), analysis.notes(), analysis.imported().warnings().size(),
                userPlanInputs);
        return ReportModel.of(input);
    }

    /**
     * Writes the PDF through a temporary file in the target's folder and an atomic move, so an
     * interrupted or cancelled run never leaves half a report.
     *
     * @throws CancelledException when cancelled while drawing
     */
    public PdfReportWriter.Result writePdf(ReportModel model, Path target, ProgressListener progress,
                                           Cancellation cancellation) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            PdfReportWriter.Result result;
            try (OutputStream out = Files.newOutputStream(temp)) {
                result = write(model, out, progress, cancellation);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
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
        if (source instanceof TrafficSource.FileSource) {
            Path path = ((TrafficSource.FileSource) source).path();
            return new Provenance(AppInfo.version(), source.displayName(), PlanService.sha256(path));
        }
        TrafficSource.Sample sample = (TrafficSource.Sample) source;
        try (InputStream in = TrafficSource.class.getResourceAsStream("/org/lowtide/samples/" + sample.fileName())) {
            return new Provenance(AppInfo.version(), source.displayName(), in == null ? "" : sha256(in));
        }
    }

    private static String sha256(InputStream raw) throws IOException {
        try (InputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
