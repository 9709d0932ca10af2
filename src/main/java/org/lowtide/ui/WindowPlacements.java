package org.lowtide.ui;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.lowtide.project.Preferences;

/**
 * Where the main window opens: where it was last closed, when that place is still on a connected
 * screen; else sized to the primary screen's visual bounds (up to a sensible maximum) and centred.
 * Pure geometry, tested without a display.
 */
final class WindowPlacements {

    /** The largest size a first window takes: beyond it lines of text and charts only grow sparse. */
    static final double MAX_WIDTH = 1680;
    static final double MAX_HEIGHT = 1050;

    /** How much of a restored window's top edge must lie on a screen for the user to grab it. */
    private static final double GRAB_WIDTH = 120;
    private static final double GRAB_HEIGHT = 40;

    private WindowPlacements() {
    }

    /**
     * @param saved   the placement saved at the last close, if any
     * @param screens the visual bounds of every connected screen
     * @param primary the primary screen's visual bounds
     * @return the window's bounds
     */
    static Rectangle2D initial(Optional<Preferences.WindowPlacement> saved, List<Rectangle2D> screens,
                               Rectangle2D primary) {
        if (saved.isPresent()) {
            Preferences.WindowPlacement w = saved.get();
            Rectangle2D grab = new Rectangle2D(w.x() + Math.max(0, (w.width() - GRAB_WIDTH) / 2), w.y(),
                    Math.min(GRAB_WIDTH, w.width()), Math.min(GRAB_HEIGHT, w.height()));
            for (Rectangle2D screen : screens) {
                if (screen.contains(grab)) {
                    double width = Math.min(w.width(), screen.getWidth());
                    double height = Math.min(w.height(), screen.getHeight());
                    double x = Math.max(screen.getMinX(), Math.min(w.x(), screen.getMaxX() - width));
                    double y = Math.max(screen.getMinY(), Math.min(w.y(), screen.getMaxY() - height));
                    return new Rectangle2D(x, y, width, height);
                }
            }
        }
        double width = Math.min(primary.getWidth(), MAX_WIDTH);
        double height = Math.min(primary.getHeight(), MAX_HEIGHT);
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height);
    }
}
