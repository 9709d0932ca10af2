/**
 * Announcing planned windows where alerts are quieted and customers are told: Alertmanager
 * silences (amtool JSON and the v2 API), PagerDuty maintenance windows, Atlassian Statuspage
 * scheduled incidents and a plain Markdown/HTML announcement. No JavaFX; the faces reach it through
 * {@code service.AnnounceService}.
 */
package org.lowtide.announce;
