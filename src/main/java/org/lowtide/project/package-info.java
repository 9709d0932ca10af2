/**
 * The saved plan file: Jackson DTOs, schema version, migration, atomic save (issue #6).
 * Core: no JavaFX, no service, ui or cli.
 */
package org.lowtide.project;
