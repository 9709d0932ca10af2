package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: when the heap runs out the CLI prints one message (which file, how big, the heap, what
 * to do) and exits 4, instead of a stack trace and exit 1. A child JVM with a 24 MB heap analyses
 * 600,000 one-minute points: below the line limit (heap / 80 bytes), so nothing refuses it up
 * front and the analysis itself runs out of memory. (Issue 20's compact import made 600,000 rows
 * fit in 40 MB, so the child now gets 24 MB; it still needs about 35 MB.)
 */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aChildJvmOutOfHeapSaysWhichFileHowBigAndWhatToDo() throws Exception {
        Path big = dir.resolve("big-minutes.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("timestamp,requests\n");
            Instant t = Instant.parse("2024-01-01T00:00:00Z");
            for (int i = 0; i < 600_000; i++) {
                w.write(t.plusSeconds(60L * i) + "," + (1000 + (int) (500 * Math.sin(i / 229.0))) + "\n");
            }
        }
        Path before = dir.resolve("kept.lowtide");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx24m", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "org.lowtide.Main", "plan", big.toString(), "--by-traffic",
                "--save", before.toString())
                .redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(printed).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(printed.strip()).as("one line").doesNotContain("\n")
                .startsWith("lowtide: not enough memory for big-minutes.csv (15 MB): Java was given ")
                .contains("-Xmx4g", "--step 5m", "nothing was written")
                .doesNotContain("OutOfMemoryError", "java.lang", "\tat ", "Exception");
        assertThat(before).doesNotExist(); // the save target of the failed run was never written
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("big-minutes.csv");
    }

    @Test
    void theMessageNamesTheLargestInputNotAnOutput() throws IOException {
        Path small = Files.writeString(dir.resolve("a.csv"), "x\n");
        Path large = Files.writeString(dir.resolve("b.csv"), "x".repeat(5000));
        Path pdf = Files.writeString(dir.resolve("c.pdf"), "y".repeat(50_000));
        StringWriter err = new StringWriter();
        int code = LowtideCli.outOfMemory(new PrintWriter(err), "report", small.toString(), "--scenario",
                large.toString(), "--pdf", pdf.toString());
        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).startsWith("lowtide: not enough memory for b.csv (5 kB): Java was given ");
        assertThat(List.of(err.toString().split("\n"))).hasSize(1);
    }
}
