package org.lowtide.analysis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday and what it did to traffic.
 *
 * @param date      the local date
 * @param name      the holiday's name
 * @param ratio     the day's measured traffic over the weekly profile's expectation for that
 *                  weekday (0.6 = 40 % less traffic); {@code NaN} when the day is not in the
 *                  history or too little of it was measured
 * @param inHistory whether the date lies in the history
 * @param inForecast whether the date lies in the forecast horizon
 */
public record HolidayEffect(LocalDate date, String name, double ratio, boolean inHistory, boolean inForecast) {

    public HolidayEffect {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
