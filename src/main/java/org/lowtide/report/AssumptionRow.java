package org.lowtide.report;

import java.util.Objects;

/**
 * One line of the report's assumptions table.
 *
 * @param group  the part of the model it feeds, e.g. "Data", "Plan", "Cost"
 * @param name   the input, e.g. "Change failure rate"
 * @param value  its value in words, e.g. "15 %"
 * @param source where it comes from: "your input", "from your data: …", "published: …" or
 *               "Lowtide default: …"
 */
public record AssumptionRow(String group, String name, String value, String source) {

    public AssumptionRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
