package org.lowtide.report;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.DayOfWeek;
import java.util.Locale;
import org.lowtide.traffic.TimeFormats;

/** How the report writes numbers, durations and times: English, never localised, the same everywhere. */
public final class Texts {

    /** {@code Sat 22 Nov 2025 03:00}. */
    public static final DateTimeFormatter DAY_TIME = TimeFormats.DAY_TIME;
    /** {@code Sat 22 Nov 2025 03:00 CET}. */
    public static final DateTimeFormatter DAY_TIME_ZONE = TimeFormats.DAY_TIME_ZONE;
    /** {@code 22 Nov 2025}. */
    public static final DateTimeFormatter DATE = TimeFormats.DATE;
    /** {@code 03:00}. */
    public static final DateTimeFormatter HM = TimeFormats.HM;

    private Texts() {
    }

    /** @return the levers of a scenario by their own names, comma separated; "none" if it has none */
    public static String leverNames(org.lowtide.cost.ScenarioResult r) {
        return r.leverNames().isEmpty() ? "none" : String.join(", ", r.leverNames());
    }

    /** @return a whole number with thousands separators, e.g. {@code 12,345} */
    public static String count(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** @return a number with sensible precision: {@code 12,345}, {@code 12.3}, {@code 0.042} */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 100 || a == 0) {
            return count(v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** @return an amount of money, e.g. {@code 1,234 USD}; below 10 with cents */
    public static String money(double v, String currency) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return (Math.abs(v) < 10 && v != 0 ? String.format(Locale.ROOT, "%,.2f", v) : count(v)) + " " + currency;
    }

    /**
     * @return an amount rounded to three significant figures, as a summary states it: {@code 13,200 USD},
     *         {@code 948,000 USD}, {@code 16.7 million USD}, {@code 2.35 billion USD}; below 10 with cents
     */
    public static String moneyRounded(double v, String currency) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a < 10) {
            return money(v, currency);
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        double r = rounded.doubleValue();
        if (Math.abs(r) >= 1e9) {
            return new java.math.BigDecimal(r / 1e9).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString() + " billion " + currency;
        }
        if (Math.abs(r) >= 1e6) {
            return new java.math.BigDecimal(r / 1e6).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString() + " million " + currency;
        }
        return count(r) + " " + currency;
    }

    /** @return a share as a percentage, e.g. {@code 4.2 %}; {@code 0.5} → {@code 50 %} */
    public static String percent(double share) {
        if (Double.isNaN(share)) {
            return "–";
        }
        double p = share * 100;
        return (Math.abs(p) >= 10 || p == 0 ? String.format(Locale.ROOT, "%.0f", p)
                : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }

    /**
     * @return a duration in words as every face writes it, e.g. {@code 2 hours}, {@code 125 minutes},
     *         {@code 1 day}
     */
    public static String duration(Duration d) {
        return org.lowtide.planning.Recommendation.words(d);
    }

    /** @return a local date and time with its zone's abbreviation, e.g. {@code Sat 22 Nov 2025 03:00 CET} */
    public static String dayTime(ZonedDateTime t) {
        return DAY_TIME_ZONE.format(t);
    }

    /** @return the plural name of a day, e.g. {@code Saturdays} */
    public static String days(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s";
    }

    /** @return the zone's id, e.g. {@code Europe/Berlin} */
    public static String zone(ZoneId zone) {
        return zone.getId();
    }
}
