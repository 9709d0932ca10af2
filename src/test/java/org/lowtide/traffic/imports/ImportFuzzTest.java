package org.lowtide.traffic.imports;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing: thousands of mutated, truncated and random inputs built from the fixtures (and
 * the real exports where present). The importer may only return a result or throw its own
 * {@link ImportException}: never another exception, never a hang (each input has two seconds).
 * A failure names the seed and case, so it can be replayed.
 */
class ImportFuzzTest {

    private static final long SEED = 20_250_301L;
    private static final int CASES = 4_000;
    private static final byte[] ALPHABET = ",;|\t\"\r\n .:-/+TZ0123456789eE#{}[]nulNaAPM".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void theImporterOnlyEverReturnsOrThrowsItsOwnException() throws IOException {
        List<byte[]> corpus = corpus();
        SplittableRandom random = new SplittableRandom(SEED);
        ZoneId[] zones = {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe")};
        ImportFormat[] formats = ImportFormat.values();
        for (int k = 0; k < CASES; k++) {
            byte[] base = corpus.get(random.nextInt(corpus.size()));
            byte[] input = mutate(base, random);
            ImportOptions options = ImportOptions.inZone(zones[random.nextInt(zones.length)]);
            if (random.nextInt(8) == 0) {
                options = options.withFormat(formats[random.nextInt(formats.length)]);
            }
            if (random.nextInt(8) == 0) {
                options = options.withSum(true);
            }
            if (random.nextInt(8) == 0) {
                options = options.withStep(Duration.ofSeconds(1 + random.nextInt(7200)));
            }
            if (random.nextInt(10) == 0) {
                options = options.withDateOrder(DateOrder.values()[random.nextInt(3)]);
            }
            if (random.nextInt(4) == 0) {
                options = withColumnMapping(options, input, random);
            }
            ImportOptions chosen = options;
            int index = k;
            boolean preview = k % 8 == 0;
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                try (InputStream in = new ByteArrayInputStream(input)) {
                    TrafficImporter.read(in, "fuzz.csv", input.length, chosen, ImportMonitor.NONE);
                } catch (ImportException expected) {
                    // the importer's own, with a message: fine
                } catch (Exception | Error e) {
                    fail("case " + index + " (seed " + SEED + ") threw " + e + " on input:\n"
                            + new String(input, 0, Math.min(600, input.length), StandardCharsets.UTF_8), e);
                }
                if (preview) { // the import dialog's first look at a file
                    Path file = Files.write(dir.resolve("fuzz" + index + ".csv"), input);
                    try {
                        TrafficImporter.preview(file, 30);
                    } catch (ImportException expected) {
                        // fine
                    } catch (Exception | Error e) {
                        fail("preview of case " + index + " (seed " + SEED + ") threw " + e, e);
                    }
                }
            }, () -> "case " + index + " (seed " + SEED + ") took longer than 2 s");
        }
    }

    /**
     * Column mappings as a user might give them (issue 13): time columns (one to five, from the
     * header's names or made up), a value column, label columns, or no labels.
     */
    private static ImportOptions withColumnMapping(ImportOptions options, byte[] input, SplittableRandom random) {
        String text = new String(input, 0, Math.min(input.length, 400), StandardCharsets.UTF_8);
        String firstLine = text.split("\r\n|\r|\n", 2)[0];
        List<String> names = new ArrayList<>();
        for (String name : firstLine.split("[,;|\t]")) {
            if (!name.isBlank()) {
                names.add(name);
            }
        }
        names.add("no such column");
        ColumnRoles roles = ColumnRoles.DETECT;
        int time = random.nextInt(6);
        if (time > 0) {
            List<String> timeColumns = new ArrayList<>();
            for (int i = 0; i < time; i++) {
                timeColumns.add(names.get(random.nextInt(names.size())));
            }
            roles = roles.withTimeColumns(timeColumns);
        }
        switch (random.nextInt(3)) {
            case 0:
                roles = roles.withNoLabels();
                break;
            case 1:
                roles = roles.withLabelColumns(List.of(names.get(random.nextInt(names.size()))));
                break;
            default:
                break;
        }
        ImportOptions out = options.withColumns(roles);
        if (random.nextInt(3) == 0) {
            out = out.withColumn(names.get(random.nextInt(names.size())));
        }
        return out;
    }

    private static byte[] mutate(byte[] base, SplittableRandom random) {
        switch (random.nextInt(9)) {
            case 0: // random bytes
                return randomBytes(random, 1 + random.nextInt(400), false);
            case 1: // random text from the alphabet of timestamps and delimiters
                return randomBytes(random, 1 + random.nextInt(600), true);
            case 2: // truncated
                return java.util.Arrays.copyOf(base, random.nextInt(base.length + 1));
            default: { // a few point mutations
                List<Byte> bytes = new ArrayList<>(base.length + 16);
                for (byte b : base) {
                    bytes.add(b);
                }
                int edits = 1 + random.nextInt(8);
                for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
                    int at = random.nextInt(bytes.size());
                    switch (random.nextInt(5)) {
                        case 0:
                            bytes.set(at, ALPHABET[random.nextInt(ALPHABET.length)]);
                            break;
                        case 1:
                            bytes.remove(at);
                            break;
                        case 2:
                            bytes.add(at, ALPHABET[random.nextInt(ALPHABET.length)]);
                            break;
                        case 3: { // duplicate a range (repeated rows)
                            int len = Math.min(bytes.size() - at, 1 + random.nextInt(80));
                            bytes.addAll(at, new ArrayList<>(bytes.subList(at, at + len)));
                            break;
                        }
                        default:
                            bytes.set(at, (byte) random.nextInt(256));
                            break;
                    }
                }
                byte[] out = new byte[bytes.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = bytes.get(i);
                }
                return out;
            }
        }
    }

    private static byte[] randomBytes(SplittableRandom random, int n, boolean text) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = text ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) random.nextInt(256);
        }
        return b;
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        Path fixtures = TrafficImporterTest.fixture("messy_rows.csv").getParent();
        addAll(corpus, fixtures);
        addAll(corpus, fixtures.resolve("tables"));
        Path shared = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data", "formats");
        if (Files.isDirectory(shared)) {
            addAll(corpus, shared);
        }
        Path tables = shared.resolveSibling("tables");
        if (Files.isDirectory(tables)) { // the heads of the real wide tables
            try (Stream<Path> files = Files.list(tables)) {
                for (Path f : files.sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        corpus.add(in.readNBytes(6_000));
                    }
                }
            }
        }
        corpus.add("timestamp,value\n2025-01-01T00:00:00Z,1\n2025-01-01T00:05:00Z,2\n2025-01-01T00:10:00Z,3\n"
                .getBytes(StandardCharsets.UTF_8));
        return corpus;
    }

    private static void addAll(List<byte[]> corpus, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                if (Files.isRegularFile(f) && Files.size(f) < 200_000 && !f.toString().endsWith(".py")) {
                    corpus.add(Files.readAllBytes(f));
                }
            }
        }
    }
}
