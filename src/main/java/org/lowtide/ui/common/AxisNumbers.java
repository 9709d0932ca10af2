package org.lowtide.ui.common;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * Axis numbers in the short form of the user's locale (CLDR's compact decimals through
 * {@link NumberFormat#getCompactNumberInstance}): {@code 9B}, {@code 12K} in English,
 * {@code 9 Mrd.}, {@code 12.000} in German, {@code 9 Md}, {@code 12 k} in French, never {@code 9E9}.
 * A format is made for one tick step and keeps as many decimals as that step needs, so neighbouring
 * ticks never read the same ({@code 1.25M}, {@code 1.5M}, {@code 1.75M}).
 */
public final class AxisNumbers extends NumberFormat {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DECIMALS = 3;

    private final double step;
    private final Locale locale;
    /** Made on first use: a compact format holds CLDR's pattern tables (tens of kilobytes each). */
    private transient NumberFormat[] byDecimals;
    /** Labels already made, by value (at most {@link #MAX_REMEMBERED}). */
    private transient java.util.Map<Double, String> labels;
    private static final int MAX_REMEMBERED = 256;
    private final NumberFormat plain;
    /** One tick-unit source per locale, shared by every axis (each axis used to hold 240 compact formats). */
    private static final java.util.Map<Locale, TickUnitSource> TICK_UNITS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param step   the distance between two ticks, positive; labels are exact to it
     * @param locale whose short form to use
     */
    public AxisNumbers(double step, Locale locale) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("step must be positive and finite: " + step);
        }
        this.step = step;
        this.locale = locale;
        plain = NumberFormat.getNumberInstance(locale);
        plain.setMaximumFractionDigits(decimalsOf(step));
    }

    /** @return {@code value} as a tick label for ticks {@code step} apart, e.g. {@code 9B} */
    public static String format(double value, double step, Locale locale) {
        return new AxisNumbers(step, locale).format(value);
    }

    /** @return JFreeChart tick units 1, 2, 5 × 10ⁿ, each labelling in {@code locale}'s short form */
    public static TickUnitSource tickUnits(Locale locale) {
        return TICK_UNITS.computeIfAbsent(locale, AxisNumbers::newTickUnits);
    }

    private static TickUnitSource newTickUnits(Locale locale) {
        TickUnits units = new TickUnits();
        for (int exponent = -4; exponent <= 15; exponent++) {
            for (int m : new int[] {1, 2, 5}) {
                double size = Double.parseDouble(m + "E" + exponent);
                units.add(new NumberTickUnit(size, new AxisNumbers(size, locale)));
            }
        }
        return units;
    }

    private NumberFormat[] compact() {
        if (byDecimals == null) {
            NumberFormat[] formats = new NumberFormat[MAX_DECIMALS + 1];
            for (int d = 0; d <= MAX_DECIMALS; d++) {
                NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
                f.setMaximumFractionDigits(d);
                formats[d] = f;
            }
            byDecimals = formats;
        }
        return byDecimals;
    }

    // Synchronized: the tick units are shared by every chart, and charts may be drawn off the FX
    // thread (image export) while the screen draws; java.text formats are not thread-safe.
    @Override
    public synchronized StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return toAppendTo.append(plain.format(number));
        }
        double value = Math.abs(number) < step * 1e-6 ? 0 : number; // −0.000001 from floating ticks reads 0
        if (Math.abs(value) < 1000) {
            return toAppendTo.append(plain.format(value));
        }
        // Remembered: reading a compact number back is slow (CompactNumberFormat tries every
        // pattern), and a chart formats the same ticks at every draw (launch time, issue 15).
        String known = labels().get(value);
        if (known == null) {
            known = compactLabel(value);
            if (labels.size() >= MAX_REMEMBERED) {
                labels.clear();
            }
            labels.put(value, known);
        }
        return toAppendTo.append(known);
    }

    /** The fewest decimals whose short form still reads back within a hundredth of a step. */
    private String compactLabel(double value) {
        for (NumberFormat f : compact()) {
            String text = f.format(value);
            if (readsBack(f, text, value)) {
                return text;
            }
        }
        return plain.format(value);
    }

    private java.util.Map<Double, String> labels() {
        if (labels == null) {
            labels = new java.util.HashMap<>();
        }
        return labels;
    }

    private boolean readsBack(NumberFormat f, String text, double value) {
        Number back = f.parse(text, new ParsePosition(0));
        return back != null && Math.abs(back.doubleValue() - value) <= step / 100;
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return format((double) number, toAppendTo, pos);
    }

    @Override
    public synchronized Number parse(String source, ParsePosition parsePosition) {
        return compact()[MAX_DECIMALS].parse(source, parsePosition);
    }

    /** @return decimals that a step such as 0.25 needs (2), 0 for steps of 1 and more */
    private static int decimalsOf(double step) {
        int d = 0;
        double s = step;
        while (d < 6 && Math.abs(s - Math.rint(s)) > 1e-9 * Math.max(1, Math.abs(s))) {
            s *= 10;
            d++;
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AxisNumbers a && a.step == step && a.locale.equals(locale);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(step) * 31 + locale.hashCode();
    }
}
