/**
 * Reading traffic files: one reader per format, results with warnings by line, fatal problems as
 * {@link org.lowtide.traffic.imports.ImportException} naming file, line and column.
 */
package org.lowtide.traffic.imports;
