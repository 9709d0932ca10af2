package org.lowtide.ui.imports;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The importer's warnings name the command line's options; in the import dialog they name its
 * controls instead (issue 13). One rule per option, most specific first.
 */
final class DialogWording {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            rule("give --label-column (\\S+)", "set column '$1' to 'series key' under Columns"),
            rule("give --no-labels", "set those columns to 'attribute' under Columns"),
            rule("name the time columns with --time-column, once per column in order \\(date, then time\\)",
                    "set the time-of-day column to 'time' under Columns"),
            rule("check the time columns \\(--time-column\\)", "check the 'time' columns under Columns"),
            rule("name the time columns with --time-column", "set the time columns to 'time' under Columns"),
            rule("--time-column", "the 'time' role under Columns"),
            rule("\\(choose with --series NAME, or add them up with --sum\\)",
                    "(tick another under Series, or several with Add up)"),
            rule("\\(or add the series up with --sum\\)", "(or tick several series with Add up)"),
            rule("choose another with --(value-)?column", "set another column to 'value' under Columns"),
            rule("give --date-order (dmy|mdy|ymd) or (dmy|mdy|ymd)", "choose the Date order"),
            rule("give --date-order (\\w+)", "choose the Date order"),
            rule("--sum", "Add up"),
            rule("--series NAME", "the Series list"),
            rule("--step", "the Step"),
            rule("--kind", "the Metric kind"),
            rule("--zone", "the Time zone"),
            rule("--(value-)?column", "the 'value' role under Columns"));

    private DialogWording() {
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    /** @return the message with every command-line option replaced by the dialog's control */
    static String of(String message) {
        String out = message;
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(rule.replacement())
                    .replace("\\$1", "$1"));
        }
        return out;
    }
}
