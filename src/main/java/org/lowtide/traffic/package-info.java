/** Traffic on a regular grid ({@link org.lowtide.traffic.TrafficSeries}) and intervals of time. JDK only. */
package org.lowtide.traffic;
