package org.lowtide.cost;

import java.util.Objects;

/**
 * One input of the cost model with its unit and its source, so that a report can list every
 * assumption next to the numbers it produced.
 *
 * @param key    a stable machine name, e.g. {@code changeFailureRate}
 * @param label  a human name, e.g. {@code "Change failure rate"}
 * @param value  the value
 * @param unit   the unit in words, e.g. {@code "fraction of changes"} or {@code "USD per minute"}
 * @param source where the value comes from
 * @param <T>    the value's type
 */
public record Assumption<T>(String key, String label, T value, String unit, Source source) {

    public Assumption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }

    /** @return the same assumption with a new value typed in by the user */
    public Assumption<T> withUserValue(T newValue) {
        return new Assumption<>(key, label, newValue, unit, Source.user());
    }

    /** @return the same assumption with a new value and source */
    public Assumption<T> with(T newValue, Source newSource) {
        return new Assumption<>(key, label, newValue, unit, newSource);
    }
}
