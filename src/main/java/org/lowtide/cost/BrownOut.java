package org.lowtide.cost;

/**
 * Running degraded instead of down: what an hour of brown-out costs next to an hour of outage at
 * the same time, for the users an incident affects.
 *
 * <p>An hour down costs {@code impact · R(t, 60)}; an hour slow costs
 * {@code impact · min(1, elasticity · latency / 100 ms) · R(t, 60)}, the elasticity being the
 * share of revenue lost per 100 ms (Linden's "100 ms ≈ 1 % of sales" by default: see
 * {@link Citations#LINDEN_2006} for how little that figure rests on). Revenue recovered later
 * reduces both alike and is not applied here.
 *
 * @param extraLatencyMs    the extra latency
 * @param lossFraction      share of revenue lost while slow
 * @param hourDownAtMedian  one hour down, starting at the slot of median revenue
 * @param hourSlowAtMedian  one hour slow, starting at the same slot
 * @param hourDownAtPeak    one hour down, starting at the slot of the highest revenue
 * @param hourSlowAtPeak    one hour slow, starting at the same slot
 */
public record BrownOut(double extraLatencyMs, double lossFraction, double hourDownAtMedian, double hourSlowAtMedian,
                       double hourDownAtPeak, double hourSlowAtPeak) {

    /** @return the brown-out comparison for these assumptions on this curve */
    public static BrownOut of(RevenueCurve curve, CostAssumptions a) {
        double latency = a.extraLatencyMs().value();
        double loss = Math.min(1, a.latencyElasticity().value() * latency / 100);
        double impact = a.impact().value();
        double[] perMinute = curve.perMinute();
        int peak = 0;
        for (int s = 1; s < perMinute.length; s++) {
            if (perMinute[s] > perMinute[peak]) {
                peak = s;
            }
        }
        double[] sorted = perMinute.clone();
        java.util.Arrays.sort(sorted);
        double medianValue = sorted[(sorted.length - 1) / 2];
        int median = 0;
        for (int s = 0; s < perMinute.length; s++) {
            if (perMinute[s] == medianValue) {
                median = s;
                break;
            }
        }
        double downMedian = impact * curve.revenueBetween(curve.startOf(median), 60);
        double downPeak = impact * curve.revenueBetween(curve.startOf(peak), 60);
        return new BrownOut(latency, loss, downMedian, loss * downMedian, downPeak, loss * downPeak);
    }
}
