package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate} on things that are not plan files: a message and exit 4, never a wait or "file not found". */
class GateInputsTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsCalledAFolder() throws Exception {
        CliRun r = WritePolicyTest.run("gate", dir.toString());

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("is a folder").doesNotContain("not found");
    }

    @Test
    void aFifoIsRefusedInsteadOfWaitedOn() throws Exception {
        Path fifo = dir.resolve("plan.lowtide");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available here");
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gate-on-fifo");
            t.setDaemon(true); // if the gate blocked, the test must still end
            return t;
        });
        try {
            Future<CliRun> run = pool.submit(() -> WritePolicyTest.run("gate", fifo.toString()));
            // A generous bound: this guards against a hang, it is not a timing assertion.
            CliRun r = run.get(60, TimeUnit.SECONDS);
            assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("not a regular file");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDamagedPlanFileIsNotEchoed() throws Exception {
        Path plan = dir.resolve("plan.lowtide");
        String secret = "{\"schemaVersion\": 1, \"source\": {\"path\": \"x\", \"zone\": \"SECRET-TOKEN-abcdef\"}, "
                + "\"request\": {}, \"result\": {}}";
        Files.writeString(plan, secret);

        CliRun r = WritePolicyTest.run("gate", plan.toString());

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("plan.lowtide").doesNotContain("Exception").doesNotContain("com.fasterxml");
    }

    @Test
    void deeplyNestedJsonGivesLowtidesWordsNotJacksons() throws Exception {
        Path plan = dir.resolve("plan.lowtide");
        Files.writeString(plan, "[".repeat(5000));

        CliRun r = WritePolicyTest.run("gate", plan.toString());

        assertThat(r.code()).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("plan.lowtide").doesNotContain("StreamReadConstraints")
                .doesNotContain("Source:").doesNotContain("[[[");
    }
}
