/**
 * Constraints (staff hours, blackouts, holidays), dated window search and ranking, schedule exports
 * (issue #6). Core: no JavaFX, no service, ui or cli.
 */
package org.lowtide.planning;
