package org.lowtide.planning;

/** What a public holiday means for change windows. */
public enum HolidayPolicy {
    /** No change on a holiday: most staff are off, and holiday traffic is unlike any other day's. */
    BLACKOUT,
    /** Holidays are ordinary days for planning (they are still flagged). */
    ALLOWED
}
