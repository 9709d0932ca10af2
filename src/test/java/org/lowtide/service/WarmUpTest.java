package org.lowtide.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lowtide.analysis.PatternAnalysis;
import org.lowtide.analysis.Patterns;
import org.lowtide.traffic.PhaseTimer;

/**
 * The start-up warm-up (issue 20) must exercise what a real analysis runs (periods found, so the
 * robust MSTL runs) and must leave nothing in {@code --timings}, which times the command only.
 */
class WarmUpTest {

    @AfterEach
    void reset() {
        PhaseTimer.reset();
    }

    @Test
    void theMadeUpTrafficHasPeriodsSoTheDecompositionRuns() {
        Patterns p = PatternAnalysis.analyze(WarmUp.series(), 0, PatternAnalysis.Progress.NONE, () -> false);
        assertThat(p.periods()).isNotEmpty();
        assertThat(p.decomposition()).isPresent();
    }

    @Test
    void itsPhasesStayOutOfTheTimings() throws Exception {
        PhaseTimer.enable();
        WarmUp.resume();
        Thread t = new Thread(WarmUp::run);
        t.start();
        t.join();
        assertThat(PhaseTimer.lines()).noneMatch(line -> line.contains("periods") || line.contains("MSTL"));
        try (PhaseTimer.Phase phase = PhaseTimer.start("the command's own")) {
            assertThat(phase).isNotNull();
        }
        assertThat(PhaseTimer.lines()).anyMatch(line -> line.contains("the command's own"));
    }
}
