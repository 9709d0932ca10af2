/** Patterns in traffic: the weekly profile and its troughs (later: periods, STL/MSTL, anomalies, forecast). */
package org.lowtide.analysis;
