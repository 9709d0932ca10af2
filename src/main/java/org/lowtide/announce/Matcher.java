package org.lowtide.announce;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One Alertmanager label matcher, as {@code amtool} writes them: {@code service="shop"},
 * {@code env=~"prod|staging"}, {@code team!="db"}, {@code job!~"test.*"}.
 *
 * @param name  a label name ({@code [a-zA-Z_][a-zA-Z0-9_]*})
 * @param op    how the label's value is compared
 * @param value the value, or a regular expression (anchored, as Alertmanager anchors it)
 */
public record Matcher(String name, Op op, String value) {

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** The comparison; {@code isRegex} and {@code isEqual} as the v2 API writes them. */
    public enum Op {
        EQUAL("=", false, true), NOT_EQUAL("!=", false, false), REGEX("=~", true, true), NOT_REGEX("!~", true, false);

        private final String symbol;
        private final boolean regex;
        private final boolean equal;

        Op(String symbol, boolean regex, boolean equal) {
            this.symbol = symbol;
            this.regex = regex;
            this.equal = equal;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isRegex() {
            return regex;
        }

        public boolean isEqual() {
            return equal;
        }

        /** The operator of the API's two flags. */
        public static Op of(boolean isRegex, boolean isEqual) {
            return isRegex ? (isEqual ? REGEX : NOT_REGEX) : (isEqual ? EQUAL : NOT_EQUAL);
        }
    }

    public Matcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (!LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a label name (letters, digits and _, not"
                    + " starting with a digit)");
        }
        if (op.isRegex()) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the regular expression of " + name + op.symbol() + " cannot be"
                        + " read: " + e.getDescription() + " near position " + e.getIndex());
            }
        }
    }

    /**
     * Reads a matcher as amtool takes it: {@code name="value"}, {@code name=~"re"}, {@code name!="v"},
     * {@code name!~"re"}; the quotes may be left out, and {@code \"} and {@code \\} escape inside them.
     *
     * @throws IllegalArgumentException saying what is wrong, in words
     */
    public static Matcher parse(String text) {
        String t = text.strip();
        int at = -1;
        Op op = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '=' || c == '!') {
                at = i;
                if (c == '!' && i + 1 < t.length() && t.charAt(i + 1) == '=') {
                    op = Op.NOT_EQUAL;
                } else if (c == '!' && i + 1 < t.length() && t.charAt(i + 1) == '~') {
                    op = Op.NOT_REGEX;
                } else if (c == '=' && i + 1 < t.length() && t.charAt(i + 1) == '~') {
                    op = Op.REGEX;
                } else if (c == '=') {
                    op = Op.EQUAL;
                }
                break;
            }
        }
        if (op == null) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher; write label=\"value\", label=~\"regex\","
                    + " label!=\"value\" or label!~\"regex\", such as service=\"shop\"");
        }
        String name = t.substring(0, at).strip();
        String raw = t.substring(at + op.symbol().length()).strip();
        return new Matcher(name, op, unquote(raw, text));
    }

    private static String unquote(String raw, String text) {
        if (!raw.startsWith("\"")) {
            return raw;
        }
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            throw new IllegalArgumentException("'" + text + "': the value's closing quote is missing");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                char next = raw.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else if (c == '"') {
                throw new IllegalArgumentException("'" + text + "': a quote inside the value must be written \\\"");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return whether this matcher holds for a label that is absent (Alertmanager's empty value) */
    public boolean matchesEmpty() {
        switch (op) {
            case EQUAL:
                return value.isEmpty();
            case NOT_EQUAL:
                return !value.isEmpty();
            case REGEX:
                return Pattern.compile(value).matcher("").matches();
            default:
                return !Pattern.compile(value).matcher("").matches();
        }
    }

    /** @return as amtool writes it, e.g. {@code service="shop"} */
    @Override
    public String toString() {
        return name + op.symbol() + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
