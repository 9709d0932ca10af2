package org.lowtide.traffic.imports;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a series counts things per interval (values on one step are summed) or measures
 * a level or rate (averaged). In order: the user's choice; what the format states (CloudWatch's
 * {@code Sum} vs {@code Average}); a name that reads as a level or rate ({@code cpu}, {@code
 * percent}, {@code latency}, {@code _per_second}, …); values with fractions (a count has none);
 * otherwise a count.
 */
final class KindDetector {

    /** The decision and why, for the summary. */
    record Decision(MetricKind kind, String reason) {
    }

    /** Words that start a name or follow a non-letter, so that "download" is not "load". */
    private static final Pattern GAUGE_NAME = Pattern.compile("(^|[^a-z])(up($|\\{)|percent|pct|ratio|utili[sz]|cpu|load"
            + "|memory|mem|temp|latency|duration|response.?time|avg|average|mean|rate|per.?sec|qps|rps|gauge|idle"
            + "|used|free|quantile|p(50|90|95|99)([^0-9]|$)|level|speed|bps$|seconds$|ms$|max|min|maximum|minimum)");
    private static final Pattern COUNT_NAME = Pattern.compile(
            "(_total$|_count$|count|requests?|hits|sessions|visits|views|users|orders|calls|transactions|events"
            + "|errors|tweets|passengers|pedestrians|clicks|sales|messages|packets|bytes|bits)");

    private KindDetector() {
    }

    static Decision decide(Optional<MetricKind> chosen, SeriesData first) {
        if (chosen.isPresent()) {
            return new Decision(chosen.get(), "chosen with --kind");
        }
        if (first.kindHint.isPresent()) {
            return new Decision(first.kindHint.get(), first.kindHintReason);
        }
        String name = first.name.toLowerCase(Locale.ROOT);
        if (GAUGE_NAME.matcher(name).find()) {
            return new Decision(MetricKind.GAUGE, "the name '" + first.name + "' reads as a level or rate");
        }
        long finite = 0;
        long whole = 0;
        for (int i = 0; i < first.size; i++) {
            double v = first.values[i];
            if (!Double.isNaN(v)) {
                finite++;
                if (v == Math.rint(v)) {
                    whole++;
                }
            }
        }
        if (finite > 0 && whole < 0.99 * finite) {
            return new Decision(MetricKind.GAUGE, "values have fractions (a level, rate or average)");
        }
        if (COUNT_NAME.matcher(name).find()) {
            return new Decision(MetricKind.COUNT, "the name '" + first.name + "' reads as a count, and values are whole");
        }
        return new Decision(MetricKind.COUNT, "every value is a whole number");
    }
}
