package org.lowtide.planning;

import java.util.Locale;

/** Which traffic expectation the planner ranks windows on. */
public enum OutlookChoice {
    /**
     * The patterns forecast on the steps it reaches, when its rolling-origin backtest did at least
     * as well as the seasonal-naive forecast; the weekly profile elsewhere.
     */
    AUTO,
    /** The forecast on every step it reaches, whatever its backtest said; the weekly profile elsewhere. */
    FORECAST,
    /** The weekly profile (median of past weeks per local slot, outages masked) on every step. */
    PROFILE;

    /** @return the lower-case name used on the command line and in plan files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code auto}, {@code forecast} or {@code profile} (any case). */
    public static OutlookChoice parse(String text) {
        for (OutlookChoice c : values()) {
            if (c.id().equalsIgnoreCase(text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown traffic outlook '" + text + "'; use auto, forecast or profile");
    }
}
