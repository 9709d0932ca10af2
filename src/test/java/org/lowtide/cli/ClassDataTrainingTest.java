package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.PhaseTimer;

/**
 * The installers record the command line's class-data archive from {@link ClassDataTraining}: if
 * one of its commands stopped working the archive would silently miss that command's classes
 * (and the install step would report a failure), so every one must still run cleanly.
 */
class ClassDataTrainingTest {

    @AfterEach
    void reset() {
        PhaseTimer.reset(); // the first run switches --timings on for the process
    }

    @Test
    void everyCommandOfTheTrainingRunSucceedsOnTheBundledSample() {
        Path sample = Path.of("sample-data/shop-hourly-2025.csv");
        assertThat(sample).exists();
        assertThat(ClassDataTraining.run(sample.toString())).isEqualTo(LowtideCli.EXIT_OK);
    }

    @Test
    void aFailingCommandGivesItsExitCode() throws Exception {
        Path missing = Files.createTempDirectory("training").resolve("no-such-file.csv");
        assertThat(ClassDataTraining.run(missing.toString())).isEqualTo(LowtideCli.EXIT_BAD_INPUT);
    }
}
