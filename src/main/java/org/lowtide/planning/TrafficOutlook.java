package org.lowtide.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lowtide.analysis.Forecast;
import org.lowtide.analysis.WeeklyProfile;
import org.lowtide.traffic.Interval;

/**
 * The traffic a plan expects at every step of its horizon, and where that expectation comes from.
 *
 * <p>With {@link OutlookChoice#AUTO} the forecast is used only when its backtest beat both the
 * seasonal-naive forecast and the weekly profile (issue 18: a forecast that does not beat repeating
 * the last season has not earned its place).
 *
 * <p>On the steps the patterns forecast reaches (and when the user's {@link OutlookChoice} lets it),
 * the expected traffic is the forecast's mean and the upper value its 80 % interval's upper bound,
 * i.e. its 90th percentile; so the damped trend, the most recent weekly shape and the widening
 * uncertainty of the weeks ahead move the ranking. Elsewhere it is the weekly profile laid over
 * the dates: the median of past weeks per local slot and their 90th percentile. The profile's level
 * at each step is kept too, so a cost model built on the profile can be scaled by
 * {@link #factors()}.
 *
 * @param traffic       expected traffic per step and its upper (p90) value
 * @param lower         the forecast's lower 80 % bound (its 10th percentile) on the forecast's
 *                      steps, {@code NaN} elsewhere
 * @param profileLevel  the weekly profile's median at each step, {@code NaN} where the slot had no data
 * @param peak          the weekly peak each step is measured against for the p90 limit: the
 *                      profile's peak, or on forecast steps the peak of the forecast's week
 * @param forecastFrom  first step that uses the forecast
 * @param forecastTo    end (exclusive) of the steps that use the forecast; equal to
 *                      {@code forecastFrom} when none do
 * @param choice        what the user asked for
 * @param note          in words: what the ranking stands on, and why
 */
