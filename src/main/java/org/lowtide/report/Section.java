package org.lowtide.report;

/** The parts of a report, in the order they are printed. */
public enum Section {
    /** One page: the recommendation, what it saves, how sure we are, and the chart that shows why. */
    SUMMARY("Executive summary"),
    /** Traffic over time with outages, the typical week with its troughs, the horizon's forecast. */
    PATTERN("The pattern behind it"),
    /** Money per minute over the week, the cost distribution of a change, the k/h scenarios. */
    MONEY("The money"),
    /** The dated windows with reasons, blackouts and holidays. */
    PLAN("The plan"),
    /** Every input with its value and source, and the method. */
    ASSUMPTIONS("Assumptions and sources");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    /** @return the heading printed for the section */
    public String title() {
        return title;
    }
}
