package org.lowtide.traffic.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * How the numbers of one column are written, and a parser for them that reads UTF-8 bytes without
 * allocating. The decimal mark is {@code .} or {@code ,}; digits may be grouped by {@code ,},
 * {@code .}, a space (also no-break and thin spaces) or an apostrophe, in groups of three. A
 * style is decided from a column's values by {@link #detect}, only as far as the values allow:
 * {@code 1,5} and {@code 1.234,5} settle it, {@code 1,234} alone does not, and then the guess is
 * stated in {@link #assumption()}.
 *
 * <p>Conversion: decimal digits are gathered into a {@code long} and scaled by an exact power of
 * ten when both fit a double exactly, which rounds correctly (Clinger, "How to read floating point
 * numbers accurately", PLDI 1990, the fast path); otherwise {@link Double#parseDouble} decides.
 *
 * @param decimal    the decimal mark
 * @param group      the digit-group separator, or 0 for none
 * @param assumption empty when the values settled the style, else what was assumed and why
 */
record NumberStyle(byte decimal, byte group, String assumption) {

    /** Plain numbers: {@code .} as decimal mark, no grouping. */
    static final NumberStyle PLAIN = new NumberStyle((byte) '.', (byte) 0, "");

    /** What a parse found. */
    enum Status { NUMBER, MISSING, INVALID, INFINITE }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT_MANTISSA = 1L << 53;

    NumberStyle {
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("decimal mark must be . or ,");
        }
        if (group == decimal) {
            throw new IllegalArgumentException("group separator equals the decimal mark");
        }
    }

    /** @return e.g. {@code "1,234.5"} or {@code "1.234,5"}: how this style writes a number */
    String example() {
        String g = group == 0 ? "" : group == ' ' ? " " : String.valueOf((char) group);
        return "1" + g + "234" + (char) decimal + "5";
    }

    /** @return whether the style differs from plain numbers */
    boolean isPlain() {
        return decimal == '.' && group == 0;
    }

    /** A reusable parser for one style; keeps the status of the last parse. */
    static final class Parser {
        private final byte decimal;
        private final byte group;
        private Status status;

        Parser(NumberStyle style) {
            this.decimal = style.decimal;
            this.group = style.group;
        }

        /** @return how the last {@link #parse} went */
        Status status() {
            return status;
        }

        /**
         * Parses {@code b[from, to)} (already trimmed of quotes).
         *
         * @return the value; {@code NaN} unless {@link #status()} is {@code NUMBER}
         */
        double parse(byte[] b, int from, int to) {
            while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                from++;
            }
            while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                to--;
            }
            if (from == to) {
                status = Status.MISSING;
                return Double.NaN;
            }
            int i = from;
            boolean negative = false;
            if (b[i] == '-' || b[i] == '+') {
                negative = b[i] == '-';
                i++;
            }
            long mantissa = 0;
            int exp10 = 0;
            boolean inexact = false;
            boolean sawDigit = false;
            boolean sawDecimal = false;
            int digitsSinceGroup = -1; // -1: no group separator seen yet
            int leadingDigits = 0;
            while (i < to) {
                byte c = b[i];
                if (c >= '0' && c <= '9') {
                    if (mantissa < 100_000_000_000_000_000L) {
                        mantissa = mantissa * 10 + (c - '0');
                        if (sawDecimal) {
                            exp10--;
                        }
                    } else {
                        inexact = true;
                        if (!sawDecimal) {
                            exp10++;
                        }
                    }
                    sawDigit = true;
                    if (!sawDecimal) {
                        if (digitsSinceGroup >= 0) {
                            digitsSinceGroup++;
                        } else {
                            leadingDigits++;
                        }
                    }
                    i++;
                } else if (c == decimal && !sawDecimal) {
                    if (digitsSinceGroup >= 0 && digitsSinceGroup != 3) {
                        return invalid();
                    }
                    sawDecimal = true;
                    i++;
                } else if (group != 0 && !sawDecimal && sawDigit && isGroup(b, i, to)) {
                    if (digitsSinceGroup >= 0 ? digitsSinceGroup != 3 : leadingDigits > 3) {
                        return invalid();
                    }
                    digitsSinceGroup = 0;
                    i += groupLength(b, i);
                } else if ((c == 'e' || c == 'E') && sawDigit && i + 1 < to) {
                    int j = i + 1;
                    boolean expNegative = false;
                    if (b[j] == '-' || b[j] == '+') {
                        expNegative = b[j] == '-';
                        j++;
                    }
                    int exp = 0;
                    int expDigits = 0;
                    while (j < to && b[j] >= '0' && b[j] <= '9') {
                        exp = Math.min(100_000, exp * 10 + (b[j] - '0'));
                        expDigits++;
                        j++;
                    }
                    if (expDigits == 0 || j != to) {
                        return invalid();
                    }
                    exp10 += expNegative ? -exp : exp;
                    i = j;
                } else if (c == '%' && i + 1 == to && sawDigit) {
                    i++; // "12.5%": the number as written
                } else {
                    return notANumber(b, from, to);
                }
            }
            if (!sawDigit) {
                return notANumber(b, from, to); // "-", "+": words for no value
            }
            if (digitsSinceGroup >= 0 && !sawDecimal && digitsSinceGroup != 3) {
                return invalid();
            }
            status = Status.NUMBER;
            double value;
            if (!inexact && mantissa < EXACT_MANTISSA && exp10 >= -22 && exp10 <= 22) {
                value = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
            } else if (mantissa == 0) {
                value = 0;
            } else {
                value = slowPath(b, from, to);
                if (Double.isNaN(value)) {
                    return invalid();
                }
                value = Math.abs(value);
            }
            if (Double.isInfinite(value)) {
                status = Status.INFINITE;
                return Double.NaN;
            }
            return negative ? -value : value;
        }

        private boolean isGroup(byte[] b, int i, int to) {
            if (b[i] == group) {
                return true;
            }
            return group == ' ' && groupLength(b, i) > 1 && i + groupLength(b, i) <= to;
        }

        /** A space-like group separator may be a no-break (C2 A0) or thin/narrow space (E2 80 89/AF). */
        private int groupLength(byte[] b, int i) {
            if (group != ' ' || b[i] == ' ') {
                return 1;
            }
            if (b[i] == (byte) 0xC2 && i + 1 < b.length && b[i + 1] == (byte) 0xA0) {
                return 2;
            }
            if (b[i] == (byte) 0xE2 && i + 2 < b.length && b[i + 1] == (byte) 0x80
                    && (b[i + 2] == (byte) 0x89 || b[i + 2] == (byte) 0xAF)) {
                return 3;
            }
            return 1;
        }

        private double slowPath(byte[] b, int from, int to) {
            StringBuilder sb = new StringBuilder(to - from);
            for (int i = from; i < to; i++) {
                byte c = b[i];
                if ((c >= '0' && c <= '9') || c == 'e' || c == 'E' || c == '-' || c == '+') {
                    sb.append((char) c);
                } else if (c == decimal) {
                    sb.append('.');
                }
            }
            try {
                return Double.parseDouble(sb.toString());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private double invalid() {
            status = Status.INVALID;
            return Double.NaN;
        }

        private double notANumber(byte[] b, int from, int to) {
            status = missingOrInfinite(b, from, to);
            return Double.NaN;
        }
    }

    /** Words that exports write for "no value". */
    private static final List<String> MISSING_WORDS = List.of("nan", "null", "none", "n/a", "na", "-", "--", "---",
            "undefined", "nil", "#n/a", "missing", "?", "#value!", "#div/0!", "n.a.", "empty");
    private static final List<String> INFINITE_WORDS = List.of("inf", "+inf", "-inf", "infinity", "+infinity",
            "-infinity");

    static Status missingOrInfinite(byte[] b, int from, int to) {
        if (to - from > 12) {
            return Status.INVALID;
        }
        String word = new String(b, from, to - from, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
        if (MISSING_WORDS.contains(word)) {
            return Status.MISSING;
        }
        if (INFINITE_WORDS.contains(word)) {
            return Status.INFINITE;
        }
        return Status.INVALID;
    }

    /**
     * Decides a column's style from some of its values.
     *
     * @param values    trimmed values (quotes removed); empty ones are ignored
     * @param delimiter the file's delimiter: a comma cannot appear unquoted in a comma-separated file
     * @return the style, with {@link #assumption()} saying what was guessed
     */
    static NumberStyle detect(List<String> values, byte delimiter) {
        boolean commaDecimal = false;
        boolean dotDecimal = false;
        boolean commaGroup = false;
        boolean dotGroup = false;
        boolean ambiguousComma = false;
        boolean ambiguousDot = false;
        boolean plainLong = false;
        byte spaceLike = 0;
        String ambiguousExample = "";
        for (String raw : values) {
            String s = raw.trim();
            if (s.startsWith("-") || s.startsWith("+")) {
                s = s.substring(1);
            }
            if (s.endsWith("%")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
                continue;
            }
            if (s.indexOf(' ') > 0 || s.indexOf('\u00A0') > 0 || s.indexOf('\u202F') > 0 || s.indexOf('\u2009') > 0) {
                spaceLike = ' ';
                s = s.replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace("\u2009", "");
            }
            if (s.indexOf('\'') > 0) {
                spaceLike = '\'';
                s = s.replace("'", "");
            }
            int commas = count(s, ',');
            int dots = count(s, '.');
            if (commas > 0 && dots > 0) {
                if (s.lastIndexOf(',') > s.lastIndexOf('.')) {
                    commaDecimal = true;
                    dotGroup = true;
                } else {
                    dotDecimal = true;
                    commaGroup = true;
                }
            } else if (commas >= 2) {
                commaGroup = true;
            } else if (dots >= 2) {
                dotGroup = true;
            } else if (commas == 1) {
                if (looksGrouped(s, ',')) {
                    ambiguousComma = true;
                    ambiguousExample = raw.trim();
                } else {
                    commaDecimal = true;
                }
            } else if (dots == 1) {
                if (looksGrouped(s, '.')) {
                    ambiguousDot = true;
                    if (ambiguousExample.isEmpty()) {
                        ambiguousExample = raw.trim();
                    }
                } else {
                    dotDecimal = true;
                }
            } else if (s.length() >= 4 && s.chars().allMatch(Character::isDigit) && spaceLike == 0) {
                plainLong = true;
            }
        }
        boolean commaSaysDecimal = commaDecimal || dotGroup;
        boolean dotSaysDecimal = dotDecimal || commaGroup;
        if (commaSaysDecimal && !dotSaysDecimal) {
            byte group = dotGroup || ambiguousDot ? (byte) '.' : spaceLike;
            return new NumberStyle((byte) ',', group, "");
        }
        if (dotSaysDecimal && !commaSaysDecimal) {
            byte group = commaGroup || ambiguousComma ? (byte) ',' : spaceLike;
            return new NumberStyle((byte) '.', group, "");
        }
        if (commaSaysDecimal) {
            return new NumberStyle((byte) '.', spaceLike, "the column mixes ',' and '.' as decimal marks; "
                    + "read '.' as the decimal mark");
        }
        if (ambiguousComma && !ambiguousDot) {
            if (plainLong) {
                return new NumberStyle((byte) ',', spaceLike, "");
            }
            if (delimiter == ',') {
                return new NumberStyle((byte) '.', (byte) ',', "'" + ambiguousExample
                        + "' could be a decimal or a thousands separator; read ',' as the thousands separator"
                        + " (the file is comma-separated and quotes these numbers)");
            }
            return new NumberStyle((byte) ',', spaceLike, "'" + ambiguousExample
                    + "' could be a decimal or a thousands separator; read ',' as the decimal mark");
        }
        if (ambiguousDot && !ambiguousComma && !plainLong && delimiter == ';') {
            // ';' separates fields where ',' is the decimal mark (Excel in most of Europe): '.' groups digits there.
            return new NumberStyle((byte) ',', (byte) '.', "'" + ambiguousExample + "' could be a decimal or a"
                    + " thousands separator; read '.' as the thousands separator (the file is ';'-separated, as where"
                    + " ',' is the decimal mark)");
        }
        if (ambiguousDot) {
            byte group = ambiguousComma ? (byte) ',' : spaceLike;
            return new NumberStyle((byte) '.', group, plainLong ? "" : "'" + ambiguousExample
                    + "' could be a decimal or a thousands separator; read '.' as the decimal mark");
        }
        return new NumberStyle((byte) '.', spaceLike, "");
    }

    /** "1,234" or "12,345": one separator followed by exactly three digits, 1–3 digits before, no leading 0. */
    private static boolean looksGrouped(String s, char separator) {
        int at = s.indexOf(separator);
        int after = s.length() - at - 1;
        return after == 3 && at >= 1 && at <= 3 && s.charAt(0) != '0';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
