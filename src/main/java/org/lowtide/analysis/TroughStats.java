package org.lowtide.analysis;

import java.util.Objects;

/**
 * How a trough looks week by week.
 *
 * @param trough     the recurring window
 * @param upper      mean of the profile's 90th percentile over the window (a busy week's level)
 * @param stability  share of the weeks with data in which the window was within
 *                   {@link TroughStability#WITHIN} of that week's range above the week's lowest
 *                   window of the same length; in [0, 1], {@code NaN} without any full week
 * @param weeks      how many weeks had data in every slot of the window
 * @param lowerQuartile 25th percentile of the window's mean traffic over those weeks
 * @param upperQuartile 75th percentile of the same
 */
public record TroughStats(Trough trough, double upper, double stability, int weeks, double lowerQuartile,
                          double upperQuartile) {

    public TroughStats {
        Objects.requireNonNull(trough, "trough");
        if (weeks < 0) {
            throw new IllegalArgumentException("weeks cannot be negative: " + weeks);
        }
    }
}
