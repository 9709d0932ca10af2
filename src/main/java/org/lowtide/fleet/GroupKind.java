package org.lowtide.fleet;

import java.util.Locale;

/** What a dependency group asks of its members' changes. */
public enum GroupKind {
    /** No two members change at overlapping times (window plus rollback tail): a database and its users. */
    NEVER_TOGETHER("never-together"),
    /** All members change at the same start: two halves of one release. */
    ALWAYS_TOGETHER("always-together");

    private final String label;

    GroupKind(String label) {
        this.label = label;
    }

    /** @return the name written in fleet files, {@code never-together} or {@code always-together} */
    public String label() {
        return label;
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static GroupKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (GroupKind k : values()) {
            if (k.label.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("a group is never-together or always-together, not '" + text + "'");
    }
}
