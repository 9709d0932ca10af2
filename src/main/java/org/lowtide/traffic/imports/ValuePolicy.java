package org.lowtide.traffic.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowtide.traffic.TrafficSeries;

/**
 * One policy for impossible values, applied where every import ends, so that analysis, cost and
 * planning all see the same series (issue #14):
 * <ul>
 *   <li>an infinite value, or one beyond {@link #MAX_VALUE} per step, is not a measurement: it
 *       becomes missing, with one warning naming how many and the first time;</li>
 *   <li>a negative value is kept by the import (a signed gauge, such as a temperature, is a real
 *       measurement and {@code import} describes it as it is) with a warning; analysis, cost and
 *       planning, which need traffic, treat it as missing ({@link #negativesAsMissing});</li>
 *   <li>when impossible values are the majority of what was measured, or every measured value is
 *       zero, the data is refused with a message: there is no traffic to analyse, and a share of a
 *       zero peak has no meaning.</li>
 * </ul>
 * Downstream code can then rely on finite values in [0, {@link #MAX_VALUE}]: sums over ten
 * million steps stay far from overflow and no NaN or Infinity reaches an output.
 */
public final class ValuePolicy {

    /** The largest value per step accepted: 10^15 (a petabit per step; real links are far below). */
    static final double MAX_VALUE = 1e15;

    private ValuePolicy() {
    }

    static TrafficSeries apply(TrafficSeries series, String source, Warnings warnings) throws ImportException {
        // Read in place; the values are copied only when one must change (ten million values are 80 MB).
        int measured = 0;
        int negative = 0;
        int tooLarge = 0;
        int zero = 0;
        int firstNegative = -1;
        int firstTooLarge = -1;
        for (int i = 0; i < series.size(); i++) {
            double x = series.valueAt(i);
            if (Double.isNaN(x)) {
                continue;
            }
            measured++;
            if (Math.abs(x) > MAX_VALUE) {
                tooLarge++;
                firstTooLarge = firstTooLarge < 0 ? i : firstTooLarge;
            } else if (x < 0) {
                negative++;
                firstNegative = firstNegative < 0 ? i : firstNegative;
            } else if (x == 0) {
                zero++;
            }
        }
        if (measured == 0) {
            return series; // an all-missing series is the readers' and the analysis' matter
        }
        if (tooLarge * 2 > measured) {
            throw new ImportException(source, 0, 0, String.format(Locale.ROOT,
                    "%d of %d measured values are infinite or beyond 10^15 per step: these are not measurements",
                    tooLarge, measured));
        }
        if (zero == measured - tooLarge) {
            throw new ImportException(source, 0, 0, "every measured value is zero: there is no traffic to analyse "
                    + "(a stopped collector?)");
        }
        if (tooLarge > 0) {
            warnings.addFile(String.format(Locale.ROOT, "%d %s infinite or beyond 10^15 per step treated as missing "
                    + "(not a real level); the first at %s", tooLarge, tooLarge == 1 ? "value" : "values",
                    series.timeAt(firstTooLarge)));
        }
        if (negative > 0) {
            warnings.addFile(String.format(Locale.ROOT, "%d negative %s (the first at %s): traffic cannot be negative, "
                    + "so analysis, cost and planning treat %s as missing", negative, negative == 1 ? "value" : "values",
                    series.timeAt(firstNegative), negative == 1 ? "it" : "them"));
        }
        if (tooLarge == 0) {
            return series;
        }
        double[] v = series.values();
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) > MAX_VALUE) { // NaN compares false: stays missing
                v[i] = Double.NaN;
            }
        }
        return TrafficSeries.adopt(series.name(), series.start(), series.step(), v, series.zone(), series.unit());
    }

    /**
     * The series as traffic: negative values become missing (the import warned of them); refused
     * when they are the majority of what was measured.
     *
     * @throws ImportException when most measured values are negative
     */
    public static ImportResult negativesAsMissing(ImportResult imported) throws ImportException {
        TrafficSeries series = imported.series();
        int measured = 0;
        int negative = 0;
        for (int i = 0; i < series.size(); i++) { // in place: copied below only when a value changes
            double x = series.valueAt(i);
            if (Double.isNaN(x)) {
                continue;
            }
            measured++;
            if (x < 0) {
                negative++;
            }
        }
        if (negative == 0) {
            return imported;
        }
        if (negative * 2 >= measured) {
            throw new ImportException(imported.source().name(), 0, 0, String.format(Locale.ROOT,
                    "%d of %d measured values are negative: this is not traffic (a count or rate from 0 up); "
                            + "choose another column with --column", negative, measured));
        }
        double[] v = series.values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                v[i] = Double.NaN;
            }
        }
        TrafficSeries repaired = TrafficSeries.adopt(series.name(), series.start(), series.step(), v, series.zone(),
                series.unit());
        return new ImportResult(repaired, imported.source(), imported.warnings(), imported.details());
    }
}
