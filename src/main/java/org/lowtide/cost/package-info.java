/**
 * Revenue per minute over time, change risk, Monte Carlo, k/h scenarios, error budget (issue #5).
 * Core: no JavaFX, no service, ui or cli.
 */
package org.lowtide.cost;
