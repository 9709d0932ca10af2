/**
 * The team's own risk: incident and deploy history read from the incident tools' CSV exports, a
 * deploy log or a git repository, and the outages found in the traffic, fitted into the change
 * failure rate and the detection and restore time distributions the cost model uses. No JavaFX.
 */
package org.lowtide.risk;
