package org.lowtide.report.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Axis labels that stay short: 950, 12k, 1.5M, 2.1bn (English, never localised), with an optional
 * prefix such as a currency symbol.
 */
public final class CompactNumberFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    private final String prefix;

    /** @param prefix put before every number, e.g. {@code "$"}; may be empty */
    public CompactNumberFormat(String prefix) {
        this.prefix = prefix;
    }

    /** @return {@code value} in a few characters, e.g. {@code 1.5M} */
    public static String compact(double value) {
        double a = Math.abs(value);
        DecimalFormat one = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        if (a >= 1e9) {
            return one.format(value / 1e9) + "bn";
        }
        if (a >= 1e6) {
            return one.format(value / 1e6) + "M";
        }
        if (a >= 1e4) {
            return new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value / 1e3) + "k";
        }
        if (a >= 1e3) {
            return one.format(value / 1e3) + "k";
        }
        if (a >= 10 || a == 0) {
            return new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        }
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        if (number < 0) {
            return toAppendTo.append('−').append(prefix).append(compact(-number));
        }
        return toAppendTo.append(prefix).append(compact(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return null; // axis labels are never parsed back
    }
}
