package org.lowtide.announce;

import java.util.Objects;

/**
 * One thing announcing did, or would do in a dry run.
 *
 * @param target what was talked to ("Alertmanager http://am:9093")
 * @param key    the window's key
 * @param kind   what happened
 * @param id     the id concerned (empty for a create in a dry run)
 * @param detail the window, in words
 */
public record SyncAction(String target, String key, Kind kind, String id, String detail) {

    /** What happened to one window's announcement. */
    public enum Kind {
        CREATED("created"), UPDATED("updated"), UNCHANGED("unchanged"), REMOVED("expired/removed");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public SyncAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detail, "detail");
    }
}
