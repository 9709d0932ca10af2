package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-process fuzz harness over every command (issue #14): {@code import}, {@code analyze},
 * {@code cost}, {@code plan}, {@code gate} and {@code report}, fed seeded mutations of the real
 * files in {@code ../shared/data} (their first lines, to keep each case small) and of a saved
 * plan, generated pathological series, and pathological option values. Every case must keep the
 * contract: no exit 1 (a bug), no Java class name or stack trace in a message, no NaN or Infinity
 * in an output, and no pre-existing file changed (no case asks for an output over an existing file
 * without {@code --force}, so every file in the folder must be as it was).
 *
 * <p>The seed is fixed, so a failure names a case that replays. The case counts are fixed (no
 * per-case time assertions); most inputs are small so the whole run stays near a minute here.
 */
class CliFuzzTest {

    private static final long SEED = 20261203L;

    /** A Java class name, a stack frame, or Jackson's and picocli's internals. */
    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.lowtide|picocli|org\\.apache)\\.[a-z]+\\.[A-Za-z]"
                    + "|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\n\\s+at [a-z]|StreamReadConstraints|\\[Source: ");
    /** NaN or Infinity as a printed number (not inside a quoted echo of the user's input). */
    private static final Pattern NON_FINITE = Pattern.compile("(?<![A-Za-z'\"])(NaN|-?Infinity)(?![A-Za-z'\"])");

    @TempDir
    Path dir;

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    /** Milliseconds per kind of case, reported (never asserted: timing flakes on a busy machine). */
    private final Map<String, Long> millis = new TreeMap<>();

    @Test
    void everyCommandKeepsTheContractUnderMutatedFilesAndValues() throws Exception {
        Random random = new Random(SEED);
        Path small = write("small.csv", hourly(24 * 10, i -> 100 + 80 * Math.sin(i * Math.PI / 12)));
        Path plan = dir.resolve("plan.lowtide");
        CliRun saved = run("plan", small.toString(), "--zone", "Europe/Berlin", "--from", "2025-02-01", "--to",
                "2025-02-14", "--by-traffic", "--count", "2", "--allowed", "Sat-Sun 00:00-06:00", "--save", plan.toString());
        assertThat(saved.code()).as(saved.err()).isZero();
        byte[] planBytes = Files.readAllBytes(plan);
        List<byte[]> seeds = sharedSeeds();
        seeds.add(Files.readAllBytes(small));

        // 1. gate on mutated plans (cheap: ~4,000 cases)
        for (int i = 0; i < 3_500; i++) {
            Path p = write("m" + (i % 7) + ".lowtide", i % 10 == 0 ? jsonMutation(planBytes, random)
                    : mutate(planBytes, random));
            String at = random.nextInt(4) == 0 ? pick(random, BAD_INSTANTS) : "2025-02-0" + (1 + random.nextInt(9))
                    + "T0" + random.nextInt(10) + ":15:00+01:00";
            boolean validAt = !Arrays.asList(BAD_INSTANTS).contains(at);
            check("gate", validAt, "gate", p.toString(), "--at", at);
        }
        // 2. import --describe on mutated real files and generated series (~3,500 cases)
        for (int i = 0; i < 4_000; i++) {
            byte[] input = i % 5 == 0 ? pathological(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            Path f = write("in" + (i % 5) + (random.nextBoolean() ? ".csv" : ".json"), input);
            check("import", true, random.nextBoolean() ? new String[] {"import", f.toString(), "--describe", "--json"}
                    : new String[] {"import", f.toString(), "--describe"});
        }
        // 3. pathological option values on every command, on the small series (~2,200 cases; most stop at parsing)
        for (int i = 0; i < 2_400; i++) {
            String command = pick(random, new String[] {"analyze", "cost", "plan", "plan", "gate", "import"});
            List<String> args = new ArrayList<>(List.of(command, command.equals("gate") ? plan.toString() : small.toString()));
            if (command.equals("import")) {
                args.add("--describe");
            }
            int n = 1 + random.nextInt(2);
            for (int k = 0; k < n; k++) {
                String[] option = OPTIONS.get(command)[random.nextInt(OPTIONS.get(command).length)];
                args.add(option[0]);
                args.add(option[1 + random.nextInt(option.length - 1)]);
            }
            if (command.equals("cost") || command.equals("plan") && random.nextBoolean()) {
                args.addAll(List.of("--revenue-per-year", "1000000", "--simulations", "50"));
            } else if (command.equals("plan")) {
                args.add("--by-traffic");
            }
            check("options:" + command, args.toArray(String[]::new));
        }
        // 4. analyze, cost and plan on mutated and pathological series (~420 cases; each runs the analysis)
        for (int i = 0; i < 90; i++) {
            byte[] input = i % 3 == 0 ? pathological(random) : mutate(cut(seeds.get(random.nextInt(seeds.size())), 400),
                    random);
            Path f = write("series" + (i % 3) + ".csv", input);
            switch (i % 3) {
                case 0 -> check("analyze", true, "analyze", f.toString(), random.nextBoolean() ? "--json" : "--troughs="
                        + (random.nextBoolean() ? "3" : "1"));
                case 1 -> check("cost", true, "cost", f.toString(), "--revenue-per-year", "1000000", "--simulations", "50",
                        "--json");
                default -> check("plan", true, "plan", f.toString(), "--by-traffic", "--from", "2025-03-01", "--to",
                        "2025-03-14", random.nextBoolean() ? "--json" : "--count=" + (random.nextBoolean() ? "2" : "1"));
            }
        }
        // 5. outputs over files Lowtide did not write (must be refused, the files unchanged) (~60 cases)
        Path foreign = write("notes.txt", "my notes, not Lowtide's\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 60; i++) {
            String option = pick(random, new String[] {"--save", "--ics", "--csv"});
            check("outputs", "plan", small.toString(), "--by-traffic", "--from", "2025-02-01", "--to", "2025-02-07",
                    option, random.nextBoolean() ? foreign.toString() : dir.resolve("m" + random.nextInt(7) + ".lowtide")
                            .toString());
        }
        // 6. report on mutated plans and small series (PDFs are slow: a few cases)
        for (int i = 0; i < 6; i++) {
            Path out = dir.resolve("out" + i + ".pdf"); // a new file each time: writing it is the contract
            if (i % 2 == 0) {
                Path p = write("r.lowtide", mutate(planBytes, random));
                check("report", true, "report", p.toString(), "--pdf", out.toString(), "--simulations", "100");
            } else {
                Path f = write("r.csv", mutate(cut(seeds.get(random.nextInt(seeds.size())), 300), random));
                check("report", true, "report", f.toString(), "--by-traffic", "--pdf", out.toString(), "--simulations", "100",
                        "--from", "2025-03-01", "--to", "2025-03-07");
            }
        }

        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        Files.writeString(Path.of("target", "cli-fuzz-report.txt"), String.join("\n", failures) + "\n");
        System.out.printf(Locale.ROOT, "CliFuzzTest: %,d cases %s, %d contract breaks; ms per kind %s%n", total, counts,
                failures.size(), millis);
        assertThat(failures).as("contract breaks (first 20)").isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(10_000);
    }

    // ------------------------------------------------------------------ one case

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private void check(String kind, String... args) throws IOException {
        check(kind, false, args);
    }

    /**
     * @param optionsValid every option of the case is valid, so only the data can be wrong: exit 2
     *                     (bad usage) would be a data problem reported as a usage error
     */
    private void check(String kind, boolean optionsValid, String... args) throws IOException {
        counts.merge(kind, 1, Integer::sum);
        Map<Path, String> before = snapshot();
        CliRun r;
        long t0 = System.nanoTime();
        try {
            r = run(args);
            millis.merge(kind, (System.nanoTime() - t0) / 1_000_000, Long::sum);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(args, "escaped: " + e);
            return;
        }
        String printed = r.out() + "\n" + r.err();
        if (r.code() == LowtideCli.EXIT_ERROR || r.code() < 0 || r.code() > 4) {
            fail(args, "exit " + r.code() + ": " + head(r.err()));
        } else if (optionsValid && r.code() == LowtideCli.EXIT_USAGE) {
            fail(args, "a data problem exits 2 (usage) instead of 4: " + head(r.err()));
        } else if (JAVA_INTERNALS.matcher(printed).find()) {
            fail(args, "Java internals: " + head(excerpt(printed, JAVA_INTERNALS)));
        } else if (hasNonFinite(r.out())) {
            fail(args, "non-finite number: " + head(excerpt(r.out(), NON_FINITE)));
        }
        Map<Path, String> after = snapshot();
        for (Map.Entry<Path, String> e : before.entrySet()) {
            if (!e.getValue().equals(after.get(e.getKey())) && !isOutputOf(e.getKey(), args)) {
                fail(args, "changed a file it was not asked to write: " + e.getKey().getFileName());
            }
        }
        for (Path p : after.keySet()) {
            if (p.getFileName().toString().endsWith(".tmp")) {
                fail(args, "left a temporary file: " + p.getFileName());
            }
        }
    }

    /** A plan file the case overwrote with a valid plan of ours is allowed (DESIGN: a readable plan may be replaced). */
    private static boolean isOutputOf(Path file, String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--save") && Path.of(args[i + 1]).equals(file)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a computed number in the output is NaN or Infinity: JSON is walked node by node (a
     * number, or Jackson's quoted "NaN"); in text, echoes of the input (quoted text, the warnings'
     * "line N:" entries) are left out.
     */
    private static boolean hasNonFinite(String out) {
        String t = out.trim();
        if (t.startsWith("{")) {
            try {
                return nonFinite(new com.fasterxml.jackson.databind.ObjectMapper().readTree(t));
            } catch (IOException e) {
                // not one JSON object: read it as text
            }
        }
        for (String line : out.split("\n")) {
            if (line.trim().startsWith("line ")) {
                continue;
            }
            String unquoted = line.replaceAll("'[^']*'", "").replaceAll("\"[^\"]*\"", "");
            if (NON_FINITE.matcher(unquoted).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean nonFinite(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isNumber()) {
            return !Double.isFinite(node.doubleValue());
        }
        if (node.isTextual()) {
            return node.textValue().matches("-?Infinity|NaN");
        }
        for (com.fasterxml.jackson.databind.JsonNode child : node) {
            if (nonFinite(child)) {
                return true;
            }
        }
        return false;
    }

    private void fail(String[] args, String what) {
        if (failures.size() < 20) {
            failures.add(String.join(" ", Arrays.stream(args).map(a -> a.length() > 60 ? a.substring(0, 60) : a)
                    .toList()) + " -> " + what);
        } else {
            failures.add(what);
        }
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().matches("(m\\d|in\\d|series\\d|r)\\..*")) {
                    files.put(p, digest(Files.readAllBytes(p)));
                } else if (p.getFileName().toString().endsWith(".tmp")) {
                    files.put(p, "tmp");
                }
            }
        }
        return files;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(String text, Pattern p) {
        java.util.regex.Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        return text.substring(Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 80));
    }

    private static String head(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    // ------------------------------------------------------------------ inputs

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] hourly(int hours, java.util.function.IntToDoubleFunction value) {
        StringBuilder sb = new StringBuilder("timestamp,requests\n");
        java.time.Instant t = java.time.Instant.parse("2025-01-06T00:00:00Z");
        for (int i = 0; i < hours; i++) {
            sb.append(t.plusSeconds(3600L * i)).append(',').append(String.format(Locale.ROOT, "%.2f", value.applyAsDouble(i)))
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The first lines of every shared data file (or none when ../shared is absent: generated cases still run). */
    private static List<byte[]> sharedSeeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Path data = Path.of(System.getProperty("lowtide.shared.dir", "../shared"), "data");
        if (!Files.isDirectory(data)) {
            System.out.println("CliFuzzTest: ../shared/data absent: mutating generated files only");
            return seeds;
        }
        for (String folder : List.of("traffic", "formats", "tables")) {
            try (Stream<Path> files = Files.list(data.resolve(folder))) {
                for (Path f : files.sorted().toList()) {
                    if (f.toString().endsWith(".csv") || f.toString().endsWith(".json") || f.toString().endsWith(".txt")) {
                        seeds.add(cut(Files.readAllBytes(f), f.toString().endsWith(".json") ? 1 << 20 : 250));
                    }
                }
            }
        }
        return seeds;
    }

    /** The first {@code lines} lines (CR, LF or CRLF). */
    private static byte[] cut(byte[] bytes, int lines) {
        int seen = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                if (++seen == lines) {
                    return Arrays.copyOf(bytes, i + 1);
                }
            }
        }
        return bytes;
    }

    private static final String[] EXTREMES = {"1e308", "-1e308", "NaN", "Infinity", "-5", "0", "", "\"\"", "1,5",
        "99999999999999999999999", "4294967297", "-0", "1e-320", "null", "true", "\u00a0", "2025-02-30T25:61:00Z"};

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int kind = r.nextInt(8);
        switch (kind) {
            case 0: // flip bytes
                for (int k = 0; k < 1 + r.nextInt(4) && b.length > 0; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            case 1: // truncate
                return Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            case 2: // insert random bytes
            {
                int at = b.length == 0 ? 0 : r.nextInt(b.length);
                byte[] junk = new byte[1 + r.nextInt(16)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                return out;
            }
            case 3: // a number becomes an extreme
            {
                String s = new String(b, StandardCharsets.UTF_8);
                java.util.regex.Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(s);
                List<int[]> spans = new ArrayList<>();
                while (m.find() && spans.size() < 2000) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    return b;
                }
                StringBuilder sb = new StringBuilder(s);
                for (int k = 0; k < 1 + r.nextInt(5); k++) {
                    int[] span = spans.get(r.nextInt(spans.size()));
                    if (span[1] <= sb.length()) {
                        sb.replace(span[0], span[1], EXTREMES[r.nextInt(EXTREMES.length)]);
                    }
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 4: // duplicate or drop lines, swap two
            {
                List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
                if (lines.size() < 3) {
                    return b;
                }
                int i = 1 + r.nextInt(lines.size() - 1);
                int j = 1 + r.nextInt(lines.size() - 1);
                switch (r.nextInt(3)) {
                    case 0 -> lines.add(i, lines.get(j));
                    case 1 -> lines.remove(i);
                    default -> java.util.Collections.swap(lines, i, j);
                }
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 5: // the whole file reversed line by line (times out of order)
            {
                List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n")));
                if (lines.size() > 2) {
                    java.util.Collections.reverse(lines.subList(1, lines.size()));
                }
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 6: // delimiters and line ends changed
                return new String(b, StandardCharsets.UTF_8).replace(r.nextBoolean() ? "," : "\n", r.nextBoolean() ? ";" : "\r")
                        .getBytes(StandardCharsets.UTF_8);
            default: // empty, a BOM, or a NUL
                return switch (r.nextInt(3)) {
                    case 0 -> new byte[0];
                    case 1 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
                    default -> concat(b, new byte[] {0, '\n'});
                };
        }
    }

    /** A mutation that keeps the JSON valid: a value somewhere becomes an extreme or a wrong kind. */
    private static byte[] jsonMutation(byte[] plan, Random r) {
        String s = new String(plan, StandardCharsets.UTF_8);
        String[] replacements = {"null", "-1", "4294967297", "1e308", "\"\"", "[]", "{}", "\"x\"", "true",
            "\"2025-02-30T25:00:00+01:00\"", "\"PT-1H\"", "\"P99999999D\""};
        java.util.regex.Matcher m = Pattern.compile(":\\s*(\"[^\"]*\"|-?[0-9.eE+-]+|true|false|null)").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        int[] span = spans.get(r.nextInt(spans.size()));
        return (s.substring(0, span[0]) + replacements[r.nextInt(replacements.length)] + s.substring(span[1]))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Generated series that break naive code: constant, one row, sawtooth, tiny and huge steps, extremes. */
    private static byte[] pathological(Random r) {
        int n = 2 + r.nextInt(400);
        long step = new long[] {1, 60, 300, 3600, 86_400, 7 * 86_400L, 2_592_000L}[r.nextInt(7)];
        int shape = r.nextInt(9);
        StringBuilder sb = new StringBuilder("timestamp,value\n");
        long t0 = 1_700_000_000L + r.nextInt(1_000_000);
        for (int i = 0; i < (shape == 0 ? 1 : n); i++) {
            double v = switch (shape) {
                case 1 -> 42; // constant
                case 2 -> (i % 20) * 10 + 1; // sawtooth
                case 3 -> i; // running total
                case 4 -> r.nextBoolean() ? 1e15 : 1e-300;
                case 5 -> i % 2 == 0 ? 0 : 1e12;
                case 6 -> -i;
                case 7 -> r.nextGaussian() * 1e6;
                default -> 100 + r.nextInt(50);
            };
            long t = shape == 8 && i % 7 == 3 ? t0 + step * (i - 2) : t0 + step * i; // duplicates and reversals
            sb.append(r.nextInt(10) == 0 ? java.time.Instant.ofEpochSecond(t).toString() : Long.toString(t)).append(',')
                    .append(i % 37 == 5 ? "" : String.format(Locale.ROOT, "%s", v)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static final String[] BAD_INSTANTS = {"", "now", "2025-02-30T00:00:00Z", "+99999-01-01T00:00:00Z",
        "2025-03-09T02:30:00-05:00", "-1", "9999-12-31T23:59:59Z", "2025-01-01T00:00:00+25:00", "0000-01-01T00:00:00Z"};

    private static final String[] DURATIONS = {"PT0S", "PT-1H", "PT0.5S", "PT99999999H", "P999999999D", "1h30m", "2h",
        "90 min", "abc", "", "PT1M", "P7D", "PT1H"};
    private static final String[] DATES = {"2014-02-30", "0000-01-01", "+12014-05-05", "2025-13-01", "2025-03-01",
        "-2025-01-01", "2999-12-31", "tomorrow", "2025-3-1"};
    private static final String[] NUMBERS = {"-1", "NaN", "Infinity", "1e308", "0", "2147483648", "2147483647", "0.5",
        "abc", "", "1e-320", "-0"};
    private static final String[] ZONES = {"Mars/Base", "UTC+99", "+14:00", "Europe/Berlin", "Australia/Lord_Howe", "",
        "Asia/Kolkata", "SYSTEM"};

    private static final Map<String, String[][]> OPTIONS = Map.of(
            "analyze", new String[][] {
                join("--duration", DURATIONS), join("--troughs", NUMBERS), join("--forecast-weeks", NUMBERS),
                join("--zone", ZONES), join("--step", DURATIONS), join("--holidays", "XX", "DE-ZZ", "", "US-NY", "de"),
                join("--column", "nope", "", "requests", "1"), join("--format", "csv", "json", "nope", "")},
            "cost", new String[][] {
                join("--change-failure-rate", NUMBERS), join("--impact", NUMBERS), join("--recovered", NUMBERS),
                join("--mttr", DURATIONS), join("--mttr-p90", DURATIONS), join("--detect", DURATIONS),
                join("--slo", NUMBERS), join("--revenue-per-minute", NUMBERS), join("--seed", NUMBERS),
                join("--business-hours", "Sun 00:00-00:00", "Mon-Fri 09:00-17:00", "Mon 25:00-26:00", "")},
            "plan", new String[][] {
                join("--duration", DURATIONS), join("--from", DATES), join("--to", DATES), join("--count", NUMBERS),
                join("--min-gap", DURATIONS), join("--rollback", DURATIONS), join("--zone", ZONES),
                join("--allowed", "Sun 00:00-00:00", "Mon 25:00-26:00", "", "Fri-Mon 01:00-02:00", "daily 02:00-05:00",
                        "Sat 22:00-02:00"),
                join("--habit", "Tue 24:00", "Tue 14:00", "Xyz 10:00", ""),
                join("--blackout", "2025-02-30/2025-03-01", "2025-03-01/2025-02-01", "x", "2025-02-01/2025-02-02=freeze"),
                join("--holidays", "XX", "DE-BY", ""), join("--export", "aws", "rrule", "nope", "kured")},
            "gate", new String[][] {join("--at", BAD_INSTANTS)},
            "import", new String[][] {join("--zone", ZONES), join("--step", DURATIONS),
                join("--date-order", "dmy", "xyz", ""), join("--format", "influx", "graphite", "nope")});

    private static String[] join(String option, String... values) {
        String[] out = new String[values.length + 1];
        out[0] = option;
        System.arraycopy(values, 0, out, 1, values.length);
        return out;
    }
}
