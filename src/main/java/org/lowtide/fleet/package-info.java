/**
 * Planning for a fleet (issue #17): the fleet's services and rules (dependency groups, on-call
 * capacity, gaps, blackouts), the fleet file, the per-service candidate windows and the fleet
 * optimiser with its independent checker. Core: no JavaFX, no service, ui or cli.
 */
package org.lowtide.fleet;
