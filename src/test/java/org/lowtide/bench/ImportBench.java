package org.lowtide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.lowtide.traffic.imports.ImportException;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.TrafficImporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Importing one year of one-minute traffic (525,600 rows, ISO-8601 {@code Z}, about 14.5 MB,
 * written to /tmp by {@link TrafficFileGenerator}). The side-by-side comparison with pandas is
 * {@link ImportBenchmark}; this is the JMH number for the same file:
 * {@code mvn -B -Pbench verify -Dbench='org.lowtide.bench.ImportBench.*'}. Also a 50-column table of a
 * million one-minute rows ({@link TrafficFileGenerator#writeWide}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class ImportBench {

    private final Path year = Path.of("/tmp/lowtide-year-1min.csv");
    private final Path wide = Path.of("/tmp/lowtide-wide-50-columns-1m.csv");
    private final ImportOptions options = ImportOptions.inZone(ZoneOffset.UTC);

    @Setup
    public void setUp() throws IOException {
        if (!Files.exists(year) || Files.size(year) < 525_600L * 20) {
            TrafficFileGenerator.write(year, 525_600);
        }
        TrafficFileGenerator.writeWide(wide, 1_000_000);
    }

    @Benchmark
    public ImportResult importOneYearOfMinutes() throws IOException, ImportException {
        return TrafficImporter.read(year, options);
    }

    /** A 50-column table of a million rows: date + time columns, text attributes (issue 13: under 2 s). */
    @Benchmark
    public ImportResult importWideTableOfAMillionRows() throws IOException, ImportException {
        return TrafficImporter.read(wide, options);
    }
}