public record TrafficOutlook(Outlook traffic, double[] lower, double[] profileLevel, double[] peak, int forecastFrom,
                             int forecastTo, OutlookChoice choice, String note) {

    /** How far past the end of the data the forecast is taken (and trusted) for planning. */
    public static final int REACH_WEEKS = 26;

    public TrafficOutlook {
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(note, "note");
        if (lower.length != traffic.size() || profileLevel.length != traffic.size() || peak.length != traffic.size()) {
            throw new IllegalArgumentException("need a lower bound, a profile level and a peak per step");
        }
        if (forecastFrom < 0 || forecastTo < forecastFrom || forecastTo > traffic.size()) {
            throw new IllegalArgumentException("the forecast's steps must lie in the horizon");
        }
        lower = lower.clone();
        profileLevel = profileLevel.clone();
        peak = peak.clone();
    }

    /** @return the same outlook with another note */
    public TrafficOutlook withNote(String newNote) {
        return new TrafficOutlook(traffic, lower, profileLevel, peak, forecastFrom, forecastTo, choice, newNote);
    }

    /**
     * @return the expected traffic summed over the steps of {@code window} (steps outside the
     *         horizon count nothing)
     */
    public double trafficOver(Interval window) {
        long step = traffic.step().getSeconds();
        long t0 = traffic.start().getEpochSecond();
        double sum = 0;
        for (long t = window.start().getEpochSecond(); t < window.end().getEpochSecond(); t += step) {
            int i = (int) Math.floorDiv(t - t0, step);
            if (i >= 0 && i < traffic.size() && !Double.isNaN(traffic.expectedAt(i))) {
                sum += traffic.expectedAt(i);
            }
        }
        return sum;
    }

    /** @return whether the step at {@code instant} uses the forecast */
    public boolean forecastAt(Instant instant) {
        long i = Math.floorDiv(instant.getEpochSecond() - traffic.start().getEpochSecond(),
                traffic.step().getSeconds());
        return i >= forecastFrom && i < forecastTo;
    }

    /**
     * The same outlook with public holidays' measured effect on the forecast's steps: every step of
     * a listed local day is scaled by that day's ratio (the holiday's traffic over a normal day's,
     * measured on the same holiday in the history). The forecast repeats ordinary weeks and knows no
     * holidays; the weekly profile's steps are left as they are (a median of past weeks, one holiday
     * among them barely moves it, and there is no trend to correct).
     *
     * @param ratios    ratio by local date
     * @param zone      the zone whose local days the dates are
     * @param described the holidays applied, in words, for the note
     */
    public TrafficOutlook withHolidayEffects(Map<LocalDate, Double> ratios, ZoneId zone, String described) {
        if (ratios.isEmpty() || !usesForecast()) {
            return this;
        }
        double[] expected = traffic.expected();
        double[] upper = traffic.upper();
        double[] low = lower.clone();
        boolean any = false;
        for (int i = forecastFrom; i < forecastTo; i++) {
            Double ratio = ratios.get(traffic.timeAt(i).atZone(zone).toLocalDate());
            if (ratio != null && Double.isFinite(ratio) && ratio >= 0) {
                expected[i] *= ratio;
                upper[i] *= ratio;
                low[i] *= ratio;
                any = true;
            }
        }
        if (!any) {
            return this;
        }
        Outlook scaled = new Outlook(traffic.start(), traffic.step(), expected, upper, traffic.unit(), traffic.kind());
        return new TrafficOutlook(scaled, low, profileLevel, peak, forecastFrom, forecastTo, choice,
                note + "; measured holiday effects applied: " + described);
    }

    /** @return whether any step uses the forecast */
    public boolean usesForecast() {
        return forecastTo > forecastFrom;
    }

    /** @return the instants whose steps use the forecast, when any do */
    public Optional<Interval> forecastSpan() {
        return usesForecast() ? Optional.of(new Interval(traffic.timeAt(forecastFrom), traffic.timeAt(forecastTo)))
                : Optional.empty();
    }

    /**
     * @return per step, expected traffic over the profile's level: 1 off the forecast's steps and
     *         where the profile has no level
     */
    public double[] factors() {
        double[] f = new double[traffic.size()];
        Arrays.fill(f, 1);
        for (int i = forecastFrom; i < forecastTo; i++) {
            double p = profileLevel[i];
            double e = traffic.expectedAt(i);
            if (p > 0 && !Double.isNaN(e)) {
                f[i] = e / p;
            }
        }
        return f;
    }

    /** @return per step, the upper (p90) value over the expected one (1 where that is undefined) */
    public double[] upperRatios() {
        double[] r = new double[traffic.size()];
        for (int i = 0; i < r.length; i++) {
            double e = traffic.expectedAt(i);
            double u = traffic.upperAt(i);
            r[i] = e > 0 && !Double.isNaN(u) ? u / e : 1;
        }
        return r;
    }

    /** @return per step, the p90 traffic as a share of the week's peak (for the p90 limit) */
    public double[] p90ShareOfPeak() {
        double[] share = new double[traffic.size()];
        for (int i = 0; i < share.length; i++) {
            double u = traffic.upperAt(i);
            share[i] = peak[i] > 0 && !Double.isNaN(u) ? u / peak[i] : 0;
        }
        return share;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] profileLevel() {
        return profileLevel.clone();
    }

    @Override
    public double[] peak() {
        return peak.clone();
    }

    /**
     * Builds the outlook of a horizon.
     *
     * @param profile  the weekly profile (its slot is the outlook's step)
     * @param forecast the patterns forecast, when there is one
     * @param choice   whether the forecast may be used
     * @param from     first instant of the horizon
     * @param to       end of the horizon (rounded up to a whole step)
     * @param unit     the traffic's unit
     */
    public static TrafficOutlook of(WeeklyProfile profile, Optional<Forecast> forecast, OutlookChoice choice,
                                    Instant from, Instant to, String unit) {
        Outlook profiled = Outlooks.fromProfile(profile, profile.upper(), from, to, unit);
        int n = profiled.size();
        double[] level = profiled.expected();
        double[] peaks = new double[n];
        Arrays.fill(peaks, profile.peak());
        ZoneId zone = profile.slots().zone();
        if (choice == OutlookChoice.PROFILE) {
            return onProfile(profiled, peaks, choice,
                    "ranked on the weekly profile (median of past weeks), as asked");
        }
        if (forecast.isEmpty() || forecast.get().size() == 0) {
            return onProfile(profiled, peaks, choice,
                    "ranked on the weekly profile: the data gave no forecast");
        }
        Forecast f = forecast.get();
        Optional<Forecast.Backtest> bt = f.backtest();
        if (choice == OutlookChoice.AUTO && bt.isEmpty()) {
            return onProfile(profiled, peaks, choice,
                    "ranked on the weekly profile: the history was too short to backtest the forecast "
                            + "(asking for the forecast outlook uses it anyway)");
        }
        if (choice == OutlookChoice.AUTO && !bt.get().beatNaive()) {
            return onProfile(profiled, peaks, choice, String.format(java.util.Locale.ROOT,
                    "ranked on the weekly profile: in the backtest the forecast (%s) did not beat repeating "
                            + "the last season (MASE %.2f against %.2f)",
                    org.lowtide.analysis.ForecastSelection.describe(f.method()), bt.get().mase(),
                    bt.get().naiveMase()));
        }
        if (choice == OutlookChoice.AUTO && bt.get().mase() > reference(bt.get())) {
            return onProfile(profiled, peaks, choice, String.format(java.util.Locale.ROOT,
                    "ranked on the weekly profile: in the backtest the forecast missed by more than %s "
                            + "(MASE %.2f against %.2f)", referenceName(bt.get()), bt.get().mase(),
                    reference(bt.get())));
        }
        Instant forecastEnd = f.timeAt(f.size());
        long step = profiled.step().getSeconds();
        long fStart = f.start().getEpochSecond();
        long fEnd = forecastEnd.getEpochSecond();
        long t0 = from.getEpochSecond();
        // Steps wholly inside the forecast's span.
        int first = (int) Math.max(0, Math.min(n, ceilDiv(fStart - t0, step)));
        int end = (int) Math.max(first, Math.min(n, Math.floorDiv(fEnd - t0, step)));
        if (end == first) {
            // Both ends are exclusive: name the day of the last step.
            LocalDate dataEnd = f.start().minusSeconds(1).atZone(zone).toLocalDate();
            String why = !from.isBefore(forecastEnd)
                    ? "the data ends " + dataEnd + " and the forecast reaches "
                            + forecastEnd.minusSeconds(1).atZone(zone).toLocalDate() + ", before the horizon starts"
                    : "the horizon ends before the data does (" + dataEnd + ")";
            return onProfile(profiled, peaks, choice, "ranked on the weekly profile: " + why);
        }
        double[] expected = profiled.expected();
        double[] upper = profiled.upper();
        double[] mean = f.mean();
        double[] high = f.upper80();
        double[] low = f.lower80();
        double[] lowerBound = nan(n);
        long fStep = Math.max(1, f.step().getSeconds());
        for (int i = first; i < end; i++) {
            long a = t0 + i * step;
            double m = average(mean, fStart, fStep, a, a + step);
            double u = average(high, fStart, fStep, a, a + step);
            expected[i] = Math.max(0, m);
            upper[i] = Math.max(expected[i], u);
            lowerBound[i] = Math.min(expected[i], average(low, fStart, fStep, a, a + step));
        }
        // The p90 limit measures against the peak of the forecast's own week there: a growing
        // service's quiet hour is measured against its grown peak.
        long week = Duration.ofDays(7).getSeconds();
        int weeks = (int) ceilDiv(fEnd - fStart, week);
        double[] weekPeak = new double[weeks];
        for (int j = 0; j < mean.length; j++) {
            int w = (int) ((j * fStep) / week);
            weekPeak[w] = Math.max(weekPeak[w], mean[j]);
        }
        for (int i = first; i < end; i++) {
            int w = (int) Math.min(weeks - 1, (t0 + i * step - fStart) / week);
            peaks[i] = weekPeak[w];
        }
        Outlook traffic = new Outlook(from, profiled.step(), expected, upper, unit, Outlook.Kind.AT_STAKE);
        Instant spanEnd = traffic.timeAt(end);
        String basis = bt.map(b -> String.format(java.util.Locale.ROOT, " (backtest MASE %.2f against %.2f for "
                + "%s and %.2f for repeating the last season; method: %s)", b.mase(), reference(b), referenceName(b),
                b.naiveMase(), org.lowtide.analysis.ForecastSelection.describe(f.method())))
                .orElse(" (not backtested: short history)");
        String note = "ranked on the forecast" + basis;
        if (first > 0 || end < n) {
            note += " from " + traffic.timeAt(first).atZone(zone).toLocalDate() + " to "
                    + spanEnd.atZone(zone).toLocalDate() + ", on the weekly profile "
                    + (first > 0 ? "before, where the data still runs" : "")
                    + (first > 0 && end < n ? ", and " : "")
                    + (end < n ? "after, where the forecast ends (it reaches " + REACH_WEEKS
                    + " weeks past the data at most)" : "");
        }
        return new TrafficOutlook(traffic, lowerBound, level, peaks, first, end, choice, note);
    }

    /** The outlook of the weekly profile alone, with why. */
    private static TrafficOutlook onProfile(Outlook profiled, double[] peaks, OutlookChoice choice, String note) {
        return new TrafficOutlook(profiled, nan(profiled.size()), profiled.expected(), peaks, 0, 0, choice, note);
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** What the forecast must beat: the weekly profile's backtest score, else seasonal naive's. */
    private static double reference(Forecast.Backtest b) {
        return Double.isNaN(b.profileMase()) ? b.naiveMase() : b.profileMase();
    }

    private static String referenceName(Forecast.Backtest b) {
        return Double.isNaN(b.profileMase()) ? "repeating the last week" : "the weekly profile";
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The time-weighted mean of a gridded series over {@code [a, b)} (seconds). */
    private static double average(double[] values, long start, long step, long a, long b) {
        int j = (int) Math.floorDiv(a - start, step);
        double sum = 0;
        long covered = 0;
        for (; j < values.length; j++) {
            long s = start + j * step;
            if (s >= b) {
                break;
            }
            long overlap = Math.min(b, s + step) - Math.max(a, s);
            if (overlap > 0 && !Double.isNaN(values[j])) {
                sum += values[j] * overlap;
                covered += overlap;
            }
        }
        return covered == 0 ? Double.NaN : sum / covered;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficOutlook other && traffic.equals(other.traffic) && Arrays.equals(lower, other.lower)
                && Arrays.equals(profileLevel, other.profileLevel) && Arrays.equals(peak, other.peak)
                && forecastFrom == other.forecastFrom && forecastTo == other.forecastTo && choice == other.choice
                && note.equals(other.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traffic, Arrays.hashCode(lower), Arrays.hashCode(profileLevel), Arrays.hashCode(peak), forecastFrom, forecastTo,
                choice, note);
    }
}
