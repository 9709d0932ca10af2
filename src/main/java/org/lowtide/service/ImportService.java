package org.lowtide.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportMonitor;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportPreview;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.TrafficImporter;
import org.lowtide.traffic.sources.PrometheusSource;

/**
 * The import use case shared by the GUI's import dialog, {@code lowtide import} and the analysis:
 * read a traffic source into a series with warnings, with progress and cancellation. Stateless
 * and thread-safe.
 */
public final class ImportService {

    /**
     * Imports a source.
     *
     * @param progress hears the fraction of the file read, scaled to [0, 1]
     * @throws ImportException    when the source cannot be read as traffic (message names file, line, column)
     * @throws IOException        when the file cannot be read at all
     * @throws CancelledException when cancelled
     */
    public ImportResult importTraffic(TrafficSource source, ImportOptions options, ProgressListener progress,
                                      Cancellation cancellation) throws ImportException, IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        String message = (source instanceof TrafficSource.Prometheus ? "Fetching from " : "Reading ")
                + source.displayName();
        ImportMonitor monitor = monitor(message, progress, cancellation);
        try {
            if (source instanceof TrafficSource.Prometheus) {
                TrafficSource.Prometheus p = (TrafficSource.Prometheus) source;
                return PrometheusSource.fetch(p.query(), p.connection(), options, monitor, Instant.now());
            }
            if (source instanceof TrafficSource.Fetched f) {
                return f.series().importTraffic(options);
            }
            if (source instanceof TrafficSource.FileSource) {
                return TrafficImporter.read(((TrafficSource.FileSource) source).path(), options, monitor);
            }
            TrafficSource.Sample sample = (TrafficSource.Sample) source;
            try (Reader in = sample.open()) {
                return TrafficImporter.read(in, sample.displayName(), options);
            }
        } catch (CancellationException e) {
            throw new CancelledException();
        }
    }

    /**
     * The first lines of a file and the format that would be read, without importing it.
     *
     * @param maxLines how many lines at most
     */
    public ImportPreview preview(Path file, int maxLines) throws ImportException, IOException {
        return TrafficImporter.preview(file, maxLines);
    }

    /** The importer's progress and cancel, told to a service listener under one message (-1: unknown fraction). */
    static ImportMonitor monitor(String message, ProgressListener progress, Cancellation cancellation) {
        return new ImportMonitor() {
            @Override
            public void progress(double fraction) {
                progress.progress(fraction < 0 ? -1 : fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return cancellation.isCancelled();
            }
        };
    }
}
