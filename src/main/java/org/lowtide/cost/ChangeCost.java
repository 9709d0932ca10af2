package org.lowtide.cost;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;

/**
 * The cost of a change started at one slot of the local week.
 *
 * @param slot     the start slot
 * @param day      its local day
 * @param time     its local start time
 * @param estimate the simulated cost with the closed-form mean
 */
public record ChangeCost(int slot, DayOfWeek day, LocalTime time, CostEstimate estimate) {

    public ChangeCost {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(estimate, "estimate");
    }

    /** @return the start as {@code "SATURDAY 04:00"} */
    public String start() {
        return day.name() + " " + String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }
}
