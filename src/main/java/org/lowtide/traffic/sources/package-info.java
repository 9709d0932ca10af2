/**
 * Live traffic sources beside the file importer: Prometheus (and servers that answer its HTTP
 * API: Thanos, Mimir, VictoriaMetrics) read over {@code /api/v1/query_range}, giving the same
 * {@link org.lowtide.traffic.imports.ImportResult} as a file. No JavaFX.
 */
package org.lowtide.traffic.sources;
