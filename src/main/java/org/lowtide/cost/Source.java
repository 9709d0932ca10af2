package org.lowtide.cost;

import java.util.Objects;

/**
 * Where an assumption's value comes from, so that every number Lowtide shows can name its
 * origin: the user, the user's data, a published figure, or Lowtide's own default.
 *
 * @param kind     what kind of source
 * @param citation for {@link Kind#PUBLISHED}: the reference (author, title, year, and where it
 *                 was published); for {@link Kind#DEFAULT}: why Lowtide picked the value; for
 *                 {@link Kind#DATA}: what in the data it was computed from; empty for
 *                 {@link Kind#USER}
 */
public record Source(Kind kind, String citation) {

    /** The kinds of source. */
    public enum Kind {
        /** Typed in by the user ("your input"). */
        USER,
        /** Computed from the user's traffic data. */
        DATA,
        /** A published figure; {@link Source#citation()} says which. */
        PUBLISHED,
        /** Lowtide's own choice where no published figure fits; {@link Source#citation()} says why. */
        DEFAULT
    }

    private static final Source USER = new Source(Kind.USER, "");

    public Source {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(citation, "citation");
        if (kind != Kind.USER && citation.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " source must say where it comes from");
        }
    }

    /** @return the user's own input */
    public static Source user() {
        return USER;
    }

    /** @param what what in the data the value was computed from */
    public static Source data(String what) {
        return new Source(Kind.DATA, what);
    }

    /** @param citation the published reference */
    public static Source published(String citation) {
        return new Source(Kind.PUBLISHED, citation);
    }

    /** @param why why Lowtide chose this value */
    public static Source lowtideDefault(String why) {
        return new Source(Kind.DEFAULT, why);
    }

    /** @return one line for a form or a report, e.g. {@code "your input"} or {@code "published: …"} */
    public String describe() {
        switch (kind) {
            case USER:
                return "your input";
            case DATA:
                return "from your data: " + citation;
            case PUBLISHED:
                return "published: " + citation;
            default:
                return "Lowtide default: " + citation;
        }
    }
}
