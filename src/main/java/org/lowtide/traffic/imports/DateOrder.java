package org.lowtide.traffic.imports;

import java.util.Locale;

/** The order of day, month and year in dates such as {@code 01/02/2025}. */
public enum DateOrder {
    /** Day first: {@code 31.12.2025}, {@code 31/12/2025} (most of the world). */
    DMY,
    /** Month first: {@code 12/31/2025} (United States). */
    MDY,
    /** Year first: {@code 25/12/31} (ISO order with a two-digit year). */
    YMD;

    /** @return the option value, e.g. {@code "dmy"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return e.g. "day/month/year" */
    public String words() {
        switch (this) {
            case DMY:
                return "day/month/year";
            case MDY:
                return "month/day/year";
            default:
                return "year/month/day";
        }
    }
}
