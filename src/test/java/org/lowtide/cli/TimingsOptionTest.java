package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lowtide.traffic.PhaseTimer;

/** {@code --timings}: a phase account on standard error, the standard output unchanged. */
class TimingsOptionTest {

    private static final Path SAMPLE = Path.of("sample-data/shop-hourly-2025.csv");

    @AfterEach
    void reset() {
        PhaseTimer.reset();
    }

    @Test
    void analyzeWithTimingsNamesEachPhaseOnStandardErrorAndLeavesTheOutputAlone() {
        CliRun plain = CliRun.of("analyze", SAMPLE.toString(), "--json");
        PhaseTimer.reset();
        PhaseTimer.mainStarted();
        CliRun timed = CliRun.of("analyze", SAMPLE.toString(), "--json", "--timings");
        assertThat(timed.code()).isZero();
        assertThat(timed.out()).isEqualTo(plain.out());
        assertThat(timed.err()).contains("timings (wall clock", "set-up (classes, picocli, parsing)",
                "import (read + parse)", "periods", "anomalies", "decomposition (fill + robust MSTL)",
                "backtest", "weekly profile", "troughs", "output", "main → now");
        assertThat(plain.err()).doesNotContain("timings");
    }

    @Test
    void theOptionAlsoGoesBeforeTheSubcommand() {
        CliRun timed = CliRun.of("--timings", "plan", SAMPLE.toString());
        assertThat(timed.code()).isZero();
        assertThat(timed.err()).contains("  plan ", "ranking", "output");
    }

    @Test
    void nestedPhasesAddUpUnderTheirParentAndCountRepeats() {
        PhaseTimer.enable();
        try (PhaseTimer.Phase outer = PhaseTimer.start("outer")) {
            for (int i = 0; i < 3; i++) {
                try (PhaseTimer.Phase inner = PhaseTimer.start("inner")) {
                    assertThat(inner).isNotNull();
                }
            }
        }
        assertThat(PhaseTimer.lines()).hasSize(2);
        assertThat(PhaseTimer.lines().get(0)).startsWith("outer");
        assertThat(PhaseTimer.lines().get(1)).startsWith("  inner").endsWith("(3×)");
    }

    @Test
    void theSubcommandNamesTheEntryPointKnowsAreThoseOfTheCommandLine() {
        for (String name : LowtideCli.newCommandLine(new org.lowtide.service.AnalysisService()).getSubcommands()
                .keySet()) {
            assertThat(LowtideCli.isCliArgument(name)).as(name).isTrue();
        }
        assertThat(LowtideCli.isCliArgument("shop.csv")).isFalse();
    }
}
