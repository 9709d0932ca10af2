package org.lowtide.planning;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday on a local date.
 *
 * @param date the date it is observed on
 * @param name its name, e.g. "Christmas Day"
 */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
