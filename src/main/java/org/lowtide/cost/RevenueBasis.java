package org.lowtide.cost;

import java.util.Objects;

/**
 * Where revenue per minute comes from: an amount spread over the week by traffic share (or flat),
 * or a revenue column in the data.
 */
public sealed interface RevenueBasis {

    /** Minutes in a mean Gregorian year (365.2425 days). */
    double MINUTES_PER_YEAR = 365.2425 * 24 * 60;

    /** The period an amount of revenue is stated for. */
    enum Period {
        /** Revenue per year. */
        YEAR(MINUTES_PER_YEAR),
        /** Revenue per month (a twelfth of a mean Gregorian year). */
        MONTH(MINUTES_PER_YEAR / 12),
        /** Average revenue per minute. */
        MINUTE(1);

        private final double minutes;

        Period(double minutes) {
            this.minutes = minutes;
        }

        /** @return the period's length in minutes */
        public double minutes() {
            return minutes;
        }
    }

    /**
     * An amount of revenue per period.
     *
     * @param period          what the amount is per
     * @param amount          revenue per period, in the model's currency; ≥ 0
     * @param spreadByTraffic {@code true} to spread it over the week by traffic share (a peak
     *                        minute is worth more than a trough minute); {@code false} for the
     *                        same revenue in every minute
     */
    record Amount(Period period, double amount, boolean spreadByTraffic) implements RevenueBasis {
        public Amount {
            Objects.requireNonNull(period, "period");
            CostLimits.require(CostLimits.nonNegative("revenue", amount));
        }

        /** @return the average revenue per minute */
        public double averagePerMinute() {
            return amount / period.minutes();
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s per %s%s", amount, period.name().toLowerCase(java.util.Locale.ROOT),
                    spreadByTraffic ? ", spread by traffic share" : ", flat");
        }
    }

    /**
     * Revenue measured in the data, in a column of the traffic file (currency per grid step).
     *
     * @param column the column's header name
     */
    record Column(String column) implements RevenueBasis {
        public Column {
            Objects.requireNonNull(column, "column");
            if (column.isBlank()) {
                throw new IllegalArgumentException("name the revenue column");
            }
        }

        @Override
        public String toString() {
            return "column " + column;
        }
    }
}
