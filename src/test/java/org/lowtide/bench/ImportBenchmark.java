package org.lowtide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.lowtide.traffic.imports.ImportOptions;
import org.lowtide.traffic.imports.ImportResult;
import org.lowtide.traffic.imports.TrafficImporter;

/**
 * The importer against pandas, side by side in one session (a bench main, not a test): a one-year
 * one-minute CSV (525,600 rows, ISO-8601 {@code Z}) and ten million rows, generated into /tmp by
 * {@link TrafficFileGenerator}. Lowtide is timed in-process after warm-up; pandas
 * ({@code pandas.read_csv(f, parse_dates=[0])}, Debian's python3-pandas) is timed inside its own
 * interpreter, so neither side pays for starting up. Prints medians and the ratio.
 *
 * <p>Run with the heap the README promises (ten million rows in 1 GB):
 * <pre>
 * mvn -B -o -q test-compile
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/bench.classpath) org.lowtide.bench.ImportBenchmark
 * </pre>
 * ({@code mvn dependency:build-classpath -Dmdep.outputFile=target/bench.classpath} writes the class
 * path once.) Arguments: {@code [rounds for the year file] [rounds for 10 M] [python]}.
 */
public final class ImportBenchmark {

    private static final String PANDAS = "import sys, time, pandas\n"
            + "f = sys.argv[1]\n"
            + "t = time.perf_counter()\n"
            + "df = pandas.read_csv(f, parse_dates=[0])\n"
            + "print(time.perf_counter() - t, len(df))\n";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int yearRounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int bigRounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String python = args.length > 2 ? args[2] : "/usr/bin/python3";
        Path year = Path.of("/tmp/lowtide-year-1min.csv");
        Path big = Path.of("/tmp/lowtide-10m-1min.csv");
        ensure(year, 525_600);
        ensure(big, 10_000_000);

        System.out.printf(Locale.ROOT, "Java %s, max heap %d MB, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        List<String> table = new ArrayList<>();
        table.add("| file | rows | size | Lowtide (median) | pandas (median) | Lowtide rows/s | pandas rows/s | ratio |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Path file : List.of(year, big)) {
            int rounds = file == year ? yearRounds : bigRounds;
            int warm = file == year ? 15 : 1;
            for (int i = 0; i < warm; i++) {
                lowtide(file);
            }
            double[] java = new double[rounds];
            long rows = 0;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                ImportResult r = lowtide(file);
                java[i] = (System.nanoTime() - t0) / 1e9;
                rows = r.source().rowsRead();
            }
            double[] pandas = new double[Math.max(1, file == year ? 5 : Math.min(3, rounds))];
            for (int i = 0; i < pandas.length; i++) {
                pandas[i] = pandas(python, file);
            }
            double j = median(java);
            double p = median(pandas);
            String line = String.format(Locale.ROOT, "| %s | %,d | %.1f MB | %.3f s | %.3f s | %.2f M | %.2f M | %.1f× |",
                    file.getFileName(), rows, Files.size(file) / 1e6, j, p, rows / j / 1e6, rows / p / 1e6, p / j);
            System.out.println(line + "   Lowtide runs " + Arrays.toString(java) + ", pandas runs "
                    + Arrays.toString(pandas));
            table.add(line);
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    private static ImportResult lowtide(Path file) throws Exception {
        return TrafficImporter.read(file, ImportOptions.inZone(ZoneOffset.UTC));
    }

    private static double pandas(String python, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python, "-c", PANDAS, file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("pandas failed: " + out);
        }
        return Double.parseDouble(out.split("\\s+")[0]);
    }

    private static void ensure(Path file, long rows) throws IOException {
        if (!Files.exists(file) || Files.size(file) < rows * 20) {
            TrafficFileGenerator.write(file, rows);
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
