package org.lowtide.traffic.imports;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a series counts things per interval (values on one step are summed) or measures
 * a level or rate (averaged). In order: the user's choice; what the format states (CloudWatch's
 * {@code Sum} vs {@code Average}); a unit in the name that is a level or rate ({@code MW}, {@code
 * °C}, {@code %}, {@code ms}, {@code Mbps}, {@code µg/m³}); a name that reads as a level or rate
 * ({@code cpu}, {@code percent}, {@code load}, {@code temperature}, {@code latency}, {@code travel
 * time}, {@code occupancy}, {@code utilization}, {@code _per_second}, …); values that only ever grow
 * (a monotonic counter: a count, whose steps the grid warns about); values with fractions (a count
 * has none); otherwise a count.
 *
 * <p>The kind also settles rows that meet on one step, DST repeats included: when clocks go back,
 * the repeated local hour's two rows are kept apart by row order; rows that still land on one
 * step are summed for a count (two hours of requests are more requests) and averaged for a gauge
 * (two readings of a load are one load, not double it).
 */
final class KindDetector {

    /** The decision and why, for the summary. */
    record Decision(MetricKind kind, String reason) {
    }

    /** Words that start a name or follow a non-letter, so that "download" is not "load". */
    private static final Pattern GAUGE_NAME = Pattern.compile("(^|[^a-z])(up($|\\{)|percent|pct|ratio|utili[sz]|cpu|load"
            + "|memory|mem|temp|latency|duration|response.?time|avg|average|mean|rate|per.?sec|qps|rps|gauge|idle"
            + "|used|free|quantile|p(50|90|95|99)([^0-9]|$)|level|speed|bps$|seconds$|ms$|max|min|maximum|minimum)");
    /** A unit of a level or rate in brackets ("Load (MW)", "latency [ms]") or ending the name ("temp_degC"). */
    private static final Pattern GAUGE_UNIT = Pattern.compile("[(\\[{]\\s*(mw|kw|gw|w|%|°c|°f|c|f|k|ms|s|sec|mbps"
            + "|gbps|kbps|bps|mbit/s|ppm|ppb|µg/m3|µg/m³|ug/m3|hpa|mbar|kph|km/h|mph|m/s|rpm|v|a|hz)\\s*[)\\]}]"
            + "|[ _-](mw|kw|gw|pct|percent|ms|mbps|gbps|kbps|ppm|degc|degf|celsius|fahrenheit|°c|°f|%)$");
    /** Words of levels and rates beyond {@link #GAUGE_NAME}: whole-number loads and travel times are not counts. */
    private static final Pattern GAUGE_WORD = Pattern.compile("(^|[^a-z])(temperature|occupancy|utili[sz]ation"
            + "|humidity|pressure|visibility|dew.?point|wind|pm2\\.?5|pm10|concentration|time|delay|wait|queue"
            + "|depth|backlog|power|voltage|frequency|availability|saturation)"
            + "([^a-z]|$)");
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
        String name = first.name.toLowerCase(Locale.ROOT).trim();
        java.util.regex.Matcher unit = GAUGE_UNIT.matcher(name);
        if (unit.find() && !COUNT_NAME.matcher(name).find()) {
            String u = unit.group(1) != null ? unit.group(1) : unit.group(2);
            return new Decision(MetricKind.GAUGE, "the unit '" + u + "' in the name '" + first.name
                    + "' is a level or rate");
        }
        if (GAUGE_NAME.matcher(name).find() || (GAUGE_WORD.matcher(name).find() && !COUNT_NAME.matcher(name).find())) {
            return new Decision(MetricKind.GAUGE, "the name '" + first.name + "' reads as a level or rate");
        }
        if (monotonic(first)) {
            return new Decision(MetricKind.COUNT, "values only ever grow (a monotonic counter, a count)");
        }
        long finite = 0;
        long whole = 0;
        for (int i = 0; i < first.size; i++) {
            double v = first.value(i);
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

    /** At least 20 values, never falling and rising in most steps: a running total (a counter). */
    private static boolean monotonic(SeriesData data) {
        double previous = Double.NaN;
        int pairs = 0;
        int rising = 0;
        for (int i = 0; i < data.size; i++) {
            double v = data.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (!Double.isNaN(previous)) {
                if (v < previous) {
                    return false;
                }
                pairs++;
                if (v > previous) {
                    rising++;
                }
            }
            previous = v;
        }
        return pairs >= 19 && rising >= 0.8 * pairs && data.sorted;
    }
}
