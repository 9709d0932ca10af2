package org.lowtide.planning;

import java.time.Duration;
import java.time.Instant;
import org.lowtide.analysis.WeekSlots;
import org.lowtide.analysis.WeeklyProfile;

/** Builds {@link Outlook}s. */
public final class Outlooks {

    private Outlooks() {
    }

    /**
     * The weekly profile laid over dated time: each step gets the expected level of the local-week
     * slot it starts in (wall clock of the profile's zone, so DST moves it in UTC as people move).
     *
     * @param profile the weekly profile (its slot is the outlook's step)
     * @param upper   per-slot upper levels (p90), or {@code null} to use the expected level
     * @param from    first instant
     * @param to      end instant (exclusive; rounded up to a whole step)
     */
    public static Outlook fromProfile(WeeklyProfile profile, double[] upper, Instant from, Instant to, String unit) {
        return fromSlots(profile.slots(), profile.expected(), upper, from, to, unit, Outlook.Kind.AT_STAKE);
    }

    /**
     * Any per-slot weekly values laid over dated time by the wall clock of the slots' zone.
     *
     * @param slots    how the week is cut (its slot is the outlook's step)
     * @param perSlot  the value of each slot of the week, Monday 00:00 first
     * @param upper    per-slot upper values, or {@code null} to use {@code perSlot}
     * @param kind     how windows score
     */
    public static Outlook fromSlots(WeekSlots slots, double[] perSlot, double[] upper, Instant from, Instant to,
                                    String unit, Outlook.Kind kind) {
        if (perSlot.length != slots.count() || (upper != null && upper.length != slots.count())) {
            throw new IllegalArgumentException("need one value per slot of the week (" + slots.count() + ")");
        }
        Duration step = slots.slot();
        long stepSeconds = step.getSeconds();
        long seconds = Duration.between(from, to).getSeconds();
        int n = (int) ((seconds + stepSeconds - 1) / stepSeconds);
        double[] expected = new double[n];
        double[] high = new double[n];
        WeekSlots.Locator locator = slots.locator();
        long t = from.getEpochSecond();
        for (int i = 0; i < n; i++, t += stepSeconds) {
            int slot = locator.slotOf(t);
            expected[i] = perSlot[slot];
            high[i] = upper == null ? expected[i] : Math.max(expected[i], upper[slot]);
        }
        return new Outlook(from, step, expected, high, unit, kind);
    }
}
