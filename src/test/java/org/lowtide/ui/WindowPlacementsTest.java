package org.lowtide.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.lowtide.project.Preferences;

/** Where the main window opens: sized to the screen, or where it was if that is still on a screen. */
class WindowPlacementsTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 2560, 1400);
    private static final Rectangle2D RIGHT = new Rectangle2D(2560, 0, 1920, 1040);

    @Test
    void aFirstWindowFillsASmallScreenAndIsCappedAndCentredOnALargeOne() {
        assertThat(WindowPlacements.initial(Optional.empty(), List.of(LAPTOP), LAPTOP)).isEqualTo(LAPTOP);
        Rectangle2D big = WindowPlacements.initial(Optional.empty(), List.of(WIDE), WIDE);
        assertThat(big.getWidth()).isEqualTo(WindowPlacements.MAX_WIDTH);
        assertThat(big.getHeight()).isEqualTo(WindowPlacements.MAX_HEIGHT);
        assertThat(big.getMinX() + big.getWidth() / 2).isEqualTo(1280);
    }

    @Test
    void aSavedPlaceOnAConnectedScreenIsRestored() {
        var saved = new Preferences.WindowPlacement(2700, 100, 1500, 900, false);
        assertThat(WindowPlacements.initial(Optional.of(saved), List.of(WIDE, RIGHT), WIDE))
                .isEqualTo(new Rectangle2D(2700, 100, 1500, 900));
    }

    @Test
    void aPlaceOnAScreenNoLongerConnectedFallsBackToThePrimary() {
        var saved = new Preferences.WindowPlacement(2700, 100, 1500, 900, false);
        assertThat(WindowPlacements.initial(Optional.of(saved), List.of(WIDE), WIDE))
                .isEqualTo(WindowPlacements.initial(Optional.empty(), List.of(WIDE), WIDE));
    }

    @Test
    void aSavedWindowLargerThanItsScreenNowIsShrunkToFit() {
        var saved = new Preferences.WindowPlacement(10, 10, 1900, 1000, false);
        Rectangle2D r = WindowPlacements.initial(Optional.of(saved), List.of(LAPTOP), LAPTOP);
        assertThat(r).isEqualTo(new Rectangle2D(0, 0, 1280, 720));
    }
}
