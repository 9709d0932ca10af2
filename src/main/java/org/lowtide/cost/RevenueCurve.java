package org.lowtide.cost;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;
import org.lowtide.analysis.WeekSlots;

/**
 * Revenue per minute over the local week: piecewise constant per slot, wrapping from Sunday night
 * into Monday. Built from a {@link TrafficSpread} and a {@link RevenueBasis}:
 * <ul>
 *   <li>an amount spread by traffic share: {@code r(s) = r̄ · mean(s) / L̄}, where {@code r̄} is the
 *       average revenue per minute and {@code L̄} the average of the slot means, so the week's
 *       revenue is exactly {@code r̄ · 10,080};</li>
 *   <li>a flat amount: {@code r(s) = r̄};</li>
 *   <li>a revenue column: {@code r(s) = mean(s)}, the spread already being in currency per minute.</li>
 * </ul>
 * Positions in the week are minutes since Monday 00:00 local time. Immutable and thread-safe.
 */
public final class RevenueCurve {

    /** Minutes in a week. */
    public static final double MINUTES_PER_WEEK = 7 * 24 * 60;

    private final WeekSlots slots;
    private final TrafficSpread spread;
    private final Currency currency;
    private final double slotMinutes;
    private final double scale;
    private final double[] perMinute;
    private final double[] cumulative;

    private RevenueCurve(TrafficSpread spread, double scale, Currency currency) {
        this.spread = spread;
        this.slots = spread.slots();
        this.currency = currency;
        this.scale = scale;
        this.slotMinutes = RestoreTime.minutes(slots.slot());
        int count = slots.count();
        perMinute = new double[count];
        cumulative = new double[count + 1];
        for (int s = 0; s < count; s++) {
            perMinute[s] = scale * spread.mean(s);
            cumulative[s + 1] = cumulative[s] + perMinute[s] * slotMinutes;
        }
    }

    /**
     * @param spread   traffic over the week
     * @param basis    an {@link RevenueBasis.Amount} (spread by share or flat), or a
     *                 {@link RevenueBasis.Column} whose values {@code spread} already holds
     *                 in currency per minute
     * @param currency the currency of every amount
     */
    public static RevenueCurve of(TrafficSpread spread, RevenueBasis basis, Currency currency) {
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(currency, "currency");
        if (basis instanceof RevenueBasis.Column) {
            return new RevenueCurve(spread, 1, currency);
        }
        RevenueBasis.Amount amount = (RevenueBasis.Amount) basis;
        if (!amount.spreadByTraffic()) {
            return new RevenueCurve(TrafficSpread.flat(spread.slots()), amount.averagePerMinute(), currency);
        }
        double sum = 0;
        int count = spread.slots().count();
        for (int s = 0; s < count; s++) {
            sum += spread.mean(s);
        }
        double meanLevel = sum / count;
        if (!(meanLevel > 0)) {
            if (amount.amount() == 0) {
                return new RevenueCurve(spread, 0, currency);
            }
            throw new IllegalArgumentException("the traffic is zero in every slot: revenue cannot be spread by its share");
        }
        return new RevenueCurve(spread, amount.averagePerMinute() / meanLevel, currency);
    }

    /** @return how the week is cut */
    public WeekSlots slots() {
        return slots;
    }

    /** @return the traffic spread behind the curve */
    public TrafficSpread spread() {
        return spread;
    }

    /** @return the currency */
    public Currency currency() {
        return currency;
    }

    /** @return the slot length in minutes */
    public double slotMinutes() {
        return slotMinutes;
    }

    /** @return the expected revenue per minute in slot {@code slot} */
    public double perMinute(int slot) {
        return perMinute[Math.floorMod(slot, perMinute.length)];
    }

    /** @return the expected revenue per minute of every slot, Monday 00:00 first */
    public double[] perMinute() {
        return perMinute.clone();
    }

    /** @return the expected revenue of a whole week */
    public double weekRevenue() {
        return cumulative[cumulative.length - 1];
    }

    /** @return the average revenue per minute over the week */
    public double averagePerMinute() {
        return weekRevenue() / MINUTES_PER_WEEK;
    }

    /** @return the slot containing minute {@code minuteOfWeek} (wrapping) */
    public int slotAt(double minuteOfWeek) {
        double m = minuteOfWeek - Math.floor(minuteOfWeek / MINUTES_PER_WEEK) * MINUTES_PER_WEEK;
        return Math.min(perMinute.length - 1, (int) (m / slotMinutes));
    }

    /** @return the minute of the week at which a local day and time falls */
    public static double minuteOfWeek(DayOfWeek day, LocalTime time) {
        return (day.getValue() - 1) * 1440.0 + time.toSecondOfDay() / 60.0;
    }

    /** @return the minute of the week at which slot {@code slot} starts */
    public double startOf(int slot) {
        return Math.floorMod(slot, perMinute.length) * slotMinutes;
    }

    /**
     * Expected revenue from the start of the week up to {@code minute} (which may lie beyond a
     * week: whole weeks add whole weeks' revenue). O(1).
     */
    public double cumulativeTo(double minute) {
        double weeks = Math.floor(minute / MINUTES_PER_WEEK);
        double m = minute - weeks * MINUTES_PER_WEEK;
        int slot = Math.min(perMinute.length - 1, (int) (m / slotMinutes));
        double within = m - slot * slotMinutes;
        return weeks * weekRevenue() + cumulative[slot] + perMinute[slot] * within;
    }

    /** @return the expected revenue in {@code [start, start + minutes)}, minutes ≥ 0 */
    public double revenueBetween(double startMinute, double minutes) {
        return cumulativeTo(startMinute + minutes) - cumulativeTo(startMinute);
    }

    /**
     * The traffic factor of a week at quantile {@code p} in a slot: the slot's level at that
     * quantile over its mean (1 when the mean is zero). Its mean over p is exactly 1.
     */
    public double factor(int slot, double p) {
        double mean = spread.mean(slot);
        return mean > 0 ? spread.quantile(slot, p) / mean : 1;
    }

    /** @return the lowest, the median and the highest expected revenue per minute over the slots */
    public double[] minMedianMax() {
        double[] s = perMinute.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new double[] {s[0], median, s[n - 1]};
    }

    /** @return the revenue-per-minute factor applied to the spread's levels */
    double scale() {
        return scale;
    }
}
