package org.lowtide.ui.common;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one way the GUI reads a number typed into a field, and writes one into a field.
 *
 * <p>People write "1.5", "1,5", "1,500", "1.500" and "1 500". The reading decides what can be
 * decided from the text itself and asks the locale only where the text leaves a choice:
 * <ol>
 *   <li>plain digits, with an optional sign and exponent, are read as they are ({@code 1e6} too);
 *   <li>spaces (also no-break spaces) between digits group thousands: {@code 1 500} is 1500;
 *   <li>a separator ({@code .} or {@code ,}) that cannot group thousands (not followed by exactly three
 *       digits, or after a leading zero) is the decimal mark: {@code 1,5} and {@code 0.125} are 1.5 and
 *       0.125 in every locale;
 *   <li>both marks in one number: the last one is the decimal mark and the other must group
 *       thousands: {@code 1,234.5} and {@code 1.234,5} are 1234.5;
 *   <li>the same mark more than once must group thousands: {@code 1,000,000};
 *   <li>one mark followed by exactly three digits ({@code 1,500}) is read as the locale writes:
 *       as the decimal mark where the locale's decimal mark is that one, as thousands where it is
 *       the locale's grouping mark; where it is neither, the number is refused with a message that
 *       says how to write it.
 * </ol>
 * Anything else is refused with a message, never read as some other number.
 */
public final class NumberInput {

    /**
     * A reading: the number, or why the text is no number.
     *
     * @param value     the number; NaN when refused
     * @param problem   empty when read, else a message for the field (lower case, no full stop, as the
     *                  core's messages)
     * @param ambiguous whether it was refused for meaning two numbers (rather than none)
     */
    public record Reading(double value, String problem, boolean ambiguous) {
        public Reading {
            Objects.requireNonNull(problem, "problem");
        }

        /** @return whether the text was read as a number */
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** What {@link #normalise} returns for a single mark followed by three digits in a locale that does not settle it. */
    private static final String AMBIGUOUS = "?";
    private static final Pattern SPACED = Pattern.compile("\\d{1,3}( \\d{3})+");

    private NumberInput() {
    }

    /** Reads {@code text} in the user's formatting locale. */
    public static Reading read(String text) {
        return read(text, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** Reads {@code text}; {@code locale} settles only a single mark followed by three digits. */
    public static Reading read(String text, Locale locale) {
        String t = text == null ? "" : text.strip().replace('\u00a0', ' ').replace('\u202f', ' ');
        if (t.isEmpty()) {
            return refused("enter a number");
        }
        String sign = "";
        if (t.startsWith("-") || t.startsWith("+")) {
            sign = t.substring(0, 1);
            t = t.substring(1).strip();
        }
        String exponent = "";
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        if (e > 0) {
            exponent = t.substring(e);
            t = t.substring(0, e);
        }
        if (SPACED.matcher(t).matches()) {
            t = t.replace(" ", "");
        }
        String normal = normalise(t, locale);
        if (AMBIGUOUS.equals(normal)) {
            String asDecimal = sign + t.replace(',', '.') + exponent;
            String asThousands = sign + t.replace(",", "").replace(".", "") + exponent;
            return new Reading(Double.NaN, "'" + text.strip() + "' could mean " + asDecimal + " or " + asThousands
                    + ": write it without thousands separators and with '" + decimalMark(locale) + "' for decimals",
                    true);
        }
        if (normal == null) {
            return refused("'" + text.strip() + "' is not a number");
        }
        String candidate = sign + normal + exponent;
        if (!PLAIN.matcher(candidate).matches()) {
            return refused("'" + text.strip() + "' is not a number");
        }
        double v = Double.parseDouble(candidate);
        if (!Double.isFinite(v)) {
            return refused("'" + text.strip() + "' is too large");
        }
        return new Reading(v, "", false);
    }

    /**
     * @return the digits with '.' as the decimal mark; {@link #AMBIGUOUS} when the locale does not
     *         settle a single mark; null when the marks make no number
     */
    private static String normalise(String t, Locale locale) {
        int dots = count(t, '.');
        int commas = count(t, ',');
        if (dots == 0 && commas == 0) {
            return t;
        }
        if (dots > 0 && commas > 0) {
            char decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            if (count(t, decimal) != 1) {
                return null;
            }
            int at = t.lastIndexOf(decimal);
            String whole = t.substring(0, at);
            return groups(whole, grouping) ? whole.replace(String.valueOf(grouping), "") + "." + t.substring(at + 1)
                    : null;
        }
        char mark = dots > 0 ? '.' : ',';
        if (count(t, mark) > 1) {
            return groups(t, mark) ? t.replace(String.valueOf(mark), "") : null;
        }
        if (!groups(t, mark)) {
            return t.replace(mark, '.'); // cannot group thousands: the decimal mark
        }
        char decimal = decimalMark(locale);
        if (decimal == mark) {
            return t.replace(mark, '.');
        }
        if (DecimalFormatSymbols.getInstance(locale).getGroupingSeparator() == mark) {
            return t.replace(String.valueOf(mark), "");
        }
        return AMBIGUOUS;
    }

    /** @return whether {@code t} is digits grouped by {@code mark} in threes, e.g. 1,234,567 */
    private static boolean groups(String t, char mark) {
        String[] parts = t.split(Pattern.quote(String.valueOf(mark)), -1);
        if (parts.length < 2 || parts[0].isEmpty() || parts[0].length() > 3 || parts[0].charAt(0) == '0'
                || !parts[0].chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() != 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    /** The locale's decimal mark when it is '.' or ','; '.' for locales with another one (e.g. Arabic). */
    private static char decimalMark(Locale locale) {
        char d = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return d == ',' ? ',' : '.';
    }

    private static Reading refused(String problem) {
        return new Reading(Double.NaN, problem, false);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** Writes a number for a field: plain digits, no exponent, no trailing zeros, the locale's decimal mark. */
    public static String format(double value) {
        return format(value, Locale.getDefault(Locale.Category.FORMAT));
    }

    /** As {@link #format(double)} in {@code locale}; what it writes {@link #read} reads back as the same number. */
    public static String format(double value, Locale locale) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        char decimal = decimalMark(locale);
        return decimal == '.' ? plain : plain.replace('.', decimal);
    }
}
