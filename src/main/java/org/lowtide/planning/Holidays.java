package org.lowtide.planning;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Public holidays from Jollyday's calendars, by ISO country code and optional region. */
public final class Holidays {

    private Holidays() {
    }

    /**
     * Checks that a calendar exists for {@code countryRegion}, before any data is read, so that a
     * misspelt code is refused as an option (not as a problem with the data).
     *
     * @throws IllegalArgumentException when Jollyday has no calendar for the country
     */
    public static void requireCalendar(String countryRegion) {
        calendar(countryRegion);
    }

    private static HolidayCalendar calendar(String countryRegion) {
        String country = countryRegion.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (HolidayCalendar c : HolidayCalendar.values()) {
            if (c.getId().equalsIgnoreCase(country)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no holiday calendar for '" + countryRegion
                + "'; use an ISO country code such as DE, US, GB, FR (optionally with a region: DE-BY, US-NY)");
    }

    /**
     * @param countryRegion {@code "DE"}, {@code "US-NY"}, {@code "de-by"}: a Jollyday calendar and its
     *                      subdivision
     * @param from          first date (inclusive)
     * @param to            last date (inclusive)
     * @return the public holidays in the range, by date
     * @throws IllegalArgumentException when Jollyday has no calendar for the country
     */
    public static List<Holiday> between(String countryRegion, LocalDate from, LocalDate to) {
        String[] parts = countryRegion.trim().toLowerCase(Locale.ROOT).split("[-_]", 2);
        HolidayCalendar calendar = calendar(countryRegion);
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(calendar));
        String[] region = parts.length > 1 ? new String[] {parts[1]} : new String[0];
        List<Holiday> result = new ArrayList<>();
        for (de.focus_shift.jollyday.core.Holiday h : manager.getHolidays(from, to, region)) {
            if (h.getType() != de.focus_shift.jollyday.core.HolidayType.PUBLIC_HOLIDAY) {
                continue;
            }
            result.add(new Holiday(h.getActualDate(), h.getDescription(Locale.ENGLISH)));
        }
        result.sort(Comparator.comparing(Holiday::date));
        return result;
    }
}
