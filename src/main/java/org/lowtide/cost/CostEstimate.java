package org.lowtide.cost;

import java.util.Currency;
import java.util.Objects;

/**
 * The cost of one change started at a given time, from a Monte Carlo run, with the closed-form
 * mean it must agree with.
 *
 * @param mean               mean cost over the simulated changes
 * @param standardError      standard error of that mean (sample standard deviation / √n)
 * @param exactMean          the closed-form expected cost
 * @param p50                median cost
 * @param p90                90th percentile
 * @param p99                99th percentile
 * @param failureProbability share of the simulated changes that failed
 * @param simulations        how many changes were simulated
 * @param currency           the currency of every amount
 */
public record CostEstimate(double mean, double standardError, double exactMean, double p50, double p90, double p99,
                           double failureProbability, int simulations, Currency currency) {

    public CostEstimate {
        Objects.requireNonNull(currency, "currency");
        if (simulations < 1) {
            throw new IllegalArgumentException("a cost estimate rests on at least one simulated change");
        }
    }
}
