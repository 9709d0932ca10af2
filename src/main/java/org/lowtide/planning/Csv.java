package org.lowtide.planning;

import java.util.Locale;

/**
 * CSV cells that spreadsheets open cleanly (RFC 4180 quoting) and safely: a text cell that starts
 * with {@code = + - @} (or a tab or carriage return) would be run as a formula by Excel, LibreOffice
 * and Google Sheets, so it gets a leading apostrophe (OWASP's advice for CSV injection).
 */
public final class Csv {

    private Csv() {
    }

    /** @return the text as one CSV cell, quoted when needed, formula-looking text neutralised */
    public static String cell(String text) {
        String s = text;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.startsWith("'")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** @return a number in plain decimal notation with up to 4 decimals, never localised */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", v)).stripTrailingZeros().toPlainString();
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
