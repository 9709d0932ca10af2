package org.lowtide.cost;

import org.lowtide.analysis.WeekSlots;

/**
 * Traffic over the local week with its spread: for every slot, the distribution of the level a
 * future week may bring. The cost model spreads revenue by each slot's {@link #mean(int)} and
 * draws from {@link #quantile(int, double)} in the Monte Carlo.
 *
 * <p>Today {@link EmpiricalTrafficSpread} fills it from the history itself; a forecast with
 * intervals can feed it later. Implementations must keep {@code mean(s)} equal to the integral
 * of {@code quantile(s, p)} over p in [0, 1), so that the simulation and the closed form agree.
 * Levels are in any unit (only ratios matter when revenue is spread by share) or in currency per
 * minute (a revenue column).
 */
public interface TrafficSpread {

    /** @return how the week is cut */
    WeekSlots slots();

    /** @return the mean level of slot {@code slot}; finite and ≥ 0 */
    double mean(int slot);

    /**
     * @param slot a slot of the week
     * @param p    a probability in [0, 1)
     * @return the level that a share {@code p} of weeks stay below in this slot
     */
    double quantile(int slot, double p);

    /** @return a note on where the spread came from, for the assumptions list */
    String description();

    /** @return the same level in every slot, with no spread */
    static TrafficSpread flat(WeekSlots slots) {
        return new TrafficSpread() {
            @Override
            public WeekSlots slots() {
                return slots;
            }

            @Override
            public double mean(int slot) {
                return 1;
            }

            @Override
            public double quantile(int slot, double p) {
                return 1;
            }

            @Override
            public String description() {
                return "flat: every minute alike";
            }
        };
    }
}
