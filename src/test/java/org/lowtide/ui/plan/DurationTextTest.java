package org.lowtide.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"2 h, PT2H", "2h, PT2H", "90 min, PT1H30M", "1h30m, PT1H30M", "1 h 30 min, PT1H30M",
        "1 d, P1D", "2 days, P2D", "0, PT0S", "PT45M, PT45M", "p1d, P1D", "1.5 h, PT1H30M", "3 hours, PT3H"})
    void readsWhatPeopleType(String text, String iso) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({"PT2H, 2 h", "PT1H30M, 1 h 30 min", "P1D, 1 d", "P2DT3H, 2 d 3 h", "PT0S, 0", "PT45S, PT45S"})
    void writesWhatItReadsBack(String iso, String text) {
        Duration d = Duration.parse(iso);
        assertThat(DurationText.format(d)).isEqualTo(text);
        assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
    }

    @Test
    void refusesWhatItCannotRead() {
        for (String bad : new String[] {"", "two hours", "2 weeks", "2 h and a bit", "h", "PT2X"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
