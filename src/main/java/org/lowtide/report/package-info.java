/** Report model and charts (JFreeChart, headless-safe); later PDF/PNG/SVG/CSV writers (issue #7). */
package org.lowtide.report;
